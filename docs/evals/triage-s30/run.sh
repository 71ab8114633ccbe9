#!/usr/bin/env bash
# Session 30 (issue 12, helper tri30): one-shot on the session-30 triage dev glob (common30.md: the s29 glob plus
# the s29 blind set, DEV since this session). Run from the repository root of the tree to score:
#   before: a copy of main 46dadd39 (git archive 46dadd39 | tar -x -C DIR; its s29 cases still held_out: true, so the
#           eval's own tuning / held-out split differs: compare.py scores both files over the same cases)
#   after:  this branch
# then: python docs/evals/triage-s30/compare.py before_dev.json after_dev.json > dev_case_changes.txt
set -euo pipefail
OUT=${1:?usage: run.sh OUT.json}
G="$(cat docs/evals/triage-s29/glob.txt),vignettes_blind_s29.yaml"
MEDCORE_LLM_BACKEND=template nice -n 10 .venv/bin/python -m medcore eval triage --no-blend --modes one_shot \
  --vignettes "$G" --out "$OUT"
