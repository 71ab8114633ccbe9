"""Print base vs main per message: python compare.py probe_base.json probe_main.json"""
import json
import sys

b, m = (json.load(open(p)) for p in sys.argv[1:3])
for k, x in m.items():
    y = b.get(k, {})
    flag = "" if y.get("level") == x.get("level") else " <-- CHANGED"
    agree = x.get("first_is_top")
    lk = x.get("likely") or []
    print(f"{k}\n  base {y.get('level')} crisis={y.get('crisis')} top={[t[0] for t in y.get('top', [])]}"
          f"\n  main {x.get('level')} crisis={x.get('crisis')} top={x.get('top')} likely={lk} first_is_top={agree}"
          f" q={x.get('first_q')}{flag}\n  read {x.get('read')}")
