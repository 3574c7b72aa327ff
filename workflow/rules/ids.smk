# Keyed ids, day shifts and per-batch plans. A checkpoint: the batches read
# their plan files through common.image_plan/report_plan once it has run.


checkpoint assign_ids:
    input:
        patients=rules.cohort.output.patients,
        encounters=rules.cohort.output.encounters,
        studies=rules.cohort.output.studies,
        reports=rules.cohort.output.reports,
        bad_rows=rules.cohort.output.bad_rows,
        headers=PACS_HEADERS,
    output:
        subjects=CROSSWALK["subjects"],
        studies=CROSSWALK["studies"],
        images=CROSSWALK["images"],
        pacs_files=CROSSWALK["pacs_files"],
        summary=IDS_SUMMARY,
    params:
        pacs_dir=pacs_dir(),
        ids=config["ids"],
        cohort=config["cohort"],
        batches_per_shard=config["batches"]["batches_per_shard"],
        code=code("cxrbuild.ids"),
    benchmark:
        f"{WORK}/benchmarks/assign_ids.tsv"
    log:
        f"{LOGS}/assign_ids.log",
    conda:
        "../../envs/cohort.yaml"
    script:
        "../../scripts/assign_ids.py"
