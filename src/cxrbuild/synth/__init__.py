"""The demo hospital: a synthetic EHR, PACS export and the truth of where its PHI is.

``generate(out_dir, patients=40, seed=0, image_size="small", headers_only=False)``
writes ``out_dir/ehr.sqlite``, ``out_dir/pacs/`` and ``out_dir/truth/`` as
described in docs/synth-truth.md, and returns a :class:`SynthSummary`.
"""

from cxrbuild.synth.build import SynthSummary, generate

__all__ = ["SynthSummary", "generate"]
