"""Session 24c (issue 15): a study read as a cohort only from a word that names no follow-up (a "prospective" or
"observational" study, a registry, dates of enrolment) is cross-sectional when it measured its people at one
time (a prevalence, a questionnaire given once) and no sentence follows anyone up. Every sentence here is written
for the test."""

from __future__ import annotations

import pytest


def _design(read, objective: str, methods: str, results: str = "Half had the condition."):
    text = ("Anaemia in a rural clinic.\n"
            f"OBJECTIVE: {objective}\n"
            f"METHODS: {methods}\n"
            f"RESULTS: {results}")
    return read(text)[0].design


@pytest.mark.parametrize("objective, methods", [
    ("The aim of this prospective study was to estimate the prevalence of anaemia in pregnant teenagers.",
     "Haemoglobin was measured in 300 pregnant teenagers at their booking visit."),
    ("To describe how farm workers view sun protection.",
     "An observational study of 200 farm workers. Workers were asked to complete a short survey on their habits."),
    ("To estimate the proportion of retired miners with hearing loss.",
     "Between 2011 and 2014, 500 retired miners had an audiogram in a mobile unit."),
])
def test_a_generic_or_dated_cohort_measured_once_is_cross_sectional(read, objective, methods):
    d = _design(read, objective, methods)
    assert d.kind == "cross_sectional" and d.kind_inferred


@pytest.mark.parametrize("objective, methods", [
    ("The aim of this prospective study was to estimate the prevalence of anaemia in pregnant teenagers.",
     "Haemoglobin was measured at booking and the teenagers were followed until delivery."),
    ("To estimate the proportion of retired miners with hearing loss.",
     "Between 2011 and 2014, 500 retired miners had an audiogram; they were tested again 2 years later."),
    ("To describe a cohort of retired miners and the prevalence of hearing loss.",
     "Five hundred retired miners had an audiogram."),
])
def test_follow_up_or_a_named_cohort_stays_a_cohort(read, objective, methods):
    assert _design(read, objective, methods).kind == "cohort"
