"""Before/after: the hits the normal-state rule withholds (reads rows.json). PYTHONPATH=. .venv/bin/python docs/evals/triage-s26b/fallback_hits.py"""
import json
from medcore.triage import normal_state
ns = normal_state.load("assets/kb/triage")
rows = json.load(open("docs/evals/triage-s26b/rows.json"))
ok = lambda r: r["score"] >= 0.74 and r["score"] - r["runner"] >= 0.04
for label, f in [("before", ok), ("after", lambda r: ok(r) and not ns.says_normal(r["chunk"].lower()))]:
    out = {}
    for s in ["emb_dev", "probe_map", "probe_none", "w25b", "h25b", "h24b"]:
        hits = [r for r in rows if r["set"] == s and f(r)]
        out[s] = f"right {sum(r['right'] for r in hits)} wrong {sum(not r['right'] for r in hits)}"
    print(label, "; ".join(f"{k}: {v}" for k, v in out.items()))
for r in rows:
    if ok(r) and ns.says_normal(r["chunk"].lower()): print("  withheld:", r["set"], repr(r["chunk"]), "->", r["fid"], "right" if r["right"] else "wrong")
