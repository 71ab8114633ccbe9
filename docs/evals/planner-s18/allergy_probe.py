"""Session 18 dev probe: typed allergy formats -> is the pneumonia plan free of penicillins, and is an unread allergy
reported? Run from the repo root: `nice -n 10 .venv/bin/python docs/evals/planner-s18/allergy_probe.py`.
Every line is a dev input written for this probe (not a blind set)."""

import sys
from pathlib import Path

sys.path.insert(0, ".")
from medcore.therapy.kb import load_kb_dir  # noqa: E402
from medcore.therapy.planner import make_plan  # noqa: E402
from medcore.therapy.profile import parse_patient  # noqa: E402

PENICILLIN = ["penicillin - hives", "penicillin – rash", "Penicillin — swelling", "Penicillin (anaphylaxis)",
              "penicillin [rash]", "PCN: hives", "penicilin", "pencillin", "penecillin", "allergic to amoxil",
              "penicillin -> rash", "penicillin → hives", "penicillin => wheeze", "penicillin causes hives",
              "amoxicillin gives me a rash", "Amoxil gave me hives", "allergy to penicillin", "PCN allergy",
              "amoxicillin-rash", "Allergy: penicillin", "augmentin - diarrhoea and rash", "pen V (rash)",
              "flucloxacillin: hives", "Amoxicillin caused swelling of lips"]
UNREADABLE = ["qzxvbt - hives", "the blue tablet (rash)"]

kb = load_kb_dir(Path("assets/kb/therapy"))
pens = {d for d in kb.drugs if kb.drug_info(d).get("allergy_class") == "penicillin"}
base = {"age": 50, "sex": "male", "weight_kg": 72, "scr_mg_dl": 1.0}
safe = 0
for typed in PENICILLIN:
    p, w = parse_patient({**base, "allergies": [typed]})
    plan = make_plan(kb, p, "pneumonia", w)
    ok = not set(plan.chosen_option().drugs) & pens
    safe += ok
    print(f"{'ok ' if ok else 'PEN'} {typed!r}: {plan.chosen_option().drugs}")
print(f"penicillin allergy formats with no penicillin proposed: {safe}/{len(PENICILLIN)}")
reported = 0
for typed in UNREADABLE:
    p, w = parse_patient({**base, "allergies": [typed]})
    plan = make_plan(kb, p, "pneumonia", w)
    field = getattr(plan, "unchecked_allergies", None)
    reported += bool(field)
    print(f"unreadable {typed!r}: structured field {field!r}")
print(f"unreadable allergies in a structured field: {reported}/{len(UNREADABLE)}")
