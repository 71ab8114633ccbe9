#!/usr/bin/env bash
# Session-28b checks of a repo root (base or branch): planner-s27/run_all.sh's list, plus planner-blind-s27 (DEV since session 28) and the s28b holdout; session-28 blind sets skipped.
# Since session 30 a thin wrapper over the shared tool docs/evals/_tools/planner_dev_checks.sh (same files, same
# output; the tool's README row says how this was checked). Usage (repo root): bash docs/evals/planner-s28b/run_all.sh OUTDIR [ROOT]
exec bash docs/evals/_tools/planner_dev_checks.sh "${1:?outdir}" '*blind-s28*,*blind_s28*' ${2:+"$2"}
