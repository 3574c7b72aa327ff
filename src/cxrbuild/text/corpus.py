"""Synthetic annotated radiology reports for training and evaluating the PHI model.

Reports are assembled from sentence templates with slots filled by surrogate
PHI of every kind and surface form (names, dates in many written forms,
times, phone and pager numbers, record numbers, ages over 89, addresses,
hospitals and wards, emails and URLs), around clinical sentences full of the
terms that must survive (eponyms, devices, anatomy, measurements).

The held-out split shares nothing with the training split but the report
layout: its sentence templates, clinical sentences, name lists (a disjoint
partition of Faker's names plus invented names from other syllables),
hospitals, streets and ID formats are all different, so it measures how the
model generalises to reports it has never seen.

Generation is deterministic: the same ``seed`` gives byte-identical files.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from cxrbuild.text.names import faker_person_names
from cxrbuild.util.atomic import atomic_open
from cxrbuild.util.spantext import SpanText

TRAIN = "train"
HELDOUT = "heldout"

# ---------------------------------------------------------------------------
# sentence templates: {SLOT} is filled with surrogate PHI (see Surrogates)

PHI_TEMPLATES: dict[str, list[str]] = {
    TRAIN: [
        "Findings were discussed with Dr. {LAST} by Dr. {LAST} on the telephone on {DATE} at {TIME}, 5 minutes after discovery.",
        "The above findings were communicated by telephone to {FULL}, the covering NP, at {TIME} on {DATE_ANY}.",
        "These findings were d/w Dr. {FULL} at {TIME}.",
        "Dr. {LAST} was paged at {PAGER} and the findings were discussed at {TIME}.",
        "Recommendations were conveyed to {FIRST} {LAST}, RN, via phone at {TIME}.",
        "Notified {FULL}, MD, of the results on {DATE}.",
        "Comparison is made to prior study from {DATE_ANY}.",
        "Comparison: {DATE}, {DATE}.",
        "COMPARISON:  Chest radiograph of {DATE_ANY} and CT from {DATE_ANY}.",
        "Patient is a {AGE}-year-old man with history of CHF.",
        "{AGE} year old woman with shortness of breath.",
        "History: {AGE}F with fever and cough.",
        "MRN: {MRN}   Accession: {ACC}",
        "Accession number {ACC}.",
        "Outside films from {HOSPITAL} dated {DATE} were reviewed.",
        "The patient was transferred from {HOSPITAL} on {DATE_ANY}.",
        "Patient currently on {WARD}, {BED}.",
        "Please call the reading room at {PHONE} with questions.",
        "For questions contact {EMAIL}.",
        "Images are available at {URL}.",
        "Patient address on file: {STREET}, {CITYLINE}.",
        "Electronically signed by: {FULL}, MD on {DATE} {TIME}",
        "Signed: Dr. {FULL}",
        "Dictated by: {FULL}",
        "Attending: {FULL}",
        "Study performed at {HOSPITAL}.",
        "Resident {FIRST} {LAST} reviewed the study with the attending.",
        "Wet read by {FULL} at {TIME} on {DATE_ANY}.",
        "Discussed with {FIRST} from the ICU team at {TIME}.",
        "Spoke with Ms. {LAST} at {PHONE}.",
        "Preliminary report was given to Dr. {LAST} (pager {PAGER}) at {TIME}.",
        "Patient ID {IDNUM} was confirmed at the time of the exam.",
        "Prior exam from {DATE_PART} is not available for comparison.",
        "Since the study of {DATE_PART}, the effusion has decreased.",
        "Portable exam at {TIME} on {DATE}.",
        "SSN {SSN} was used for registration.",
        "{FULL} from {HOSPITAL} called for results.",
    ],
    HELDOUT: [
        "Critical result: {FULL} notified by telephone at {TIME} on {DATE_ANY} by the radiology resident.",
        "I personally spoke with Dr. {LAST} regarding these findings at {TIME}.",
        "Result relayed to {FIRST} {LAST} NP (beeper {PAGER}) on {DATE}.",
        "Findings reviewed with {FULL} of the surgical service, {DATE_ANY}.",
        "The referring physician, Dr. {FIRST} {LAST}, was informed at {TIME}.",
        "Relative to the examination performed {DATE_ANY}, there is no change.",
        "Previous radiographs dated {DATE} and {DATE_PART} were reviewed.",
        "Clinical information: {AGE} yo female, fall.",
        "Age {AGE}. Increasing dyspnea.",
        "Very elderly ({AGE} years) man with hypoxia.",
        "Record # {MRN}; order {ACC}.",
        "Exam number: {ACC}.",
        "Films brought from {HOSPITAL} on {DATE_PART}.",
        "Admitted to {WARD} from the emergency department.",
        "Contact the on-call radiologist at {PHONE} or {EMAIL}.",
        "Report available online: {URL}.",
        "Lives at {STREET}, {CITYLINE}, with daughter.",
        "Read and approved by {FULL}, M.D. {DATE} {TIME}",
        "Radiologist: {FULL}",
        "cc: Dr. {FULL}, {HOSPITAL}",
        "Outside hospital ({HOSPITAL}) CT dated {DATE} was reviewed.",
        "Preliminary interpretation provided to {FULL} at {TIME}.",
        "Case discussed with {FIRST} {LAST} from thoracic surgery.",
        "Paged Dr. {LAST} at {TIME} with the findings; no answer, message left at {PHONE}.",
        "Patient identifier {IDNUM}.",
        "Chest film obtained at {TIME} for line placement.",
        "Prior: {DATE}.",
        "Technologist: {FIRST} {LAST}, RT(R)",
        "The patient's primary physician {FULL} requested comparison with films from {DATE_PART}.",
        "Social security number {SSN} on file.",
    ],
}

# clinical sentences: no PHI, full of the words that must survive
CLINICAL_TEMPLATES: dict[str, list[str]] = {
    TRAIN: [
        "A Swan-Ganz catheter terminates in the right pulmonary artery.",
        "Kerley B lines are present, suggesting interstitial edema.",
        "A Dobbhoff tube courses below the diaphragm with tip in the stomach.",
        "Left-sided Port-A-Cath terminates in the mid SVC.",
        "Chilaiditi sign is again noted beneath the right hemidiaphragm.",
        "Small Morgagni hernia at the right cardiophrenic angle is unchanged.",
        "There is a Bochdalek hernia posteriorly on the left.",
        "Peripheral wedge-shaped opacity may represent a Hampton hump.",
        "No Westermark sign to suggest pulmonary embolism.",
        "The lungs are clear without focal consolidation, effusion or pneumothorax.",
        "Heart size is normal. Mediastinal and hilar contours are unremarkable.",
        "Mild pulmonary vascular congestion without frank edema.",
        "Moderate right and small left pleural effusions with adjacent atelectasis.",
        "Endotracheal tube terminates 4.5 cm above the carina.",
        "Nasogastric tube tip is in the stomach, side port at the GE junction.",
        "Right IJ central venous catheter tip in the cavoatrial junction.",
        "Mass in the right upper lobe measuring 3.2 x 2.8 cm is unchanged.",
        "Compression deformity of T12 and L1 vertebral bodies.",
        "Degenerative changes of the thoracic spine at T4 through T8.",
        "Median sternotomy wires and mediastinal clips are intact.",
        "PA and lateral views of the chest were obtained.",
        "AP portable upright view of the chest.",
        "Cardiomediastinal silhouette is stable with a cardiothoracic ratio of 0.55.",
        "Left PICC line ends in the low SVC.",
        "Dual-lead pacemaker with leads in the right atrium and ventricle.",
        "Hyperinflated lungs consistent with COPD.",
        "Patchy opacity in the lingula could represent pneumonia in the appropriate setting.",
        "Old healed fractures of the left 5th and 6th ribs.",
        "Bibasilar atelectasis is mild.",
        "No free air under the diaphragm.",
        "Osseous structures are intact.",
        "Young patient with fever.",
        "Calcified granuloma in the left lower lobe.",
        "Trace left pleural effusion is new.",
        "Impella device is in expected position.",
        "Mild cardiomegaly is stable.",
        "The 4th anterior rib projects over the nodule.",
    ],
    HELDOUT: [
        "Swan-Ganz catheter has been withdrawn and now ends in the main pulmonary artery.",
        "Scattered Kerley B lines at both bases.",
        "Dobbhoff feeding tube tip projects over the gastric body.",
        "A right chest wall Port-A-Cath has its tip at the cavoatrial junction.",
        "Interposition of colon under the right hemidiaphragm, Chilaiditi, unchanged.",
        "Known Morgagni hernia containing omental fat.",
        "Bochdalek hernia containing fat is again seen.",
        "Pleural-based opacity, possible Hampton hump, in the right lower zone.",
        "Regional oligemia in the left upper zone, a possible Westermark sign.",
        "No acute cardiopulmonary process.",
        "Lung volumes are low, causing crowding of the bronchovascular markings.",
        "The cardiac silhouette is mildly enlarged but unchanged.",
        "Small bilateral effusions layering posteriorly.",
        "The ET tube is 3 cm above the carina and could be advanced 1 cm.",
        "Enteric tube passes into the stomach and out of view.",
        "Left subclavian line tip in the brachiocephalic vein.",
        "A 2.1 cm nodule in the left upper lobe, not significantly changed.",
        "Mild wedge compression of T7 is chronic.",
        "Bridging osteophytes in the mid thoracic spine, T6 to T10.",
        "Sternal wires are aligned; CABG clips overlie the mediastinum.",
        "Frontal and lateral radiographs of the chest.",
        "Single AP semi-upright view.",
        "Heart is top normal with a ratio of 0.51.",
        "PICC from the right arm ends at the cavoatrial junction.",
        "Biventricular ICD with three leads in standard position.",
        "Flattened diaphragms and increased retrosternal clear space.",
        "Retrocardiac opacity may reflect atelectasis or consolidation.",
        "Healed right 7th rib fracture.",
        "Streaky left basilar opacity is likely atelectasis.",
        "Mass effect on the trachea from the enlarged thyroid.",
        "Bones are diffusely demineralized.",
        "Calcified hilar lymph nodes from prior granulomatous disease.",
        "Tiny right apical pneumothorax is unchanged in size.",
        "Gross appearance of the lungs is unchanged.",
        "Kerley A lines are not seen.",
        "Pleurx catheter at the right base.",
    ],
}

# pools for composed clinical sentences ("Patchy opacity at the left base, likely atelectasis.")
FINDING_POOLS: dict[str, dict[str, list[str]]] = {
    TRAIN: {
        "start": ["There is", "There are", "Again seen is", "Redemonstrated is", "Noted is", "", "", ""],
        "degree": ["mild", "moderate", "small", "large", "trace", "patchy", "subtle", "new", "stable", "increased", "decreased", "persistent", "minimal"],
        "finding": ["opacity", "effusion", "atelectasis", "consolidation", "nodule", "pneumothorax", "edema", "scarring", "pleural thickening", "calcification", "Kerley B lines", "interstitial markings"],
        "place": ["at the left base", "in the right upper lobe", "in the lingula", "along the right hemithorax", "in the retrocardiac region", "at the apices", "in the perihilar regions", "at T4", "near the Dobbhoff tube tip", "lateral to the Port-A-Cath"],
        "tail": ["", ", likely atelectasis", ", unchanged from prior", ", which may reflect infection", ", concerning for pneumonia", " with air bronchograms", ", measuring 1.2 cm", ", 4 mm"],
    },
    HELDOUT: {
        "start": ["Seen again is", "Persisting is", "Present is", "Visible is", "", "", ""],
        "degree": ["faint", "extensive", "focal", "diffuse", "residual", "worsening", "improving", "confluent", "streaky", "ill-defined", "dense", "tiny"],
        "finding": ["infiltrate", "haziness", "fluid", "mass", "bronchiectasis", "fibrosis", "lucency", "density", "air-space disease", "reticulation", "septal lines", "Westermark pattern"],
        "place": ["in the left mid lung", "at the right costophrenic angle", "within the superior segment of the left lower lobe", "in the azygoesophageal recess", "projecting over the hilum", "at L1", "beside the Swan-Ganz catheter", "below the Morgagni hernia"],
        "tail": ["", ", probably post-inflammatory", ", not significantly changed", ", possibly aspiration", ", suspicious for malignancy", " without cavitation", ", 2.5 x 1.8 cm", ", grade 2"],
    },
}


def composed_finding(rng: random.Random, split: str) -> str:
    """A clinical sentence composed from the split's word pools (no PHI)."""
    pools = FINDING_POOLS[split]
    start = rng.choice(pools["start"])
    body = f"{rng.choice(pools['degree'])} {rng.choice(pools['finding'])} {rng.choice(pools['place'])}{rng.choice(pools['tail'])}."
    sentence = f"{start} {body}" if start else body
    return sentence[0].upper() + sentence[1:]


