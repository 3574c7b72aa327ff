"""Report de-identification on text it was never tuned on: blind corpora, fresh seeds.

Each corpus comes from a generator written independently from a written list
of what to produce (see benchmarks/blind_reports/README.md) by an author who saw
neither the rules, nor the model, nor the project's own generators, nor the
other generators. The training generators (src/cxrbuild/synth/report_corpora/)
also train the model; the others (benchmarks/blind_reports/) never do. Every run
draws a fresh seed (printed and recorded) unless --seed is given.

For each corpus, and for its ALL-CAPS and lower-case renderings, the rules,
the model and both together are scored at token level (metrics.py):
recall overall and per label, precision, the share of protected clinical
terms touched (a measurement, fraction, setting, vital sign, eponym, device
or drug with any character removed), and the share of documents with PHI
that kept at least one identifier. The model is trained here on the training
generators with a seed of its own, as the workflow does, and scores the
evaluation-only corpora; with --logo each training generator's corpus is
scored with a model trained on the other training generators only (leave one
generator out), so no row's model saw the style it is scored on. Without
--logo those rows say "(seen)" and are left out of the bars.

Speed: reports per CPU second on one core, rules + model, both in this
process (after loading) and as a whole ``cxrbuild deid-reports`` process
(loading included); Presidio's analyzer on the same reports in the same run
(its own venv, see report_bench_presidio.py and requirements-presidio.txt).

Run:  .venv/bin/python benchmarks/report_blind.py [--n 400] [--logo] [--presidio-python /tmp/presidio-venv/bin/python]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import secrets
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))

from cxrbuild.synth.report_corpora import TRAINING_GENERATORS, generate, training_corpus  # noqa: E402
from cxrbuild.text.metrics import score_documents  # noqa: E402

# every generator in blind_reports/ (kept as its author wrote it) only measures
EVALUATION_ONLY = {path.stem: path for path in sorted((HERE / "blind_reports").glob("*.py"))}
REQUIRED_LABELS = ("NAME", "LOCATION", "ID", "DATE", "CONTACT", "AGE")
TABLE_LABELS = ("NAME", "LOCATION", "HOSPITAL", "ORGANIZATION", "DATE", "TIME", "PHONE", "ID", "AGE", "CONTACT")
RENDERINGS = ("as written", "ALL CAPS", "lower case")
PRESIDIO_LABELS = {
    "PERSON": "NAME", "DATE_TIME": "DATE", "PHONE_NUMBER": "PHONE", "EMAIL_ADDRESS": "CONTACT", "URL": "CONTACT",
    "IP_ADDRESS": "CONTACT", "LOCATION": "LOCATION", "US_SSN": "ID", "US_DRIVER_LICENSE": "ID", "US_PASSPORT": "ID",
    "US_BANK_NUMBER": "ID", "US_ITIN": "ID", "MEDICAL_LICENSE": "ID", "CREDIT_CARD": "ID", "IBAN_CODE": "ID",
    "UK_NHS": "ID", "CRYPTO": "ID", "MAC_ADDRESS": "ID", "UUID": "ID",
}


def render(records: list[dict], how: str) -> list[dict]:
    """The corpus in another case; offsets hold because the case change keeps every length."""
    if how == "as written":
        return records
    change = str.upper if how == "ALL CAPS" else str.lower
    rendered = []
    for record in records:
        text = change(record["text"])
        if len(text) == len(record["text"]):
            rendered.append({**record, "text": text})
    return rendered


def gold(record: dict) -> list[tuple[int, int, str]]:
    return [(s["start"], s["end"], s["label"]) for s in record["phi"]]


def protected_touched(records: list[dict], predictions: list[list[tuple[int, int, str]]]) -> tuple[int, int, list[str]]:
    """(protected spans touched, protected spans, examples)."""
    touched = total = 0
    examples: list[str] = []
    for record, predicted in zip(records, predictions, strict=True):
        covered = [False] * len(record["text"])
        for start, end, _ in predicted:
            for index in range(max(0, start), min(end, len(covered))):
                covered[index] = True
        for span in record.get("protected", []):
            total += 1
            if any(covered[i] and record["text"][i].isalnum() for i in range(span["start"], span["end"])):
                touched += 1
                if len(examples) < 30:
                    examples.append(f"{span['kind']}: {record['text'][span['start']:span['end']]!r}")
    return touched, total, examples


def leaky_documents(records: list[dict], predictions: list[list[tuple[int, int, str]]]) -> tuple[int, int]:
    """(documents with PHI that kept a PHI token, documents with PHI)."""
    leaky = with_phi = 0
    for record, predicted in zip(records, predictions, strict=True):
        if not record["phi"]:
            continue
        with_phi += 1
        scores = score_documents([(record["text"], gold(record), predicted)])
        if scores.recall() < 1.0:
            leaky += 1
    return leaky, with_phi


def evaluate(records: list[dict], predictions: list[list[tuple[int, int, str]]]) -> dict:
    scores = score_documents(zip([r["text"] for r in records], map(gold, records), predictions, strict=True))
    touched, protected, examples = protected_touched(records, predictions)
    leaky, with_phi = leaky_documents(records, predictions)
    return {
        "scores": scores.as_dict(),
        "missed": scores.missed[:60],
        "false_positives": scores.false_positives[:60],
        "protected_touched": touched,
        "protected": protected,
        "protected_examples": examples,
        "leaky_documents": leaky,
        "documents_with_phi": with_phi,
    }


def predict(deidentifier, records: list[dict]) -> list[list[tuple[int, int, str]]]:
    results = deidentifier.deidentify_many([r["text"] for r in records])
    return [[(s.start, s.end, s.label) for s in result.spans] for result in results]


def row(name: str, how: str, system: str, result: dict) -> str:
    overall = result["scores"]["overall"]
    labels = result["scores"]["labels"]
    cells = [f"{labels[label]['recall']:.4f}" if label in labels and labels[label]["gold_tokens"] else "–" for label in TABLE_LABELS]
    touched = result["protected_touched"] / result["protected"] if result["protected"] else 0.0
    leak = f"{result['leaky_documents']}/{result['documents_with_phi']}"
    return (
        f"| {name} | {how} | {system} | **{overall['recall']:.4f}** | {overall['precision']:.4f} | "
        + " | ".join(cells)
        + f" | {touched:.2%} | {leak} |"
    )


def verdict(results: list[tuple[str, str, str, dict]]) -> list[str]:
    """The issue's bars, checked on every corpus and rendering for rules + model."""
    failures = []
    for name, how, system, result in results:
        if system != "rules + model":
            continue
        overall = result["scores"]["overall"]
        labels = result["scores"]["labels"]
        if overall["recall"] < 0.995:
            failures.append(f"{name} / {how}: recall {overall['recall']:.4f} < 0.995")
        for label in REQUIRED_LABELS:
            if label in labels and labels[label]["gold_tokens"] and labels[label]["recall"] < 0.99:
                failures.append(f"{name} / {how}: {label} recall {labels[label]['recall']:.4f} < 0.99")
        if overall["precision"] < 0.95:
            failures.append(f"{name} / {how}: precision {overall['precision']:.4f} < 0.95")
        if result["protected"] and result["protected_touched"] / result["protected"] > 0.005:
            failures.append(f"{name} / {how}: protected terms touched {result['protected_touched'] / result['protected']:.2%} > 0.5%")
    return failures


