"""Session 21 probe (issue 13): plans for patients whose CURRENT medicines include a pair their rule says not to
combine (contraindicated, or major with `avoid`). Counts the plans that (a) list the pair as a current-medicine
problem (`Plan.current_conflicts`, absent before session 21) and (b) say "No allergy, contraindication,
interaction or pharmacogenomic problem was found" in their explanation. Run from the repo root:
PYTHONPATH=. python docs/evals/planner-s21/probe.py"""

from pathlib import Path

from medcore.therapy.kb import load_kb_dir
from medcore.therapy.planner import make_plan
from medcore.therapy.profile import parse_patient

CASES = [  # (current medicines, condition planned)
    (["simvastatin 40 mg daily", "clarithromycin 500 mg twice daily"], "hypertension"),
    (["phenelzine 15 mg three times daily", "sertraline 50 mg daily"], "urinary tract infection"),
    (["clopidogrel 75 mg daily", "omeprazole 20 mg daily"], "hypertension"),
    (["apixaban 5 mg twice daily", "rifampin 600 mg daily"], "urinary tract infection"),
    (["tizanidine 4 mg three times daily", "ciprofloxacin 500 mg twice daily"], "hypertension"),
    (["ticagrelor 90 mg twice daily", "aspirin 325 mg daily"], "gerd"),
]
CLEAN = "No allergy, contraindication, interaction or pharmacogenomic problem was found"

kb = load_kb_dir(Path("assets/kb/therapy"))
listed = says_clean = 0
for meds, condition in CASES:
    p, w = parse_patient({"age": 55, "sex": "female", "weight_kg": 70, "scr_mg_dl": 0.9, "medications": meds})
    plan = make_plan(kb, p, condition, w)
    conflicts = getattr(plan, "current_conflicts", [])
    clean = any(CLEAN in line for line in plan.explanation)
    listed += bool(conflicts)
    says_clean += clean
    pair = [(i.severity, i.text[:70]) for i in plan.warnings if i.kind == "interaction" and "current medicines" in i.text]
    print(f"{' + '.join(meds)} | {condition}: listed {bool(conflicts)}, says clean {clean}, warning {pair[:1]}")
print(f"current pair listed as a problem: {listed}/{len(CASES)}; explanation says no interaction: {says_clean}/{len(CASES)}")
