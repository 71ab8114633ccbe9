#!/usr/bin/env bash
# Earlier lists (wrong reads must not rise): s25b typed-name lists, s23b/s24b/s25 breadth lists, s26b names and
# holdout. Usage (a repo root, base or branch): bash docs/evals/planner-s26c/earlier.sh OUT.txt [ROOT]
set -euo pipefail
out=$(realpath -m "${1:?outfile}"); root=${2:-.}; py=/work/wt-plan26c/.venv/bin/python
cd "$root"; export PYTHONPATH=. MEDCORE_LLM_BACKEND=template
: > "$out"
for f in dev_misspell dev_misspell2 dev_lasa dev_abbrev holdout holdout2; do
  echo "s25b/$f $($py docs/evals/planner-s25b/score.py docs/evals/planner-s25b/$f.tsv | tr -d '\n')" >> "$out"
done
$py docs/evals/planner-s25b/names_wrong.py docs/evals/planner-s23b/names.yaml docs/evals/planner-s24b/names.yaml docs/evals/planner-s25/names_all.yaml >> "$out"
for f in names_all holdout; do
  $py docs/evals/planner-s26b/score.py docs/evals/planner-s26b/$f.yaml --errors > "$out.s26b_$f.json"
  head -8 "$out.s26b_$f.json" | tr -d '\n' >> "$out"; echo >> "$out"
done