def whole_process_speed(records: list[dict], model_dir: Path | None, work: Path) -> dict:
    """``cxrbuild deid-reports`` on the reports as one process, loading included: CPU seconds of the child.

    Start-up alone (imports, rules, word lists, model) is the same command on one
    report, run first: it also builds the word lists' cache if this version has none.
    """

    def run(name: str, chosen: list[dict]) -> tuple[float, float]:
        source = work / f"{name}_in.jsonl"
        with open(source, "w", encoding="utf-8") as handle:
            for index, record in enumerate(chosen):
                handle.write(json.dumps({"id": index, "text": record["text"]}) + "\n")
        command = [str(ROOT / ".venv" / "bin" / "cxrbuild"), "deid-reports", str(source), str(work / f"{name}_out.jsonl")]
        if model_dir is not None:
            command += ["--model", str(model_dir)]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env={**os.environ, "OMP_NUM_THREADS": "1"})
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), wall

    startup, _ = run("startup", records[:1])
    cpu, wall = run("speed", records)
    return {"reports": len(records), "cpu_seconds": cpu, "wall_seconds": wall, "reports_per_cpu_second": len(records) / cpu,
            "startup_cpu_seconds": startup}


def presidio_run(records: list[dict], python: str, work: Path) -> dict | None:
    if not python or not Path(python).is_file():
        return None
    source = work / "presidio_in.jsonl"
    with open(source, "w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps({"text": record["text"]}) + "\n")
    out = work / "presidio_out.jsonl"
    subprocess.run(
        [python, str(HERE / "report_bench_presidio.py"), str(source), str(out), "--spacy-dir", str(work / "presidio-spacy")],
        check=True, capture_output=True,
    )
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    stats = lines[-1]
    predictions = [[(s, e, PRESIDIO_LABELS.get(t, "ID")) for s, e, t in line["spans"]] for line in lines[:-1]]
    return {"stats": stats, "result": evaluate(records, predictions)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=400, help="documents per corpus")
    parser.add_argument("--seed", type=int, default=None, help="corpus seed (default: a fresh one, recorded)")
    parser.add_argument("--n-train", type=int, default=None, help="training documents per training generator (default: the workflow's)")
    parser.add_argument("--model", type=Path, default=None, help="use this trained model instead of training one")
    parser.add_argument("--no-model", action="store_true", help="rules only")
    parser.add_argument("--logo", action="store_true",
                        help="score each training generator with a model trained without it (leave one generator out)")
    parser.add_argument("--presidio-python", default="/tmp/presidio-venv/bin/python")
    parser.add_argument("--work", type=Path, default=None)
    parser.add_argument("--out", type=Path, default=HERE / "recorded" / "report_blind.md")
    parser.add_argument("--json", type=Path, default=ROOT / "src" / "cxrbuild" / "audit" / "data" / "report_blind.json",
                        help="the figures as JSON: the data card of every release built with this version states them")
    args = parser.parse_args()

    from cxrbuild.text.deid import ReportDeidentifier
    from cxrbuild.text.model import DEFAULT_TRAINING, train

    def train_tagger(model_dir: Path, seed: int, documents_per_generator: int, work: Path, generators=None) -> dict:
        records, heldout = training_corpus(work, seed, documents_per_generator, 50, generators)
        return train(model_dir, records, heldout, seed=seed)

    load_at_start = os.getloadavg()[0]
    seed = args.seed if args.seed is not None else secrets.randbelow(10**9)
    work = args.work or Path(tempfile.mkdtemp(prefix="report-blind-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"report_blind: seed {seed}, {args.n} documents per corpus, work {work}", flush=True)

    corpora: dict[str, list[dict]] = {}
    generators = {**{name: path for name, path in TRAINING_GENERATORS.items()}, **EVALUATION_ONLY}
    for name, path in generators.items():
        corpora[name] = generate(path, seed, args.n, work / f"{name}.jsonl")
        print(f"  corpus {name}: {len(corpora[name])} documents", flush=True)

    model_dir = args.model
    training_note = "none (rules only)"
    n_train = args.n_train or DEFAULT_TRAINING["documents_per_generator"]
    train_seed = (seed + 1) % 10**9
    if model_dir is None and not args.no_model:
        model_dir = work / "model"
        started = time.process_time()
        evaluation = train_tagger(model_dir, seed=train_seed, documents_per_generator=n_train, work=work / "train")
        training_note = (
            f"trained here on {', '.join(TRAINING_GENERATORS)} ({n_train} documents each, corpus seed {train_seed}, "
            f"with ALL-CAPS and lower-case copies), {time.process_time() - started:.0f} CPU s; digest `{evaluation['digest'][:16]}`"
        )
    elif model_dir is not None:
        training_note = f"given: {model_dir}"

    # each training generator's corpus is scored with a model trained without it (--logo), so every
    # "rules + model" row is a model that never saw the style; without --logo those rows are marked seen
    logo_dirs: dict[str, Path] = {}
    if args.logo and model_dir is not None and args.model is None:
        for left_out in TRAINING_GENERATORS:
            keep = [g for g in TRAINING_GENERATORS if g != left_out]
            logo_dirs[left_out] = work / f"model_without_{left_out}"
            train_tagger(logo_dirs[left_out], seed=train_seed, documents_per_generator=n_train,
                         work=work / f"train_without_{left_out}", generators=keep)
            print(f"  trained without {left_out}", flush=True)

    rules_only = ReportDeidentifier(settings={"use_model": False})
    combined = ReportDeidentifier(model_dir=model_dir) if model_dir is not None else None
    results: list[tuple[str, str, str, dict]] = []
    logo: list[tuple[str, dict]] = []
    for name, records in corpora.items():
        system = "rules + model"
        deidentifier = combined
        if name in logo_dirs:
            deidentifier = ReportDeidentifier(model_dir=logo_dirs[name])
        elif name in TRAINING_GENERATORS and combined is not None:
            system = "rules + model (seen)"
        for how in RENDERINGS:
            rendered = render(records, how)
            results.append((name, how, "rules", evaluate(rendered, predict(rules_only, rendered))))
            if deidentifier is not None:
                model_spans = deidentifier.model.predict([r["text"] for r in rendered])
                results.append((name, how, system.replace("rules + model", "model"), evaluate(rendered, model_spans)))
                results.append((name, how, system, evaluate(rendered, predict(deidentifier, rendered))))
                if name in logo_dirs and how == "as written":
                    logo.append((name, results[-2][3]))
            print(f"  scored {name} / {how}" + (" (model trained without it)" if name in logo_dirs else ""), flush=True)

    # speed: every corpus as written, rules + model
    speed_records = [r for name in corpora for r in corpora[name]]
    timed = combined or rules_only
    timed.deidentify_many([r["text"] for r in speed_records[:50]])  # warm-up
    started = time.process_time()
    for offset in range(0, len(speed_records), 64):
        timed.deidentify_many([r["text"] for r in speed_records[offset:offset + 64]])
    in_process = len(speed_records) / (time.process_time() - started)
    started = time.process_time()
    for offset in range(0, len(speed_records), 64):
        rules_only.deidentify_many([r["text"] for r in speed_records[offset:offset + 64]])
    rules_speed = len(speed_records) / (time.process_time() - started)
    whole = whole_process_speed(speed_records, model_dir, work)
    presidio = presidio_run(speed_records, args.presidio_python, work)

    failures = verdict(results)
    mean_length = sum(len(r["text"]) for r in speed_records) / len(speed_records)
    lines = [
        "# Report de-identification on blind corpora",
        "",
        f"Command: `OMP_NUM_THREADS=1 .venv/bin/python benchmarks/report_blind.py --n {args.n}{' --logo' if args.logo else ''}` (this run: seed {seed})  ",
        f"Machine: {platform.machine()}, Python {platform.python_version()}, one thread; {os.cpu_count()} cores shared with other work, "
        f"1-minute load average {load_at_start:.1f} at the start and {os.getloadavg()[0]:.1f} at the end (CPU seconds are the figures).  ",
        f"Corpora: {', '.join(corpora)}; {args.n} documents each, mean length {mean_length:.0f} characters. "
        f"Training generators: {', '.join(TRAINING_GENERATORS)}; never used for training: {', '.join(EVALUATION_ONLY)}.  ",
        f"Model: {training_note}.",
        "",
        "Recall: gold PHI tokens covered by any predicted span (per label: by gold label). Precision: predicted tokens "
        "that are gold PHI. Protected: clinical terms (measurements, fractions, settings, vitals, eponyms, devices, drugs) "
        "with any character removed. Leaky: documents with PHI that kept at least one PHI token.",
        "",
        "| corpus | case | system | recall | precision | " + " | ".join(TABLE_LABELS) + " | protected touched | leaky docs |",
        "| --- | --- | --- | ---: | ---: | " + " | ".join("---:" for _ in TABLE_LABELS) + " | ---: | ---: |",
    ]
    lines += [row(name, how, system, result) for name, how, system, result in results]
    lines += ["", "## Bars (rules + model, every corpus and case)", ""]
    if combined is None:
        lines.append("Not checked: no model in this run.")
    elif failures:
        lines += [f"- not met: {failure}" for failure in failures]
    else:
        lines.append("All met: recall >= 0.995 overall and >= 0.99 for NAME, LOCATION, ID, DATE, CONTACT, AGE; precision >= 0.95; protected terms touched <= 0.5%.")
    if logo:
        lines += ["", "## The model alone on the training generator it never saw (leave one generator out)", "",
                  "| left out | recall | precision | protected touched |", "| --- | ---: | ---: | ---: |"]
        for name, result in logo:
            overall = result["scores"]["overall"]
            touched = result["protected_touched"] / result["protected"] if result["protected"] else 0.0
            lines.append(f"| {name} | {overall['recall']:.4f} | {overall['precision']:.4f} | {touched:.2%} |")
    lines += [
        "",
        "## Speed, one core",
        "",
        "| system | reports / CPU s |",
        "| --- | ---: |",
        f"| cxrbuild rules + model, in process (after loading) | {in_process:.0f} |",
        f"| cxrbuild rules alone, in process | {rules_speed:.0f} |",
        f"| `cxrbuild deid-reports` whole process, loading included ({whole['reports']} reports, {whole['cpu_seconds']:.1f} CPU s) | {whole['reports_per_cpu_second']:.0f} |",
    ]
    if presidio:
        stats = presidio["stats"]
        overall = presidio["result"]["scores"]["overall"]
        lines.append(
            f"| Presidio AnalyzerEngine {stats['presidio_analyzer']} (pattern recognizers), same reports | "
            f"{stats['reports'] / stats['cpu_seconds']:.0f} |"
        )
        lines += ["", f"Presidio on the same reports (as written): recall {overall['recall']:.4f}, precision {overall['precision']:.4f}."]
    else:
        lines += ["", "Presidio: not run (no venv at --presidio-python)."]
    lines += ["", f"Start-up of `cxrbuild deid-reports` (imports, rules, word lists from their cache, model), measured on one "
              f"report: {whole['startup_cpu_seconds']:.2f} CPU s."]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    def summary(system: str) -> dict:
        table: dict[str, dict] = {}
        for name, how, which, result in results:
            if which != system:
                continue
            overall = result["scores"]["overall"]
            table.setdefault(name, {})[how] = {
                "recall": overall["recall"],
                "precision": overall["precision"],
                "labels": {label: v["recall"] for label, v in result["scores"]["labels"].items() if v["gold_tokens"]},
                "protected_touched": round(result["protected_touched"] / result["protected"], 5) if result["protected"] else 0.0,
                "leaky_documents": [result["leaky_documents"], result["documents_with_phi"]],
            }
        return table

    figures = {
        "command": f"benchmarks/report_blind.py --n {args.n}{' --logo' if args.logo else ''}",
        "seed": seed,
        "documents_per_corpus": args.n,
        "training_generators": list(TRAINING_GENERATORS),
        "evaluation_only_generators": list(EVALUATION_ONLY),
        "rules_and_model": summary("rules + model") if combined is not None else {},
        "rules": summary("rules"),
        "model": summary("model"),
        "leave_one_generator_out": {name: result["scores"]["overall"] for name, result in logo},
        "reports_per_cpu_second": {"rules_and_model_in_process": round(in_process), "rules_in_process": round(rules_speed),
                                   "whole_process": round(whole["reports_per_cpu_second"]),
                                   "presidio": round(presidio["stats"]["reports"] / presidio["stats"]["cpu_seconds"]) if presidio else None},
        "whole_process_startup_cpu_seconds": round(whole["startup_cpu_seconds"], 2),
        "bars_not_met": failures,
    }
    args.json.write_text(json.dumps(figures, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    (work / "misses.json").write_text(json.dumps(results, indent=1, default=str), encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
