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
bench: setup
	.venv/bin/python benchmarks/run_all.py
clean:
	rm -rf results .snakemake
