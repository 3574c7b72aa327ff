# The report model: a labelled corpus from the independently written generators
# (synth/report_corpora), then deterministic training of the window tagger
# (single thread, fixed seed). Skipped when config ner.model_dir is set.


rule ner_corpus:
    output:
        train=f"{WORK}/ner/corpus/train.jsonl",
        heldout=f"{WORK}/ner/corpus/heldout.jsonl",
    params:
        n_train=config["ner"]["n_train"],
        n_heldout=config["ner"]["n_heldout"],
        seed=config["ner"]["seed"],
        code=code("cxrbuild.synth.report_corpora"),
        generators=generators_digest(),
    log:
        f"{LOGS}/ner_corpus.log",
    conda:
        "../../envs/reports.yaml"
    script:
        "../../scripts/ner_corpus.py"


rule ner_train:
    input:
        train=rules.ner_corpus.output.train,
        heldout=rules.ner_corpus.output.heldout,
    output:
        model=directory(f"{WORK}/ner/model"),
    params:
        seed=config["ner"]["seed"],
        # the weights come from model.py, the word lists, the corpus and the label set; the
        # rules do not change them, so a rules edit reruns report batches only
        code=code("cxrbuild.text.model"),
    benchmark:
        f"{WORK}/benchmarks/ner_train.tsv"
    log:
        f"{LOGS}/ner_train.log",
    conda:
        "../../envs/reports.yaml"
    script:
        "../../scripts/ner_train.py"
