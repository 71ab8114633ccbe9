#!/usr/bin/env bash
# Score the s30b holdout once in a tree (base before any s30b name, branch after): OUT.json.
# Usage (repo root): bash docs/evals/planner-s30b/score_holdout.sh OUT.json
set -euo pipefail
MEDCORE_LLM_BACKEND=template PYTHONPATH=. .venv/bin/python -m medcore eval therapy-blind \
  --file docs/evals/planner-s30b/holdout.yaml --errors > "${1:?out json}"
