# Every expanded interaction pair of the therapy KB with its leading severity (JSON), to compare two commits:
# PYTHONPATH=. python docs/evals/planner-s24/dump_pairs.py OUT.json  (run in each checkout)
import json, sys
from pathlib import Path
from medcore.therapy.kb import load_kb_dir
kb = load_kb_dir(Path('assets/kb/therapy'))
RANK = {"minor": 0, "moderate": 1, "major": 2, "contraindicated": 3}
out = {}
for k, rules in kb.pairs.items():
    best = max(rules, key=lambda r: RANK.get(r.severity, 0))
    out["|".join(sorted(k))] = [best.severity, bool(getattr(best, "avoid", False)), sorted({getattr(r, "id", "") or "pair" for r in rules})]
json.dump(out, open(sys.argv[1], "w"), sort_keys=True)