INDICATIONS: dict[str, list[str]] = {
    TRAIN: [
        "___ year old woman with cough and fever, evaluate for pneumonia.",
        "History of CHF, now with dyspnea.",
        "Chest pain, rule out acute process.",
        "Status post line placement, assess position.",
        "Intubated patient, evaluate ET tube.",
    ],
    HELDOUT: [
        "___M with hypoxia.",
        "Follow-up pneumothorax after chest tube removal.",
        "Fever and leukocytosis; source?",
        "New NG tube.",
        "Pre-operative evaluation.",
    ],
}

EXAMS = {
    TRAIN: ["CHEST (PA AND LAT)", "CHEST (PORTABLE AP)", "CHEST (PA AND LAT) ___"],
    HELDOUT: ["CHEST RADIOGRAPH, 2 VIEWS", "PORTABLE CHEST, 1 VIEW", "CHEST (SINGLE VIEW)"],
}

# ---------------------------------------------------------------------------
# surrogate values

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

SYLLABLES = {
    TRAIN: ["ka", "lor", "mi", "dan", "ve", "tro", "sel", "bar", "qui", "ne", "zar", "to", "ril", "pha", "gon", "lu"],
    HELDOUT: ["bre", "wen", "ost", "iv", "cha", "mur", "dal", "es", "fi", "nob", "yar", "tem", "ush", "plo", "ak", "sim"],
}
HOSPITAL_PATTERNS = {
    TRAIN: ["{place} Hospital", "{place} Medical Center", "St. {first}'s Hospital", "{place} General Hospital", "{last} Memorial Hospital", "{place} Clinic"],
    HELDOUT: ["{place} Regional Medical Center", "Hospital of {place}", "{last} Community Hospital", "{place} Infirmary", "Saint {first} Health Center", "{place} University Hospital"],
}
WARD_PATTERNS = {
    TRAIN: ["Farr {n}", "{last} {n}", "Ward {n}{letter}", "{last} {n}{letter}"],
    HELDOUT: ["{last} {n} North", "Unit {n}{letter}", "{last} {n}", "Ward {letter}{n}"],
}
STREET_TYPES = {
    TRAIN: ["Street", "St.", "Avenue", "Road", "Lane", "Drive"],
    HELDOUT: ["Ave", "Rd", "Boulevard", "Court", "Place", "Way", "Terrace"],
}
FAKER_LOCALE = {TRAIN: "en_US", HELDOUT: "en_GB"}
EMAIL_DOMAINS = {TRAIN: ["hospital.org", "medctr.edu", "mail.com"], HELDOUT: ["health.net", "clinic.co.uk", "rad.example.org"]}
US_STATES = ["MA", "NY", "CA", "TX", "IL", "PA", "OH", "GA", "NC", "MI", "WA", "AZ"]


