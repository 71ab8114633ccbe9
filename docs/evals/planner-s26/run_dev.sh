#!/usr/bin/env bash
# Scores every DEV planner file (each docs/evals/planner*/ YAML the therapy-blind eval reads) with --errors, one JSON
# each, and writes the aggregates (dev_sets.txt) and the wrong reads (wrong_reads.txt: typed names read as something
# that is not their ingredients). Usage (repo root): bash docs/evals/planner-s26/run_dev.sh OUTDIR
# Session-26 blind sets (*blind-s26*) are excluded: they are blind.
set -euo pipefail
out=${1:?outdir}
mkdir -p "$out"
export MEDCORE_LLM_BACKEND=template
py=.venv/bin/python
: > "$out/dev_sets.txt"
for f in docs/evals/planner-blind*/blind.yaml docs/evals/planner-s2[2-5]*/names*.yaml docs/evals/planner-s2[34]*/pairs.yaml \
         docs/evals/planner-names-s1*/names_dev*.yaml; do
  case "$f" in *blind-s26*) continue;; esac
  name=$(echo "$f" | sed 's|docs/evals/||; s|/|:|; s|\.yaml$||')
  $py -m medcore eval therapy-blind --file "$f" --errors > "$out/$name.json" 2>/dev/null || { echo "$name FAILED" >> "$out/dev_sets.txt"; continue; }
  $py -c "import json,sys; d=json.load(open(sys.argv[1])); print(json.dumps({k:v for k,v in d.items() if not isinstance(v,(list,dict))}, sort_keys=True))" "$out/$name.json" \
    | sed "s|^|$name |" >> "$out/dev_sets.txt"
done
$py docs/evals/planner-s26/wrong_reads.py "$out" > "$out/wrong_reads.txt"
