#!/bin/sh
# Every literature dev split of session 30, run from the root of the tree being scored (OUT: a folder, absolute or
# relative to that root): the fifteen extraction splits (blind_s29 dev since session 30), headings kept and removed,
# and the s27 / s28 own holdouts. Only tallies are written.
#   MEDCORE_LLM_BACKEND=template nice -n 10 sh docs/evals/literature-s30/run_all.sh OUT
set -e
OUT=${1:?OUT folder}
mkdir -p "$OUT"
PY=.venv/bin/python
$PY docs/evals/_tools/lit_fields.py --splits dev blind blind2 blind_s11 blind_s12 blind_s13 blind_s14 blind_s22 \
    blind_s23 blind_s24 blind_s25 blind_s26 blind_s27 blind_s28 blind_s29 --out "$OUT/fields.json" > "$OUT/fields.txt"
$PY docs/evals/literature-s27/score_holdout.py docs/evals/literature-s27/holdout.yaml --out "$OUT/holdout_s27.json" > /dev/null
$PY docs/evals/literature-s28/score_holdout.py docs/evals/literature-s28/holdout.yaml --out "$OUT/holdout_s28.json" > /dev/null
