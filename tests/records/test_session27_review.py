"""Issue 11, session 27 review (rec27fix): readings a reviewer's own sentences broke after rec27, each with its
opposite case. A bare 'type 1' typed an infarction or a respiratory failure as type 1 diabetes; a stage 5 CKD was end
stage renal disease whatever was said of dialysis; a stool test's qualitative result ('hemoccult negative') was read
as the lab only. Sentences written for these tests (none from a note set)."""

from __future__ import annotations

import pytest

from ._read import problems as _problems


def _got(kb, text: str) -> set[tuple[str | None, str]]:
    return {(c, a) for _, c, a in _problems(kb, text)}


def _codes(kb, text: str) -> set[str | None]:
    return {c for _, c, _ in _problems(kb, text)}


@pytest.mark.parametrize("text", [
    "Transferred after a type 1 NSTEMI, for angiography.",
    "Working diagnosis: type 1 respiratory failure from the pneumonia.",
    "Café-au-lait macules in keeping with neurofibromatosis type 1.",
    "Type 1 MI with a ruptured plaque in the LAD.",
])
def test_bare_type_1_is_not_diabetes(kb, text):
    assert not any(c and c.startswith("E10") for c in _codes(kb, text))


@pytest.mark.parametrize("text", [
    "He has had type 1 diabetes mellitus since age nine.",
    "PMH: DM type 1 on a pump.",
    "Known T1DM, sugars labile.",
])
def test_type_1_diabetes_named_is_still_read(kb, text):
    assert any(c and c.startswith("E10") for c in _codes(kb, text))


@pytest.mark.parametrize("text, code", [
    ("She has stage 5 CKD and is not yet on dialysis.", "N18.5"),
    ("CKD stage 5, not on dialysis, fistula planned.", "N18.5"),
    ("Stage 3 CKD with stable creatinine.", "N18.30"),
    ("Stage 4 CKD followed in renal clinic.", "N18.4"),
    ("CKD stage 5 on hemodialysis on Mondays, Wednesdays and Fridays.", "N18.6"),
    ("Chronic kidney disease stage 5 requiring dialysis.", "N18.6"),
    ("Known ESRD, dialysed via a left arm fistula.", "N18.6"),
])
def test_ckd_stage_5_is_esrd_only_on_dialysis(kb, text, code):
    got = _codes(kb, text)
    assert code in got
    assert not ({"N18.5", "N18.6"} - {code}) & got


def test_ckd_denied_and_family_stay_so(kb):
    assert ("N18.9", "negated") in _got(kb, "No CKD on the problem list.")
    assert all(a == "family" for _, c, a in _problems(kb, "Family history of CKD in his mother.") if c and c.startswith("N18"))


@pytest.mark.parametrize("text, assertion", [
    ("Rectal exam: soft brown stool, hemoccult negative.", "negated"),
    ("Stool sent, hemoccult negative.", "negated"),
    ("Stool was hemoccult positive on two cards.", "present"),
    ("Digital exam: stool guaiac negative.", "negated"),
])
def test_stool_occult_blood_result_is_the_problem(kb, text, assertion):
    assert ("R19.5", assertion) in _got(kb, text)


def test_stool_test_result_still_a_lab(kb):
    from medcore.records.pipeline import analyze
    ex = analyze("Rectal exam: soft brown stool, hemoccult negative.", kb).extraction
    assert [x.value for x in ex.labs] == ["negative"]


@pytest.mark.parametrize("text", [
    "Urine culture negative.",
    "Blood cultures were negative at 48 hours.",
    "Temperature 37.1, afebrile overnight.",
])
def test_other_qualitative_results_name_no_new_problem(kb, text):
    assert "R19.5" not in _codes(kb, text)
    assert all(a == "negated" for _, _, a in _problems(kb, text))


@pytest.mark.parametrize("text, code, assertion", [
    ("Past medical history: gestational diabetes in her second pregnancy.", "O24.419", "historical"),
    ("History of diabetic ketoacidosis as a teenager.", "E11.10", "historical"),
    ("NSTEMI was excluded by serial troponins.", "I21.4", "negated"),
    ("Troponin negative, no STEMI.", "I21.3", "negated"),
    ("Rule out NSTEMI.", "I21.4", "possible"),
    ("Abdomen soft, without hepatosplenomegaly.", "R16.2", "negated"),
])
def test_rec27_codes_keep_their_assertions(kb, text, code, assertion):
    assert (code, assertion) in _got(kb, text)


def test_a_vital_reading_is_not_also_a_problem(kb):
    assert not any(c and c.startswith("R00") for c in _codes(kb, "Observations: BP 94/58 and heart rate 122 on arrival."))
