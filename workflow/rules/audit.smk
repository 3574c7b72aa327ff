# The last stages: reconciliation (cohort -> release), de-identification
# statistics and plots, the data card README.md, the leak audit of the whole
# release and the INTERNAL before/after gallery. `snakemake --report` gathers
# the report() outputs below into one self-contained HTML file.


report: "../report/workflow.rst"


rule reconcile:
    input:
        studies=CROSSWALK["studies"],
        images=CROSSWALK["images"],
        pacs_files=CROSSWALK["pacs_files"],
        image_records=all_batches(BATCH_RECORDS["images"]),
        report_records=all_batches(BATCH_RECORDS["reports"]),
        record_list=RECORD_LIST,
        study_list=STUDY_LIST,
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
        image_records=all_batches(BATCH_RECORDS["images"]),
        report_records=all_batches(BATCH_RECORDS["reports"]),
        reconciliation=rules.reconcile.output.figures,
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
        checksums=CHECKSUMS,
        record_list=RECORD_LIST,
        study_list=STUDY_LIST,
        reports_archive=REPORTS_ARCHIVE,
        reconciliation=rules.reconcile.output.figures,
        stats=rules.qc_stats.output.stats,
    output:
        card=f"{RELEASE}/{contract.DATA_CARD}",
    params:
        name=config["release"]["name"],
        index_years=[config["ids"]["index_year_min"], config["ids"]["index_year_max"]],
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
        card=rules.data_card.output.card,
        checksums=CHECKSUMS,
        reports_archive=REPORTS_ARCHIVE,
        # the tables the audit learns the released patients from
        crosswalk=[CROSSWALK[table] for table in contract.PATIENT_TABLES],
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
        name=config["release"]["name"],
        ehr_url=ehr_url(),
        queries_dir="config/queries",
        ocr=config["audit"]["ocr"],
        fail_on=config["audit"]["fail_on"],
        code=code("cxrbuild.audit.release_audit"),
    log:
        f"{LOGS}/audit_release.log",
    conda:
        "../../envs/images.yaml"
    script:
        "../../scripts/audit_release.py"


rule audit_gate:
    input:
        verdict=rules.audit_release.output.verdict,
        summary=rules.audit_release.output.summary,
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
        image_records=all_batches(BATCH_RECORDS["images"]),
        record_list=RECORD_LIST,
    output:
        gallery=report(
            directory(f"{WORK}/qc/gallery"),
            patterns=["{name}.png"],
            caption="../report/gallery.rst",
            category="3. INTERNAL gallery: before and after redaction",
        ),
    params:
        per_stratum=config["qc"]["gallery_per_stratum"],
        max_images=config["qc"]["gallery_max_images"],
        seed=config["qc"]["gallery_seed"],
        batches=all_batches("{shard}_{batch}"),  # the name of each file of image_records
        name=config["release"]["name"],
        internal=True,
        code=code("cxrbuild.audit.qc"),
    log:
        f"{LOGS}/qc_gallery.log",
    conda:
        "../../envs/images.yaml"
    script:
        "../../scripts/qc_gallery.py"


# What the default target (rule all) needs from this file: the card, the passed
# audit and the QC report's outputs.
AUDIT_TARGETS = [
    rules.data_card.output.card,
    rules.audit_gate.output.passed,
    rules.reconcile.output.table,
    rules.qc_stats.output.plots,
    rules.qc_gallery.output.gallery,
]
