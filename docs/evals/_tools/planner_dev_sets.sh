#!/usr/bin/env bash
# Aggregates of every DEV planner set (one JSON line each): one home for planner-s25b and -s26b run_dev_sets.sh.
# Usage (repo root): bash docs/evals/_tools/planner_dev_sets.sh OUT.txt SESSION
# The blind sets of SESSION and of every later session (planner-blind-sNN, NN >= SESSION) are skipped by name and
# never opened (when s25b and s26b first ran there was no later one, so their output is unchanged).
set -euo pipefail
out=${1:?outfile}
session=${2:?session number}
export MEDCORE_LLM_BACKEND=template
: > "$out"
for f in docs/evals/planner-blind*/blind.yaml; do
  n=$(echo "$f" | sed -n 's|.*blind-s\([0-9][0-9]*\).*|\1|p')
  if [ -n "$n" ] && [ "$n" -ge "$session" ]; then continue; fi
  .venv/bin/python -m medcore eval therapy-blind --file "$f" 2>/dev/null \
    | .venv/bin/python -c "import json,sys; d=json.load(sys.stdin); print(json.dumps({k:v for k,v in d.items() if not isinstance(v,(list,dict))}, sort_keys=True))" \
    | sed "s|^|$(basename "$(dirname "$f")") |" >> "$out"
done
