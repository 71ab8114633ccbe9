#!/usr/bin/env bash
# Aggregates of every DEV planner set (one JSON line each). Usage (repo root): bash docs/evals/planner-s25b/run_dev_sets.sh OUT.txt
# The session-25 blind set (*blind-s25*) is excluded: it is blind and never opened.
# The loop is docs/evals/_tools/planner_dev_sets.sh's (one home); this file names the session.
exec bash docs/evals/_tools/planner_dev_sets.sh "${1:?outfile}" 25
