"""Issue 11, session 30 (rec30): wrong readings fixed by general cause, each with its opposite case and the neighbours
that must keep their reading. Sentences written for these tests (none from a note set)."""

from __future__ import annotations

import pytest

from medcore.records.pipeline import analyze

from ._read import problems as _problems


def _allergens(kb, text: str) -> list[str]:
    return [a.substance.lower() for a in analyze(text, kb).extraction.allergies]


def _got(kb, text: str) -> set[tuple[str | None, str]]:
    return {(c, a) for _, c, a in _problems(kb, text)}


def _vitals(kb, text: str) -> list[tuple[str, str]]:
    return [(v.name, v.value) for v in analyze(text, kb).extraction.vitals]


def _meds(kb, text: str) -> dict[str, tuple[str, str, str]]:
    return {m.name: (m.dose, m.unit, m.frequency) for m in analyze(text, kb).extraction.medications}


# ---- 1. the allergy reading ends with the allergy statement; a clinical caution is not an allergy ---------------------
@pytest.mark.parametrize("text", [
    "Allergies: NKDA. Avoid fluoroquinolones given her aneurysm.",
    "ALLERGIES: No known drug allergies. Do not give NSAIDs because of the ulcer.",
    "Allergies: none known. Metformin is contraindicated with her kidney function.",
    "ALLERGIES: NKDA. Lisinopril 10 mg daily was started.",
])
def test_a_caution_or_an_order_after_nkda_is_no_allergy(kb, text):
    assert _allergens(kb, text) == []


@pytest.mark.parametrize("text, want", [
    ("Allergies: penicillin (rash), sulfa", ["penicillin", "sulfa"]),        # one list: both kept
    ("ALLERGIES: Penicillin. Codeine.", ["penicillin", "codeine"]),           # no "none" said: the section goes on
    ("ALLERGIES: NKDA. Sulfa causes a rash.", ["sulfa"]),                     # an allergy story after it is read
    ("ALLERGIES: NKDA. An ACE inhibitor may have caused a cough.", ["ace inhibitor"]),  # a side effect told there
    ("Allergies: avoid sulfa, causes hives.", ["sulfa"]),                     # a caution with its allergic reason
    ("She is allergic to penicillin.", ["penicillin"]),
])
def test_an_allergy_list_keeps_its_allergens(kb, text, want):
    assert _allergens(kb, text) == want


def test_the_drug_after_nkda_is_a_medicine(kb):
    assert "lisinopril" in _meds(kb, "ALLERGIES: NKDA. Lisinopril 10 mg daily was started.")


# ---- 2. "never had a reaction to" denies the allergy ------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "She has never had a reaction to penicillin.",
    "He has not had any reaction to contrast.",
    "Denies any allergic reaction to sulfa.",
])
def test_a_denied_reaction_is_no_allergy(kb, text):
    assert _allergens(kb, text) == []


@pytest.mark.parametrize("text, want", [
    ("She had a reaction to penicillin.", ["penicillin"]),
    ("He once had a bad reaction to contrast.", ["contrast"]),
    ("Never tolerated codeine; she is allergic to penicillin.", ["penicillin"]),
])
def test_a_reaction_told_is_an_allergy(kb, text, want):
    assert want[0] in _allergens(kb, text)


# ---- 3. a relative who is the sentence's subject owns its problems ----------------------------------------------------
@pytest.mark.parametrize("text", [
    "Mother is 80 and lives alone after her stroke.",
    "Her father died after his stroke.",
    "His mother has been frail since her stroke.",
])
def test_the_relatives_sentence_is_a_family_history(kb, text):
    assert _got(kb, text) == {("I63.9", "family")}


@pytest.mark.parametrize("text", [
    "Her mother is 80 and lives alone, but the patient had a stroke.",   # a contrast hands back to the patient
    "She lives with her mother after her stroke.",                       # the patient is the subject
    "Mother is 80 and lives alone; the patient had a stroke.",
    "Mother visited after the patient's stroke.",
])
def test_the_patients_own_problem_stays_hers(kb, text):
    assert ("I63.9", "family") not in _got(kb, text)
    assert any(c == "I63.9" for c, _ in _got(kb, text))


