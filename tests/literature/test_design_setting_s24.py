"""Session 24 (issue 15): a study that names no design but asked its people once (questioned, sent a questionnaire
with words between, asked to rate, measured with a questionnaire) is cross-sectional; a method comparison study is
cross-sectional; and a care place named in its own words after the verb that brought people there is the setting.
Every sentence here is written for the test."""

from __future__ import annotations

import pytest


def _design(read, methods: str):
    text = ("Do nurses know the signs of sepsis?\n"
            "OBJECTIVE: To describe what ward nurses know of sepsis.\n"
            f"METHODS: {methods}\n"
            "RESULTS: Half named fever.")
    return read(text)[0].design


@pytest.mark.parametrize("methods", [
    "Ward nurses of three wards were questioned in person about the early signs of sepsis.",
    "A questionnaire (20 items) on the early signs of sepsis was posted to ward nurses.",
    "Ward nurses were asked to rate their confidence in naming the early signs of sepsis.",
    "Knowledge was measured using a brief Sepsis Knowledge Questionnaire.",
])
def test_people_asked_once_are_a_cross_sectional_study(read, methods):
    d = _design(read, methods)
    assert d.kind == "cross_sectional" and d.kind_inferred


def test_asked_once_but_followed_over_years_stays_a_cohort(read):
    # the dated enrolment, read first, still makes it a cohort
    d = _design(read, "Nurses enrolled between 2004 and 2010 were followed for 5 years and asked to rate their "
                      "confidence each year.")
    assert d.kind == "cohort"


def test_a_method_comparison_study_is_cross_sectional(read):
    text = ("Tape or scan for leg ulcer size?\nDESIGN: Method comparison study.\n"
            "METHODS: Forty ulcers were measured by tape and by a handheld scanner.\nRESULTS: Limits of agreement were wide.")
    assert read(text)[0].design.kind == "cross_sectional"


@pytest.mark.parametrize("methods, want", [
    ("Sixty children referred to the paediatric allergy department were enrolled.", "paediatric allergy department"),
    ("Adults attending a walk-in dermatology clinic in a rural general hospital were enrolled.",
     "walk-in dermatology clinic in a rural general hospital"),
    ("Forty men admitted to the Lakeside Spinal Injuries Unit in 2012 were studied.", "Lakeside Spinal Injuries Unit"),
])
def test_a_care_place_named_in_its_own_words_is_the_setting(read, methods, want):
    assert _design(read, methods).setting == want


def test_a_named_cue_outranks_and_a_place_word_alone_is_no_setting(read):
    # the cue list still decides when it names a kind of place; a place noun no verb brings people to is not read
    assert _design(read, "Nurses of a university hospital answered.").setting.lower().startswith("university hospital")
    assert not _design(read, "Forty nurses completed the ward round checklist.").setting
    # a bare kind, the authors' own unnamed place, says nothing of what kind of place it is
    assert not _design(read, "All adults had been admitted to the department between 2001 and 2009.").setting
