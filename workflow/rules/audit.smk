# The last stages: reconciliation (cohort -> release), de-identification
# statistics and plots, the data card README.md, the leak audit of the whole
# release and the INTERNAL before/after gallery. `snakemake --report` gathers
# the report() outputs below into one self-contained HTML file.


report: "../report/workflow.rst"


# What the default target (rule all) needs from this file: the card, the passed
# audit and the QC report's outputs.
AUDIT_TARGETS = [
    f"{RELEASE}/README.md",
    f"{WORK}/audit/passed.json",
    f"{WORK}/qc/reconciliation.csv",
    f"{WORK}/qc/plots",
    f"{WORK}/qc/gallery",
]


rule reconcile:
    input:
        studies=f"{WORK}/ids/studies.parquet",
        images=f"{WORK}/ids/images.parquet",
        pacs_files=f"{WORK}/ids/pacs_files.parquet",
        image_records=all_batch_outputs("images", "records.jsonl"),
        report_records=all_batch_outputs("reports", "records.jsonl"),
        record_list=f"{RELEASE}/cxr-record-list.csv.gz",
        study_list=f"{RELEASE}/cxr-study-list.csv.gz",
    output:
        table=report(
            f"{WORK}/qc/reconciliation.csv",
            caption="../report/reconciliation.rst",
            category="1. Reconciliation",
        ),
        figures=f"{WORK}/qc/reconciliation.json",
    params:
        code=code("cxrbuild.audit.reconcile"),
    log:
        f"{LOGS}/reconcile.log",
    conda:
        "../../envs/package.yaml"
    script:
        "../../scripts/audit_reconcile.py"


rule qc_stats:
    input:
        image_records=all_batch_outputs("images", "records.jsonl"),
        report_records=all_batch_outputs("reports", "records.jsonl"),
        reconciliation=f"{WORK}/qc/reconciliation.json",
    output:
        stats=f"{WORK}/qc/deid_stats.json",
        plots=report(
            directory(f"{WORK}/qc/plots"),
            patterns=["{name}.png"],
            caption="../report/plots.rst",
            category="2. De-identification statistics",
        ),
    params:
        code=code("cxrbuild.audit.qc"),
    log:
        f"{LOGS}/qc_stats.log",
    conda:
        "../../envs/package.yaml"
    script:
        "../../scripts/qc_stats.py"


rule data_card:
    input:
        checksums=f"{RELEASE}/SHA256SUMS.txt",
        record_list=f"{RELEASE}/cxr-record-list.csv.gz",
        study_list=f"{RELEASE}/cxr-study-list.csv.gz",
        reconciliation=f"{WORK}/qc/reconciliation.json",
        stats=f"{WORK}/qc/deid_stats.json",
    output:
        card=f"{RELEASE}/README.md",
    params:
        name=config["release"]["name"],
        code=code("cxrbuild.audit.datacard"),
    log:
        f"{LOGS}/data_card.log",
    conda:
        "../../envs/package.yaml"
    script:
        "../../scripts/audit_datacard.py"


rule audit_release:
    input:
        ehr_files(),
        # a hospital with another EHR schema adds audit_*.sql here (see cxrbuild.audit.identifiers)
        sorted(str(p) for p in Path("config/queries").glob("audit_*.sql")),
        card=f"{RELEASE}/README.md",
        checksums=f"{RELEASE}/SHA256SUMS.txt",
        reports_archive=REPORTS_ARCHIVE,
        subjects=f"{WORK}/ids/subjects.parquet",
        images=f"{WORK}/ids/images.parquet",
    output:
        findings=f"{WORK}/audit/findings.json",
        table=f"{WORK}/audit/findings.csv",
        summary=report(
            f"{WORK}/audit/summary.md",
            caption="../report/audit.rst",
            category="4. INTERNAL leak audit findings",
        ),
        verdict=f"{WORK}/audit/verdict.json",
    params:
        ehr_url=ehr_url(),
        queries_dir="config/queries",
        ocr=config.get("audit", {}).get("ocr", True),
        fail_on=config.get("audit", {}).get("fail_on", "confirmed"),
        code=code("cxrbuild.audit.command"),
    log:
        f"{LOGS}/audit_release.log",
    conda:
        "../../envs/images.yaml"
    script:
        "../../scripts/audit_release.py"


rule audit_gate:
    input:
        verdict=f"{WORK}/audit/verdict.json",
        summary=f"{WORK}/audit/summary.md",
    output:
        passed=f"{WORK}/audit/passed.json",
    log:
        f"{LOGS}/audit_gate.log",
    conda:
        "../../envs/package.yaml"
    script:
        "../../scripts/audit_gate.py"


rule qc_gallery:
    input:
        image_records=all_batch_outputs("images", "records.jsonl"),
        record_list=f"{RELEASE}/cxr-record-list.csv.gz",
    output:
        gallery=report(
            directory(f"{WORK}/qc/gallery"),
            patterns=["{name}.png"],
            caption="../report/gallery.rst",
            category="3. INTERNAL gallery: before and after redaction",
        ),
    params:
        per_stratum=config.get("qc", {}).get("gallery_per_stratum", 2),
        max_images=config.get("qc", {}).get("gallery_max_images", 24),
        seed=config.get("qc", {}).get("gallery_seed", "qc"),
        internal=True,
        code=code("cxrbuild.audit.qc"),
    log:
        f"{LOGS}/qc_gallery.log",
    conda:
        "../../envs/images.yaml"
    script:
        "../../scripts/qc_gallery.py"
