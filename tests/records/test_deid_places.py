"""Places, facilities, organisations, partial dates, lower-case and non-ASCII names (medcore/deid/places.py).
Sentences written for these tests; the blind set is docs/evals/deid-geo/blind.yaml."""

from __future__ import annotations

import pytest

from medcore.deid import deidentify


def _types(text: str) -> dict[str, str]:
    return {s.text: s.type for s in deidentify(text, shift_days=-40).spans}


@pytest.mark.parametrize("text, phi, kind", [
    ("Admitted to Hillcrest Community Hospital overnight.", "Hillcrest Community Hospital", "HOSPITAL"),
    ("Seen at XYZ Medical Center last year.", "XYZ Medical Center", "HOSPITAL"),
    ("Surgery at St. Agnes Hospital in Baltimore.", "St. Agnes Hospital", "HOSPITAL"),
    ("Surgery at St. Agnes Hospital in Baltimore.", "Baltimore", "CITY"),
    ("She teaches at Roosevelt Middle School.", "Roosevelt Middle School", "HOSPITAL"),
    ("He works for Delta Airlines as a mechanic.", "Delta Airlines", "ORGANIZATION"),
    ("Employer: Harlan Foods.", "Harlan Foods", "ORGANIZATION"),
    ("She grew up in Savannah and lives with her son.", "Savannah", "CITY"),
    ("From Amarillo, Texas originally.", "Amarillo", "CITY"),
    ("Relocated to Tucson from Flagstaff last spring.", "Flagstaff", "CITY"),
    ("Seen by dr. abernathy for a rash.", "abernathy", "NAME"),
])
def test_found(text, phi, kind):
    assert _types(text).get(phi) == kind


def test_month_of_year_is_a_date_and_keeps_its_form():
    out = deidentify("Symptoms since February of 2010.", shift_days=-40).text
    assert "February of 2010" not in out and "of 2010" in out or "of 2009" in out


@pytest.mark.parametrize("text", [
    "Referred to the Pain Management Clinic for injections.",
    "Followed in the Wheelchair Clinic and the Occupational Health Clinic.",
    "History of Graves disease and Parkinson disease.",
    "He has ms and was seen in clinic in May.",
    "Brought to the Shock Room at the General Hospital.",
    "Prednisone was stopped and he moved to Imuran in the spring.",
    "Vital signs: BP 120/80. Soft, NT, ND. Extremities: no edema.",
    "Smith, MD signed the note.",  # a credential, not Maryland
])
def test_clinical_and_generic_words_stay(text):
    kinds = set(_types(text).values())
    assert not kinds & {"HOSPITAL", "CITY", "ORGANIZATION"}, _types(text)


def test_lower_case_name_is_replaced_everywhere_in_the_note():
    out = deidentify("mrs. kowalczyk attended. Kowalczyk reports less pain.", shift_days=-40).text
    assert "owalczyk" not in out


@pytest.mark.parametrize("name", ["Łukasz Wiśniewski", "Nguyễn Văn An", "Ирина Петрова", "Σοφία Παπαδοπούλου"])
def test_names_in_other_scripts_after_a_title(name):
    out = deidentify(f"Seen by Dr. {name} on the ward.", shift_days=-40).text
    assert name.split()[-1] not in out and "ward" in out
