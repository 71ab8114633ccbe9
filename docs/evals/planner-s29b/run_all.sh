#!/usr/bin/env bash
# Session-29b checks (helper brand29) of a repo root (base or branch): every DEV planner file (planner-s27/run_all.sh's list, plus
# planner-blind-s27 and -s28, DEV since sessions 28 and 29, and the s28b holdout), the wrong reads, the non-drug word lists and the INN
# variant sweep. Session-29 blind sets (`*blind-s29*`) are never run or read.
# Usage (repo root of the worktree): bash docs/evals/planner-s29b/run_all.sh OUTDIR [ROOT]
set -euo pipefail
out=$(realpath -m "${1:?outdir}"); root=${2:-.}; py=$PWD/.venv/bin/python; here=$PWD
mkdir -p "$out"; cd "$root"; export PYTHONPATH=. MEDCORE_LLM_BACKEND=template
: > "$out/dev_sets.txt"
for f in docs/evals/planner-blind*/blind.yaml docs/evals/planner-s2[2-5]*/names*.yaml docs/evals/planner-s2[34]*/pairs.yaml \
         docs/evals/planner-names-s1*/names_dev*.yaml docs/evals/planner-s26[bc]/names*.yaml docs/evals/planner-s26[bc]/holdout.yaml \
         docs/evals/planner-s27/holdout.yaml "$here/docs/evals/planner-s28b/holdout.yaml"; do
  case "$f" in *blind-s29*|*blind_s29*) continue;; esac
  [ -f "$f" ] || continue
  name=$(echo "$f" | sed "s|^$here/||; s|docs/evals/||; s|/|:|; s|\.yaml$||")
  $py -m medcore eval therapy-blind --file "$f" --errors > "$out/$name.json" 2>/dev/null || { echo "$name FAILED" >> "$out/dev_sets.txt"; continue; }
  $py -c "import json,sys; d=json.load(open(sys.argv[1])); print(json.dumps({k:v for k,v in d.items() if not isinstance(v,(list,dict))}, sort_keys=True))" "$out/$name.json" \
    | sed "s|^|$name |" >> "$out/dev_sets.txt"
done
$py docs/evals/planner-s26/wrong_reads.py "$out" > "$out/wrong_reads.txt"
$py docs/evals/planner-s26/nondrug_score.py docs/evals/planner-s26/nondrug_holdout.txt > "$out/nondrug_holdout.txt"
$py docs/evals/planner-s26c/variant_sweep.py > "$out/variant_sweep.json"
for f in dev_misspell dev_misspell2 dev_lasa dev_abbrev holdout holdout2; do
  echo "s25b/$f $($py docs/evals/planner-s25b/score.py docs/evals/planner-s25b/$f.tsv | tr -d '\n')" >> "$out/s25b_lists.txt"
done
