"""A hospital's own spaCy NER model as the model half of report de-identification.

cxrbuild trains its own model (:mod:`cxrbuild.text.model`); a hospital that
has a spaCy pipeline trained on its own annotated reports may give it instead
(``--model`` or ``ner.model_dir``). Its entity labels are mapped onto ours
(:data:`FOREIGN_LABELS`); an unknown label is still PHI to its model and is
kept, as a name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from cxrbuild.text.categories import LABELS
from cxrbuild.util.digests import tree_digest
from cxrbuild.util.errors import CxrbuildError

LINE_RE = re.compile(r"[^\n]+")

# labels of other NER models (spaCy's OntoNotes scheme, i2b2/n2c2 de-id sets) -> ours
FOREIGN_LABELS = {
    "PERSON": "NAME", "PER": "NAME", "PATIENT": "NAME", "DOCTOR": "NAME", "STAFF": "NAME", "USERNAME": "CONTACT",
    "HCW": "NAME", "NAME": "NAME",
    "DATE": "DATE", "TIME": "TIME",
    "PHONE": "PHONE", "FAX": "PHONE", "PAGER": "PHONE",
    "ID": "ID", "MRN": "ID", "MEDICALRECORD": "ID", "IDNUM": "ID", "SSN": "ID", "ACCOUNT": "ID", "LICENSE": "ID",
    "DEVICE": "ID", "BIOID": "ID", "HEALTHPLAN": "ID", "VEHICLE": "ID",
    "AGE": "AGE",
    "LOCATION": "LOCATION", "LOC": "LOCATION", "GPE": "LOCATION", "FAC": "HOSPITAL", "STREET": "LOCATION",
    "CITY": "LOCATION", "STATE": "LOCATION", "ZIP": "LOCATION", "COUNTRY": "LOCATION", "ROOM": "LOCATION",
    "LOCATION-OTHER": "LOCATION",
    "HOSPITAL": "HOSPITAL", "ORG": "ORGANIZATION", "ORGANIZATION": "ORGANIZATION", "PROFESSION": "ORGANIZATION",
    "CONTACT": "CONTACT", "EMAIL": "CONTACT", "URL": "CONTACT", "IPADDR": "CONTACT", "WEB": "CONTACT",
}


class PhiModel:
    """A spaCy pipeline with an ``ner`` component that returns PHI spans per text."""

    def __init__(self, model_dir: Path, batch_size: int = 256) -> None:
        import spacy

        model_dir = Path(model_dir)
        if not model_dir.is_dir():
            raise CxrbuildError(f"{model_dir}: report NER model directory not found")
        try:
            self.nlp = spacy.load(model_dir)
        except (OSError, ValueError) as err:
            raise CxrbuildError(f"{model_dir}: not a loadable spaCy model ({err})") from err
        if "ner" not in self.nlp.pipe_names:
            raise CxrbuildError(f"{model_dir}: the spaCy model has no 'ner' component")
        # only the ner component (and what it listens to) runs at inference
        self.disabled = [name for name in self.nlp.pipe_names if name not in {"ner", "tok2vec", "transformer"}]
        self.batch_size = batch_size
        self.model_dir = model_dir
        self.digest = tree_digest(model_dir)

    def predict(self, texts: Sequence[str]) -> list[list[tuple[int, int, str]]]:
        # the model reads each line on its own
        lines: list[str] = []
        owners: list[tuple[int, int]] = []
        for number, text in enumerate(texts):
            for line in LINE_RE.finditer(text):
                if line.group(0).strip():
                    lines.append(line.group(0))
                    owners.append((number, line.start()))
        results: list[list[tuple[int, int, str]]] = [[] for _ in texts]
        with self.nlp.select_pipes(disable=self.disabled):
            for doc, (number, offset) in zip(self.nlp.pipe(lines, batch_size=self.batch_size), owners, strict=True):
                for ent in doc.ents:
                    label = ent.label_ if ent.label_ in LABELS else FOREIGN_LABELS.get(ent.label_.upper(), "NAME")
                    results[number].append((offset + ent.start_char, offset + ent.end_char, label))
        return results

