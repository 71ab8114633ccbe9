"""De-identification, session 13 (issue 11): shapes blind_s12 (now dev) showed. A part of a month is dated whole
("mid-March"), a holiday that can only be a day needs no word of time before it, a year after "on" or "dated", a bare
facility word after "the" or "by" ("call the Clinic", "by Rescue Squad"), a facility's capitals after words of care or
referral and their repeats; and what must stay (a service's initials, a calorie count, "the Pulmonary Clinic" named
by its specialty). Every sentence is our own."""

from __future__ import annotations

import pytest

from medcore.deid import deidentify


def _texts(text: str) -> list[str]:
    return [s.text for s in deidentify(text, shift_days=-40).spans]


@pytest.mark.parametrize("text, phi", [
    ("Her headaches eased by mid-March and came back in summer.", "mid-March"),
    ("The pain was worse through late October, she says.", "late October"),
    ("He fell twice after admission, Thanksgiving and then the week after.", "Thanksgiving"),
    ("A head CT on 2011 showed no bleed.", "2011"),
    ("The echo dated 2019 was read as normal.", "2019"),
    ("If the rash spreads she may call the Clinic for an early visit.", "Clinic"),
    ("He was brought in by Rescue Squad after the crash.", "Rescue Squad"),
    ("She remains in the care of the NWRH seizure program.", "NWRH"),
])
def test_shapes_found(text, phi):
    assert phi in _texts(text)


def test_an_acronym_found_once_is_found_again():
    text = "He was referred to KMH by his family doctor. The KMH fellow saw him the same day."
    assert _texts(text).count("KMH") == 2


@pytest.mark.parametrize("text", [
    "She is followed by the ICU team twice a day.",
    "He was referred to ENT for the nasal polyp.",
    "She keeps to a 2000 calorie diet on most days.",
    "He returns to the Pulmonary Clinic in three months.",
])
def test_clinical_words_kept(text):
    assert _texts(text) == []


@pytest.mark.parametrize("text", [
    "Overnight he was seen by Hospitalists Service for the fever.",
    "By the time the Hospice could visit, she had settled.",
])
def test_a_service_or_a_common_word_kept(text):
    assert _texts(text) == []
