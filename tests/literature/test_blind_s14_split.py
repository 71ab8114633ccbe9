"""Blind set s14 (PICO / results extraction, now dev): its shape and its draw (tests/literature/_blind_split.py)."""

from __future__ import annotations

from tests.literature import _blind_split as bs

NAME = "pubmedqa_extract_blind_s14.yaml"


def test_blind_s14_loads_with_twenty_papers_in_the_drawn_groups():
    bs.check_papers(NAME, "blind_s14", 20, {"nondrug_trial": 3, "comparative": 6, "observational": 11})


def test_blind_s14_is_not_in_any_other_annotation_file():
    bs.check_not_in_other_files(NAME)


def test_blind_s14_is_what_the_draw_rule_gives():
    bs.check_printed_draw(NAME, "literature-blind-s14", "52d9e66")


def test_cli_accepts_the_blind_s14_split():
    bs.check_cli_accepts("blind_s14")
