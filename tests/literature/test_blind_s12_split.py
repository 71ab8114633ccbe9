"""Blind set s12 (PICO / results extraction, now dev): its shape (tests/literature/_blind_split.py)."""

from __future__ import annotations

from tests.literature import _blind_split as bs

NAME = "pubmedqa_extract_blind_s12.yaml"


def test_blind_s12_loads_with_fifteen_papers_five_per_group():
    # the outcomes were added by hand in session 21, when this set became dev for outcomes
    bs.check_papers(NAME, "blind_s12", 15, {"drug_trial": 5, "nondrug_trial": 5, "observational": 5},
                    coded_conditions=False)


def test_blind_s12_is_not_in_any_other_annotation_file():
    bs.check_not_in_other_files(NAME)


def test_cli_accepts_the_blind_s12_split():
    bs.check_cli_accepts("blind_s12")
