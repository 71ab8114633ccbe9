#!/usr/bin/env bash
# Aggregates of every DEV planner set (one JSON line each). Usage (repo root): bash docs/evals/planner-s26b/run_dev_sets.sh OUT.txt
# planner-blind-s25 is DEV since session 26; a session-26 blind set (*blind-s26*) is excluded by name and never opened.
set -euo pipefail
out=${1:?outfile}
export MEDCORE_LLM_BACKEND=template
: > "$out"
for f in docs/evals/planner-blind*/blind.yaml; do
  case "$f" in *blind-s26*) continue;; esac
  .venv/bin/python -m medcore eval therapy-blind --file "$f" 2>/dev/null \
    | .venv/bin/python -c "import json,sys; d=json.load(sys.stdin); print(json.dumps({k:v for k,v in d.items() if not isinstance(v,(list,dict))}, sort_keys=True))" \
    | sed "s|^|$(basename "$(dirname "$f")") |" >> "$out"
done
