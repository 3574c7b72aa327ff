"""Radiology reports written like MIMIC-CXR's, with PHI at exact character spans.

A report is assembled piece by piece: every PHI piece is recorded with its
span, label and kind while the text grows, so the truth is exact by
construction. Sections follow the MIMIC-CXR layout (FINAL REPORT, WET READ,
EXAMINATION/HISTORY, INDICATION, TECHNIQUE, COMPARISON, FINDINGS, IMPRESSION,
NOTIFICATION, ADDENDUM). PHI comes in the surface forms real reports use:
names as 'Dr. Smith', 'SMITH, JOHN', 'J. Smith'; dates as '3/4/2013',
'March 4, 2013', '2013-03-04', ...; times, pager and phone numbers, ages over
89, hospital and ward names, record and accession numbers. Text that looks
like PHI but is not (eponyms, vertebral levels, sizes, ages of 89 or less) is
left unlabelled on purpose.
"""

from __future__ import annotations

import datetime as dt
import random

from cxrbuild.printed_forms import MONTHS
from cxrbuild.synth.ehr import Hospital, Patient, Provider, Study, age_in_years
from cxrbuild.util.spantext import SpanText

LABEL_OF_KIND = {
    "family_name": "NAME",
    "given_name": "NAME",
    "full_name": "NAME",
    "provider_name": "NAME",
    "date": "DATE",
    "study_date": "DATE",
    "time": "TIME",
    "study_time": "TIME",
    "phone": "PHONE",
    "provider_phone": "PHONE",
    "pager": "CONTACT",
    "mrn": "ID",
    "accession_number": "ID",
    "age_over_89": "AGE",
    "ward": "LOCATION",
    "street": "LOCATION",
    "city": "LOCATION",
    "institution": "HOSPITAL",
}

COMPLAINTS = (
    "shortness of breath", "chest pain", "cough and fever", "?pna", "hypoxia",
    "fall, evaluate for rib fracture", "s/p line placement", "ett placement",
    "CHF exacerbation", "pleural effusion follow-up", "hemoptysis", "tachycardia",
    "sob, r/o pneumothorax", "aspiration", "pre-operative evaluation", "weakness",
)
TECHNIQUES = {
    "AP": ("Portable AP chest radiograph.", "Single frontal view of the chest.", "AP portable upright view of the chest."),
    "PA": ("Chest PA and lateral.", "PA and lateral views of the chest.", "Frontal and lateral views of the chest."),
}
NORMAL_FINDINGS = (
    "The lungs are clear without focal consolidation, pleural effusion or pneumothorax.",
    "The cardiomediastinal silhouette is within normal limits.",
    "Heart size is normal. The mediastinal and hilar contours are unremarkable.",
    "No acute osseous abnormality is detected.",
    "There is no pulmonary vascular congestion.",
    "Mild degenerative changes are seen along the thoracic spine.",
)
ABNORMAL_FINDINGS = (
    "There is a new left lower lobe opacity concerning for pneumonia.",
    "Small bilateral pleural effusions are present with adjacent atelectasis.",
    "Moderate pulmonary edema with Kerley B lines.",
    "A right-sided PICC line terminates in the mid SVC.",
    "Endotracheal tube tip is 4.5 cm above the carina.",
    "A Dobbhoff tube courses below the diaphragm, tip not seen.",
    "A Swan-Ganz catheter terminates in the right pulmonary artery.",
    "There is a 12 mm nodule in the right upper lobe.",
    "Compression deformity of the T12 vertebral body is unchanged.",
    "Small left apical pneumothorax measures 8 mm.",
    "Median sternotomy wires and mediastinal clips are noted.",
    "The heart is mildly enlarged. Calcified granuloma in the left mid lung.",
)
IMPRESSIONS_NORMAL = ("No acute cardiopulmonary process.", "No evidence of pneumonia.", "Normal chest radiograph.")
IMPRESSIONS_ABNORMAL = (
    "Findings concerning for pneumonia in the appropriate clinical setting.",
    "Interval worsening of pulmonary edema.",
    "Lines and tubes in standard position. No pneumothorax.",
    "Small left apical pneumothorax.",
    "Bilateral effusions, slightly increased from prior.",
)

