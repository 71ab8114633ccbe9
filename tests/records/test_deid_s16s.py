"""Session 16 (phi16s, issue 11): a short record number after its label, the samples' placeholder for a newborn and
for a place at a sentence's start, and a specialty clinic written with a combining form. Sentences are our own."""

import pytest

from medcore.deid import find_phi


def _masked(text: str) -> str:
    spans = find_phi(text)
    return "".join("#" if any(s <= i < e for s, e, _ in spans) else c for i, c in enumerate(text))


def _taken(text: str, word: str, nth: int = 0) -> bool:
    i = -1
    for _ in range(nth + 1):
        i = text.index(word, i + 1)
    return set(_masked(text)[i:i + len(word)]) == {"#"}


def _kept(text: str, word: str) -> bool:
    i = text.index(word)
    return _masked(text)[i:i + len(word)] == word


@pytest.mark.parametrize("text, number", [
    ("CHART NO:  88\nReason for visit: rash", "88"),
    ("Medical Record #: 4071 reviewed with the family", "4071"),
    ("MRN: 57, seen on the ward", "57"),
])
def test_short_record_number_after_its_label(text, number):
    assert _taken(text, number)


@pytest.mark.parametrize("text, kept", [
    ("The medical record 2 years ago mentions asthma.", "2"),
    ("Echo shows MR no worse than 2+ today.", "2"),
    ("MR no. 3 of the series was normal, 1.5 mg given.", "1.5"),
])
def test_numbers_without_a_record_label_stay(text, kept):
    assert _kept(text, kept)


def test_newborn_placeholder_after_baby():
    text = "Baby girl, ABC, was delivered at term. We will keep watching baby ABC's feeds closely."
    assert _taken(text, "ABC", 0) and _taken(text, "ABC", 1)


def test_placeholder_place_opening_a_sentence():
    text = "He was flown to a larger center. At XYZ, a scan was done by the surgeons."
    assert _taken(text, "XYZ")


def test_specialty_clinic_with_combining_form_is_no_place():
    text = "I reviewed her in the Neuro-Ophthalmology Clinic this week and in Cardio-Oncology Clinic last month."
    assert _kept(text, "Neuro-Ophthalmology Clinic") and _kept(text, "Cardio-Oncology Clinic")


@pytest.mark.parametrize("text, name, title", [
    ("Her pill was started by Obstetrician-Gynecologist Q., then stopped.", "Q", "Obstetrician-Gynecologist"),
    ("Her rash was biopsied by Dermatologist A., last spring.", "A", "Dermatologist"),
    ("Follow up with Neurosurgeon Okafor; no change in plan.", "Okafor", "Neurosurgeon"),
])
def test_name_after_a_capitalised_specialist_title(text, name, title):
    assert _taken(text, name) and _kept(text, title)


def test_ordinary_word_after_a_specialist_title_stays():
    assert _kept("She was sent back to Pulmonologist Today, as planned.", "Today")
