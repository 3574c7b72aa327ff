#!/usr/bin/env bash
# Install everything cxrbuild needs on a fresh Debian machine with Python 3.11:
# system packages (tesseract + English data, fonts, dicom3tools) with apt-get when
# missing, then the project into .venv with the pinned versions of requirements.lock.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(tesseract-ocr tesseract-ocr-eng fonts-dejavu-core fonts-liberation hunspell-en-med
              fonts-freefont-ttf dicom3tools)
# The test suite also runs the real servers (SLURM, PostgreSQL, Orthanc) and
# opens the QC report in a headless browser.
if [ "${1:-}" = "--test" ]; then
  APT_PACKAGES+=(chromium slurm-wlm munge postgresql orthanc orthanc-dicomweb)
fi
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "setup: installing system packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

PY=${PYTHON:-python3.11}
command -v "$PY" >/dev/null || PY=python3
# Debian splits venv/ensurepip out of the interpreter package.
if ! "$PY" -c 'import ensurepip, venv' 2>/dev/null; then
  echo "setup: installing python3-venv"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq python3-venv >/dev/null
fi
"$PY" -c 'import sys; assert sys.version_info[:2] == (3, 11), sys.version' \
  || { echo "setup: Python 3.11 is required (found $("$PY" --version))"; exit 1; }
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
stamp=.venv/.cxrbuild-installed
if [ ! -f "$stamp" ] || [ requirements.lock -nt "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  echo "setup: installing Python packages into .venv (pinned by requirements.lock)"
  .venv/bin/python -m pip install -q --upgrade "pip>=24"
  .venv/bin/python -m pip install -q -c requirements.lock -e ".[dev]"
  touch "$stamp"
fi
echo "setup: ready ($(.venv/bin/python --version), tesseract $(tesseract --version 2>&1 | head -1 | awk '{print $2}'))"
