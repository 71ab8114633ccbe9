#!/usr/bin/env bash
# Session-30b dev checks of a repo root (base or branch): docs/evals/_tools/planner_dev_checks.sh (plan30's one home of the
# planner run_all.sh scripts; arrives with plan30's merge), session-30 blind sets skipped by path before anything is opened.
# Usage (repo root): bash docs/evals/planner-s30b/run_all.sh OUTDIR [ROOT]
bash docs/evals/_tools/planner_dev_checks.sh "${1:?outdir}" '*blind-s30*,*blind_s30*' "${2:-.}"
