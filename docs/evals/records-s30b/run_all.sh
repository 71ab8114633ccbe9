#!/bin/sh
# Scores every real DEV set of the problem eval (all sets of medcore/records/real_notes.py SETS but the PHI-only
# dev_phi_s9 and the blind blind_s30; blind_s29 is DEV since session 30); writes <tag>_<set>.json.
# Usage: sh docs/evals/records-s30b/run_all.sh before|after [OUTDIR]   (run from the repository root; "before" was run
# from an export of base 35b3b337 with OUTDIR pointing here)
tag=$1
out=${2:-docs/evals/records-s30b}
for s in blind_s29 blind_s28 blind_s27 blind_s26 dev blind_s25 blind_s24 blind_s23 blind_s22 blind_s21 blind_s18 \
         blind_s17 blind_s16 blind_s15 blind_s14 blind_s13 blind_s12 blind_s10 blind_s9 blind_s8 blind; do
  MEDCORE_LLM_BACKEND=template nice -n 10 .venv/bin/python -m medcore eval records-real --set $s --json --errors \
    > $out/${tag}_$s.json
done
