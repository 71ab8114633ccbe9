"""Blind set s13 (PICO / results extraction, now dev): its shape and its draw (tests/literature/_blind_split.py)."""

from __future__ import annotations

from tests.literature import _blind_split as bs

NAME = "pubmedqa_extract_blind_s13.yaml"


def test_blind_s13_loads_with_twenty_papers_in_the_drawn_groups():
    bs.check_papers(NAME, "blind_s13", 20, {"nondrug_trial": 5, "comparative": 9, "observational": 6})


def test_blind_s13_is_not_in_any_other_annotation_file():
    bs.check_not_in_other_files(NAME)


def test_blind_s13_is_what_the_draw_rule_gives():
    bs.check_printed_draw(NAME, "literature-blind-s13", "7135e42")


def test_cli_accepts_the_blind_s13_split():
    bs.check_cli_accepts("blind_s13")
