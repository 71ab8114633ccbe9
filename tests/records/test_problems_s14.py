"""Issue 11, session 14 (records14): signs said with an adjective, an old myocardial infarction, a denied cigarette
habit, chronic conditions in a past history, the jaw's own pain code, and the indication of an as-needed order.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from ._read import problems as _problems


def _found(kb, text, word):
    found = [(c, a) for w, c, a in _problems(kb, text) if w == word]
    assert found, (word, _problems(kb, text))
    return found[0]


@pytest.mark.parametrize("text,word,code,assertion", [
    ("Since Monday her voice has been hoarse and weak.", "hoarse", "R49.0", "present"),
    ("Neuro: alert, speech is not aphasic, gait steady.", "aphasic", "R47.01", "negated"),
    ("On review today he feels rather fatigued.", "fatigued", "R53.83", "present"),
    ("Overnight the boy was oliguric despite fluids.", "oliguric", "R34", "present"),
])
def test_a_sign_said_with_an_adjective_is_read(kb, text, word, code, assertion):
    assert _found(kb, text, word) == (code, assertion)


def test_a_hoarse_cough_names_the_cough_not_hoarseness(kb):
    # before a noun the adjective qualifies it: not a predicate of the patient
    assert "hoarse" not in [w for w, _c, _a in _problems(kb, "She had a hoarse cough for a week.")]


def test_nonoliguric_denies_oliguria(kb):
    assert _found(kb, "Renal function is stable and he is nonoliguric.", "nonoliguric") == ("R34", "negated")


@pytest.mark.parametrize("text", [
    "He is status post myocardial infarction in the past with a stent placed.",
    "She has a history of MI in the past.",
])
def test_a_past_myocardial_infarction_is_an_old_one(kb, text):
    found = [(c, a) for w, c, a in _problems(kb, text) if w in ("myocardial infarction", "mi")]
    assert found and all(c == "I25.2" and a == "historical" for c, a in found), _problems(kb, text)


def test_a_current_myocardial_infarction_stays_acute(kb):
    found = [(c, a) for w, c, a in _problems(kb, "Troponin rise today, consistent with myocardial infarction.")
             if w == "myocardial infarction"]
    assert found and found[0][0].startswith("I21"), found


def test_a_denied_cigarette_habit_is_tobacco_use(kb):
    code, assertion = _found(kb, "SOCIAL HISTORY: He does not smoke cigarettes.", "smoke cigarettes")
    assert (code, assertion) == ("Z72.0", "negated")


def test_a_current_cigarette_habit_stays_nicotine_dependence(kb):
    code, assertion = _found(kb, "SOCIAL HISTORY: She smokes cigarettes every day.", "smokes cigarettes")
    assert (code, assertion) == ("F17.210", "present")


@pytest.mark.parametrize("term", ["Arthritis", "PTSD", "Gastroparesis", "Hypertriglyceridemia", "ASHD"])
def test_chronic_conditions_in_the_past_history_are_present(kb, term):
    text = f"PAST MEDICAL HISTORY: {term}.\nMEDICATIONS: None."
    found = [a for w, _c, a in _problems(kb, text) if w == term.lower()]
    assert found == ["present"], _problems(kb, text)


def test_pain_to_the_jaw_is_jaw_pain_not_the_arm_before_it(kb):
    text = "He had pain going down his left arm and pain up into the jaw."
    codes = [c for w, c, _a in _problems(kb, text) if w == "pain"]
    assert "R68.84" in codes and "M79.629" not in codes[1:], _problems(kb, text)


@pytest.mark.parametrize("text", [
    "Oxycodone 5 mg one tablet every 4 hours p.r.n. pain.",
    "She may take ibuprofen 400 mg as needed for pain.",
])
def test_the_indication_of_an_as_needed_order_is_hypothetical_pain(kb, text):
    code, assertion = _found(kb, text, "pain")
    assert (code, assertion) == ("R52", "hypothetical")


def test_a_bare_pain_without_a_site_or_order_stays_unread(kb):
    assert "pain" not in [w for w, _c, _a in _problems(kb, "His pain is better controlled today.")]


@pytest.mark.parametrize("text,word,code", [
    # the site is the clause's subject, several words before the sign
    ("On palpation the liver edge is smooth, with no tenderness or masses.", "masses", "K76.89"),
    ("Both kidneys look normal in size with no mass seen.", "mass", "N28.89"),
])
def test_a_bare_sign_takes_the_site_named_before_it(kb, text, word, code):
    assert _found(kb, text, word) == (code, "negated")


def test_a_bare_sign_with_no_site_is_not_read(kb):
    assert "masses" not in [w for w, _c, _a in _problems(kb, "No masses were felt today.")]


def test_mass_effect_is_not_a_mass(kb):
    text = "A large liver cyst is causing mass effect on the stomach."
    assert "mass" not in [w for w, _c, _a in _problems(kb, text)], _problems(kb, text)


@pytest.mark.parametrize("text,word", [
    ("Anaemia, probably due to iron deficiency and menorrhagia.", "menorrhagia"),
    ("The fever was likely secondary to a urinary tract infection.", "urinary tract infection"),
    ("The plain film shows presumed gallstones.", "gallstones"),
    ("There is a suggestion of early osteoarthritis at the hip.", "osteoarthritis"),
    ("Last winter she could have had pneumonia, by her account.", "pneumonia"),
])
def test_a_hedge_of_belief_or_cause_makes_the_problem_possible(kb, text, word):
    found = [a for w, _c, a in _problems(kb, text) if word in w]
    assert found and found[0] == "possible", _problems(kb, text)


@pytest.mark.parametrize("text,word", [
    ("HOSPITAL COURSE: After the operation she had a short spell of dyspnea, which appears to have resolved.", "dyspnea"),
    ("HISTORY OF PRESENT ILLNESS: He had a chest infection in the spring that got better with antibiotics.",
     "chest infection"),
])
def test_a_problem_told_as_over_is_historical(kb, text, word):
    found = [a for w, _c, a in _problems(kb, text) if w == word]
    assert found == ["historical"], _problems(kb, text)


@pytest.mark.parametrize("text,word", [
    ("HISTORY OF PRESENT ILLNESS: She describes a 3 wk history of cough at night.", "cough"),
    ("HISTORY OF PRESENT ILLNESS: He has a long history of reflux on most days.", "reflux"),
])
def test_a_history_with_its_duration_is_the_current_complaint(kb, text, word):
    found = [a for w, _c, a in _problems(kb, text) if w == word]
    assert found == ["present"], _problems(kb, text)


def test_the_present_illness_heading_on_the_same_line_is_not_a_past_history(kb):
    text = "CHIEF COMPLAINT: Cough.\nHISTORY OF PRESENT ILLNESS: He has had a cough for a week.\nEXAM: Normal."
    found = [a for w, _c, a in _problems(kb, text) if w == "cough"]
    assert found == ["present", "present"], _problems(kb, text)


@pytest.mark.parametrize("text,word,code", [
    ("On review her blood pressure is elevated again.", "blood pressure is elevated", "R03.0"),
    ("His blood pressure has been up this month.", "blood pressure has been up", "R03.0"),
    ("Ultrasound found a spleen that was enlarged to 17 cm.", "spleen that was enlarged", "R16.1"),
    ("On palpation the liver is enlarged.", "liver is enlarged", "R16.0"),
    ("The labs came back with an elevated white count.", "elevated white count", "D72.829"),
])
def test_a_raised_reading_or_an_enlarged_organ_said_as_a_predicate(kb, text, word, code):
    assert _found(kb, text, word) == (code, "present")


def test_a_high_blood_pressure_reading_is_not_hypertension(kb):
    codes = [c for _w, c, _a in _problems(kb, "Her blood pressure was high at the visit.")]
    assert codes == ["R03.0"], codes
