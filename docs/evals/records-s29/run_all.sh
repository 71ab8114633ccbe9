#!/bin/sh
# Scores every real dev set of the problem eval (all sets of medcore/records/real_notes.py SETS but the PHI-only
# dev_phi_s9; blind_s28 is DEV since session 29; blind_s29 is not scored here); writes <tag>_<set>.json (--errors).
# Usage: sh docs/evals/records-s29/run_all.sh before|after [OUTDIR]   (run from the repository root; "before" was run
# from a copy of base e516be7d with OUTDIR pointing here)
tag=$1
out=${2:-docs/evals/records-s29}
for s in blind_s28 blind_s27 blind_s26 dev blind_s25 blind_s24 blind_s23 blind_s22 blind_s21 blind_s18 blind_s17 \
         blind_s16 blind_s15 blind_s14 blind_s13 blind_s12 blind_s10 blind_s9 blind_s8 blind; do
  MEDCORE_LLM_BACKEND=template nice -n 10 .venv/bin/python -m medcore eval records-real --set $s --json --errors \
    > $out/${tag}_$s.json
done
