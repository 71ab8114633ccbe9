"""Cases whose result changed between two `medcore eval triage --out` JSONs (same cases, same modes): top-3 gained
or lost, level better or worse (against the gold level). Usage: python docs/evals/triage-s25/diff.py before.json after.json"""
import json
import sys

LEVELS = {"self_care": 0, "routine": 1, "urgent": 2, "emergency": 3}


def key(c):
    return c["mode"], c["id"]


before = {key(c): c for c in json.load(open(sys.argv[1]))["cases"]}
after = {key(c): c for c in json.load(open(sys.argv[2]))["cases"]}
for k in sorted(before.keys() & after.keys()):
    b, a = before[k], after[k]
    t3b = b["rank"] is not None and b["rank"] <= 3
    t3a = a["rank"] is not None and a["rank"] <= 3
    okb, oka = b["triage_pred"] == b["triage_ref"], a["triage_pred"] == a["triage_ref"]
    if t3b != t3a or b["triage_pred"] != a["triage_pred"]:
        under = LEVELS[a["triage_pred"]] < LEVELS[a["triage_ref"]]
        print(f"{k[0]:11s} {k[1]:12s} rank {b['rank']} -> {a['rank']}  level {b['triage_pred']} -> {a['triage_pred']}"
              f" (gold {a['triage_ref']}){'  UNDER' if under else ''}{'  better' if oka and not okb else ''}"
              f"{'  worse' if okb and not oka else ''}")
