"""Known places (GeoNames gazetteer, medcore/deid/gazetteer.py), transcription placeholders, lower-case relatives'
names and all-capital header names (issue 11, session 9). Sentences written for these tests."""

from __future__ import annotations

import pytest

from medcore.deid import deidentify
from medcore.deid.gazetteer import gazetteer


def _found(text: str) -> set[tuple[str, str]]:
    return {(s.type, s.text) for s in deidentify(text, shift_days=-40).spans}


def test_gazetteer_file_is_present_with_every_kind():
    kinds = set(gazetteer().values())
    assert {"city", "county", "state", "country"} <= kinds
    assert gazetteer()["Utah"] == "state" and gazetteer()["Mexico"] == "country"


@pytest.mark.parametrize("text, place", [
    ("She is visiting her son here in Utah for a month.", "Utah"),
    ("Last admitted in Pierce County two years ago.", "Pierce County"),
    ("A resident of Tampico, Mexico, here on holiday.", "Mexico"),
    ("Her daughter lives in Brooklyn, New York.", "New York"),
    ("The repair was done in Oregon by another surgeon.", "Oregon"),
    ("He flew back to Winnipeg after the first dose.", "Winnipeg"),
    ("From Bakersfield originally; moved for work.", "Bakersfield"),
])
def test_known_places_in_a_place_context_are_removed(text, place):
    assert ("CITY", place) in _found(text)


@pytest.mark.parametrize("text", [
    "Parkinson disease, Addison's disease and Lyme disease.",
    "NYHA class II by the New York Heart Association scale.",
    "India ink stain negative; Down syndrome; Wilson disease.",
    "Placed in Allen stirrups in the lithotomy position.",
    "Sent back to Same Day Surgery for recovery.",
    "Metoprolol 25 mg twice daily, BP 128/76, HR 72, Hb 13.2 g/dL, creatinine 1.1 mg/dL.",
    "Followed in the Hematology Clinic; admitted to the Hematology and Oncology service.",
    "Washington was not mentioned; Texas had no say.",  # no place cue: a name alone is not removed
])
def test_clinical_words_eponyms_and_numbers_stay(text):
    assert _found(text) == set(), _found(text)


@pytest.mark.parametrize("text, phi, kind", [
    ("REFERRING PHYSICIAN: , AB CD, M.D.,ADMITTING", "AB CD", "NAME"),
    ("ATTENDING:,  X Y, M.D.,DIAGNOSES", "X Y", "NAME"),
    ("She comes as a referral from ABC, D.O. for review.", "ABC", "NAME"),
    ("Re:  Mrs. Sample Patient,Dear Sample Doctor:", "Sample Patient", "NAME"),
    ("Sample Address,Re:  Mrs. Sample Patient", "Sample Address", "ADDRESS"),
    ("Doctor's Address,Dear Doctor:,This letter", "Doctor's Address", "ADDRESS"),
    ("Compared with the study dated mm/dd/yy.", "mm/dd/yy", "DATE"),
    ("He was seen by Dr. Y at Orthopedic Associates for review.", "Orthopedic Associates", "HOSPITAL"),
    ("Seen with her daughter, maria lopez, today.", "maria lopez", "NAME"),
    ("Pt: HANS MÜLLER  DOB 03/04/1950", "HANS MÜLLER", "NAME"),
    ("Email j.o'neil@clinic-mail.example for results.", "j.o'neil@clinic-mail.example", "EMAIL"),
])
def test_placeholders_and_names_found(text, phi, kind):
    assert (kind, phi) in _found(text)


def test_a_time_after_a_date_is_not_a_place():
    assert not any(t == "HOSPITAL" for t, _ in _found("Results were given on 3/4/05 at XXX, by phone."))


def test_a_lower_case_word_after_a_relative_needs_a_known_given_name():
    assert _found("her mother, who died at 80, had angina.") == set()
    assert _found("Lives with his son, who is a nurse.") == set()
