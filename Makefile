# Every target installs what it needs first (scripts/setup.sh is idempotent).
.PHONY: setup demo test lint bench clean
VENV := .venv/bin
CORES ?= all

setup:
	bash scripts/setup.sh

demo: setup  ## build the embedded demo hospital and release it
	$(VENV)/snakemake --cores $(CORES) --workflow-profile workflow/profiles/default

test: setup  ## the whole test suite, lint included
	$(VENV)/ruff check src tests scripts benchmarks
	$(VENV)/python -m pytest -q tests

lint: setup
	$(VENV)/ruff check src tests scripts benchmarks
	$(VENV)/snakemake --lint

bench: setup
	$(VENV)/python benchmarks/run_all.py

clean:
	rm -rf results .snakemake
