#!/bin/sh
# Scores every real dev set of the problem eval (all sets of medcore/records/real_notes.py SETS but the PHI-only
# dev_phi_s9; blind_s28 is DEV since session 29; blind_s29 is not scored here); writes <tag>_<set>.json (--errors).
# Usage: sh docs/evals/records-s29/run_all.sh before|after [OUTDIR]   (run from the repository root; "before" was run
# from a copy of base e516be7d with OUTDIR pointing here). Thin wrapper of docs/evals/_tools/records_run_all.sh
# (session 30); the tool is taken from beside this file, so a copy of an older tree can call it.
here=$(dirname "$0")
exec sh "$here/../_tools/records_run_all.sh" "$1" "${2:-docs/evals/records-s29}" \
  blind_s28 blind_s27 blind_s26 dev blind_s25 blind_s24 blind_s23 blind_s22 blind_s21 blind_s18 blind_s17 \
  blind_s16 blind_s15 blind_s14 blind_s13 blind_s12 blind_s10 blind_s9 blind_s8 blind
