#!/usr/bin/env bash
# Install everything, then run the whole test suite (lint included).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
.venv/bin/ruff check src tests scripts benchmarks
.venv/bin/snakemake --lint
exec .venv/bin/python -m pytest -q tests "$@"
