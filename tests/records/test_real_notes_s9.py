"""Readings added from the real-note errors of session 9 (issue 11): allergy wording, allergy section headers,
and problems added to the vocabulary. Sentences written for these tests."""

from __future__ import annotations

import pytest

from medcore.records.pipeline import analyze


def _allergies(kb, text):
    return [(a.substance.lower(), a.kind) for a in analyze(text, kb).extraction.allergies]


@pytest.mark.parametrize("text,expected", [
    # an environmental allergen after "allergies including"
    ("She has bad allergies including ragweed and cat dander.", [("ragweed", "allergy"), ("cat dander", "allergy")]),
    # a side effect put on a drug is an intolerance, an allergic sign an allergy
    ("Codeine caused her to be very drowsy.", [("codeine", "intolerance")]),
    ("Penicillin gave him hives as a child.", [("penicillin", "allergy")]),
    # a section header that says 'sensitivities'
    ("DRUG SENSITIVITIES:\nSulfa.\n\nMEDICATIONS:\nNone.", [("sulfa", "allergy")]),
])
def test_allergy_wording(kb, text, expected):
    got = _allergies(kb, text)
    for item in expected:
        assert any(s.startswith(item[0][:5]) and k == item[1] for s, k in got), (item, got)


def test_denied_allergic_reaction_is_neither_allergy_nor_medication(kb):
    ex = analyze("She did not actually have an allergic reaction to morphine.", kb).extraction
    assert not ex.allergies and not ex.medications


def test_dust_exposure_is_not_an_allergy(kb):  # guard: an allergen word needs an allergy cue
    assert not analyze("He works with house dust and mold at the warehouse.", kb).extraction.allergies
