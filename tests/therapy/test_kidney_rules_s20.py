"""Session 20 (issue 13): an interaction rule's kidney context (written in CrCl) reads a typed eGFR when no CrCl can
be computed, as the renal dose bands do (dosing.kidney_value), and its warning says the eGFR stood in and, for a
stated CKD stage, that the value was not measured (dosing.renal_where, the one wording). A current medicine that a non-drug
allergen's source names gets its caution, as a proposed option does (non_drug.non_drug_caution)."""

from medcore.therapy.dosing import kidney_value, renal_band, renal_where

MEDS = ["dabigatran 150 mg twice daily", "amiodarone 200 mg daily"]


def _pair_warning(plan) -> str:
    hits = [w for w in plan.warnings if w.kind == "interaction" and "dabigatran" in w.text.lower()]
    assert len(hits) == 1
    return hits[0]


def test_a_typed_egfr_reaches_the_crcl_context_and_says_so(plan_for):
    w = _pair_warning(plan_for({"age": 70, "sex": "male", "egfr": 25, "medications": MEDS}, "pneumonia"))
    assert w.severity == "major" and "eGFR 25 < 30, eGFR in place of CrCl:" in w.text


def test_a_stated_stage_says_not_measured_in_the_interaction(plan_for):
    w = _pair_warning(plan_for({"age": 70, "sex": "male", "conditions": ["CKD stage 4"], "medications": MEDS},
                               "pneumonia"))
    assert w.severity == "major" and "in place of CrCl; from the stated CKD stage G4, not a measured value" in w.text


def test_a_measured_crcl_is_said_plainly_and_none_keeps_the_base(plan_for):
    w = _pair_warning(plan_for({"age": 70, "sex": "male", "weight_kg": 70, "scr_mg_dl": 2.8, "medications": MEDS},
                               "pneumonia"))
    assert w.severity == "major" and "CrCl 24.3 < 30:" in w.text and "eGFR" not in w.text
    w = _pair_warning(plan_for({"age": 70, "sex": "male", "medications": MEDS}, "pneumonia"))
    assert w.severity == "moderate" and "Kidney function unknown" in w.text


def test_a_proposed_option_reads_the_typed_egfr(plan_for):
    # clarithromycin with current colchicine: contraindicated in kidney impairment (Colcrys: CrCl below 80)
    plan = plan_for({"age": 50, "sex": "female", "egfr": 60, "medications": ["colchicine 0.6 mg daily"]}, "h_pylori")
    hits = [i for o in plan.options for i in o.exclusions if "colchicine" in i.text and i.kind == "interaction"]
    assert hits and all("eGFR 60 < 80, eGFR in place of CrCl" in i.text for i in hits)


def test_one_fallback_for_bands_and_rules():
    assert kidney_value("crcl", None, 25) == (25, "egfr") and kidney_value("egfr", 40, None) == (40, "crcl")
    assert kidney_value("crcl", 33, 25) == (33, "crcl")
    band, basis, value = renal_band({"renal": [{"below": 30, "action": "adjust"}]}, None, 25)
    assert (basis, value) == ("egfr", 25)
    assert renal_where(band, basis, value) == "eGFR 25 < 30, eGFR in place of CrCl"
    assert renal_where({"below": 30, "by": "egfr"}, "egfr", 25) == "eGFR 25 < 30"


def test_a_current_medicine_named_by_a_food_allergen_gets_its_caution(plan_for):
    # shared.yaml: "an option or current medicine among them gets the note as a caution" (egg/soy: propofol label)
    plan = plan_for({"age": 50, "sex": "female", "allergies": ["egg (hives)"], "medications": ["propofol infusion"]},
                    "pneumonia")
    hits = [w for w in plan.warnings if w.kind == "allergy" and w.drugs == ["propofol"]]
    assert len(hits) == 1 and hits[0].severity == "major"
    assert hits[0].text.startswith("Current medicine propofol: patient allergy to egg (hives), not a medicine.")
    assert "Diprivan" in hits[0].source
    plan = plan_for({"age": 50, "sex": "female", "allergies": ["latex"], "medications": ["propofol infusion"]},
                    "pneumonia")
    assert not [w for w in plan.warnings if w.kind == "allergy" and w.drugs == ["propofol"]]
