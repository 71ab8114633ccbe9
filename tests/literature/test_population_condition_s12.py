"""The population's condition is the condition of the people studied ("patients with X", "X patients", the
title's "... in X?"), not every disease word: outcomes, predictors, modifiers of a compound and conditions
excluded by "instead of" are not it (issue 15, lit15e). Abstracts written for these tests."""

from __future__ import annotations

from medcore.literature import population_phrases


def _codes(read, text):
    (r,) = read(text)
    return [c.code.split(" ")[-1][:3] for c in r.pico.population.conditions if c.code.startswith("ICD")]


def test_an_outcome_or_predictor_beside_the_people_studied_is_not_their_condition(read):
    got = _codes(read, "Does raised troponin predict death in patients with pulmonary embolism?\nOBJECTIVE: We asked "
                       "whether raised troponin predicts a poor course in patients with pulmonary embolism. METHODS: "
                       "We reviewed 150 patients with pulmonary embolism seen in two emergency units.")
    assert got == ["I26"], got


def test_the_title_question_names_the_population_after_in(read):
    got = _codes(read, "Is long exposure to steroids a risk factor of osteoporosis in asthma?\nOBJECTIVE: To relate "
                       "steroid dose to osteoporosis. METHODS: We studied 180 adults with asthma from one clinic.")
    assert got == ["J45"], got


def test_a_condition_after_instead_of_is_not_the_population(read):
    got = _codes(read, "Does insulin dose relate to weight gain?\nMETHODS: We enrolled adults with type 1 diabetes, "
                       "instead of those with type 2 diabetes, to limit confounding. Insulin resistance marks type 2 diabetes, "
                       "so we studied 200 adults with type 1 diabetes.")
    assert "E11" not in got and "E10" in got, got


def test_people_named_with_a_parenthesis_before_their_condition(read):
    got = _codes(read, "Is a short course of acid suppression followed by worse abdominal pain?\nMETHODS: Forty patients "
                       "(12 men and 28 women; mean age 50 years) with heartburn and normal endoscopy were given a "
                       "proton pump inhibitor or placebo.")
    assert got == ["R12"], got


def test_the_head_of_a_compound_is_the_condition_not_its_modifier():
    class M:  # the matcher's mention shape: start, end
        def __init__(self, start, end):
            self.start, self.end = start, end

    text = "a model of ventricular fibrillation cardiac arrest in pigs"
    vf, ca = text.index("ventricular"), text.index("cardiac")
    assert population_phrases.modifiers([M(vf, vf + 24), M(ca, ca + 14)], text) == {0}
    assert population_phrases.modifiers([M(0, 1), M(ca, ca + 14)], text) == set()


def test_population_phrase_spans():
    text = "We enrolled 60 children with acute otitis media who were seen in clinics."
    (a, b), = population_phrases.spans(text)
    assert text[a:b] == "acute otitis media"
    t = "Does vitamin D prevent falls in older adults with osteopenia?"
    assert any(t[a:b].endswith("osteopenia") for a, b in population_phrases.spans(t, is_title=True))
    assert population_phrases.in_population("trauma patients on warfarin", 0, 6, [])
    assert not population_phrases.in_population("trauma care in the region", 0, 6, [])


def test_an_event_the_study_prevents_or_counts_is_not_the_population(read):
    got = _codes(read, "Does early walking reduce the risk of pneumonia?\nOBJECTIVE: To measure the incidence of "
                       "pneumonia with early walking after hip surgery. METHODS: We followed 300 adults for the "
                       "occurrence of pneumonia and deep vein thrombosis.")
    assert "J18" not in got and "I82" not in got, got


def test_outcome_cue():
    t = "We recorded the incidence of postoperative delirium in adults with hip fracture."
    assert population_phrases.is_outcome(t, t.index("delirium"))
    assert not population_phrases.is_outcome(t, t.index("hip fracture"))
