"""Blind set s22 (PICO, results and stated outcomes; now dev): its shape and its draw
(tests/literature/_blind_split.py)."""

from __future__ import annotations

from tests.literature import _blind_split as bs

NAME = "pubmedqa_extract_blind_s22.yaml"
NAMED = ("interventions", "comparators", "outcomes_primary", "outcomes_secondary")


def test_blind_s22_loads_with_thirty_papers_most_with_stated_outcomes():
    papers = bs.check_papers(NAME, "blind_s22", 30, {"observational": 27, "comparative": 2, "nondrug_trial": 1},
                             max_words=6, name_fields=NAMED)
    # the point of this draw: enough outcome gold to measure the outcome reader (the s21c blind pair had 2)
    assert sum(len(p["outcomes_primary"]) for p in papers) == 58
    assert sum(len(p["outcomes_secondary"]) for p in papers) == 6


def test_blind_s22_is_not_in_any_other_annotation_file():
    bs.check_not_in_other_files(NAME)


def test_blind_s22_is_what_the_draw_rule_gives():
    bs.check_module_draw(NAME, "literature-blind-s22", "0b5173cd")


def test_cli_accepts_the_blind_s22_split():
    bs.check_cli_accepts("blind_s22")
