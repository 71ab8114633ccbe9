"""Table of the probe messages, base vs this branch: python results.py BASE.json AFTER.json > results.md
Each row: the message, level and top 3 at base, level and top 3 after, and what was read after (+ present, - absent)."""
import json
import sys

base, after = (json.load(open(p)) for p in sys.argv[1:3])
rank = {"self_care": 0, "routine": 1, "urgent": 2, "emergency": 3, None: -1}
print("| # | message | base level | base top 3 | after level | after top 3 | read after |")
print("|---|---|---|---|---|---|---|")
for i, (k, a) in enumerate(after.items(), 1):
    b = base.get(k, {})
    mark = ""
    if rank[a.get("level")] < rank[b.get("level")]:
        mark = " **LOWER**"
    elif rank[a.get("level")] > rank[b.get("level")]:
        mark = " (higher)"
    top = lambda r: ", ".join(t[0] for t in r.get("top", []))  # noqa: E731
    print(f"| {i} | {k} | {b.get('level')} | {top(b)} | {a.get('level')}{mark} | {top(a)} | {' '.join(a.get('read', []))} |")