OTHER_FINDINGS = (
    "No acute fracture or dislocation of the {part}.",
    "Soft tissues of the {part} are unremarkable.",
    "Degenerative changes are noted in the {part}.",
    "No radiopaque foreign body is seen in the {part}.",
)
OTHER_IMPRESSIONS = (
    "Nondisplaced fracture; correlate clinically.",
    "Findings as above; follow-up imaging in 6 weeks is suggested.",
    "Nonspecific findings, no acute process identified.",
)


class ReportBuilder(SpanText):
    """Report text that grows by pieces; PHI pieces are recorded with their exact spans."""

    def phi(self, text: str, kind: str) -> None:
        self.add_span(text, LABEL_OF_KIND[kind], value=text, kind=kind)


def format_date(rng: random.Random, day: dt.date) -> str:
    """A date in one of the written forms of radiology reports."""
    form = rng.randrange(8)
    if form == 0:
        return f"{day.month}/{day.day}/{day.year}"
    if form == 1:
        return f"{day.month:02d}/{day.day:02d}/{day.year}"
    if form == 2:
        return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"
    if form == 3:
        return f"{MONTHS[day.month - 1][:3]} {day.day} {day.year}"
    if form == 4:
        return day.isoformat()
    if form == 5:
        return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    if form == 6:
        return f"{day.month}-{day.day}-{day.year % 100:02d}"
    return f"{day.month}/{day.day}"


def format_time(rng: random.Random, when: dt.datetime) -> str:
    hour12 = when.hour % 12 or 12
    form = rng.randrange(4)
    if form == 0:
        return f"{hour12}:{when.minute:02d} {'a.m.' if when.hour < 12 else 'p.m.'}"
    if form == 1:
        return f"{hour12}:{when.minute:02d} {'AM' if when.hour < 12 else 'PM'}"
    if form == 2:
        return f"{when.hour:02d}:{when.minute:02d}"
    return f"{when.hour:02d}{when.minute:02d} hours"


def _name_forms(provider: Provider) -> list[tuple[str, str, str]]:
    """(prefix, name, suffix) forms of a provider's name; only `name` is PHI."""
    return [
        ("Dr. ", provider.family, ""),
        ("Dr. ", f"{provider.given} {provider.family}", ""),
        ("", f"{provider.family.upper()}, {provider.given.upper()}", ""),
        ("", f"{provider.given[0]}. {provider.family}", ""),
        ("", f"{provider.given} {provider.family}", ", M.D."),
        ("", f"{provider.family}", ", MD"),
    ]


def _say_provider(rng: random.Random, b: ReportBuilder, provider: Provider) -> None:
    prefix, name, suffix = rng.choice(_name_forms(provider))
    b.add(prefix)
    b.phi(name, "provider_name")
    b.add(suffix)


def _say_age(rng: random.Random, b: ReportBuilder, patient: Patient, when: dt.datetime) -> None:
    age = age_in_years(patient, when)
    noun = {"F": "woman", "M": "man"}.get(patient.sex, "patient")
    form = rng.randrange(3)
    text = str(age)
    over = age > 89
    if form == 0:
        (b.phi(text, "age_over_89") if over else b.add(text))
        b.add(f"-year-old {noun}")
    elif form == 1:
        (b.phi(text, "age_over_89") if over else b.add(text))
        b.add(f" year old {noun}")
    else:
        (b.phi(text, "age_over_89") if over else b.add(text))
        b.add(patient.sex if patient.sex in "MF" else " y/o")


