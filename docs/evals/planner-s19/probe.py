"""Session 19 probe (issue 13): non-drug allergens, reaction-first penicillin allergies, CKD stage without a
creatinine, and the record hand-off's stopped medicines. Runs on any checkout (fields absent before session 19 read
as not done). Usage: PYTHONPATH=. python docs/evals/planner-s19/probe.py"""

from pathlib import Path

from medcore.therapy import forms
from medcore.therapy.kb import load_kb_dir
from medcore.therapy.planner import make_plan
from medcore.therapy.profile import parse_patient

kb = load_kb_dir(Path("assets/kb/therapy"))
P = {"age": 50, "sex": "male", "weight_kg": 72, "scr_mg_dl": 1.0}
PENS = {d for d in kb.drugs if kb.drug_info(d).get("allergy_class") == "penicillin"}


def plan(patient, cond="pneumonia"):
    p, w = parse_patient(patient)
    return make_plan(kb, p, cond, w)


NON_DRUG = ["latex", "eggs", "peanuts", "shellfish", "bee stings", "adhesive tape", "iodine", "soy", "milk",
            "wasp sting", "latex gloves (rash)", "egg allergy", "pollen", "dust mites", "tree nuts", "gelatin"]
ok = sum(1 for t in NON_DRUG if not plan({**P, "allergies": [t]}).unchecked_allergies)
print(f"non-drug allergens recorded, not 'not checked': {ok}/{len(NON_DRUG)}")
unknown = sum(1 for t in ["zorblax", "flurbonite"] if plan({**P, "allergies": [t]}).unchecked_allergies)
print(f"unknown words still 'not checked': {unknown}/2")

PEN = ["hives from penicillin", "rash with amoxicillin", "penicillin (hives)", "PCN - hives", "PCN-hives",
       "anaphylaxis to PCN", "swelling after amoxicillin", "itching on penicillin", "rash due to amoxil",
       "hives from pencillin"]
ok = sum(1 for t in PEN if not set(plan({**P, "allergies": [t]}).chosen_option().drugs) & PENS)
print(f"pneumonia plans with no penicillin, allergy typed {len(PEN)} ways: {ok}/{len(PEN)}")

STAGES = ["CKD stage 4", "CKD 4", "CKD 3b", "CKD G4A2", "stage 4 CKD", "CKD 5D", "ESRD", "ESRD on dialysis",
          "on dialysis", "chronic kidney disease stage IV"]
ok = sum(1 for t in STAGES if plan({"age": 60, "sex": "male", "conditions": [t]}).egfr is not None)
print(f"CKD stage without creatinine used for renal caps: {ok}/{len(STAGES)}")

data = {"medications": [{"name": "warfarin", "dose": "5", "unit": "mg", "status": ""}, "naproxen 500 mg"],
        "stopped_medications": ["warfarin", "naproxen"], "allergies": [], "problems": []}
print(f"hand-off stopped medicines entered as current: {len(forms.handoff_to_patient(data)['medications'])}/2")
