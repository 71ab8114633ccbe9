#!/bin/sh
# The earlier rounds' dev wording lists (s24b, s25b, s26c, s28b, s29b) scored in a tree (regressions check):
#   sh docs/evals/triage-s30b/earlier_lists.sh TREE OUTFILE   (TREE: this worktree, or a worktree of the base)
TREE=$1; OUT=$2; HERE=$(pwd)
: > "$OUT"
for s in s24b s25b s26c s28b s29b; do
  echo "== triage-$s" >> "$OUT"
  (cd "$TREE" && PYTHONPATH=. MEDCORE_LLM_BACKEND=template nice -n 10 .venv/bin/python "$HERE/docs/evals/triage-s24b/score.py" \
     --file "$HERE/docs/evals/triage-$s/wordings.yaml" 2>/dev/null | head -5) >> "$OUT"
done
