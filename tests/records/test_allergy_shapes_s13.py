"""Allergy shapes, session 13 (issue 11): "sensitive to X", "a reaction to X", an allergic sign said before the
substance ("hives after taking X", "had a rash with X"), and everyday non-drug allergens (tape, dye); what must stay
(a rash treated with a cream is a treatment, "no reaction to" denies one). Sentences in our own words."""

import pytest

from medcore.records.pipeline import analyze


def allergies(kb, text):
    return [(a.substance, a.reaction, a.kind) for a in analyze(text, kb).extraction.allergies]


@pytest.mark.parametrize("text, want", [
    ("She says she is sensitive to sulfa.", [("sulfa", "", "allergy")]),
    ("He once had a bad reaction to Keflex.", [("cephalexin", "", "allergy")]),
    ("As a child she broke out in hives after taking amoxicillin.", [("amoxicillin", "hives", "allergy")]),
    ("He had a rash with Bactrim years ago.", [("trimethoprim/sulfamethoxazole", "rash", "allergy")]),
    ("ALLERGIES: Codeine and tape.", [("codeine", "", "allergy"), ("tape", "", "allergy")]),
])
def test_shapes(kb, text, want):
    assert allergies(kb, text) == want


def test_an_allergen_said_so_is_no_current_medication(kb):
    ex = analyze("He had a rash with Bactrim years ago.", kb).extraction
    assert [m.name for m in ex.medications] == []


@pytest.mark.parametrize("text", [
    "Her rash was treated with hydrocortisone cream.",
    "The rash improved after stopping the cream.",
])
def test_a_treatment_is_no_allergy(kb, text):
    assert allergies(kb, text) == []


def test_an_organisms_sensitivity_is_no_allergy(kb):
    assert allergies(kb, "The urine grew Klebsiella sensitive to cefalexin.") == []
