"""Blind set s26 (the last of the PQA-L pool, every item that is a clinical study of people, in seeded order; no
trial or comparison cue was left): its shape and its draw (tests/literature/_blind_split.py). Only the shape is
checked; the set is scored once before and once after."""

from __future__ import annotations

from tests.literature import _blind_split as bs

NAME = "pubmedqa_extract_blind_s26.yaml"
NAMED = ("interventions", "comparators", "outcomes_primary", "outcomes_secondary")
DESIGNS = {"rct", "cohort", "case_control", "cross_sectional", "case_series", "case_report", "diagnostic_accuracy",
           "nonrandomised_trial", "qualitative"}


def test_blind_s26_loads_with_twenty_papers_in_the_stated_groups():
    papers = bs.check_papers(NAME, "blind_s26", 20, {"observational": 17, "comparative": 3},
                             max_words=6, name_fields=NAMED, designs=DESIGNS)
    # the gold counts the README states
    assert sum(len(p["conditions"]) for p in papers) == 14
    assert sum(len(p["interventions"]) for p in papers) == 17
    assert sum(len(p["comparators"]) for p in papers) == 0
    assert sum(len(p["effects"]) for p in papers) == 0
    assert sum(len(p["p_values"]) for p in papers) == 15
    assert sum(len(p["outcomes_primary"]) + len(p["outcomes_secondary"]) for p in papers) == 0
    assert sum(p.get("n") is not None for p in papers) == 17
    assert sum(p.get("setting") is not None for p in papers) == 5


def test_blind_s26_is_not_in_any_other_annotation_file():
    bs.check_not_in_other_files(NAME)


def test_blind_s26_is_what_the_draw_rule_gives():
    bs.check_module_draw(NAME, "literature-blind-s26", "86a94f9d")


def test_cli_accepts_the_blind_s26_split():
    bs.check_cli_accepts("blind_s26")
