# The PACS side: optional DICOMweb retrieval, the header index, and per-batch
# image de-identification (header + pixels + second-pass verification).


rule fetch_pacs:
    input:
        studies=rules.cohort.output.studies,
    output:
        summary=f"{WORK}/dicomweb/fetch_summary.json",
    params:
        base_url=config["pacs"]["dicomweb_url"],
        out_dir=pacs_dir(),
        code=code("cxrbuild.dicomweb"),
    log:
        f"{LOGS}/fetch_pacs.log",
    conda:
        "../../envs/images.yaml"
    script:
        "../../scripts/fetch_pacs.py"


rule pacs_index:
    input:
        pacs_inputs(),
        changes=pacs_changes,
    output:
        headers=PACS_HEADERS,
        folders=PACS_FOLDERS,
    params:
        pacs_dir=pacs_dir(),
        workers=config["pacs_index"]["workers"],
        chunk_size=config["pacs_index"]["chunk_size"],
        code=code("cxrbuild.pacs_index"),
    threads: config["pacs_index"]["workers"]
    benchmark:
        f"{WORK}/benchmarks/pacs_index.tsv"
    log:
        f"{LOGS}/pacs_index.log",
    conda:
        "../../envs/images.yaml"
    script:
        "../../scripts/pacs_index.py"


rule deid_images:
    input:
        plan=image_plan,
    output:
        staged=directory(f"{WORK}/batches/images/{{shard}}_{{batch}}/staged"),
        records=BATCH_RECORDS["images"],
        manifest=f"{WORK}/batches/images/{{shard}}_{{batch}}/manifest.jsonl",
    params:
        pacs_dir=pacs_dir(),
        settings=config["images"]["settings"],
        workers=config["images"]["workers"],
        code=image_code(),
    threads: config["images"]["workers"]
    benchmark:
        f"{WORK}/benchmarks/deid_images/{{shard}}_{{batch}}.tsv"
    log:
        f"{LOGS}/deid_images/{{shard}}_{{batch}}.log",
    conda:
        "../../envs/images.yaml"
    script:
        "../../scripts/deid_images.py"
