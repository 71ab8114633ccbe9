"""De-identification, session 10 (issue 11): letter placeholders ("XXXX", "City, STATE 54321", "Suite 410"),
a facility named by a building or a church, a town someone comes to. Sentences written here, in our own words."""

from __future__ import annotations

import time

import pytest

from medcore.deid import deidentify, find_phi


def _found(text: str) -> list[tuple[str, str]]:
    return [(s.type, s.text) for s in deidentify(text, shift_days=-40).spans]


def test_a_letter_heading_with_placeholders_is_removed():
    text = "Dr. QRS\nSuite 410, LMN Boulevard\nCity, STATE 54321\nRE: XXXX, XXXX\nDear Dr. QRS:\nXXXX was seen today."
    kept = set(deidentify(text, shift_days=-40).text.replace("[STATE]", "").split())
    for leak in ("410,", "LMN", "City,", "STATE", "54321", "XXXX", "XXXX,"):
        assert leak not in kept, kept


@pytest.mark.parametrize("text, phi", [
    ("Thank you for following XXXX with us.", ["XXXX"]),
    ("XXXX is a 9-year-old boy seen today.", ["XXXX"]),
    ("Send results to 8 Oak Road, Dayton, Ohio 45402.", ["45402"]),
    ("Could the earlier sprain have added to Xxxx's present limp?", ["Xxxx"]),
    ("JOB: forklift driver.\nEMPLOYER:, LMNO.\nI saw him today.", ["LMNO"]),
    ("Her sodium was checked at Pemberly that was low.", ["Pemberly"]),
])
def test_placeholders_and_zip_codes(text, phi):
    found = [t for _, t in _found(text)]
    assert all(p in found for p in phi), found


@pytest.mark.parametrize("text, phi", [
    ("XYZ is a keen runner with heel pain.", [("NAME", "XYZ")]),
    ("She will see her counsellor again; she has talked with ABC about it.", [("NAME", "ABC")]),
    ("ABCD brought him home and reported no falls.", [("NAME", "ABCD")]),
    # (session 28: a named emergency room is one facility name with its head, as the real-note gold writes it)
    ("He came to ABCD General Emergency Room with flank pain.", [("HOSPITAL", "ABCD General Emergency Room")]),
    ("Referred on to ABCD Rheumatology for review.", [("HOSPITAL", "ABCD Rheumatology")]),
])
def test_alphabet_placeholders_as_people_and_facilities(text, phi):
    assert _found(text) == phi


@pytest.mark.parametrize("text", [
    "ABCs were intact on arrival; ABC 7.4/40/90 on room air.",
    "A titanium ABC plate was fixed with four screws.",
])
def test_alphabet_letters_that_are_not_placeholders_of_people_stay(text):
    assert _found(text) == []


@pytest.mark.parametrize("text", [
    "Drops in the XXX eye twice a day.",
    "Call the clinic at XXX if worse.",
    "She was moved to Operating Suite 2. The suite was cleaned.",
])
def test_placeholders_that_are_not_people_and_rooms_stay(text):
    assert _found(text) == []


@pytest.mark.parametrize("text, place", [
    ("Her scans were done at the Farrow Building last spring.", "Farrow Building"),
    ("A review of the Methodist lab system showed two admissions.", "Methodist"),
    ("Her neurologist comes to Brantwick from the city once a month.", "Brantwick"),
    ("She was first seen at the Pellham Breast Center for a lump.", "Pellham Breast Center"),
    ("He was brought to X Hospital and cleared.", "X Hospital"),
    ("She went to school in Ardleigh in the autumn term.", "Ardleigh"),
    ("Transferred from ABCD Home with a fever.", "ABCD Home"),
])
def test_facilities_and_towns_without_a_residence_cue(text, place):
    assert place in [t for _, t in _found(text)]


@pytest.mark.parametrize("text", [
    "He was seen in the Medical Office Building lobby.",
    "She comes to clinic from work; he is coming to Radiology from the ward.",
    "Her family are Baptist and go to church.",
    "Referred to the Breast Center; eye drops in the X eye.",
    "Employer:, none. She was seen at Cardiology that morning.",
    "He lay in Trendelenburg in theatre, then in Fowler's in bed.",
])
def test_generic_buildings_units_and_faith_stay(text):
    assert _found(text) == []


@pytest.mark.parametrize("shape", ["Suite 1, AB Road ", "City, STATE 1 ", "following XXXX ", "XXXX was ",
                                   "the Ab Building ", "Baptist lab ", "comes to Ab ",
                                   "X Hospital ", "Ab Breast Center ",
                                   "Xxxx's ", "employer:, AB ", "at Ab that ",
                                   "ABCD Ab Ab ", "with ABC ", ". XYZ is ",
                                   "in Ab in "])
def test_new_placeholder_and_place_rules_are_linear(shape):
    text = shape * (40_000 // len(shape))
    start = time.perf_counter()
    find_phi(text)
    assert time.perf_counter() - start < 6.0
