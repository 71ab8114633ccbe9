"""Issue 11, session 28 (phi28): facility breadth in de-identification and labs/vitals written in words, in feet and
inches, in series or after a date, each with its opposite case. Every sentence is our own, written for these tests
(none from a note set)."""

from __future__ import annotations

import pytest

from medcore.deid import deidentify
from medcore.records.pipeline import analyze


def _covered(text: str, want: str) -> bool:
    """Every letter and digit of `want` is inside a PHI span (strict)."""
    spans = deidentify(text, shift_days=-40).spans
    i = text.index(want)
    return all(any(s.start <= k < s.end for s in spans) for k in range(i, i + len(want)) if text[k].isalnum())


def _phi(text: str) -> list[str]:
    return [s.text for s in deidentify(text, shift_days=-40).spans]


def _measures(kb, text):
    ex = analyze(text, kb).extraction
    return {(x.name, x.value, x.unit) for x in [*ex.labs, *ex.vitals]}


# --- facilities -------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("The paramedics brought her to the Dunmore Emergency Room at midnight.", "Dunmore Emergency Room"),
    ("He waited six hours in the Calloway Emergency Department.", "Calloway Emergency Department"),
    # a given name opening a hospital's name is the hospital's, not a person's
    ("He moved his care to Austin Veterans Affairs Medical Center last spring.", "Austin Veterans Affairs Medical Center"),
    ("She was flown to Jordan Valley Medical Center.", "Jordan Valley Medical Center"),
    ("As a child he was treated at Fernbrook Hospital for Children.", "Fernbrook Hospital for Children"),
    ("She was admitted to University of Kettering Hospitals and Clinics.", "University of Kettering Hospitals and Clinics"),
    ("He spent twenty years in the United States Coast Guard.", "United States Coast Guard"),
    ("She retired from the U.S. Air Force as a nurse.", "U.S. Air Force"),
    ("He was hired by Pendleford Logistics in March.", "Pendleford Logistics"),
    ("He was hired by Quarrydale last year as a driver.", "Quarrydale"),
])
def test_facility_forms_are_redacted(text, want):
    assert _covered(text, want)


@pytest.mark.parametrize("text", [
    "He came to the Emergency Room with chest pain.",
    "The Emergency Department called with the troponin result.",
    "The Pulmonary Medicine Clinic will see her in three months.",
    "Follow up in the Internal Medicine Clinic next week.",
    "He is a veteran of the Army and has PTSD.",
    "She joined the Marines at eighteen.",
    "Jordan was calm during the visit and his mother agreed.",
    "Houston criteria were not met.",
])
def test_generic_units_services_and_bare_branches_stay(text):
    assert not any(w in " ".join(_phi(text)) for w in ("Emergency", "Medicine", "Army", "Marines", "criteria"))


def test_a_given_name_before_an_ordinary_word_is_still_a_name():
    assert _covered("Seen with Houston Mabry, her son, who drove her in.", "Houston Mabry")


def test_eponyms_and_drugs_stay_with_the_new_heads():
    assert _phi("Parkinson disease, Bell's palsy and a positive Murphy sign; on Coumadin.") == []


# --- heights in feet and inches ----------------------------------------------------------------------------------
@pytest.mark.parametrize("text, value", [
    ("On intake she is 5 feet 4 inches tall and 150 pounds.", "5 feet 4 inches"),
    ("He is 190 pounds, 6 feet, 1 inch.", "6 feet, 1 inch"),
    ("Height 5 ft 9 in, weight 80 kg.", "5 ft 9 in"),
    ("She is 4 feet tall.", "4 feet"),
])
def test_height_in_feet_and_inches(kb, text, value):
    assert ("height", value, "") in _measures(kb, text)


