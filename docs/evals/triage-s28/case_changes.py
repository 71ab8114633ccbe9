"""Cases whose gold rank (top-1 / top-3) or triage level changed between two eval JSONs:
python case_changes.py before.json after.json"""
import json
import sys

LEVEL = {"self_care": 0, "routine": 1, "urgent": 2, "emergency": 3}
b, a = (json.load(open(p)) for p in sys.argv[1:3])
before = {(c["mode"], c["id"]): c for c in b["cases"]}
for c in a["cases"]:
    o = before.get((c["mode"], c["id"]))
    if not o:
        continue
    ro, rn = o["rank"] or 99, c["rank"] or 99
    lv = (o["triage_pred"] == o["triage_ref"], c["triage_pred"] == c["triage_ref"])
    if (ro == 1) != (rn == 1) or (ro <= 3) != (rn <= 3) or lv[0] != lv[1]:
        tag = "better" if (rn < ro if lv[0] == lv[1] else lv[1]) else "worse"
        print(f"{tag:6s} {c['mode']:11s} {c['id']:14s} {c['diagnosis']:28s} rank {ro}->{rn} "
              f"level {o['triage_pred']}->{c['triage_pred']} (gold {c['triage_ref']})")
