# Keyed ids, day shifts and per-batch plans. A checkpoint: the batches read
# their plan files through common.image_plan/report_plan once it has run.


checkpoint assign_ids:
    input:
        patients=f"{WORK}/cohort/patients.parquet",
        encounters=f"{WORK}/cohort/encounters.parquet",
        studies=f"{WORK}/cohort/studies.parquet",
        reports=f"{WORK}/cohort/reports.parquet",
        bad_rows=f"{WORK}/cohort/bad_rows.parquet",
        headers=f"{WORK}/pacs/headers.parquet",
    output:
        subjects=f"{WORK}/ids/subjects.parquet",
        studies=f"{WORK}/ids/studies.parquet",
        images=f"{WORK}/ids/images.parquet",
        pacs_files=f"{WORK}/ids/pacs_files.parquet",
        summary=f"{WORK}/ids/summary.json",
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
