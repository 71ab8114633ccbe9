"""Per-case misses of an eval JSON for an id prefix: python misses.py RUN.json PREFIX (rank > 1 or level wrong)."""
import json
import sys

d = json.load(open(sys.argv[1]))
for c in d["cases"]:
    if not c["id"].startswith(sys.argv[2]):
        continue
    if c["rank"] == 1 and c["triage_pred"] == c["triage_ref"]:
        continue
    print(f"{c['mode'][:5]} {c['id']} gold {c.get('diagnosis')} rank {c['rank']} level {c['triage_ref']} -> {c['triage_pred']}"
          f" top {c.get('top3') or c.get('top')}")
