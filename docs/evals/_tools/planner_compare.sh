#!/usr/bin/env bash
# Compare FOLDER/base and FOLDER/after of the planner dev checks and the breadth check.py (planner-s29b, -s30b).
# Usage: bash docs/evals/_tools/planner_compare.sh FOLDER   (one home since session 30; planner-s29b/compare.sh wraps it)
d=${1:?folder}
echo "== DEV planner files whose aggregate line changed (base -> after)"
diff <(sort "$d/base/dev_sets.txt") <(sort "$d/after/dev_sets.txt") | grep '^[<>]' | cut -c1-400
echo "== files run: base $(wc -l < "$d/base/dev_sets.txt"), after $(wc -l < "$d/after/dev_sets.txt")"
echo "== false alarms on non-interacting pairs (after), every file:"
grep -o '"[a-z_]*false_alarms[a-z_]*": "[0-9]*/[0-9]*"' "$d/after/dev_sets.txt" | sort | uniq -c | awk '{print}' | grep -v ' "0/' || echo "   all 0/N"
echo "== wrong reads: base $(tail -1 "$d/base/wrong_reads.txt") | after $(tail -1 "$d/after/wrong_reads.txt")"
diff "$d/base/wrong_reads.txt" "$d/after/wrong_reads.txt" | grep '^[<>]'
echo "== non-drug holdout: base $(tail -1 "$d/base/nondrug_holdout.txt") | after $(tail -1 "$d/after/nondrug_holdout.txt")"
echo "== INN variant sweep: base $(tr -d '\n ' < "$d/base/variant_sweep.json") | after $(tr -d '\n ' < "$d/after/variant_sweep.json")"
echo "== s25b typed lists:"; diff "$d/base/s25b_lists.txt" "$d/after/s25b_lists.txt" | grep '^[<>]' | cut -c1-250 || true
for f in nondrug_sweep.txt typos.tsv; do
  [ -f "$d/base/$f" ] && [ -f "$d/after/$f" ] || continue
  echo "== $f: base $(head -1 "$d/base/$f" | cut -c1-80) ; after $(head -1 "$d/after/$f" | cut -c1-80)"
  diff "$d/base/$f" "$d/after/$f" | grep '^[<>]' | head -40
done
