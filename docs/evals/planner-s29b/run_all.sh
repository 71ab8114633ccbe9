#!/usr/bin/env bash
# Session-29b checks of a repo root (base or branch): every DEV planner file as of session 29 (planner-blind-s28 included); session-29 blind sets skipped.
# Since session 30 a thin wrapper over the shared tool docs/evals/_tools/planner_dev_checks.sh (same files, same
# output; the tool's README row says how this was checked). Usage (repo root): bash docs/evals/planner-s29b/run_all.sh OUTDIR [ROOT]
exec bash docs/evals/_tools/planner_dev_checks.sh "${1:?outdir}" '*blind-s29*,*blind_s29*' ${2:+"$2"}
