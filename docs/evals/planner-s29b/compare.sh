#!/usr/bin/env bash
# Compare base/ and after/ of run_all.sh and check.py (session 29b): docs/evals/_tools/planner_compare.sh (one home).
# Usage: bash docs/evals/planner-s29b/compare.sh
bash "$(dirname "$0")/../_tools/planner_compare.sh" "$(dirname "$0")"
