#!/usr/bin/env bash
# Scores every DEV planner set (aggregates, one JSON line each; the s22, s23 and s24 sets also in full with --errors),
# and the session-25 names lists. Usage (repo root): bash docs/evals/planner-s25/run_dev.sh OUTDIR
# Session-25 blind sets (*blind-s25*) are excluded: they are blind.
set -euo pipefail
out=${1:?outdir}
mkdir -p "$out"
export MEDCORE_LLM_BACKEND=template
py=.venv/bin/python
: > "$out/dev_sets.txt"
for f in docs/evals/planner-blind*/blind.yaml; do
  case "$f" in *blind-s25*) continue;; esac
  name=$(basename "$(dirname "$f")")
  $py -m medcore eval therapy-blind --file "$f" --errors > "$out/$name.json" 2>/dev/null
  $py -c "import json,sys; d=json.load(open(sys.argv[1])); print(json.dumps({k:v for k,v in d.items() if not isinstance(v,(list,dict))}, sort_keys=True))" "$out/$name.json" \
    | sed "s|^|$name |" >> "$out/dev_sets.txt"
  case "$name" in *-s22|*-s23|*-s24) ;; *) rm "$out/$name.json";; esac
done
for f in names names_all; do
  $py -m medcore eval therapy-blind --file docs/evals/planner-s25/$f.yaml --errors > "$out/$f.json" 2>/dev/null
done
