# The release: files, record/study lists, reports archive, SHA256SUMS, and
# the end-of-run summary (released = cohort - quarantine, with reasons).


rule package:
    input:
        image_records=all_batch_outputs("images", "records.jsonl"),
        image_staged=all_batch_outputs("images", "staged"),
        report_records=all_batch_outputs("reports", "records.jsonl"),
        report_staged=all_batch_outputs("reports", "staged"),
        studies=f"{WORK}/ids/studies.parquet",
        images=f"{WORK}/ids/images.parquet",
        ids_summary=f"{WORK}/ids/summary.json",
        bad_rows=f"{WORK}/cohort/bad_rows.parquet",
    output:
        record_list=f"{RELEASE}/cxr-record-list.csv.gz",
        study_list=f"{RELEASE}/cxr-study-list.csv.gz",
        reports_archive=REPORTS_ARCHIVE,
        checksums=f"{RELEASE}/SHA256SUMS.txt",
        summary=f"{WORK}/release_summary.json",
        quarantine=f"{WORK}/quarantine.csv",
    params:
        name=config["release"]["name"],
        zip=config["release"]["zip"],
        fatal=config["quarantine"]["fatal"],
        code=code("cxrbuild.publish.package"),
    benchmark:
        f"{WORK}/benchmarks/package.tsv"
    log:
        f"{LOGS}/package.log",
    conda:
        "../../envs/package.yaml"
    script:
        "../../scripts/package.py"
