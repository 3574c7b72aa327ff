# cxrbuild: EHR + PACS -> a de-identified release in the MIMIC-CXR v2.0.0 layout.
# Rules live in workflow/rules/, the work in src/cxrbuild (see docs of each rule).

from snakemake.utils import min_version, validate

min_version("9.0")


configfile: "config/config.yaml"


validate(config, "workflow/schemas/config.schema.yaml")


include: "workflow/rules/common.smk"
include: "workflow/rules/workarea.smk"
include: "workflow/rules/synth.smk"
include: "workflow/rules/cohort.smk"
include: "workflow/rules/ids.smk"
include: "workflow/rules/images.smk"
include: "workflow/rules/ner.smk"
include: "workflow/rules/reports.smk"
include: "workflow/rules/package.smk"
include: "workflow/rules/audit.smk"


rule all:
    input:
        release_targets(),
        AUDIT_TARGETS,
    default_target: True
