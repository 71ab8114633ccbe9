#!/usr/bin/env bash
# Aggregates of every DEV planner set (one JSON line each). Usage (repo root): bash docs/evals/planner-s26b/run_dev_sets.sh OUT.txt
# planner-blind-s25 is DEV since session 26; a session-26 blind set (*blind-s26*) is excluded by name and never opened.
# The loop is docs/evals/_tools/planner_dev_sets.sh's (one home); this file names the session.
exec bash docs/evals/_tools/planner_dev_sets.sh "${1:?outfile}" 26