def _split_of(name: str) -> str:
    # a fixed partition of the name lists: one fifth is only ever seen in held-out reports
    return HELDOUT if zlib.crc32(name.encode("utf-8")) % 5 == 0 else TRAIN


@dataclass
class Surrogates:
    """Random surrogate PHI of one split, each slot with its label."""

    rng: random.Random
    split: str
    first_names: list[str] = field(default_factory=list)
    last_names: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        from faker import Faker

        first, last = faker_person_names()
        self.first_names = sorted(n for n in first if _split_of(n) == self.split and len(n) >= 3)
        self.last_names = sorted(n for n in last if _split_of(n) == self.split and len(n) >= 3)
        self.faker = Faker(FAKER_LOCALE[self.split])
        self.faker.seed_instance(self.rng.randrange(2**31))

    # -- names ---------------------------------------------------------------
    def _invented(self) -> str:
        parts = self.rng.randint(2, 3)
        return "".join(self.rng.choice(SYLLABLES[self.split]) for _ in range(parts))

    def _name(self, pool: Sequence[str]) -> str:
        word = self._invented() if self.rng.random() < 0.25 else self.rng.choice(pool)
        return "-".join(p.capitalize() for p in word.split("-"))

    def first(self) -> str:
        return self._case(self._name(self.first_names))

    def last(self) -> str:
        name = self._name(self.last_names)
        if self.rng.random() < 0.05:
            name = f"{name}-{self._name(self.last_names)}"
        return self._case(name)

    def _case(self, name: str) -> str:
        return name.upper() if self.rng.random() < 0.05 else name

    def full(self) -> str:
        first, last = self.first(), self.last()
        form = self.rng.randrange(6)
        if form == 0:
            return f"{first} {last}"
        if form == 1:
            return f"{first} {self.rng.choice('ABCDEFGHJKLMNPRSTW')}. {last}"
        if form == 2:
            return f"{first[0]}. {last}"
        if form == 3:
            return f"{last}, {first}"
        if form == 4:
            return f"{first} {last}".upper()
        return f"{first} {last}"

    # -- dates and times ---------------------------------------------------
    def _date(self) -> dt.date:
        return dt.date(1995, 1, 1) + dt.timedelta(days=self.rng.randrange(365 * 35))

    def date(self) -> str:
        d = self._date()
        m, day, y = d.month, d.day, d.year
        month, mon = MONTHS[m - 1], MONTHS[m - 1][:3]
        forms = [
            f"{m:02d}/{day:02d}/{y}", f"{m}/{day}/{y}", f"{m}/{day}/{y % 100:02d}", f"{y}-{m:02d}-{day:02d}",
            f"{day:02d}.{m:02d}.{y}", f"{m:02d}-{day:02d}-{y}", f"{month} {day}, {y}", f"{mon} {day}, {y}",
            f"{mon}. {day}, {y}", f"{day} {month} {y}", f"{day} {mon} {y}", f"{day:02d}-{mon}-{y}",
            f"{month} {day}{_ordinal(day)}, {y}", f"the {day}{_ordinal(day)} of {month}, {y}",
            f"{WEEKDAYS[d.weekday()]}, {month} {day}, {y}", f"{y}{m:02d}{day:02d}", f"{day}/{m}/{y}",
        ]
        value = self.rng.choice(forms)
        return value.upper() if self.rng.random() < 0.03 else value

    def date_partial(self) -> str:
        d = self._date()
        m, day, y = d.month, d.day, d.year
        month, mon = MONTHS[m - 1], MONTHS[m - 1][:3]
        forms = [
            f"{month} {y}", f"{mon} {y}", f"{m}/{day}", f"{m:02d}/{day:02d}", f"{m}/{y}", f"{month} {day}",
            f"{mon} {day}", f"{day}{_ordinal(day)} of {month}", f"{month} {day}{_ordinal(day)}", f"{month} of {y}",
        ]
        return self.rng.choice(forms)

    def date_any(self) -> str:
        return self.date() if self.rng.random() < 0.7 else self.date_partial()

    def time(self) -> str:
        hour, minute = self.rng.randrange(24), self.rng.randrange(60)
        h12 = hour % 12 or 12
        ampm = "am" if hour < 12 else "pm"
        forms = [
            f"{hour:02d}:{minute:02d}", f"{h12}:{minute:02d} {ampm}", f"{h12}:{minute:02d} {ampm[0]}.m.",
            f"{h12}:{minute:02d} {ampm.upper()}", f"{hour:02d}{minute:02d}h", f"{hour:02d}{minute:02d} hrs",
            f"{h12} {ampm}", f"{hour}:{minute:02d}:{self.rng.randrange(60):02d}", f"{h12}:{minute:02d}{ampm}",
        ]
        return self.rng.choice(forms)

    # -- numbers -------------------------------------------------------------
    def _digits(self, n: int) -> str:
        return str(self.rng.randrange(1, 10)) + "".join(str(self.rng.randrange(10)) for _ in range(n - 1))

    def phone(self) -> str:
        a, b, c = self._digits(3), self._digits(3), self._digits(4)
        forms = [f"({a}) {b}-{c}", f"{a}-{b}-{c}", f"{a}.{b}.{c}", f"+1 {a} {b} {c}", f"{b}-{c}", f"{a}-{b}-{c} x{self._digits(3)}"]
        return self.rng.choice(forms)

    def pager(self) -> str:
        forms = [f"{self.rng.randrange(1, 10)}-{self._digits(4)}", self._digits(5), f"#{self._digits(4)}", self._digits(4)]
        return self.rng.choice(forms)

    def mrn(self) -> str:
        forms = [self._digits(self.rng.randint(6, 10)), f"{self._digits(3)}-{self._digits(2)}-{self._digits(3)}"]
        return self.rng.choice(forms)

    def accession(self) -> str:
        letters = "".join(self.rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(self.rng.randint(1, 3)))
        forms = [f"{letters}{self._digits(7)}", self._digits(8), f"{letters}-{self._digits(6)}", f"{self._date().year}{self._digits(6)}"]
        if self.split == HELDOUT:
            forms = [f"{letters}{self._digits(6)}{self.rng.choice('ABCDEFGHJK')}", self._digits(9), f"{self._digits(4)}-{self._digits(5)}"]
        return self.rng.choice(forms)

    def id_number(self) -> str:
        letters = "".join(self.rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(2))
        return self.rng.choice([self._digits(7), f"{letters}{self._digits(6)}", f"{self._digits(3)}{letters}{self._digits(4)}"])

    def ssn(self) -> str:
        return f"{self._digits(3)}-{self._digits(2)}-{self._digits(4)}"

    def age(self) -> str:
        return str(self.rng.randint(90, 104))

    def bed(self) -> str:
        return f"{self.rng.choice(['bed', 'Bed', 'room', 'Rm'])} {self.rng.randint(1, 40)}"

    def filler_sentence(self) -> str:
        """A sentence of ordinary English words, no PHI."""
        return self.faker.sentence(nb_words=self.rng.randint(4, 12))

    # -- places and contacts -----------------------------------------------
    def _place(self) -> str:
        return self.faker.city().split()[0] if self.rng.random() < 0.5 else self.last().title()

    def hospital(self) -> str:
        pattern = self.rng.choice(HOSPITAL_PATTERNS[self.split])
        return pattern.format(place=self._place(), first=self._name(self.first_names), last=self._name(self.last_names))

    def ward(self) -> str:
        pattern = self.rng.choice(WARD_PATTERNS[self.split])
        return pattern.format(last=self._name(self.last_names), n=self.rng.randint(1, 14), letter=self.rng.choice("ABCDEFGKLNRS"))

    def street(self) -> str:
        number = self.rng.randint(1, 9999)
        name = self.faker.street_name().split()[0] if self.rng.random() < 0.5 else self._name(self.last_names)
        return f"{number} {name} {self.rng.choice(STREET_TYPES[self.split])}"

    def city_line(self) -> str:
        city = self.faker.city()
        if self.split == HELDOUT and self.rng.random() < 0.5:
            return f"{city} {self.faker.postcode()}"
        return f"{city}, {self.rng.choice(US_STATES)} {self._digits(5)}"

    def email(self) -> str:
        user = f"{self._name(self.first_names)[0].lower()}{self._name(self.last_names).lower()}"
        return f"{user}@{self.rng.choice(EMAIL_DOMAINS[self.split])}"

    def url(self) -> str:
        host = self._name(self.last_names).lower()
        return self.rng.choice([f"https://pacs.{host}.org/viewer?study={self._digits(8)}", f"www.{host}-radiology.com", f"http://{host}.edu/rad"])


