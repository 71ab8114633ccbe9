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


@pytest.mark.parametrize("text, place, kind", [
    ("She is visiting her son here in Utah for a month.", "Utah", "STATE"),
    ("Last admitted in Pierce County two years ago.", "Pierce County", "CITY"),
    ("A resident of Tampico, Mexico, here on holiday.", "Mexico", "COUNTRY"),
    ("Her daughter lives in Brooklyn, New York.", "New York", "STATE"),
    ("The repair was done in Oregon by another surgeon.", "Oregon", "STATE"),
    ("He flew back to Winnipeg after the first dose.", "Winnipeg", "CITY"),
    ("From Bakersfield originally; moved for work.", "Bakersfield", "CITY"),
    ("Booked a boat trip to the Bahamas in spring.", "Bahamas", "COUNTRY"),
    ("Her father grew up in a northern part of Mexico.", "Mexico", "COUNTRY"),
    ("He drives a bus for the city of Wichita.", "Wichita", "CITY"),
    ("Brought in from Sugar Land ER by ambulance.", "Sugar Land", "CITY"),
    ("Stays with a cousin in the Fresno area.", "Fresno", "CITY"),
    ("Home town: East Orange, NJ  07018", "East Orange", "CITY"),
])
def test_known_places_in_a_place_context_are_removed(text, place, kind):
    assert (kind, place) in _found(text)


@pytest.mark.parametrize("text", [
    "Parkinson disease, Addison's disease and Lyme disease.",
    "NYHA class II by the New York Heart Association scale.",
    "India ink stain negative; Down syndrome; Wilson disease.",
    "Placed in Allen stirrups in the lithotomy position.",
    "Recovered in Same Day Surgery overnight.",
    "Metoprolol 25 mg twice daily, BP 128/76, HR 72, Hb 13.2 g/dL, creatinine 1.1 mg/dL.",
    "Followed in the Hematology Clinic; admitted to the Hematology and Oncology service.",
    "Washington was not mentioned; Texas had no say.",  # no place cue: a name alone is not removed
    "Positioned on the Jackson table; the Maryland dissector was used.",
    "Smoker: one pack of Newport daily.",  # a brand after "of" is not a state or a country
    "NYHA class III (New York Heart Association); Indiana pouch.",
    "ANA positive at 1/1280 titer; 1/2000 dilution.",
])
def test_clinical_words_eponyms_and_numbers_stay(text):
    assert _found(text) == set(), _found(text)


@pytest.mark.parametrize("text, phi, kind", [
    ("REFERRING PHYSICIAN: , AB CD, M.D.,ADMITTING", "AB CD", "NAME"),
    ("ATTENDING:,  X Y, M.D.,DIAGNOSES", "X Y", "NAME"),
    ("Referral received from ABC, D.O. last week.", "ABC", "NAME"),
    ("Re:  Ms. Sample Patient,To Sample Doctor:", "Sample Patient", "NAME"),
    ("Sample Address,Re:  Mrs. Sample Patient", "Sample Address", "ADDRESS"),
    ("Doctor's Address,Hello Doctor:,Our note", "Doctor's Address", "ADDRESS"),
    ("Compared with the study dated mm/dd/yy.", "mm/dd/yy", "DATE"),
    ("Followed by Dr. Y at Orthopedic Associates since May.", "Orthopedic Associates", "HOSPITAL"),
    ("Seen with her daughter, maria lopez, today.", "maria lopez", "NAME"),
    ("Pt: HANS MÜLLER  DOB 03/04/1950", "HANS MÜLLER", "NAME"),
    ("Email j.o'neil@clinic-mail.example for results.", "j.o'neil@clinic-mail.example", "EMAIL"),
])
def test_placeholders_and_names_found(text, phi, kind):
    assert (kind, phi) in _found(text)


@pytest.mark.parametrize("text, dates", [
    ("Hemodialysis since 02/2008; fistula in 04/2008.", {"02/2008", "04/2008"}),
    ("CABG in 1991 and 1998; laparotomy in 1981, 1982, and 1984.", {"1991", "1998", "1981", "1982", "1984"}),
    ("Diagnosed some time in 2005/2006, about 2004 by report.", {"2005", "2006", "2004"}),
    ("Endarterectomy (3/1991).", {"3/1991"}),
])
def test_month_year_and_lists_of_years_are_dates(text, dates):
    assert dates <= {t for k, t in _found(text) if k == "DATE"}


def test_a_number_after_a_number_is_not_a_year_of_a_list():
    assert _found("Doses of 2000 and 2010 units; 1990 and 2000 at 2030 hours.") == set()


def test_a_time_after_a_date_is_not_a_place():
    assert not any(t == "HOSPITAL" for t, _ in _found("Results were given on 3/4/05 at XXX, by phone."))


def test_a_lower_case_word_after_a_relative_needs_a_known_given_name():
    assert _found("her mother, who died at 80, had angina.") == set()
    assert _found("Lives with his son, who is a nurse.") == set()
