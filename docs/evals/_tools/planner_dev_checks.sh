#!/usr/bin/env bash
# Planner dev checks of a repo root (base or branch): every DEV planner file (`medcore eval therapy-blind --file ...
# --errors`, one JSON each plus one aggregate line in dev_sets.txt), the wrong reads, the s26 non-drug holdout, the
# INN variant sweep and the s25b misspelling lists. One home for planner-s28b/s29/s29b run_all.sh (session 30, plan30).
# Usage (repo root of the worktree that holds this tool):
#   bash docs/evals/_tools/planner_dev_checks.sh OUTDIR SKIP [ROOT]
#   bash docs/evals/_tools/planner_dev_checks.sh --list SKIP [ROOT]     # only print the files it would score
# SKIP: comma-separated shell globs of files never run or read (the blind sets of the running session and later),
#   e.g. '*blind-s30*,*blind_s30*'. The check is on the path, before anything is opened.
# ROOT: the tree scored (default .); the s28b holdout and the .venv are always this worktree's.
set -euo pipefail
if [ "${1:-}" = "--list" ]; then list=1; out=; shift; else list=0; out=$(realpath -m "${1:?outdir}"); shift; fi
skip=${1:?skip globs}; root=${2:-.}; py=$PWD/.venv/bin/python; here=$PWD
IFS=',' read -r -a skips <<< "$skip"
[ "$list" = 1 ] || mkdir -p "$out"
cd "$root"; export PYTHONPATH=. MEDCORE_LLM_BACKEND=template
[ "$list" = 1 ] || : > "$out/dev_sets.txt"
for f in docs/evals/planner-blind*/blind.yaml docs/evals/planner-s2[2-5]*/names*.yaml docs/evals/planner-s2[34]*/pairs.yaml \
         docs/evals/planner-names-s1*/names_dev*.yaml docs/evals/planner-s26[bc]/names*.yaml docs/evals/planner-s26[bc]/holdout.yaml \
         docs/evals/planner-s27/holdout.yaml "$here/docs/evals/planner-s28b/holdout.yaml"; do
  skipped=0
  for g in "${skips[@]}"; do
    # shellcheck disable=SC2053
    [[ "$f" == $g ]] && skipped=1
  done
  [ "$skipped" = 1 ] && continue
  [ -f "$f" ] || continue
  name=$(echo "$f" | sed "s|^$here/||; s|docs/evals/||; s|/|:|; s|\.yaml$||")
  if [ "$list" = 1 ]; then echo "$name"; continue; fi
  $py -m medcore eval therapy-blind --file "$f" --errors > "$out/$name.json" 2>/dev/null || { echo "$name FAILED" >> "$out/dev_sets.txt"; continue; }
  $py -c "import json,sys; d=json.load(open(sys.argv[1])); print(json.dumps({k:v for k,v in d.items() if not isinstance(v,(list,dict))}, sort_keys=True))" "$out/$name.json" \
    | sed "s|^|$name |" >> "$out/dev_sets.txt"
done
[ "$list" = 1 ] && exit 0
$py docs/evals/planner-s26/wrong_reads.py "$out" > "$out/wrong_reads.txt"
$py docs/evals/planner-s26/nondrug_score.py docs/evals/planner-s26/nondrug_holdout.txt > "$out/nondrug_holdout.txt"
$py docs/evals/planner-s26c/variant_sweep.py > "$out/variant_sweep.json"
for f in dev_misspell dev_misspell2 dev_lasa dev_abbrev holdout holdout2; do
  echo "s25b/$f $($py docs/evals/planner-s25b/score.py docs/evals/planner-s25b/$f.tsv | tr -d '\n')" >> "$out/s25b_lists.txt"
done