def write_report(rng: random.Random, hospital: Hospital, study: Study, prior: list[Study]) -> None:
    """Fill study.report_text, study.report_phi and study.signed_time."""
    patient = hospital.patient(study.mrn)
    b = ReportBuilder()
    when = study.study_time
    if study.encounter is not None and study.encounter.encounter_type == "ED" and rng.random() < 0.3:
        b.add(" WET READ: ")
        r = study.radiologist
        b.phi(f"{r.given[0]}{r.family[0]}{r.family[1:3].lower()}", "provider_name")
        b.add(f" {when.strftime('%a').upper()} ")
        b.phi(format_time(rng, when + dt.timedelta(minutes=rng.randint(10, 90))), "time")
        b.add(f"\n  {rng.choice(IMPRESSIONS_NORMAL + IMPRESSIONS_ABNORMAL)}\n")
        b.add(" " + "_" * 78 + "\n")
    b.add(" " * 33 + "FINAL REPORT\n")
    modern = rng.random() < 0.6
    if modern:
        b.add(f" EXAMINATION:  {study.procedure.description}\n \n INDICATION:  ")
    else:
        b.add(f" {study.procedure.description}\n \n HISTORY:  ")
    if rng.random() < 0.08:
        title = {"F": "Ms. ", "M": "Mr. "}.get(patient.sex, "Patient ")
        b.add(title)
        b.phi(patient.family, "family_name")
        b.add(" is a ")
    _say_age(rng, b, patient, when)
    b.add(f" with {rng.choice(COMPLAINTS)}")
    if rng.random() < 0.25:
        b.add("  // ")
        b.add(rng.choice(COMPLAINTS))
    b.add(".\n \n")
    if study.procedure.chest:
        view_key = "AP" if study.views[:1] == ("AP",) or len(study.procedure.views) == 1 else "PA"
        b.add(f" TECHNIQUE:  {rng.choice(TECHNIQUES[view_key])}")
        if view_key == "AP" and rng.random() < 0.3:
            b.add(" Study performed on ")
            b.phi(rng.choice(hospital.wards), "ward")
            b.add(".")
        b.add("\n \n")
    b.add(" COMPARISON:  ")
    if prior and rng.random() < 0.75:
        chosen = sorted(rng.sample(prior, min(len(prior), rng.randint(1, 2))), key=lambda s: s.study_time)
        b.add(rng.choice(("Chest radiograph from ", "Prior study of ", "Radiographs dated ", "")))
        for n, earlier in enumerate(chosen):
            if n:
                b.add(" and ")
            b.phi(format_date(rng, earlier.study_time.date()), "date")
        if rng.random() < 0.15:
            b.add(", accession #")
            b.phi(chosen[-1].accession_number, "accession_number")
        b.add(".\n \n")
    elif rng.random() < 0.15:
        b.add("CT of the chest from ")
        b.phi(format_date(rng, (when - dt.timedelta(days=rng.randint(20, 900))).date()), "date")
        b.add(" performed at ")
        b.phi(rng.choice(hospital.other_hospitals), "institution")
        b.add(".\n \n")
    else:
        b.add("None.\n \n")
    abnormal = rng.random() < 0.5
    if study.procedure.chest:
        sentences = rng.sample(NORMAL_FINDINGS, 2)
        if abnormal:
            sentences = rng.sample(ABNORMAL_FINDINGS, rng.randint(1, 3)) + sentences[:1]
        impression = rng.choice(IMPRESSIONS_ABNORMAL if abnormal else IMPRESSIONS_NORMAL)
    else:
        part = study.procedure.body_part.lower()
        sentences = [rng.choice(OTHER_FINDINGS).format(part=part), rng.choice(OTHER_FINDINGS).format(part=part)]
        impression = f"No acute abnormality of the {part}." if not abnormal else rng.choice(OTHER_IMPRESSIONS)
    b.add(" FINDINGS: \n \n " + "  ".join(dict.fromkeys(sentences)) + "\n \n")
    b.add(" IMPRESSION: \n \n " + impression + "\n")
    if abnormal and rng.random() < 0.5:
        _notification(rng, b, hospital, study, patient)
    signed = when + dt.timedelta(minutes=rng.randint(15, 600))
    if rng.random() < 0.1:
        _addendum(rng, b, hospital, study, patient, signed)
    study.report_text = b.text
    study.report_phi = b.spans
    study.signed_time = signed


