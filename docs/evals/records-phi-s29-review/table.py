"""Base / main / fix readings per probe, for results.md: `python3 table.py base.jsonl main.jsonl fix.jsonl` (round 1)
or `python3 table.py base2.jsonl fix2.jsonl` (round 2, base and fix only)."""
import json
import sys

runs = [[json.loads(x) for x in open(p, encoding="utf-8")] for p in sys.argv[1:]]
tags = [p.split(".")[0] for p in sys.argv[1:]]
for i, rows in enumerate(zip(*runs), 1):
    print(f"{i}. {rows[0]['text']!r}")
    seen = {}
    for tag, r in zip(tags, rows):
        reading = "; ".join(f"{k}={r[k]}" for k in ("phi", "meds", "allergies") if r[k]) or "(nothing)"
        same = [t for t, v in seen.items() if v == reading]
        print(f"   {tag}: " + (f"= {same[0]}" if same else reading))
        seen[tag] = reading
