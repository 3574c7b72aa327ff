# Thin wrappers: the scripts install what they need first (scripts/setup.sh is idempotent).
.PHONY: setup demo test lint bench clean
setup:
	bash scripts/setup.sh
demo:
	bash scripts/demo.sh
test:
	bash scripts/test.sh
lint: setup
	.venv/bin/ruff check src tests scripts benchmarks
	.venv/bin/snakemake --lint
bench: setup  ## the quick benchmarks; benchmarks/README.md lists all of them
	.venv/bin/python benchmarks/synth_bench.py --cases small
	.venv/bin/python benchmarks/header_bench.py --patients 40
	OMP_NUM_THREADS=1 .venv/bin/python benchmarks/report_blind.py --n 200
	.venv/bin/python benchmarks/workflow_bench.py --skip-full
clean:
	rm -rf results .snakemake