def _notification(rng: random.Random, b: ReportBuilder, hospital: Hospital, study: Study, patient: Patient) -> None:
    told = rng.choice([p for p in hospital.providers if p.role == "clinician"])
    at = study.study_time + dt.timedelta(minutes=rng.randint(20, 240))
    form = rng.randrange(4)
    b.add(" \n NOTIFICATION:  ")
    if form == 0:
        b.add("The findings were discussed with ")
        _say_provider(rng, b, told)
        b.add(" by ")
        _say_provider(rng, b, study.radiologist)
        b.add(" by telephone at ")
        b.phi(format_time(rng, at), "time")
        b.add(" on ")
        b.phi(format_date(rng, at.date()), "date")
        b.add(f", {rng.randint(2, 45)} minutes after discovery of the findings.\n")
    elif form == 1:
        b.add("Findings were communicated to ")
        _say_provider(rng, b, told)
        prefix, suffix = rng.choice(((", pager #", ""), (" (pager ", ")"), (", page ", "")))
        b.add(prefix)
        b.phi(told.pager, "pager")
        b.add(suffix)
        b.add(", at ")
        b.phi(format_time(rng, at), "time")
        b.add(".\n")
    elif form == 2:
        _say_provider(rng, b, told)
        b.add(" was paged and informed of the results at ")
        b.phi(format_time(rng, at), "time")
        b.add(". Questions: ")
        b.phi(study.radiologist.phone, "provider_phone")
        b.add(".\n")
    else:
        b.add("Telephone notification to the patient's nurse on ")
        b.phi(rng.choice(hospital.wards), "ward")
        b.add(" at ")
        b.phi(format_time(rng, at), "time")
        b.add("; please call ")
        b.phi(study.radiologist.phone, "provider_phone")
        b.add(" with questions.\n")


def _addendum(
    rng: random.Random, b: ReportBuilder, hospital: Hospital, study: Study, patient: Patient, signed: dt.datetime
) -> None:
    b.add(" \n ADDENDUM:  ")
    form = rng.randrange(3)
    if form == 0:
        b.add("Outside films from ")
        b.phi(rng.choice(hospital.other_hospitals), "institution")
        b.add(" were reviewed and show the opacity was present on ")
        b.phi(format_date(rng, (study.study_time - dt.timedelta(days=rng.randint(3, 60))).date()), "date")
        b.add(".\n")
    elif form == 1:
        b.add("Patient identity confirmed (MRN ")
        b.phi(patient.mrn, "mrn")
        b.add("); the previously dictated history belonged to another patient.\n")
    else:
        b.add("Age corrected; patient is ")
        age = age_in_years(patient, study.study_time)
        (b.phi(str(age), "age_over_89") if age > 89 else b.add(str(age)))
        b.add(" years old. Family contact: ")
        b.phi(patient.phone, "phone")
        b.add(".\n")
    b.add(" Electronically signed by ")
    r = study.radiologist
    b.phi(f"{r.family.upper()}, {r.given.upper()}", "provider_name")
    b.add(" on ")
    b.phi(f"{signed.month}/{signed.day}/{signed.year}", "date")
    b.add(" at ")
    b.phi(format_time(rng, signed), "time")
    b.add(".\n")


def write_reports(hospital: Hospital) -> None:
    """A report for every study, each from its own seeded stream (order-independent)."""
    by_patient: dict[str, list[Study]] = {}
    for study in sorted(hospital.studies, key=lambda s: (s.mrn, s.study_time)):
        earlier = [s for s in by_patient.get(study.mrn, []) if s.procedure.chest][-4:]
        rng = random.Random(f"cxrbuild-synth/{hospital.seed}/report/{study.accession_number}")
        write_report(rng, hospital, study, earlier)
        by_patient.setdefault(study.mrn, []).append(study)
