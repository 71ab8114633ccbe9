"""Issue 11, session 28 review (rec28fix): wrong readings an outsider found in the rec28 rules, each with its opposite
case. Sentences written for these tests (none from a note set)."""

from __future__ import annotations

import pytest

from ._read import problems as _problems


def _got(kb, text: str) -> set[tuple[str | None, str]]:
    return {(c, a) for _, c, a in _problems(kb, text)}


# ---- a bullet's dash is no minus sign ------------------------------------------------------------------------------
@pytest.mark.parametrize("text, code", [
    ("PROBLEMS:\n- Hypertension\n- Atrial fibrillation + rate controlled", "I48.91"),
    ("- Type 2 diabetes + peripheral neuropathy", "E11.9"),
    ("Symptoms: + fever, + cough\nPMH:\n- Hypertension\n- Asthma", "J45.909"),
])
def test_a_bulleted_problem_stays_present(kb, text, code):
    assert (code, "present") in _got(kb, text)
    assert (code, "negated") not in _got(kb, text)


@pytest.mark.parametrize("text, code", [
    ("- headache, + dizziness, + nausea", "R51.9"),      # a comma-separated sign list opened by a minus
    ("+ fatigue - night sweats + weight loss", "R61"),     # a minus inside the line
    ("(-) fever (+) cough", "R50.9"),
])
def test_a_minus_in_a_sign_list_still_negates(kb, text, code):
    assert (code, "negated") in _got(kb, text)


# ---- the reason for a risk is a fact ------------------------------------------------------------------------------
@pytest.mark.parametrize("text, code", [
    ("She is at high risk for stroke given her atrial fibrillation.", "I48.91"),
    ("At increased risk of bleeding due to thrombocytopenia.", "D69.6"),
    ("High risk for falls because of Parkinson disease.", "G20.A1"),
    ("He is at high risk for DVT with active cancer.", "C80.1"),
])
def test_the_reason_for_a_risk_is_present(kb, text, code):
    assert (code, "present") in _got(kb, text)


@pytest.mark.parametrize("text, code", [
    ("She is at high risk for stroke given her atrial fibrillation.", "I63.9"),
    ("If fever with a rash develops, return to clinic.", "R21"),   # a conditional's bare "with" still hedges
])
def test_the_risk_itself_stays_hypothetical(kb, text, code):
    got = _got(kb, text)
    assert (code, "hypothetical") in got
    assert (code, "present") not in got


# ---- bleeding beside a cautery word ---------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Ongoing bleeding despite cauterized vessels; two units were transfused.",
    "Bleeding from the left nostril was cauterized in the office.",
])
def test_a_bleeding_treated_by_cautery_is_a_bleeding(kb, text):
    assert ("R58", "present") in _got(kb, text)


@pytest.mark.parametrize("text", [
    "Several bleeding points were cauterized before closure.",
    "Any bleeding was coagulated with the cautery before the dressing went on.",
])
def test_bleeding_points_cauterized_in_an_operation_are_no_bleeding(kb, text):
    assert "R58" not in {c for c, _ in _got(kb, text)}


# ---- dialysis that is a relative's, over, or only advised -----------------------------------------------------------
@pytest.mark.parametrize("text, code", [
    ("CKD stage 5. Her sister is on dialysis.", "N18.5"),
    ("CKD stage 5. Mother was on hemodialysis for years.", "N18.5"),
    ("CKD stage 5. He was on dialysis until his kidney transplant.", "N18.5"),
    ("CKD stage 5. Hemodialysis three times a week was recommended.", "N18.5"),
    ("CKD stage 5. She has been on peritoneal dialysis since 2021.", "N18.6"),
    ("CKD stage 5. He was started on hemodialysis last month.", "N18.6"),
])
def test_dialysis_of_the_patient_now(kb, text, code):
    assert (code, "present") in _got(kb, text)


# ---- a habit denied or given up does not reach a problem ------------------------------------------------------------
@pytest.mark.parametrize("text, code, assertion", [
    ("She never smoked, and has COPD from cooking smoke.", "J44.9", "present"),
    ("He has never used a CPAP for his sleep apnea.", "G47.30", "present"),
    ("Takes nothing for her migraine.", "G43.909", "present"),
    ("Hypertension, diabetes, and tobacco use, but quit eight years ago.", "I10", "present"),
    ("Hypertension, diabetes, and tobacco use, but quit eight years ago.", "E11.9", "present"),
    # the opposite cases: the habit itself
    ("Never drank alcohol, but smokes a few cigarettes daily.", "F10.90", "negated"),
    ("Alcohol abuse, but quit six years ago.", "F10.10", "historical"),
    ("No fever, and no cough.", "R05.9", "negated"),
])
def test_habit_words_reach_the_habit_only(kb, text, code, assertion):
    assert (code, assertion) in _got(kb, text)
