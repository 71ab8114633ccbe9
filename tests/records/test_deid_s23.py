"""De-identification forms of session 23 (issue 11): a known place after a lower-case qualifier ("in downtown X"),
a year standing alone after its event's full stop in a history line, and a year after "was" when the word before
dates an event. Clinical amounts stay. Sentences written for these tests."""

from __future__ import annotations

import pytest

from medcore.deid import deidentify


def _found(text: str) -> set[tuple[str, str]]:
    return {(s.type, s.text) for s in deidentify(text, shift_days=-40).spans}


@pytest.mark.parametrize("text, place", [
    ("She manages a bakery in downtown Cleveland and walks to work.", "Cleveland"),
    ("They moved here from rural Nebraska last spring.", "Nebraska"),
    ("He grew up in the greater Boston area.", "Boston"),
])
def test_place_after_a_qualifier(text, place):
    assert place in {t for _, t in _found(text)}


@pytest.mark.parametrize("text, year", [
    ("PAST SURGICAL HISTORY:\nAppendectomy.  1985\nREVIEW OF SYSTEMS: negative.", "1985"),
    ("Tonsillectomy. 1979, no complications.", "1979"),
    ("Her first childbirth was 2003.", "2003"),
])
def test_year_of_an_event(text, year):
    assert ("DATE", year) in _found(text)


@pytest.mark.parametrize("text", [
    "Estimated blood loss was 1950 mL.",
    "Urine output was 1900.",
    "Platelets were 1950.",
    "Serial counts. 2000, 2100, 2200.",
])
def test_amounts_stay(text):
    assert not {t for k, t in _found(text) if k == "DATE"}
