#!/bin/sh
# Scores every real dev set of the problem eval (the ten of session 26, blind_s26 (dev since session 27) and
# blind_s27 (dev since session 28)); writes <tag>_<set>.json (with --errors) into OUTDIR.
# Usage: sh docs/evals/records-s28/run_all.sh before|after [OUTDIR]   (run from the repository root; "before" was run
# from a copy of base 93885239 with OUTDIR pointing here)
tag=$1
out=${2:-docs/evals/records-s28}
for s in blind_s27 blind_s26 dev blind_s25 blind_s24 blind_s23 blind_s22 blind_s21 blind_s18 blind_s17 blind_s16 blind_s15; do
  MEDCORE_LLM_BACKEND=template nice -n 10 .venv/bin/python -m medcore eval records-real --set $s --json --errors \
    > $out/${tag}_$s.json
done
