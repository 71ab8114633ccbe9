"""Session 24c (issue 15): add-on comparisons (the base treatment given alone is the comparator), a comparison
group named by the people who served as controls. Every sentence here is written for the test."""

from __future__ import annotations

import pytest

from medcore.literature import added_arms, control_arms
from medcore.literature.model import Sentence


def _arms(read, text: str) -> tuple[list[str], list[str]]:
    p = read(text)[0].pico
    return [i.text for i in p.interventions], [c.text for c in p.comparators]


def _s(idx: int, text: str, role: str = "methods") -> Sentence:
    return Sentence(idx, text, 0, len(text), None, role)


def test_an_aim_that_adds_one_treatment_to_another(read):
    text = ("Does physiotherapy add anything after knee arthroscopy?\n"
            "OBJECTIVE: To judge the gain of adding physiotherapy to arthroscopic debridement alone in older adults "
            "with knee osteoarthritis.\n"
            "METHODS: We reviewed 90 adults treated in one unit.\n"
            "RESULTS: Knee scores were similar.")
    interventions, comparators = _arms(read, text)
    assert comparators == ["arthroscopic debridement alone"]
    assert interventions and "physiotherapy" in interventions[0]


def test_given_on_top_against_the_base_alone(read):
    text = ("Vitamin D and falls in a care home.\n"
            "OBJECTIVE: To count falls in one care home.\n"
            "METHODS: Residents admitted after 2015 were treated with cholecalciferol, 800 units daily, in addition "
            "to the usual exercise class and compared with earlier residents, given the exercise class alone.\n"
            "RESULTS: Falls were fewer.")
    interventions, comparators = _arms(read, text)
    assert comparators == ["exercise class alone"]
    assert [i.lower() for i in interventions] == ["cholecalciferol"]


def test_with_or_without_after_what_everyone_underwent(read):
    text = ("Drain or no drain after thyroid surgery.\n"
            "OBJECTIVE: To compare wound problems by drain use.\n"
            "METHODS: We studied 300 adults undergoing total thyroidectomy in two hospitals without (group A) or "
            "with (group B) a suction drain.\n"
            "RESULTS: Seromas were as frequent.")
    interventions, comparators = _arms(read, text)
    assert interventions == ["suction drain"]
    assert comparators == ["total thyroidectomy alone"]


def test_an_abbreviated_addition_is_named_by_its_definition():
    methods = [_s(0, "Adjuvant radiotherapy (ART) was offered by surgeon choice."),
               _s(1, "Patients underwent radical cystectomy with or without ART were included.")]
    got = added_arms.add_on([], methods, lambda x: True, " ".join(s.text for s in methods))
    assert got is not None and got[0].lower() == "adjuvant radiotherapy" and got[1] == "radical cystectomy alone"


def test_with_or_without_naming_people_or_a_result_is_no_add_on():
    # "with or without" after a results verb, or the base not a treatment (is_treat says no): no add-on read
    methods = [_s(0, "Scores of children with or without asthma were compared.")]
    assert added_arms.add_on([], methods, lambda x: False) is None
    assert added_arms.add_on([_s(1, "In addition to rest, splints help.", "objective")], [], lambda x: True) is None


def test_a_monotherapy_arm_beside_an_add_on_arm_is_the_control():
    methods = [_s(0, "Adults were randomly assigned to metoprolol monotherapy or metoprolol plus ivabradine.")]
    assert added_arms.allocated_alone(methods) == ("metoprolol monotherapy", 0)
    assert added_arms.allocated_alone([_s(0, "Adults were randomly assigned to metoprolol alone.")]) is None


@pytest.mark.parametrize("sentence, want", [
    ("Welsh and Irish (acting as controls) parents were telephoned in 2019.", "Irish controls"),
    ("Thirty healthy volunteers served as controls.", "healthy volunteers"),
    ("Fifty office workers - used as a control group - wore the same monitor.", "office workers"),
])
def test_people_who_served_as_controls(sentence, want):
    assert control_arms.people_as_controls([_s(3, sentence)]) == (want, 3)


def test_people_as_controls_only_from_the_methods_unless_the_role_was_guessed():
    s = Sentence(0, "Healthy volunteers served as controls in earlier work.", 0, 10, None, "background")
    s.role_source = "heading"
    assert control_arms.people_as_controls([s], guessed=True) is None
    s.role_source = "rules"
    assert control_arms.people_as_controls([s], guessed=True) == ("Healthy volunteers", 0)


def test_an_offer_compared_with_people_who_served_as_controls(read):
    text = ("Did free nicotine patches change quitting?\n"
            "OBJECTIVE: To measure the effect of a regional offer of free nicotine patches on quitting.\n"
            "METHODS: Coastal and inland (acting as controls) smokers were interviewed before and after the offer.\n"
            "RESULTS: Quitting rose on the coast.")
    interventions, comparators = _arms(read, text)
    assert comparators == ["inland controls"]


def test_an_aim_under_a_background_heading_names_the_compared_arms_only(read):
    text = ("Shoulder pain after a fall.\n"
            "BACKGROUND: Shoulder pain is common and ibuprofen is often taken for it. We aimed to compare early "
            "surgery with physiotherapy in older adults.\n"
            "METHODS: Sixty older adults were treated in one clinic.\n"
            "RESULTS: Pain fell in both groups.")
    interventions, comparators = _arms(read, text)
    assert interventions == ["early surgery"] and comparators == ["physiotherapy"]
