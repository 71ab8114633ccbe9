"""Session 18 (issue 13): chronic kidney disease typed with its stage is read as CKD with the stage kept; a spelling
suggestion ("did you mean COPD") never stands in for a condition the text names."""

import pytest

from medcore.therapy.names import resolve_condition, resolve_state

PATIENT = {"age": 70, "sex": "female", "weight_kg": 60, "scr_mg_dl": 2.4}


@pytest.mark.parametrize("typed, stage", [
    ("CKD stage 4", "G4"), ("CKD 3a", "G3a"), ("CKD 3b", "G3b"), ("CKD 4", "G4"), ("CKD 5", "G5"),
    ("CKD stage 5", "G5"), ("stage 4 CKD", "G4"), ("CKD-3b", "G3b"), ("ckd4", "G4"), ("CKD IV", "G4"),
    ("CKD G4A2", "G4"), ("chronic kidney disease stage 3", "G3"), ("CKD 5D", "G5D"),
])
def test_ckd_stages_are_ckd_with_the_stage(kb, typed, stage):
    r = resolve_state(kb, typed)
    assert (r.id, r.stage) == ("ckd_albuminuria", stage)
    assert resolve_condition(kb, typed).id == "ckd_albuminuria"


@pytest.mark.parametrize("typed, stage", [("ESRD", "G5"), ("on dialysis", "G5D"), ("haemodialysis", "G5D"),
                                          ("end stage renal disease", "G5")])
def test_kidney_failure_is_dialysis_and_ckd(kb, typed, stage):
    r = resolve_state(kb, typed)
    assert set(r.ids) == {"dialysis", "ckd_albuminuria"} and r.stage == stage and r.how != "fuzzy"


def test_ckd_stage_4_is_never_offered_copd(plan_for):
    plan = plan_for({**PATIENT, "conditions": ["CKD stage 4"]}, "pneumonia")
    text = " ".join(plan.input_warnings)
    assert "COPD" not in text and "did you mean" not in text
    (prob,) = plan.problems
    assert prob["id"] == "ckd_albuminuria" and prob["stage"] == "G4"
    # ATS/IDSA: chronic kidney disease is a comorbidity, so the comorbidity regimen is proposed
    assert plan.chosen == "amoxclav_macrolide"


def test_a_named_condition_is_not_replaced_by_a_spelling_guess(kb):
    r = resolve_state(kb, "CKD (moderate)")
    assert r.id == "ckd_albuminuria"
    r = resolve_state(kb, "asthma and copd overlap")  # a problem naming two: both read, never a third guessed
    assert set(r.ids) == {"asthma", "copd"} and r.how == "named"
    r = resolve_condition(kb, "asthma and copd overlap")  # the condition to treat: asked which
    assert r.id is None and "COPD (stable)" in r.suggestions
