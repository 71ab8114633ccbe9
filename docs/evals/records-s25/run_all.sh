#!/bin/sh
# Scores every dev set of the real-note problem eval; writes <tag>_<set>.json (with --errors) here.
# Usage: sh docs/evals/records-s25/run_all.sh before|after
tag=$1
for s in dev blind_s24 blind_s23 blind_s22 blind_s21 blind_s18 blind_s17 blind_s16 blind_s15; do
  MEDCORE_LLM_BACKEND=template nice -n 10 .venv/bin/python -m medcore eval records-real --set $s --json --errors \
    > docs/evals/records-s25/${tag}_$s.json
done
