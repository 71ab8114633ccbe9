#!/usr/bin/env bash
# Session-30 checks (helper plan30): every DEV planner file, planner-blind-s29 included (DEV since session 30), wrong
# reads, non-drug holdout, INN sweep, s25b lists. Session-30 blind sets are skipped by path and never opened.
# Usage (repo root): bash docs/evals/planner-s30/run_all.sh OUTDIR [ROOT]
exec bash docs/evals/_tools/planner_dev_checks.sh "${1:?outdir}" '*blind-s30*,*blind_s30*' ${2:+"$2"}
