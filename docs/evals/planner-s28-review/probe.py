"""Probe names and pairs through the planner's lookup and interaction check (names.resolve_drug, ix.check_names)."""
import json, sys
from medcore.config import Settings
from medcore.therapy.kb import load_kb
from medcore.therapy import interactions as ix
from medcore.therapy.names import resolve_drug
from medcore.knowledge import drugs as kdrugs

kb = load_kb(Settings.load())
forms = kdrugs.text_forms()
names, pairs = [], []
for line in open(sys.argv[1]):
    line = line.strip()
    if not line or line.startswith("#"): continue
    if " + " in line: pairs.append(line.split(" + "))
    else: names.append(line)
out = {}
for n in names:
    r = resolve_drug(kb, n)
    k = kdrugs.resolve(n)
    out[n] = f"{r.how}:{','.join(r.ids) or '-'} sugg={r.suggestions[:3]} lex={k.how}:{','.join(k.ingredients)} text={n.lower() in forms}"
for a, b in pairs:
    rep = ix.check_names(kb, [a, b])
    f = rep.findings
    out[f"{a} + {b}"] = ("unknown=" + ",".join(u.query for u in rep.unknown) + " | " if rep.unknown else "") + \
        ("; ".join(f"{x.severity}[{getattr(x,'rule_id',None) or ''}]{x.drugs if hasattr(x,'drugs') else ''}" for x in f[:3]) or "none") + \
        (" notes=" + str(rep.route_notes)[:150] if getattr(rep,'route_notes',None) else "")
json.dump(out, sys.stdout, indent=0)
