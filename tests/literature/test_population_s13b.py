"""Session 13 (lit13s): N from groups listed under one verb and from procedures counted in people, the share of
women from counts in words, a ratio or a one-sex population, the age forms "average age of the X was" and "aged N
and older", the pretest/post-test design cue, drugs under an outcome heading, and the condition vocabulary gaps.
Every sentence here is written for the test."""

from __future__ import annotations

import pytest

from medcore.config import Settings
from medcore.literature.model import Paper, Sentence
from medcore.literature.pico import _age, _drug_items
from medcore.literature.population_sex import sex
from medcore.literature.population_size import pick_n


def _sents(*texts, role="methods", section=None):
    return [Sentence(i, t, 0, len(t), section, role) for i, t in enumerate(texts)]


@pytest.mark.parametrize("text, n", [
    ("In total, 40 young nurses (mean age 29 years) and 35 older nurses were assessed on a simulator.", 75),
    ("Twenty-two smokers without asthma (SWA), 18 nonsmoking (NS) adults and 30 asthmatic adults were tested.", 70),
    ("There were 52 fractures in 48 patients.", 48),
    ("Of 140 biopsies taken, 120 performed in 101 patients were reviewed.", 101),
    ("From 2001 to 2009, 310 and 95 consecutive patients had one or two operations.", 405),
])
def test_n_shapes(text, n):
    assert pick_n(_sents(text))[0] == n


def test_groups_listed_need_one_verb():
    # counts of people followed by their own verbs are not one listed population
    assert pick_n(_sents("In total, 40 nurses had knee pain and 35 nurses had none."))[0] != 75


@pytest.mark.parametrize("texts, n_idx, female", [
    (("Fifteen adults (eleven males and four females) took part.",), -2, 26.7),
    (("Of the cases (men:women = 3:1), most were older.",), -2, 25.0),
    (("Thirty female patients were enrolled.", "Pain fell."), 0, 100.0),
    (("Sixty men were enrolled.", "Pain fell."), 0, 0.0),
])
def test_share_of_women(texts, n_idx, female):
    assert sex(_sents(*texts), n_idx)["female_pct"] == female


def test_one_sex_needs_no_word_for_the_other():
    assert sex(_sents("Thirty pregnant women were enrolled.", "Their partners, all men, were asked too."), 0) == {}


def test_age_forms():
    assert _age(_sents("The average age of the runners was 31.5 years."))["value"] == 31.5
    got = _age(_sents("We reviewed 30 patients aged 18 years and older who had surgery."))
    assert got["stat"] == "min" and got["low"] == 18


def test_pretest_posttest_is_a_nonrandomised_trial():
    from medcore.literature.design import read_design

    paper = Paper(title="", text="", sentences=_sents("DESIGN: A pretest and post-test study with a comparison clinic."))
    assert read_design(Settings(), paper).kind == "nonrandomised_trial"


def test_drugs_under_an_outcome_heading_are_not_given():
    from medcore.knowledge import service as knowledge

    term = knowledge.terminology(Settings())
    given = _sents("Clinics received an education session on aspirin.", section="INTERVENTIONS")
    counted = _sents("The share of prescriptions for aspirin.", section="MAIN OUTCOME MEASURES")
    assert [i.text.lower() for i, _ in _drug_items(term, given, None)] == ["aspirin"]
    assert _drug_items(term, counted, None) == []


@pytest.mark.parametrize("text, code", [
    ("women with uterine myomas", "D25.9"), ("vascular type headache", "G44.1"), ("oro-facial pain", "G50.1"),
    ("fetal acidosis", "O68"), ("premature infants", "P07.30"), ("an abnormal Pap smear", "R87.619"),
    ("children with myelomeningocele", "Q05.9"),
])
def test_condition_vocabulary(text, code):
    from medcore.knowledge import service as knowledge

    term = knowledge.terminology(Settings())
    hits = term.match(text, types={"condition", "icd10cm"})
    assert hits and term.get(hits[-1].concept_id).codes["icd10cm"][0] == code


def test_a_series_split_into_compared_groups_is_a_cohort():
    from medcore.literature.design import read_design

    one = _sents("We reviewed 80 consecutive patients who had a hip replacement.")
    two = one + _sents("Those with cemented stems were compared with those with uncemented stems.")
    assert read_design(Settings(), Paper(title="", text="", sentences=one)).kind == "case_series"
    got = read_design(Settings(), Paper(title="", text="", sentences=two))
    assert got.kind == "cohort" and got.kind_inferred
