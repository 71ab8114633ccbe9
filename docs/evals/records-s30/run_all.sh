#!/bin/sh
# Session 30: every real dev set of the problem eval (all sets of medcore/records/real_notes.py SETS but the PHI-only
# dev_phi_s9 and blind_s30, which is never read; blind_s29 is DEV since session 30, studied by helper rec30).
# Usage: sh docs/evals/records-s30/run_all.sh before|after [OUTDIR]   (from the root of the tree scored; "before" was
# run from a copy of base 46dadd39 with OUTDIR pointing here). Thin wrapper of docs/evals/_tools/records_run_all.sh.
here=$(cd "$(dirname "$0")" && pwd)
exec sh "$here/../_tools/records_run_all.sh" "$1" "${2:-docs/evals/records-s30}" \
  blind_s29 blind_s28 blind_s27 blind_s26 dev blind_s25 blind_s24 blind_s23 blind_s22 blind_s21 blind_s18 blind_s17 \
  blind_s16 blind_s15 blind_s14 blind_s13 blind_s12 blind_s10 blind_s9 blind_s8 blind
