"""Session 19 (issue 13): non-drug allergens are recorded as such (never "not checked"), a reaction typed before its
drug is read, a stated CKD stage without a creatinine sets the renal caps (said as such), and the record hand-off
never enters a stopped medicine as current."""

import pytest

from medcore.therapy import forms
from medcore.therapy.allergy_text import reaction_first
from medcore.therapy.render import plan_markdown

PATIENT = {"age": 50, "sex": "male", "weight_kg": 72, "scr_mg_dl": 1.0}


def _penicillins(kb) -> set[str]:
    return {d for d in kb.drugs if kb.drug_info(d).get("allergy_class") == "penicillin"}


@pytest.mark.parametrize("typed, allergen", [
    ("latex", "latex"), ("Eggs", "egg"), ("peanuts (anaphylaxis)", "peanut"), ("shellfish", "shellfish"),
    ("bee stings - swelling", "insect_venom"), ("adhesive tape", "adhesive"), ("iodine", "iodine"),
    ("egg allergy", "egg"), ("latex gloves (rash)", "latex"), ("allergic to cats", "environmental"),
])
def test_a_non_drug_allergen_is_recorded_not_unchecked(plan_for, typed, allergen):
    plan = plan_for({**PATIENT, "allergies": [typed]}, "pneumonia")
    assert plan.unchecked_allergies == []
    assert [a["id"] for a in plan.non_drug_allergies] == [allergen]
    assert not any("not recognised" in w for w in plan.input_warnings)
    assert not any(w.kind == "unchecked" for w in plan.warnings)


def test_an_unknown_word_still_raises_the_banner_beside_a_food(plan_for):
    plan = plan_for({**PATIENT, "allergies": ["latex, zorblax"]}, "pneumonia")
    assert plan.unchecked_allergies == ["zorblax"]
    assert [a["id"] for a in plan.non_drug_allergies] == ["latex"]


def test_non_drug_relevance_is_sourced_and_exported(kb, plan_for):
    egg = kb.non_drug_allergens["egg"]
    assert "propofol" in egg["drugs"] and "ACIP" in egg["source"]
    for a in kb.non_drug_allergens.values():  # every entry has a source; a note only with a cited source
        assert a["source"].strip()
        assert not a.get("note") or "curation" not in a["source"]
    plan = plan_for({**PATIENT, "allergies": ["eggs", "penicillin"]}, "pneumonia")
    md = plan_markdown(plan.to_dict())
    assert "Non-drug allergies" in md and "influenza" in md and "ACIP" in md
    assert not set(plan.chosen_option().drugs) & _penicillins(kb)


@pytest.mark.parametrize("typed", ["hives from penicillin", "rash with amoxicillin", "penicillin (hives)",
                                   "PCN - hives", "PCN-hives", "anaphylaxis to PCN", "swelling after amoxicillin",
                                   "hives from pencillin"])
def test_a_penicillin_allergy_is_never_lost(kb, plan_for, typed):
    for allergies in ([typed], [{"substance": typed}]):
        plan = plan_for({**PATIENT, "allergies": allergies}, "pneumonia")
        assert plan.unchecked_allergies == []
        assert any(a["class"] == "penicillin" for a in plan.allergies), typed
        assert not set(plan.chosen_option().drugs) & _penicillins(kb)
    patient = forms.form_to_patient({**forms.FORM_DEFAULTS, "allergies": typed})
    assert not set(plan_for({**PATIENT, "allergies": patient["allergies"]}, "pneumonia").chosen_option().drugs) \
        & _penicillins(kb)


def test_reaction_first_keeps_the_reaction(plan_for):
    (a,) = plan_for({**PATIENT, "allergies": ["hives from penicillin"]}, "pneumonia").allergies
    assert (a["text"], a["reaction"]) == ("penicillin", "hives")
    assert reaction_first("rash with amoxicillin") == [("amoxicillin", "rash")]
    assert reaction_first("penicillin") == [] and reaction_first("x " * 2000) == []


