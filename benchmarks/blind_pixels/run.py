"""Run a blind hospital generator of this folder with the repository's own real chest radiograph.

    .venv/bin/python benchmarks/blind_pixels/run.py hospital_c --seed S --n 40 --out DIR

The generators are kept exactly as their author wrote them (who saw neither the
pixel code nor ``synth/``); one of them names the real radiograph it crops by
the path it was written at. This wrapper points that name at
``benchmarks/real_burnin/nhsx_DX_chest_leadmarker.dcm`` of this checkout and
runs the generator's own command line.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REAL_CHEST = HERE.parent / "real_burnin" / "nhsx_DX_chest_leadmarker.dcm"


def main() -> None:
    if len(sys.argv) < 2 or not (HERE / f"{sys.argv[1]}.py").is_file():
        names = ", ".join(sorted(p.stem for p in HERE.glob("hospital_*.py")))
        sys.exit(f"usage: run.py GENERATOR [its options]; generators: {names}")
    generator = HERE / f"{sys.argv[1]}.py"
    sys.argv = [str(generator), *sys.argv[2:]]
    spec = importlib.util.spec_from_file_location(generator.stem, generator)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # defines, runs nothing: the command line is its main()
    if hasattr(module, "REAL_PATH"):
        module.REAL_PATH = str(REAL_CHEST)
    module.main()


if __name__ == "__main__":
    main()
