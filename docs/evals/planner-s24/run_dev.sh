#!/usr/bin/env bash
# Scores every DEV planner set (aggregates, one JSON line each), eval therapy and the s23b names list.
# Usage (repo root): bash docs/evals/planner-s24/run_dev.sh OUTDIR
# Session-24 blind sets (*blind-s24*) are excluded: they are blind.
set -euo pipefail
out=${1:?outdir}
mkdir -p "$out"
export MEDCORE_LLM_BACKEND=template
py=.venv/bin/python
: > "$out/dev_sets.txt"
for f in docs/evals/planner-blind*/blind.yaml; do
  case "$f" in *blind-s24*) continue;; esac
  $py -m medcore eval therapy-blind --file "$f" 2>/dev/null \
    | $py -c "import json,sys; d=json.load(sys.stdin); print(json.dumps({k:v for k,v in d.items() if not isinstance(v,(list,dict))}, sort_keys=True))" \
    | sed "s|^|$(basename "$(dirname "$f")") |" >> "$out/dev_sets.txt"
done
$py -m medcore eval therapy-blind --file docs/evals/planner-s23b/names.yaml --errors > "$out/names_s23b.json" 2>/dev/null
$py -m medcore eval therapy --split all > "$out/eval_therapy.json" 2>/dev/null
$py -m medcore eval therapy-blind --file docs/evals/planner-s23c/pairs.yaml > "$out/pairs_s23c.json" 2>/dev/null
