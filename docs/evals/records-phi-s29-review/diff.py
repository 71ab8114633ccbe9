"""Per probe, the base and branch readings side by side: `python3 diff.py BASE.jsonl BRANCH.jsonl`; DIFF marks a change."""
import json
import sys

rows = [[json.loads(x) for x in open(p, encoding="utf-8")] for p in sys.argv[1:3]]
for i, (b, m) in enumerate(zip(*rows), 1):
    keys = ("phi", "meds", "allergies")
    flag = "DIFF" if any(b[k] != m[k] for k in keys) else "    "
    print(f"{flag} {i:3d} {m['text']!r}")
    for k in keys:
        if b[k] != m[k]:
            print(f"       {k} base: {b[k]}")
        if m[k] or b[k] != m[k]:
            print(f"       {k}  now: {m[k]}")
