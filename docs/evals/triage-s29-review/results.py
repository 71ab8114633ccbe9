"""Table of the probe messages on base e516be7d, main 7ee5dbc4 and this branch:
python results.py probe_base.json probe_main.json probe_after.json > results.md
Each row: the message, level and top 3 on each, and what was read on this branch (+ present, - absent).
'LOWER' / 'higher' compare main with base; the last column's mark compares this branch with main."""
import json
import sys

base, main, after = (json.load(open(p)) for p in sys.argv[1:4])
rank = {"self_care": 0, "routine": 1, "urgent": 2, "emergency": 3, None: -1}


def mark(a, b):
    if rank[a.get("level")] < rank[b.get("level")]:
        return " **LOWER**"
    return " (higher)" if rank[a.get("level")] > rank[b.get("level")] else ""


def top(r):
    return ", ".join(t[0] for t in r.get("top", []))


print("| # | message | base | base top 3 | main | main top 3 | this branch | top 3 | read (this branch) |")
print("|---|---|---|---|---|---|---|---|---|")
for i, (k, a) in enumerate(after.items(), 1):
    b, m = base.get(k, {}), main.get(k, {})
    print(f"| {i} | {k} | {b.get('level')} | {top(b)} | {m.get('level')}{mark(m, b)} | {top(m)} | "
          f"{a.get('level')}{mark(a, m)} | {top(a)} | {' '.join(a.get('read', []))} |")