def _augmentin(plan) -> str:
    return " ".join(d.text() for d in plan.chosen_option().doses if d.drug_id.startswith("amoxicillin"))


@pytest.mark.parametrize("stage, egfr", [("CKD stage 4", 29), ("CKD 3b", 44), ("ESRD on dialysis", 14),
                                         ("chronic kidney disease stage IV", 29)])
def test_a_stated_ckd_stage_sets_the_renal_caps(kb, plan_for, stage, egfr):
    plan = plan_for({"age": 60, "sex": "male", "conditions": [stage]}, "pneumonia")
    assert plan.egfr == egfr and plan.crcl is None
    assert any("stated CKD stage" in w and "Not a measured value" in w for w in plan.input_warnings)
    assert any(c.name.startswith("eGFR from stated CKD stage") and "KDIGO 2012" in c.source for c in plan.calculations)
    if egfr < 30:  # amoxicillin/clavulanate: no 875 mg tablet below CrCl 30 (FDA label), said as from the stage
        assert "875" not in _augmentin(plan)
        steps = [s for d in plan.chosen_option().doses for s in d.steps if s.startswith("Renal")]
        assert steps and all("stated CKD stage" in s for s in steps)


def test_a_measured_creatinine_wins_over_the_stage(plan_for):
    plan = plan_for({"age": 60, "sex": "male", "weight_kg": 70, "scr_mg_dl": 1.0, "conditions": ["CKD stage 4"]},
                    "pneumonia")
    assert plan.egfr > 60 and not any("stated CKD stage" in w for w in plan.input_warnings)
    assert "875" in _augmentin(plan)


def test_ckd_stage_ranges_are_kdigo(kb):
    assert {k: v.get("upper") for k, v in kb.ckd_stages.items()} == {
        "G1": None, "G2": 89, "G3": 59, "G3a": 59, "G3b": 44, "G4": 29, "G5": 14}
    assert "KDIGO 2012" in kb.ckd_stage_source


def test_handoff_never_enters_a_stopped_medicine_as_current():
    data = {"medications": [{"name": "warfarin", "dose": "5", "unit": "mg", "status": ""}, "naproxen 500 mg",
                            {"name": "metformin", "dose": "500", "unit": "mg", "status": ""},
                            {"name": "lisinopril", "status": "held"}, {"name": "lisinopril", "status": "continued"}],
            "stopped_medications": ["warfarin", "naproxen", "lisinopril"], "allergies": [], "problems": []}
    assert forms.handoff_to_patient(data)["medications"] == ["metformin 500 mg", "lisinopril"]


def test_the_page_shows_non_drug_allergies_as_recorded(monkeypatch, plan_for):
    import ui.therapy_tools as tt

    shown = []
    monkeypatch.setattr(tt.st, "info", lambda text, **_: shown.append(text))
    monkeypatch.setattr(tt.st, "caption", lambda text, **_: shown.append(text))
    monkeypatch.setattr(tt.st, "error", lambda text, **_: shown.append("ERROR " + text))
    plan = plan_for({**PATIENT, "allergies": ["latex (rash)"]}, "pneumonia").to_dict()
    tt.unread_allergy_banner(plan)
    tt.non_drug_allergy_note(plan)
    assert len(shown) == 2 and "Non-drug allergies recorded" in shown[0] and "latex (rash)" in shown[0].replace("\\", "")
    assert "21 CFR 801.437" in shown[1]


def test_a_stated_stage_reaches_the_kidney_dependent_interaction_rules(plan_for):
    # dabigatran + amiodarone: the label's CrCl < 30 case; stage 4 with no creatinine is read as eGFR 29
    meds = ["dabigatran 75 mg twice daily", "amiodarone 200 mg daily"]
    def sev(extra):
        plan = plan_for({"age": 70, "sex": "male", "medications": meds, **extra}, "pneumonia")
        return {w.severity for w in plan.warnings if w.kind == "interaction" and "dabigatran" in w.text}
    assert sev({"conditions": ["CKD stage 4"]}) == {"major"}
    assert sev({}) == {"moderate"}  # kidney function unknown: as before
