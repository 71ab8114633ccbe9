"""Session 22b (issue 15): an arm's label ("the test group") or a measure ("the incidence and severity of X") is
no intervention. Every sentence here is written for the test."""

from __future__ import annotations

import pytest

from medcore.literature.arm_phrases import NOT_AN_ARM, drop_labels
from medcore.literature.model import Pico, PicoItem, Population


def test_measures_compared_are_not_arms(read):
    text = ("Cream for hand eczema\nOBJECTIVE: To compare incidence and severity of eczema in two groups of "
            "cleaners.\nMETHODS: Sixty cleaners were randomized.\nRESULTS: Fewer had eczema.")
    p = read(text)[0].pico
    # checked by its words, not by NOT_AN_ARM itself (a test through the regex under test passes whatever it matches)
    said = [x.text.lower() for x in p.interventions + p.comparators]
    assert not [t for t in said if t.split()[-1] in ("incidence", "severity") or " eczema" in t], said


def test_an_arm_named_by_its_label_only_is_dropped(read):
    text = ("Honey on leg ulcers\nOBJECTIVE: To test honey dressings.\nMETHODS: Forty adults were randomized. "
            "The test group got honey; plain gauze went to the control group.\nRESULTS: Ulcers healed.")
    names = [i.text.lower() for i in read(text)[0].pico.interventions]
    assert "test" not in names


@pytest.mark.parametrize("name, dropped", [("experiment", True), ("the test group", True), ("incidence", True),
                                           ("honey dressing", False), ("exercise test", False)])
def test_drop_labels(name, dropped):
    pico = Pico(population=Population(), interventions=[PicoItem(text=name, sentence_idx=0)])
    drop_labels(pico)
    assert (not pico.interventions) is dropped


def test_an_abbreviation_defined_as_something_else_is_not_the_condition(read):
    text = ("Teaching with simulated cases\nOBJECTIVE: To rate students on paediatric emergencies (PE) in a "
            "simulated ward.\nMETHODS: Ninety students were scored on PE stations.\nRESULTS: Scores rose.")
    assert not [c for c in read(text)[0].pico.population.conditions if c.code.endswith("I26.99")]


def test_an_abbreviation_defined_as_itself_stays_the_condition(read):
    text = ("Walking after a clot\nOBJECTIVE: To study adults with pulmonary embolism (PE).\nMETHODS: Ninety "
            "adults with PE walked daily.\nRESULTS: Few had a new clot.")
    assert any(c.code.startswith("ICD-10-CM I26") for c in read(text)[0].pico.population.conditions)


def test_a_symptom_concept_not_named_as_the_people_is_not_their_condition(read):
    text = ("Aspirin before knee surgery\nOBJECTIVE: Aspirin may cause excessive bleeding during knee surgery.\n"
            "METHODS: Sixty adults were randomized to aspirin or placebo, and swelling was scored.\nRESULTS: Few bled.")
    codes = [c.code for c in read(text)[0].pico.population.conditions]
    assert not [c for c in codes if c.startswith(("ICD-10-CM R", "ICD-10-CM G89"))]


def test_a_symptom_named_as_the_people_stays(read):
    text = ("Walking for back pain\nOBJECTIVE: To study walking in adults with chronic pain.\nMETHODS: Sixty adults "
            "with chronic pain were randomized to walking or advice.\nRESULTS: Pain fell.")
    assert any(c.code.startswith("ICD-10-CM G89") for c in read(text)[0].pico.population.conditions)


@pytest.mark.parametrize("title, want", [
    ("Knee cartilage tears: is arthroscopic debridement safe and effective in older adults?", "arthroscopic debridement"),
    ("Is bone grafting an acceptable alternative for large tibial defects?", "bone grafting"),
])
def test_the_treatment_whose_worth_the_title_asks_is_the_intervention(read, title, want):
    text = f"{title}\nMETHODS: We reviewed 40 consecutive adults seen over six years.\nRESULTS: Most recovered."
    assert [i.text.lower() for i in read(text)[0].pico.interventions] == [want]


@pytest.mark.parametrize("title", [
    "Is early drain removal necessary after thyroid surgery?",
    "Is a skin biopsy useful in the diagnosis of rash in children?",
    "Is a heel prick an effective predictor of jaundice?",
])
def test_omission_and_test_questions_are_not_worth_questions(title):
    from medcore.literature.pico import _QUESTION_WORTH

    assert _QUESTION_WORTH.search(title) is None


def test_two_operations_compared_outside_a_trial_give_a_comparator(read):
    text = ("Pouch or ileorectal anastomosis for colitis\nMETHODS: We reviewed 90 adults with colitis from 2001 to "
            "2011: 50 underwent a pouch procedure and 40 underwent an ileorectal anastomosis.\nRESULTS: Function "
            "was similar.")
    p = read(text)[0].pico
    assert [i.text for i in p.interventions] == ["a pouch procedure"]
    assert [c.text for c in p.comparators] == ["an ileorectal anastomosis"]


@pytest.mark.parametrize("name", ["ileorectal anastomosis", "wound debridement", "bone grafting", "skin graft"])
def test_procedures_named_without_a_suffix_are_treatments(lit_settings, name):
    from medcore.literature.roles import cue_pattern

    assert cue_pattern(lit_settings, "treatment").search(name)
