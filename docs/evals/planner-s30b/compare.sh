#!/usr/bin/env bash
# Compare base/ and after/ (session 30b) with the shared tool. Usage: bash docs/evals/planner-s30b/compare.sh
bash "$(dirname "$0")/../_tools/planner_compare.sh" "$(dirname "$0")"
