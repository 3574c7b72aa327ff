# Per-batch report de-identification (rules + NER, the batch's EHR identifiers
# as deny list, dates shifted where config asks for it).


rule deid_reports:
    input:
        plan=report_plan,
        model=ner_model_dir(),
    output:
        staged=directory(f"{WORK}/batches/reports/{{shard}}_{{batch}}/staged"),
        records=BATCH_RECORDS["reports"],
    params:
        settings=config["reports"]["settings"],
        model_digest=ner_model_digest(),
        code=code("cxrbuild.batches.reports"),
    benchmark:
        f"{WORK}/benchmarks/deid_reports/{{shard}}_{{batch}}.tsv"
    log:
        f"{LOGS}/deid_reports/{{shard}}_{{batch}}.log",
    conda:
        "../../envs/reports.yaml"
    script:
        "../../scripts/deid_reports.py"
