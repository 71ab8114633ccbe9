"""Base / main / branch table of the chat probe: python results.py probe_base.json probe_main.json [probe_after.json]
(a row per message: level and top 2 on each, the last file's reading; '<' lower / '>' higher than the column before)."""
import json
import sys

runs = [json.load(open(p)) for p in sys.argv[1:]]
R = {"self_care": 0, "routine": 1, "urgent": 2, "emergency": 3, None: -1}
print("| # | message | " + " | ".join(["base", "main", "branch"][:len(runs)]) + " | read (last) |")
print("|---" * (len(runs) + 3) + "|")
for i, k in enumerate(runs[-1], 1):
    cells, prev = [], None
    for r in runs:
        x = r.get(k, {})
        lv = x.get("level")
        m = "" if prev is None or R[lv] == R[prev] else (" <" if R[lv] < R[prev] else " >")
        cells.append(f"{lv}{m} ({', '.join(t[0] for t in x.get('top', [])[:2])})")
        prev = lv
    print(f"| {i} | {k} | " + " | ".join(cells) + f" | {' '.join(runs[-1][k].get('read', []))} |")