def _ordinal(day: int) -> str:
    if 11 <= day % 100 <= 13:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


SLOTS: dict[str, tuple[str, Callable[[Surrogates], str]]] = {
    "FIRST": ("NAME", Surrogates.first),
    "LAST": ("NAME", Surrogates.last),
    "FULL": ("NAME", Surrogates.full),
    "DATE": ("DATE", Surrogates.date),
    "DATE_PART": ("DATE", Surrogates.date_partial),
    "DATE_ANY": ("DATE", Surrogates.date_any),
    "TIME": ("TIME", Surrogates.time),
    "PHONE": ("PHONE", Surrogates.phone),
    "PAGER": ("PHONE", Surrogates.pager),
    "MRN": ("ID", Surrogates.mrn),
    "ACC": ("ID", Surrogates.accession),
    "IDNUM": ("ID", Surrogates.id_number),
    "SSN": ("ID", Surrogates.ssn),
    "AGE": ("AGE", Surrogates.age),
    "BED": ("LOCATION", Surrogates.bed),
    "HOSPITAL": ("HOSPITAL", Surrogates.hospital),
    "WARD": ("LOCATION", Surrogates.ward),
    "STREET": ("LOCATION", Surrogates.street),
    "CITYLINE": ("LOCATION", Surrogates.city_line),
    "EMAIL": ("CONTACT", Surrogates.email),
    "URL": ("CONTACT", Surrogates.url),
}
SLOT_RE = re.compile(r"\{([A-Z_]+)\}")


