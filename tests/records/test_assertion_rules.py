"""Assertion rules fixed after studying the dev-note errors (general ConText triggers and the
background-window rule; no note is special-cased). The 'fixed' cases failed before the change;
the guards passed before and pin the neighbouring behaviour."""

import pytest

from medcore.records.pipeline import analyze
from tests.records.conftest import problem


def assertion_of(kb, sentence, target):
    return problem(analyze(sentence, kb), target).assertion


@pytest.mark.parametrize("sentence,target,assertion", [
    # a low-probability hedge is still uncertain, not an exclusion
    ("Pulmonary embolism is considered unlikely.", "pulmonary embolism", "possible"),
    ("Rule out pulmonary embolism, considered unlikely; Wells score low.", "pulmonary embolism", "possible"),
    ("Pneumonia is not likely given the clear chest x-ray.", "pneumonia", "possible"),
    # 'compatible with', like 'consistent with', states a finding
    ("The liver shows increased echogenicity compatible with hepatic steatosis.", "hepatic steatosis", "present"),
    # 'the most likely diagnosis is X' names the working diagnosis
    ("The most likely diagnosis is community-acquired pneumonia.", "community-acquired pneumonia", "present"),
    # 'old' dates a lesion that is still there
    ("MRI brain showed a small old right parietal infarct.", "infarct", "present"),
])
def test_fixed_assertion_triggers(kb, sentence, target, assertion):
    assert assertion_of(kb, sentence, target) == assertion


@pytest.mark.parametrize("sentence,target,assertion", [
    # guards around the fixes (these passed before and must keep passing)
    ("Pulmonary embolism was ruled out.", "pulmonary embolism", "negated"),
    ("Pulmonary embolism was not suspected.", "pulmonary embolism", "negated"),
    ("Findings consistent with acute appendicitis.", "acute appendicitis", "present"),
    ("Likely community-acquired pneumonia.", "community-acquired pneumonia", "possible"),
    ("History of myocardial infarction in 2019.", "myocardial infarction", "historical"),
])
def test_neighbouring_assertions_unchanged(kb, sentence, target, assertion):
    assert assertion_of(kb, sentence, target) == assertion


def test_follow_up_visit_conditions_are_present(kb):
    # the conditions being followed up are what the visit is about
    assert assertion_of(kb, "66-year-old woman with rheumatoid arthritis returns for follow-up.",
                        "rheumatoid arthritis") == "present"
    assert assertion_of(kb, "A 58-year-old man with gout comes for a routine review.", "gout") == "present"


def test_background_before_a_new_complaint_stays_historical(kb):  # guard
    a = analyze("66-year-old woman with rheumatoid arthritis returns with chest pain.", kb)
    got = {p.text.lower(): p.assertion for p in a.extraction.problems}
    assert got["rheumatoid arthritis"] == "historical" and got["chest pain"] == "present"
    a = analyze("A 70-year-old man with gout returns for follow-up of chest pain.", kb)
    got = {p.text.lower(): p.assertion for p in a.extraction.problems}
    assert got["gout"] == "historical"
