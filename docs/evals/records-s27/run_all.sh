#!/bin/sh
# Scores every real dev set of the problem eval (the ten of session 26 plus blind_s26, dev since session 27);
# writes <tag>_<set>.json (with --errors) into OUTDIR.
# Usage: sh docs/evals/records-s27/run_all.sh before|after [OUTDIR]   (run from the repository root)
tag=$1
out=${2:-docs/evals/records-s27}
for s in blind_s26 dev blind_s25 blind_s24 blind_s23 blind_s22 blind_s21 blind_s18 blind_s17 blind_s16 blind_s15; do
  MEDCORE_LLM_BACKEND=template nice -n 10 .venv/bin/python -m medcore eval records-real --set $s --json --errors \
    > $out/${tag}_$s.json
done