class ReportBuilder(SpanText):
    """Report text filled from templates, with the PHI spans inside it."""

    def add_template(self, template: str, surrogates: Surrogates) -> None:
        cursor = 0
        for match in SLOT_RE.finditer(template):
            self.add(template[cursor:match.start()])
            label, make = SLOTS[match.group(1)]
            self.add_span(make(surrogates), label)
            cursor = match.end()
        self.add(template[cursor:])


def make_report(rng: random.Random, surrogates: Surrogates, split: str) -> dict:
    """One MIMIC-CXR-like report (about 600-1200 characters) with its PHI spans."""
    phi = PHI_TEMPLATES[split]
    clinical = CLINICAL_TEMPLATES[split]
    builder = ReportBuilder()
    builder.add(" " * 33 + "FINAL REPORT\n")
    builder.add(f" EXAMINATION:  {rng.choice(EXAMS[split])}\n \n")
    builder.add(" INDICATION:  ")
    if rng.random() < 0.5:
        builder.add_template(rng.choice([t for t in phi if "{AGE}" in t]), surrogates)
    else:
        builder.add(rng.choice(INDICATIONS[split]))
    builder.add("\n \n TECHNIQUE:  Chest PA and lateral\n \n COMPARISON:  ")
    builder.add_template(rng.choice([t for t in phi if "DATE" in t and "{AGE}" not in t]), surrogates)
    builder.add("\n \n FINDINGS: \n \n ")
    sentences: list[str | tuple[str]] = [
        rng.choice(clinical) if rng.random() < 0.5 else composed_finding(rng, split) for _ in range(rng.randint(3, 6))
    ]
    if split == TRAIN:
        # plain English sentences (Faker's word list): a capitalised first word is not a name
        sentences += [surrogates.filler_sentence() for _ in range(rng.randint(0, 2))]
    sentences += [(rng.choice(phi),) for _ in range(rng.randint(1, 3))]
    rng.shuffle(sentences)
    for index, sentence in enumerate(sentences):
        if index:
            previous = sentences[index - 1]
            # a sentence without a full stop (a signature line) ends its line
            ends_line = isinstance(previous, tuple) and not previous[0].endswith(".")
            builder.add("\n " if ends_line or rng.random() < 0.3 else "  ")
        if isinstance(sentence, tuple):
            builder.add_template(sentence[0], surrogates)
        else:
            builder.add(sentence)
    builder.add("\n \n IMPRESSION: \n \n ")
    builder.add(rng.choice(clinical))
    builder.add("  ")
    builder.add_template(rng.choice(phi), surrogates)
    builder.add("\n")
    text = builder.text
    if rng.random() < 0.05:
        text = text.upper()  # some hospitals write reports in capitals
    return {"text": text, "spans": builder.spans}


def generate_reports(n: int, split: str, seed: int = 0) -> list[dict]:
    """``n`` annotated reports of one split; deterministic in ``seed``."""
    rng = random.Random(f"cxrbuild-report-corpus:{split}:{seed}")
    surrogates = Surrogates(random.Random(rng.randrange(2**63)), split)
    return [make_report(rng, surrogates, split) for _ in range(n)]


def write_jsonl(path: Path, records: Sequence[dict]) -> None:
    with atomic_open(path, "w", encoding="utf-8", newline="\n") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def write_corpus(out_dir: Path, n_train: int, n_heldout: int, seed: int = 0) -> None:
    """Write ``train.jsonl`` and ``heldout.jsonl`` ({"text","spans":[{start,end,label}]}) to ``out_dir``."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    write_jsonl(out_dir / "train.jsonl", generate_reports(n_train, TRAIN, seed))
    write_jsonl(out_dir / "heldout.jsonl", generate_reports(n_heldout, HELDOUT, seed))
