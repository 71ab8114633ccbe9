"""Session 22b (issue 15): an arm's label ("the test group") or a measure ("the incidence and severity of X") is
no intervention. Every sentence here is written for the test."""

from __future__ import annotations

import pytest

from medcore.literature.arm_phrases import NOT_AN_ARM, drop_labels
from medcore.literature.model import Pico, PicoItem, Population


def test_measures_compared_are_not_arms(read):
    text = ("Cream for hand eczema\nOBJECTIVE: To compare the incidence and severity of eczema in two groups of "
            "cleaners.\nMETHODS: Sixty cleaners were randomized.\nRESULTS: Fewer had eczema.")
    p = read(text)[0].pico
    assert not any(NOT_AN_ARM.match(x.text) for x in p.interventions + p.comparators)


def test_an_arm_named_by_its_label_only_is_dropped(read):
    text = ("Honey on leg ulcers\nOBJECTIVE: To test honey dressings.\nMETHODS: Forty adults were randomized. "
            "Honey was applied in the test group, whereas the control group had plain gauze.\nRESULTS: Ulcers healed.")
    names = [i.text.lower() for i in read(text)[0].pico.interventions]
    assert "test" not in names


@pytest.mark.parametrize("name, dropped", [("experiment", True), ("the test group", True), ("incidence", True),
                                           ("honey dressing", False), ("exercise test", False)])
def test_drop_labels(name, dropped):
    pico = Pico(population=Population(), interventions=[PicoItem(text=name, sentence_idx=0)])
    drop_labels(pico)
    assert (not pico.interventions) is dropped
