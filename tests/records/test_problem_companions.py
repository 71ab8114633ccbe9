"""Assertions on problems, issue 11 session 8: a relative who comes with the patient or brings the patient in is a
companion, not a family history; a finding 'not observed' or 'not appreciated' is absent. Sentences written for
these tests."""

from __future__ import annotations

import pytest

from medcore.records.pipeline import analyze
from tests.records.conftest import problem


@pytest.mark.parametrize("note,text,assertion", [
    ("He came in with his father today to review his hypothyroidism.", "hypothyroidism", "present"),
    ("She was brought to the ER by her sister after cocaine use.", "cocaine use", "present"),
    ("Her mother called an ambulance after she vomited twice.", "vomited", "present"),
    ("His mother has hypothyroidism.", "hypothyroidism", "family"),
    ("Family history: mother with diabetes.", "diabetes", "family"),
    ("Legs: varicosities are not observed.", "varicosities", "negated"),
    ("Heart: murmurs were not appreciated.", "murmurs", "negated"),
])
def test_companions_and_unseen_findings(kb, note, text, assertion):
    assert problem(analyze(note, kb), text).assertion == assertion


@pytest.mark.parametrize("note,text", [
    ("She doesn't have asthma.", "asthma"),
    ("He hasn’t had chest pain since the stent.", "chest pain"),  # a typographic apostrophe
])
def test_contracted_negations(kb, note, text):
    assert problem(analyze(note, kb), text).assertion == "negated"
