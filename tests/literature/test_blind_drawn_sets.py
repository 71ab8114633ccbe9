"""Shape of the literature blind sets drawn from PubMedQA (s12-s14, s22-s26), one parametrised test per check
instead of a near copy per set (folded in session 29; the hand-written sets are test_blind_written_sets.py's). Each
set is one row of DRAWN: its split, paper count and groups, the reader options its gold was written for, the gold
counts its README states, and the draw its PMIDs must reproduce (the printed draw of s13-s14, the module draw of
s22 on; s12 has none). Shape only (tests/literature/_blind_split.py)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from tests.literature import _blind_split as bs

NAMED = ("interventions", "comparators", "outcomes_primary", "outcomes_secondary")
DESIGNS = {"rct", "cohort", "case_control", "cross_sectional", "case_series", "case_report", "diagnostic_accuracy",
           "nonrandomised_trial", "qualitative"}
# the reader options of the sets drawn from s22 on (six-word names, named list fields); s23 on also check designs
S22 = {"max_words": 6, "name_fields": NAMED}
S23 = {**S22, "designs": DESIGNS}


@dataclass(frozen=True)
class Drawn:
    split: str
    count: int
    groups: dict
    options: dict = field(default_factory=dict)  # check_papers keyword arguments
    lists: dict = field(default_factory=dict)  # gold entries per list field
    scalars: dict = field(default_factory=dict)  # papers with a gold value per scalar field
    draw: tuple = ()  # (check, eval folder, base commit) the PMIDs must reproduce

    @property
    def name(self) -> str:
        return f"pubmedqa_extract_{self.split}.yaml"


DRAWN = [
    # the outcomes of s12 were added by hand in session 21, when this set became dev for outcomes
    Drawn("blind_s12", 15, {"drug_trial": 5, "nondrug_trial": 5, "observational": 5}, {"coded_conditions": False}),
    Drawn("blind_s13", 20, {"nondrug_trial": 5, "comparative": 9, "observational": 6},
          draw=("printed", "literature-blind-s13", "7135e42")),
    Drawn("blind_s14", 20, {"nondrug_trial": 3, "comparative": 6, "observational": 11},
          draw=("printed", "literature-blind-s14", "52d9e66")),
    # the point of the s22 draw: enough outcome gold to measure the outcome reader (the s21c blind pair had 2)
    Drawn("blind_s22", 30, {"observational": 27, "comparative": 2, "nondrug_trial": 1}, S22,
          {"outcomes_primary": 58, "outcomes_secondary": 6}, draw=("module", "literature-blind-s22", "0b5173cd")),
    Drawn("blind_s23", 30, {"observational": 25, "comparative": 4, "nondrug_trial": 1}, S23,
          {"comparators": 7, "effects": 12, "p_values": 62, "outcomes_primary": 5},
          draw=("module", "literature-blind-s23", "760accef")),
    Drawn("blind_s24", 30, {"observational": 28, "comparative": 2}, S23,
          {"interventions": 17, "comparators": 3, "effects": 13, "p_values": 62, "outcomes_primary": 2},
          draw=("module", "literature-blind-s24", "c446b4f1")),
    Drawn("blind_s25", 30, {"observational": 26, "comparative": 4}, S23,
          {"conditions": 29, "interventions": 23, "comparators": 1, "effects": 8, "p_values": 8, "outcomes_primary": 1},
          {"n": 25}, draw=("module", "literature-blind-s25", "e4b08398")),
    Drawn("blind_s26", 20, {"observational": 17, "comparative": 3}, S23,
          {"conditions": 14, "interventions": 17, "comparators": 0, "effects": 0, "p_values": 15,
           "outcomes_primary": 0, "outcomes_secondary": 0},
          {"n": 17, "setting": 5}, draw=("module", "literature-blind-s26", "86a94f9d")),
]
DRAW_CHECKS = {"printed": bs.check_printed_draw, "module": bs.check_module_draw}


@pytest.fixture(params=DRAWN, ids=lambda d: d.split)
def drawn_set(request) -> Drawn:
    return request.param


def test_loads_with_the_stated_groups_and_gold_counts(drawn_set):
    d = drawn_set
    papers = bs.check_papers(d.name, d.split, d.count, d.groups, **d.options)
    assert {f: sum(len(p[f]) for p in papers) for f in d.lists} == d.lists
    assert {f: sum(p.get(f) is not None for p in papers) for f in d.scalars} == d.scalars


def test_is_not_in_any_other_annotation_file(drawn_set):
    bs.check_not_in_other_files(drawn_set.name)


@pytest.mark.parametrize("d", [d for d in DRAWN if d.draw], ids=lambda d: d.split)
def test_is_what_the_draw_rule_gives(d):
    check, folder, base = d.draw
    DRAW_CHECKS[check](d.name, folder, base)


def test_cli_accepts_the_split(drawn_set):
    bs.check_cli_accepts(drawn_set.split)
