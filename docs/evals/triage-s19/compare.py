"""Every case whose rank crossed 1 or 3 or whose level changed, between two `eval triage --out` files.
Usage: python docs/evals/triage-s19/compare.py BEFORE.json AFTER.json"""
import json
import sys

L = {"emergency": 0, "urgent": 1, "routine": 2, "self_care": 3}
before, after = (json.load(open(p)) for p in sys.argv[1:3])
b = {(c["mode"], c["id"]): c for c in before["cases"]}
for c in after["cases"]:
    o = b[(c["mode"], c["id"])]
    crossed = (o["rank"] <= 1) != (c["rank"] <= 1) or (o["rank"] <= 3) != (c["rank"] <= 3)
    if crossed or o["triage_pred"] != c["triage_pred"]:
        better_level = abs(L[c["triage_pred"]] - L[c["triage_ref"]]) < abs(L[o["triage_pred"]] - L[o["triage_ref"]])
        print(f"{c['mode']:11} {c['id']:10} {c['diagnosis']:28} rank {o['rank']:>3} -> {c['rank']:<3} "
              f"level {o['triage_pred']} -> {c['triage_pred']} (ref {c['triage_ref']})"
              f"{'' if o['triage_pred'] == c['triage_pred'] else (' better' if better_level else ' worse')}")
