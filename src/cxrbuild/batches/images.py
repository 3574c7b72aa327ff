"""Run one image batch: header and pixel de-identification into a staging folder.

The per-file work is ``cxrbuild.dicom.images.process_batch`` (header de-id per
DICOM PS3.15 Annex E, burned-in text removal, second-pass verification); this
module turns a plan into its work items and the manifest into batch records.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from cxrbuild.batches.records import BatchRecord, status_counts, write_records
from cxrbuild.keys import key_fingerprint, load_key, uid_key
from cxrbuild.util.atomic import atomic_write_text
from cxrbuild.util.digests import sha256_file
from cxrbuild.util.errors import CxrbuildError

if TYPE_CHECKING:
    from cxrbuild.dicom.images import ImageDeidSettings

log = logging.getLogger("cxrbuild.batches.images")


def uses_report_rules(mapping: Mapping | None) -> bool:
    """Whether image settings clean header descriptors with the report rules (``descriptor_cleaner: text_rules``)."""
    from cxrbuild.dicom.header import default_header_mapping

    header = (dict(mapping or {}).get("header") or {}).get("descriptor_cleaner")
    return (header or default_header_mapping()["descriptor_cleaner"]) == "text_rules"


def image_settings(mapping: Mapping | None = None) -> ImageDeidSettings:
    """The image settings of ``mapping``, with the report rules as descriptor cleaner where the header asks for them.

    The image package does not import the report rules; they are handed in here,
    and imported only when asked for.
    """
    # imported here: an empty batch (most of them on a small hospital) needs no image modules
    from cxrbuild.dicom.images import ImageDeidSettings

    descriptor_phi = None
    if uses_report_rules(mapping):
        from cxrbuild.text.deid import descriptor_phi_spans

        descriptor_phi = descriptor_phi_spans
    return ImageDeidSettings.from_mapping(mapping, descriptor_phi)


def run_image_batch(plan_path: str | Path, staging_dir: str | Path, records_path: str | Path,
                    manifest_path: str | Path, key_file: str | Path, pacs_dir: str | Path,
                    settings: Mapping | None = None, workers: int = 1) -> dict[str, int]:
    """De-identify the images of one batch (header + pixels + second-pass check) into ``staging_dir``.

    The plan names its sources relative to ``pacs_dir`` and the fingerprint of
    the key its ids were issued under: another key stops the batch.
    """
    # imported here: an empty batch (most of them on a small hospital) needs no OCR engine
    from cxrbuild.dicom.header import ImageContext
    from cxrbuild.dicom.images import process_batch

    plan = json.loads(Path(plan_path).read_text(encoding="utf-8"))
    staging = Path(staging_dir)
    staging.mkdir(parents=True, exist_ok=True)
    key = load_key(key_file)
    if plan.get("key_fingerprint") != key_fingerprint(key):
        raise CxrbuildError(f"{key_file}: key fingerprint {key_fingerprint(key)} is not the one the plan {plan_path} "
                            f"was made with ({plan.get('key_fingerprint')})")
    key_for_uids = uid_key(key)
    pacs_root = Path(pacs_dir)
    deid_settings = image_settings(settings)
    items = []
    for item in plan["items"]:
        ctx = ImageContext(subject_id=item["subject_id"], study_id=item["study_id"], dicom_id=item["dicom_id"],
                           day_shift=int(item["day_shift"]), uid_key=key_for_uids, deny=tuple(item["deny"]))
        items.append((pacs_root / item["source"], staging / item["output"], ctx))
    if items:
        process_batch(items, deid_settings, Path(manifest_path), workers=workers)
    else:
        atomic_write_text(manifest_path, "")
    by_output = {}
    for line in Path(manifest_path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            entry = json.loads(line)
            by_output[str(Path(entry["output"]).resolve()) if entry.get("output") else entry["source"]] = entry
    by_source = {}
    for entry in by_output.values():
        by_source[str(entry["source"])] = entry
    records = []
    for item in plan["items"]:
        source = str(pacs_root / item["source"])
        entry = by_source.get(source)
        target = staging / item["output"]
        record = BatchRecord(item["output"], item["subject_id"], item["study_id"],
                             details={"dicom_id": item["dicom_id"], "source": source})
        if entry is None:
            record.withheld("missing from the image manifest")
        elif entry.get("status") == "ok" and target.is_file():
            record.released(sha256_file(target), boxes=entry.get("boxes", []),
                            source_transfer_syntax=entry.get("source_transfer_syntax"),
                            transfer_syntax=entry.get("transfer_syntax"))
        else:
            record.withheld(entry.get("reason") or "output file not written")
            if target.exists():  # fail closed: a quarantined image never reaches packaging
                target.unlink()
        records.append(record)
    write_records(records, records_path)
    return status_counts(records)


