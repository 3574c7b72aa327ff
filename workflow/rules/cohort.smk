# The cohort: config/queries/*.sql against ehr.url, with bad rows listed.


rule cohort:
    input:
        queries=sorted(str(p) for p in Path("config/queries").glob("*.sql")),
        ehr=ehr_files(),
    output:
        patients=f"{WORK}/cohort/patients.parquet",
        encounters=f"{WORK}/cohort/encounters.parquet",
        studies=f"{WORK}/cohort/studies.parquet",
        reports=f"{WORK}/cohort/reports.parquet",
        bad_rows=f"{WORK}/cohort/bad_rows.parquet",
    params:
        ehr_url=ehr_url(),
        cohort=config["cohort"],
        code=code("cxrbuild.cohort"),
    benchmark:
        f"{WORK}/benchmarks/cohort.tsv"
    log:
        f"{LOGS}/cohort.log",
    conda:
        "../../envs/cohort.yaml"
    script:
        "../../scripts/cohort.py"
