# The demo hospital (cxrbuild.synth), made only when config names no EHR and PACS.


rule synth_demo:
    output:
        ehr=DEMO_EHR,
        pacs=directory(DEMO_PACS),
        summary=f"{DEMO}/truth/summary.json",
    params:
        patients=config["demo"]["patients"],
        seed=config["demo"]["seed"],
        image_size=config["demo"]["image_size"],
        code=code("cxrbuild.synth"),
    benchmark:
        f"{WORK}/benchmarks/synth_demo.tsv"
    log:
        f"{LOGS}/synth_demo.log",
    conda:
        "../../envs/synth.yaml"
    script:
        "../../scripts/synth_demo.py"
