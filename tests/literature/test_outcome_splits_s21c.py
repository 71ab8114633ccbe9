"""Session 21 (lit23): outcomes annotated by hand on blind, blind2 (BLIND for outcomes) and blind_s11, blind_s12
(new dev for outcomes). Only the shape is checked here; the blind pair is scored once before and once after."""

from __future__ import annotations

import pytest
import yaml

from medcore.literature.evaluate import ANNOTATIONS

SPLITS = ("blind", "blind2", "blind_s11", "blind_s12")


def _doc(split: str) -> dict:
    return yaml.safe_load((ANNOTATIONS / f"pubmedqa_extract_{split}.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("split", SPLITS)
def test_every_paper_carries_both_outcome_lists_as_short_names(split):
    for p in _doc(split)["papers"]:
        for field in ("outcomes_primary", "outcomes_secondary"):
            assert isinstance(p[field], list), (p["pmid"], field)
            for name in p[field]:
                # short lower-case names in the abstract's key words, never a copied clause
                assert name == name.lower() and len(name.split()) <= 8, name


def test_outcome_tallies_stated_in_the_headers():
    tallies = {s: (sum(len(p["outcomes_primary"]) for p in _doc(s)["papers"]),
                   sum(len(p["outcomes_secondary"]) for p in _doc(s)["papers"])) for s in SPLITS}
    assert tallies == {"blind": (0, 0), "blind2": (2, 0), "blind_s11": (4, 5), "blind_s12": (15, 2)}
