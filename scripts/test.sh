#!/usr/bin/env bash
# Set up (scripts/setup.sh --test), then run the whole suite in two parts: every file not marked `serial` on both
# cores at once (pytest-xdist, whole files per worker so module fixtures load once), then the `serial` files alone
# (time budgets, live servers, browsers: tests/serial.py says why). Exit status: non-zero if either part failed.
# Extra arguments go to both pytest runs. A plain `.venv/bin/python -m pytest -q` still runs everything, serially.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test || exit 1
workers=${MEDCORE_TEST_WORKERS:-2}
rc=0
.venv/bin/python -m pytest -q -n "$workers" --dist loadfile -m "not serial" "$@" || rc=$?
.venv/bin/python -m pytest -q -m serial "$@" || rc=$((rc ? rc : $?))
exit "$rc"
