#!/bin/sh
# Scores real dev sets of the problem eval: `MEDCORE_LLM_BACKEND=template python -m medcore eval records-real --set S
# --json --errors` into OUTDIR/<tag>_<set>.json, one process per set (nice -n 10). Run from the root of the tree
# scored (its medcore, its .venv, ../shared beside it).
# Usage: sh docs/evals/_tools/records_run_all.sh TAG OUTDIR SET [SET ...]
# Wrappers pass their session's dev sets (records-s29/run_all.sh, records-s30/run_all.sh); a blind set of the
# running session is never passed.
[ $# -ge 3 ] || { echo "usage: records_run_all.sh TAG OUTDIR SET [SET ...]" >&2; exit 2; }
tag=$1
out=$2
shift 2
for s in "$@"; do
  MEDCORE_LLM_BACKEND=template nice -n 10 .venv/bin/python -m medcore eval records-real --set "$s" --json --errors \
    > "$out/${tag}_$s.json"
done
