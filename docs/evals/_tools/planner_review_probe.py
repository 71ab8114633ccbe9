"""Probe own inputs through the planner's service call: names.resolve_drug and interactions.check_names (the functions
the planner page and `medcore therapy` CLI call); lines `TEXT: ...` go through the records pipeline (free text).
Shared home since session 30 (planrev30); wrappers: planner-s29-review/probe.py, planner-s30-review/probe.py.
Usage: planner_review_probe.py INPUTS.txt > OUT.json (run from the root of the tree probed)."""
import json, sys
from medcore.config import Settings
from medcore.therapy.kb import load_kb
from medcore.therapy import interactions as ix
from medcore.therapy.names import resolve_drug
from medcore.records import kb as rkb
from medcore.records.pipeline import analyze

settings = Settings.load()
kb = load_kb(settings)
rk = rkb.load(settings)
out = {}
for line in open(sys.argv[1]):
    line = line.strip()
    if not line or line.startswith("#"):
        continue
    if line.startswith("TEXT: "):
        text = line[6:].replace("\\n", "\n")
        meds = analyze(text, rk).extraction.medications
        out[line] = "meds=" + (",".join(sorted({m.name.lower() for m in meds})) or "-")
    elif " + " in line:
        rep = ix.check_names(kb, line.split(" + "))
        out[line] = ("unknown=" + ",".join(u.query for u in rep.unknown) + " | " if rep.unknown else "") + \
            ("; ".join(f"{x.severity}[{getattr(x, 'rule_id', None) or ''}]" for x in rep.findings[:3]) or "none")
    else:
        r = resolve_drug(kb, line)
        out[line] = f"{r.how}:{','.join(r.ids) or '-'} sugg={r.suggestions[:3]}"
json.dump(out, sys.stdout, indent=0)