@pytest.mark.parametrize("text", [
    "He fell 8 feet from a scaffold onto his back.",
    "There is a 3 foot 2 inch drop from the porch.",
    "A 5 foot 4 inch laceration would be implausible; a 4 cm laceration was closed.",
    "She walked 6 feet before resting.",
])
def test_distances_and_sizes_are_not_heights(kb, text):
    assert not any(n == "height" for n, _, _ in _measures(kb, text))


# --- numbers in words, rhythm rates ----------------------------------------------------------------------------
@pytest.mark.parametrize("text, value", [
    ("Oxygen saturation was eighty-eight percent on arrival.", "88"),
    ("Sats ninety one percent before the nebuliser.", "91"),
    ("She was ninety-six percent on room air after the walk.", "96"),
])
def test_saturation_in_words(kb, text, value):
    assert ("oxygen saturation", value, "%") in _measures(kb, text)


@pytest.mark.parametrize("text", [
    "Ninety percent of patients respond to the first course.",
    "He is eighty-five percent compliant with his inhalers.",
    "The stenosis is seventy percent on the angiogram.",
])
def test_percent_in_words_without_a_saturation_is_no_reading(kb, text):
    assert not any(n == "oxygen saturation" for n, _, _ in _measures(kb, text))


@pytest.mark.parametrize("text, value", [
    ("The tracing shows sinus rhythm at a rate of 64 per minute.", "64"),
    ("Atrial fibrillation with a ventricular rate of 132.", "132"),
])
def test_rhythm_rate_is_a_heart_rate(kb, text, value):
    assert ("heart rate", value, "beats/min") in _measures(kb, text)


def test_an_infusion_rate_is_no_heart_rate(kb):
    assert not any(n == "heart rate" for n, _, _ in _measures(kb, "Heparin was run at a rate of 18 units/kg/h."))


# --- a date between name and value; a series of one lab ---------------------------------------------------------
def test_date_between_name_and_value(kb):
    got = _measures(kb, "Her creatinine from 03/14/2019 was 1.4 and potassium 4.1.")
    assert ("creatinine", "1.4", "mg/dL") in {(n, v, u) for n, v, u in got} or any(
        n == "creatinine" and v == "1.4" for n, v, _ in got)
    assert not any(v.startswith("03") for _, v, _ in got)


def test_a_series_of_one_lab(kb):
    values = {v for n, v, _ in _measures(kb, "Morning sugars this week were 104, 98, 121, 110.") if n == "glucose"}
    assert values == {"104", "98", "121", "110"}


@pytest.mark.parametrize("text", [
    "Hemoglobin 11, 33, 240 on the panel.",   # shorthand of three labs, not one lab's series
    "Glucose 95, and she will return in 2 weeks.",
    "Sodium 138, 4.1, 101, 24.",
])
def test_lists_that_are_not_one_labs_series(kb, text):
    got = [(n, v) for n, v, _ in _measures(kb, text)]
    assert len([1 for n, _ in got if n in ("hemoglobin", "glucose", "sodium")]) == 1


def test_a_pressure_trend_after_the_move_to_series(kb):
    got = _measures(kb, "Blood pressure was 168/94, then later fell to 132/80.")
    assert {v for n, v, _ in got if n == "blood pressure"} == {"168/94", "132/80"}


# --- an age over 89 in words, told of the person -----------------------------------------------------------------
@pytest.mark.parametrize("text, age", [
    ("She is ninety-three and still gardens.", "ninety-three"),
    ("Her son says she turned ninety-one in the spring.", "ninety-one"),
    ("At ninety-five he lives alone with a carer.", "ninety-five"),
])
def test_age_over_89_in_words(text, age):
    assert age in _phi(text)


@pytest.mark.parametrize("text", [
    "She was ninety-two percent on arrival.",
    "He was ninety-one on room air.",
    "He is ninety percent sure the pain began on the left.",
    "Pulse was ninety and regular.",
    "He was ninety pounds heavier at his peak.",
])
def test_readings_in_words_are_not_ages(text):
    assert not any("ninety" in p for p in _phi(text))