# ---- 4. a comma-inverted term does not take the next item's first words -----------------------------------------------
def test_type_2_mi_after_type_2_dm(kb):
    got = _got(kb, "Type 2 DM, type 2 MI.")
    assert ("I21.A1", "present") in got and ("I21.9", "present") not in got
    assert any(c.startswith("E11") for c, _ in got)


@pytest.mark.parametrize("text, code", [
    ("Diabetes, type 2.", "E11.9"),                   # the inverted term alone is still read whole
    ("DM, type 2, hypertension.", "E11.9"),
    ("Hypertension, type 2 diabetes.", "E11.9"),
    ("Type 2 MI.", "I21.A1"),
])
def test_inverted_terms_keep_their_reading(kb, text, code):
    assert any(c == code for c, _ in _got(kb, text))


# ---- 5. "BP/HR 130/80/72": each value to its own vital ----------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("BP/HR 130/80/72.", [("blood pressure", "130/80"), ("heart rate", "72")]),
    ("HR/BP 72/130/80.", [("heart rate", "72"), ("blood pressure", "130/80")]),
    ("HR/RR 72/16.", [("heart rate", "72"), ("respiratory rate", "16")]),
    ("BP/HR 130/80.", [("blood pressure", "130/80")]),             # the rate not written: not a rate of 130/80
    ("BP 130/80, HR 72.", [("blood pressure", "130/80"), ("heart rate", "72")]),
])
def test_slash_joined_vitals(kb, text, want):
    assert _vitals(kb, text) == want


def test_an_implausible_pair_reads_nothing(kb):
    assert _vitals(kb, "BP/HR 130/80/700.") == []


# ---- 6. a dose written without its unit is kept as written (no unit invented) -----------------------------------------
@pytest.mark.parametrize("text, drug, want", [
    ("Medications: metoprolol 25 b.i.d., lisinopril 10 daily.", "metoprolol", ("25", "", "twice daily")),
    ("Medications: metoprolol 25 b.i.d., lisinopril 10 daily.", "lisinopril", ("10", "", "once daily")),
    ("MEDICATIONS: Digoxin 250 daily.", "digoxin", ("250", "", "once daily")),     # mcg, not the KB's mg: not guessed
    ("MEDICATIONS: Metoprolol 25 mg b.i.d.", "metoprolol", ("25", "mg", "twice daily")),
])
def test_unitless_doses_are_kept_as_written(kb, text, drug, want):
    assert _meds(kb, text)[drug] == want


# ---- blind_s29 studied as DEV: assertion causes (own sentences) -------------------------------------------------------
@pytest.mark.parametrize("text, code", [
    ("PAST MEDICAL HISTORY: Insulin-dependent diabetes, asthma.", "E10.9"),
    ("PAST MEDICAL HISTORY: Moderate mitral valve regurgitation, asthma.", "I34.0"),
    ("Past history: tricuspid regurgitation.", "I07.1"),
])
def test_a_chronic_condition_in_the_past_history_is_present(kb, text, code):
    assert (code, "present") in _got(kb, text)


def test_an_acute_event_in_the_past_history_stays_historical(kb):
    assert ("I63.9", "historical") in _got(kb, "PAST MEDICAL HISTORY: Stroke, asthma.")


@pytest.mark.parametrize("text, code, want", [
    ("Hematuria. Likely this is secondary to a urinary tract infection.", "N39.0", "possible"),
    ("Her cough is probably from reflux disease.", "K21.9", "possible"),
    ("Hematuria, secondary to a urinary tract infection.", "N39.0", "present"),   # a cause stated, not hedged
    ("Hematuria from a urinary tract infection.", "N39.0", "present"),
])
def test_a_hedged_cause(kb, text, code, want):
    assert (code, want) in _got(kb, text)


@pytest.mark.parametrize("text, want", [
    ("We judged the chance of compartment syndrome to be small.", "hypothetical"),
    ("She has a compartment syndrome of the leg.", "present"),
])
def test_a_chance_is_not_a_diagnosis(kb, text, want):
    assert any(a == want for c, a in _got(kb, text) if c and c.startswith("T79.A"))
