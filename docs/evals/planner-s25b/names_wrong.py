"""Right and wrongly read names of a `names:` YAML list (names_blind scoring), for a no-new-wrong-read check of the
session-25b rules on the earlier breadth lists. Usage: python names_wrong.py LIST.yaml [...]"""
import json
import sys

from medcore import kbyaml
from medcore.config import Settings
from medcore.therapy import names_blind
from medcore.therapy.kb import load_kb

kb = load_kb(Settings.load())
for path in sys.argv[1:]:
    cases = kbyaml.load(path)["names"]
    scored = [names_blind.score_name(kb, c) for c in cases]
    wrong = [s for s in scored if s["recognised"] and not s["ok"]]
    print(json.dumps({"file": path, "n": len(scored), "right": sum(s["ok"] for s in scored),
                      "recognised": sum(s["recognised"] for s in scored), "wrong": len(wrong),
                      "wrong_names": [[s["name"], s["got"], s["expected"]] for s in wrong]}))
