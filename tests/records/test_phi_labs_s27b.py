"""Issue 11, session 27b (phi27): general shapes of de-identification and of labs/vitals, each with its opposite
case. Every sentence is our own, written for these tests (none from a note set)."""

from __future__ import annotations

import pytest

from medcore.deid import deidentify
from medcore.records.pipeline import analyze


def _phi(text: str) -> list[str]:
    return [s.text for s in deidentify(text, shift_days=-40).spans]


def _measures(kb, text):
    ex = analyze(text, kb).extraction
    return {(x.name, x.value, x.unit) for x in [*ex.labs, *ex.vitals]}


# --- ages over 89 after "age is / was / of" -------------------------------------------------------------------
@pytest.mark.parametrize("text, age", [
    ("On review her age is 94 and she walks with a frame.", "94"),
    ("He was living alone at the age of 97.", "97"),
    ("Stated age was 91 at the time of the fall.", "91"),
])
def test_age_over_89_after_age_is(text, age):
    assert age in _phi(text)


@pytest.mark.parametrize("text", [
    "Her age is 64 and she works part time.",
    "Gestational age of 96 days by the first scan.",
    "Bone age is 12 years.",
])
def test_ages_not_over_89_or_not_a_person_stay(text):
    assert not any(t.isdigit() for t in _phi(text))


# --- a combination drug's strength is no month/year --------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Continue amlodipine-benazepril 10/20 daily for pressure.",
    "Hydrocodone-acetaminophen 10/25 every 6 hours as needed.",
    "Scalp electrodes were applied using the 10/20 international system.",
    "Fluticasone-salmeterol 11/21 puffs twice a day.",
])
def test_drug_strengths_and_eeg_system_are_not_dates(text):
    assert _phi(text) == []


@pytest.mark.parametrize("text, date", [
    ("Her knee was scoped 11/93 and again later.", "11/93"),
    ("He had a cholecystectomy in 10/21.", "10/21"),
])
def test_month_year_still_a_date(text, date):
    assert date in _phi(text)


# --- eponyms and drugs are not people --------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Known Parkinson disease with a resting tremor.",
    "She has had Crohn's disease since her twenties.",
    "Treated for Hodgkin lymphoma as a teenager.",
    "Left-sided Bell's palsy is improving.",
    "A child with Down syndrome and a heart murmur.",
    "He takes Coumadin and Lasix every morning.",
    "Positive Murphy sign and a negative Rovsing sign.",
])
def test_eponyms_and_drugs_are_not_names(text):
    assert not [s for s in deidentify(text).spans if s.type == "NAME"]


# --- labs: a bound written in words is a result, a threshold is not -----------------------------------------------
def test_less_than_in_words_is_a_value(kb):
    found = _measures(kb, "Her troponin came back less than 0.02 and the bilirubin is less than 0.3.")
    assert {n for n, v, u in found} >= {"troponin I", "bilirubin"}, found
    assert {v for n, v, u in found} >= {"0.02", "0.3"}


@pytest.mark.parametrize("text", [
    "Transfuse if hemoglobin less than 7 on the morning count.",
    "Goal INR less than 3 while on warfarin.",
    "Keep potassium greater than 4 after the bypass.",
])
def test_a_threshold_is_not_a_result(kb, text):
    assert _measures(kb, text) == set()


@pytest.mark.parametrize("text, name, value", [
    ("Absolute CD4 count was 312 last month.", "CD4 count", "312"),
    ("Her HIV viral load is now less than 40 copies/mL.", "viral load", "40"),
    ("INR is prolonged at 2.6 on admission.", "INR", "2.6"),
    ("The fetal heart tones were 145 on the monitor.", "fetal heart rate", "145"),
    ("Her sugar was 287 before supper.", "glucose", "287"),
    ("Urine output 380 mL over the shift.", "urine output", "380"),
    ("On scan the AFI was 6.1 cm.", "amniotic fluid index", "6.1"),
    ("Oxygen saturations 92% on two liters.", "oxygen saturation", "92"),
    ("Platelet at 210,000 this morning.", "platelets", "210,000"),
    ("Gas showed pC02 of 51.", "pCO2", "51"),
])
def test_new_names_read(kb, text, name, value):
    assert (name, value) in {(n, v) for n, v, u in _measures(kb, text)}, _measures(kb, text)


def test_units_kept_as_written(kb):
    found = _measures(kb, "Hemoglobin 10.9 g percent, PTT 39 seconds.")
    assert ("hemoglobin", "10.9", "g percent") in found and ("aPTT", "39", "seconds") in found, found


@pytest.mark.parametrize("text", [
    "Calcium carbonate 500 mg twice daily with meals.",
    "Potassium chloride 20 mEq by mouth today.",
    "Started lisinopril 10 mg on 3/14/2021.",
    "She had the scan on 04/11/2022 at the clinic.",
])
def test_doses_and_dates_are_not_lab_values(kb, text):
    assert _measures(kb, text) == set(), _measures(kb, text)


def test_earlier_readings_in_a_chain_and_after_a_clause(kb):
    ex = analyze("Bilirubin 2.4 from 3.1 from 4.6 over the week. Sodium 133, which was up from 126.", kb).extraction
    found = [(x.name, x.value) for x in ex.labs]
    assert [v for n, v in found if n == "bilirubin"] == ["4.6", "3.1", "2.4"], found  # oldest first
    assert [v for n, v in found if n == "sodium"] == ["126", "133"], found


def test_a_from_after_a_value_of_another_kind_is_not_a_reading(kb):
    ex = analyze("Sodium 133, which was taken from the arterial line.", kb).extraction
    assert [(x.name, x.value) for x in ex.labs] == [("sodium", "133")]


@pytest.mark.parametrize("text", [
    "She reports normal urine output and no dysuria.",
    "A mild decrease in urine output since yesterday.",
])
def test_urine_output_named_without_an_amount_is_no_reading(kb, text):
    assert not any(n == "urine output" for n, v, u in _measures(kb, text))
