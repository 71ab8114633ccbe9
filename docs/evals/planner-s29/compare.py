"""Print base -> after for every aggregate figure of dev_sets.txt that changed, plus the other files' lines.
    python3 docs/evals/planner-s29/compare.py BASE_DIR AFTER_DIR"""
import json
import sys
from pathlib import Path


def rows(d: Path) -> dict:
    out = {}
    for line in (d / "dev_sets.txt").read_text().splitlines():
        name, _, js = line.partition(" ")
        out[name] = json.loads(js) if js.startswith("{") else {"status": js}
    return out


base, after = Path(sys.argv[1]), Path(sys.argv[2])
b, a = rows(base), rows(after)
for name in sorted(set(b) | set(a)):
    x, y = b.get(name, {}), a.get(name, {})
    diff = {k: (x.get(k), y.get(k)) for k in sorted(set(x) | set(y)) if x.get(k) != y.get(k)}
    fa = y.get("false_alarms_on_non_interacting")
    print(f"{name}: {'unchanged' if not diff else diff}" + (f"  [false alarms {fa}]" if fa else ""))
for f in ("nondrug_holdout.txt", "s25b_lists.txt"):
    print(f"--- {f}\nbase:  " + (base / f).read_text().strip().replace("\n", "\nbase:  "))
    print("after: " + (after / f).read_text().strip().replace("\n", "\nafter: "))
print("--- wrong reads: base", len((base / "wrong_reads.txt").read_text().splitlines()),
      "lines, after", len((after / "wrong_reads.txt").read_text().splitlines()), "lines")
vb, va = (json.loads((d / "variant_sweep.json").read_text()) for d in (base, after))
print("--- variant sweep base", {k: v for k, v in vb.items() if not isinstance(v, (list, dict))},
      "\n    after", {k: v for k, v in va.items() if not isinstance(v, (list, dict))})
