"""Issue 11, session 30 review (recrev30) of rec30's change: each fixed reading with its opposite case and neighbours.
Sentences written for these tests (none from a note set)."""

from __future__ import annotations

import pytest

from medcore.records.pipeline import analyze

from ._read import problems as _problems


def _got(kb, text: str) -> set[tuple[str | None, str]]:
    return {(c, a) for _, c, a in _problems(kb, text)}


def _meds(kb, text: str) -> list[str]:
    return [m.name for m in analyze(text, kb).extraction.medications]


def _current(kb, text: str) -> list[str]:
    return [m.name for m in analyze(text, kb).extraction.medications if m.status != "stopped"]


def _allergens(kb, text: str) -> list[str]:
    return [a.substance.lower() for a in analyze(text, kb).extraction.allergies]


# ---- 1. a relative who opens the sentence owns it up to a semicolon, not past it -------------------------------------
@pytest.mark.parametrize("text, code, want", [
    ("Father had a stroke at 70; she now presents with weakness of the left arm.", "R29.898", "present"),
    ("Father had a stroke at 70; weakness of the left arm since then.", "R29.898", "present"),
    ("Father had a stroke at 70; she now presents with weakness of the left arm.", "I63.9", "family"),
    # the neighbours without a semicolon keep rec30's reading
    ("Mother is 80 and lives alone after her stroke.", "I63.9", "family"),
    ("Brother had a colectomy for colon cancer after years of colitis.", "K52.9", "family"),
    ("She lives with her mother after her stroke.", "I63.9", "present"),
    ("Mother requires oxygen for COPD, while the patient has asthma.", "J45.909", "present"),
    ("Her father has COPD and she has had a cough for a month.", "R05.9", "present"),
    # a forward family cue stopped at the semicolon before (";" is a terminator) and still does
    ("Mother with diabetes; hypertension.", "I10", "present"),
    ("Mother with diabetes; hypertension.", "E11.9", "family"),
])
def test_a_relatives_sentence_ends_at_a_semicolon(kb, text, code, want):
    assert (code, want) in _got(kb, text)


# ---- 2. a drug kept from the patient is no medication of the record --------------------------------------------------
@pytest.mark.parametrize("text, drug", [
    ("ALLERGIES: NKDA. Metformin is contraindicated because of her kidney function.", "metformin"),
    ("Allergies: NKDA. Do not give NSAIDs because of her ulcer.", "nsaid"),
    ("Metformin is contraindicated given her renal failure.", "metformin"),
    ("Warfarin should be avoided because of her falls.", "warfarin"),
    ("She should not receive heparin.", "heparin"),
    ("Heparin should not be given.", "heparin"),
    ("Metformin is effective; ibuprofen is contraindicated.", "ibuprofen"),
    ("Avoid taking aspirin.", "aspirin"),
    ("Do not give aspirin; she has an allergy to it with hives.", "aspirin"),
])
def test_a_drug_kept_from_the_patient_is_no_current_medication(kb, text, drug):
    # left out, or kept as stopped where a status word of its own says so ("should not be given", session 17's rule)
    assert drug not in _current(kb, text)


@pytest.mark.parametrize("text, drug", [
    ("Metformin is effective; ibuprofen is contraindicated.", "metformin"),
    ("She takes metformin and contrast is contraindicated.", "metformin"),    # the caution is of another thing
    ("She takes metformin 500 mg twice daily; IV contrast is contraindicated.", "metformin"),
    ("Continue lisinopril; avoid ibuprofen.", "lisinopril"),
    ("Lisinopril is working well for her blood pressure.", "lisinopril"),
    ("ALLERGIES: NKDA. MEDICATIONS: Lisinopril 10 mg daily.", "lisinopril"),
])
def test_a_drug_beside_a_caution_of_another_stays(kb, text, drug):
    assert drug in _meds(kb, text)


@pytest.mark.parametrize("text, want", [
    ("Allergies: NKDA. Metformin is contraindicated because of her kidney function.", []),
    ("Allergies: NKDA. Lisinopril caused a cough.", ["lisinopril"]),
    ("Allergies: penicillin (rash), sulfa.", ["penicillin", "sulfa"]),
])
def test_the_allergy_reading_is_unchanged(kb, text, want):
    assert _allergens(kb, text) == want
