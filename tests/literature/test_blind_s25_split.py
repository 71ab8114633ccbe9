"""Blind set s25 (the rest of the PQA-L pool in seeded order; no trial or comparison cue was left): its shape and
its draw (tests/literature/_blind_split.py). Only the shape is checked; the set is scored once before and once
after."""

from __future__ import annotations

from tests.literature import _blind_split as bs

NAME = "pubmedqa_extract_blind_s25.yaml"
NAMED = ("interventions", "comparators", "outcomes_primary", "outcomes_secondary")
DESIGNS = {"rct", "cohort", "case_control", "cross_sectional", "case_series", "case_report", "diagnostic_accuracy",
           "nonrandomised_trial", "qualitative"}


def test_blind_s25_loads_with_thirty_papers_in_the_stated_groups():
    papers = bs.check_papers(NAME, "blind_s25", 30, {"observational": 26, "comparative": 4},
                             max_words=6, name_fields=NAMED, designs=DESIGNS)
    # the gold counts the README states
    assert sum(len(p["conditions"]) for p in papers) == 29
    assert sum(len(p["interventions"]) for p in papers) == 23
    assert sum(len(p["comparators"]) for p in papers) == 1
    assert sum(len(p["effects"]) for p in papers) == 8
    assert sum(len(p["p_values"]) for p in papers) == 8
    assert sum(len(p["outcomes_primary"]) for p in papers) == 1
    assert sum(p.get("n") is not None for p in papers) == 25


def test_blind_s25_is_not_in_any_other_annotation_file():
    bs.check_not_in_other_files(NAME)


def test_blind_s25_is_what_the_draw_rule_gives():
    bs.check_module_draw(NAME, "literature-blind-s25", "e4b08398")


def test_cli_accepts_the_blind_s25_split():
    bs.check_cli_accepts("blind_s25")
