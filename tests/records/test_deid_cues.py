"""Identifiers given away by their sentence (medcore/deid/cues.py). Sentences written for these tests."""

from __future__ import annotations

import pytest

from medcore.deid import deidentify


def _types(text: str) -> dict[str, str]:
    return {s.text: s.type for s in deidentify(text, shift_days=-40).spans}


@pytest.mark.parametrize("text, phi, kind", [
    ("He was taken to the ER in Marlow by ambulance.", "Marlow", "CITY"),
    ("Seen in the emergency department at KVH where labs were drawn.", "KVH", "HOSPITAL"),
    ("Her antenatal care was at Brook Meadow.", "Brook Meadow", "HOSPITAL"),
    ("He was delivered at Rowan's weighing 3.2 kg.", "Rowan's", "HOSPITAL"),
    ("Second opinion at St. Aidan's, which agreed.", "St. Aidan's", "HOSPITAL"),
    ("Gareth Pryce is a pleasant 58-year-old joiner.", "Gareth Pryce", "NAME"),
    ("HPI: Zed Tarrow is a 40-year-old man.", "Zed Tarrow", "NAME"),
    ("I am writing about my patient, B, who has angina.", "B", "NAME"),
    ("Generator serial number QX4471 was recorded.", "QX4471", "ID"),
    ("Status post DDD, 77031 pacemaker placement.", "77031", "ID"),
    ("She was admitted on the third.", "the third", "DATE"),
    ("Sutures out since the 12th, healing well.", "the 12th", "DATE"),
])
def test_found(text, phi, kind):
    assert _types(text).get(phi) == kind, _types(text)


def test_subject_name_is_replaced_in_the_rest_of_the_note():
    out = deidentify("Gareth Pryce is a 58-year-old man. Pryce denies chest pain.", shift_days=-40).text
    assert "Pryce" not in out and "chest pain" in out


@pytest.mark.parametrize("text", [
    "The patient is a 61-year-old woman, well known to us.",
    "Baby is a 3-week-old infant born at term.",
    "This is a 45-year-old man with chest pain.",
    "We will discuss at Tumor Board on Friday.",
    "Pain is worse at Night and better at Rest.",
    "The Alcon lens model SN60WF, power 21.5 diopters, was placed.",  # a model names a product
    "Improved after the first dose on the second day.",
    "Tenderness at McBurney's point and over the right lower quadrant.",
    "He was seen at Cardiology for palpitations.",
])
def test_clinical_and_ordinary_words_stay(text):
    kinds = set(_types(text).values())
    assert not kinds & {"HOSPITAL", "CITY", "ORGANIZATION", "NAME", "ID", "DATE"}, _types(text)


def test_a_holiday_after_at_is_a_date_not_a_place():
    # session 10: holidays date events (the i2b2 convention of the real-note annotations); never a facility
    assert _types("Reviewed at Christmas by the family.") == {"Christmas": "DATE"}


def test_clinical_numbers_stay_intact():
    text = "Pacemaker lower rate 60 bpm, lead impedance 520 ohms, threshold 0.75 V at 0.4 ms on the first check."
    assert deidentify(text, shift_days=-40).text == text
