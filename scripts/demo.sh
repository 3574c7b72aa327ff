#!/usr/bin/env bash
# Install everything, then run the main job: build the demo hospital and release it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/snakemake --cores "${CORES:-all}" --workflow-profile workflow/profiles/default "$@"
