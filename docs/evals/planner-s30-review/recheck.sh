#!/usr/bin/env bash
# planrev30: the DEV planner files with pairs that name a drug this branch's rules touch (digitoxin, dasatinib,
# pazopanib, sotorasib, erlotinib, gefitinib, neratinib and their brands; found by grep over the planner-s30 file
# list), scored with therapy-blind as planner_dev_checks.sh does. Names-only files cannot change (the only name
# change is Antinal, in no dev file). Usage (repo root): bash docs/evals/planner-s30-review/recheck.sh OUTDIR [ROOT]
set -euo pipefail
out=$(realpath -m "${1:?outdir}"); root=${2:-.}; py=$PWD/.venv/bin/python; mkdir -p "$out"
cd "$root"; export PYTHONPATH=. MEDCORE_LLM_BACKEND=template
for f in planner-blind-j/blind planner-blind-k/blind planner-blind-s24/blind planner-blind-s25/blind \
         planner-blind-s26/blind planner-blind-s29/blind planner-blind-u/blind planner-s23c/pairs planner-s24b/pairs; do
  $py -m medcore eval therapy-blind --file "docs/evals/$f.yaml" --errors > "$out/$(echo $f | sed 's|/|:|').json" 2>/dev/null
done
