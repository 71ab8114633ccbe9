#!/usr/bin/env bash
# Session-28 core checks of a repo root (base or branch), the short form of run_all.sh for a loaded machine: every DEV
# planner blind set (docs/evals/_tools/planner_dev_sets.sh, s28 and later never opened), planner-blind-s27 with its
# errors (DEV since session 28), the s26 non-drug holdout and the s26c INN variant sweep.
# Usage (repo root of the worktree): bash docs/evals/planner-s28/run_core.sh OUTDIR [ROOT]
set -euo pipefail
out=$(realpath -m "${1:?outdir}"); root=${2:-.}; py=$PWD/.venv/bin/python
mkdir -p "$out"; tools=$PWD/docs/evals/_tools; cd "$root"; export PYTHONPATH=. MEDCORE_LLM_BACKEND=template
$py -m medcore eval therapy-blind --file docs/evals/planner-blind-s27/blind.yaml --errors > "$out/blind_s27.json" 2>/dev/null
PATH=$(dirname "$py"):$PATH bash "$tools/planner_dev_sets.sh" "$out/dev_sets.txt" 28
$py docs/evals/planner-s26/nondrug_score.py docs/evals/planner-s26/nondrug_holdout.txt > "$out/nondrug_holdout.txt"
$py docs/evals/planner-s26c/variant_sweep.py > "$out/variant_sweep.json"
# the DEV pools of the s26 and s27 blind sets (every candidate name with its writer's gold), scored as name lists
for p in s26 s27; do
  $py "$tools/../planner-s28/pool_yaml.py" docs/evals/planner-blind-$p/pool.txt "$out/pool_$p.yaml" > /dev/null
  $py docs/evals/planner-s26b/score.py "$out/pool_$p.yaml" --errors > "$out/pool_$p.json"
done
