"""Blind set s24 (comparisons of groups or treatments first, then the rest of the pool): its shape and its draw
(tests/literature/_blind_split.py). Only the shape is checked; the set is scored once before and once after."""

from __future__ import annotations

from tests.literature import _blind_split as bs

NAME = "pubmedqa_extract_blind_s24.yaml"
NAMED = ("interventions", "comparators", "outcomes_primary", "outcomes_secondary")
DESIGNS = {"rct", "cohort", "case_control", "cross_sectional", "case_series", "case_report", "diagnostic_accuracy",
           "nonrandomised_trial", "qualitative"}


def test_blind_s24_loads_with_thirty_papers_in_the_stated_groups():
    papers = bs.check_papers(NAME, "blind_s24", 30, {"observational": 28, "comparative": 2},
                             max_words=6, name_fields=NAMED, designs=DESIGNS)
    # the gold counts the README states
    assert sum(len(p["interventions"]) for p in papers) == 17
    assert sum(len(p["comparators"]) for p in papers) == 3
    assert sum(len(p["effects"]) for p in papers) == 13
    assert sum(len(p["p_values"]) for p in papers) == 62
    assert sum(len(p["outcomes_primary"]) for p in papers) == 2


def test_blind_s24_is_not_in_any_other_annotation_file():
    bs.check_not_in_other_files(NAME)


def test_blind_s24_is_what_the_draw_rule_gives():
    bs.check_module_draw(NAME, "literature-blind-s24", "c446b4f1")


def test_cli_accepts_the_blind_s24_split():
    bs.check_cli_accepts("blind_s24")
