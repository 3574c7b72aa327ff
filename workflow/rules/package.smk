# The release: files, record/study lists, reports archive, SHA256SUMS, and
# the end-of-run summary (released = cohort - quarantine, with reasons).


rule package:
    input:
        image_records=all_batches(BATCH_RECORDS["images"]),
        image_staged=all_batches(rules.deid_images.output.staged),
        report_records=all_batches(BATCH_RECORDS["reports"]),
        report_staged=all_batches(rules.deid_reports.output.staged),
        studies=rules.assign_ids.output.studies,
        images=rules.assign_ids.output.images,
        ids_summary=rules.assign_ids.output.summary,
        bad_rows=rules.cohort.output.bad_rows,
    output:
        record_list=RECORD_LIST,
        study_list=STUDY_LIST,
        reports_archive=REPORTS_ARCHIVE,
        checksums=CHECKSUMS,
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
