"""Session 10: the helpers of the dev-only "maybe" study (bench/literature_maybe.py), on sentences written for
these tests. Nothing in medcore uses the study's flags (no candidate was kept); these tests keep its accounting
honest: a candidate is charged for every yes/no item the cue rule had right and it gets wrong."""

from __future__ import annotations

import importlib.util
from pathlib import Path

spec = importlib.util.spec_from_file_location(
    "literature_maybe", Path(__file__).resolve().parents[2] / "bench" / "literature_maybe.py")
study = importlib.util.module_from_spec(spec)
spec.loader.exec_module(study)


def test_flags_read_contrast_condition_and_partial_negation():
    assert study.flags("Walking helped mood but not sleep in selected patients.") == [1.0, 1.0, 1.0]
    assert study.flags("Walking improved mood.") == [0.0, 0.0, 0.0]
    assert study.flags("Although small, the effect held.") == [1.0, 0.0, 0.0]


def test_threshold_rule_and_the_yes_no_items_it_costs():
    base = ["yes", "no", "yes", "no"]
    gold = ["yes", "no", "maybe", "yes"]
    pred = study.with_threshold([0.9, 0.2, 0.7, 0.1], base, 0.6)
    assert pred == ["maybe", "no", "maybe", "no"]
    assert study.yes_no_lost(pred, base, gold) == 1  # the first item was right and is now "maybe"
    assert study.auc([0.9, 0.1, 0.5], [True, False, False]) == 1.0
    assert study.auc([0.5, 0.5], [True, False]) == 0.5
    assert len({study.fold_of(str(i)) for i in range(50)}) == 5
