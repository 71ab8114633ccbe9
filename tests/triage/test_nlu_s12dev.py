"""Readings found by studying the spent s12 set as dev data (issue 12). Sentences written for these tests, not
taken from the set. First the two emergencies the set's one-shot run missed because no phrase read them: a coin
battery named by its shape (NHS.uk "Swallowed a button battery") and a household chemical splashed into one eye
with its side named (NHS.uk "Eye injuries")."""

from __future__ import annotations

import pytest

from tests.triage.nlu_reading import evidence as _ev


@pytest.mark.parametrize("text", [
    "my toddler may have swallowed a small round battery out of the TV remote",
    "he put a coin battery in his mouth and now we cannot find it",
    "there is a battery missing from the bathroom scales and she was playing with them",
])
def test_a_coin_battery_in_lay_words_is_a_swallowed_battery(lex, text):
    assert _ev(lex, text).get("swallowed_battery") is True


def test_a_battery_in_other_words_is_not_swallowed(lex):
    assert _ev(lex, "my phone battery died so I could not ring earlier").get("swallowed_battery") is not True


@pytest.mark.parametrize("text", [
    "bleach splashed up while I was mopping and went into my eye",
    "some limescale remover splashed into my left eye",
    "I accidentally sprayed kitchen cleaner into my right eye",
])
def test_a_chemical_into_one_eye_is_a_chemical_eye(lex, text):
    assert _ev(lex, text).get("chemical_eye") is True


@pytest.mark.parametrize("text, age, sex", [
    ("I think my 2 year old has swallowed a little flat battery from a birthday card, she seems fine", 2, "female"),
    ("I was cleaning the oven and the spray went into my right eye, it stings badly", 50, "male"),
])
def test_these_emergencies_are_triaged_emergency_one_shot(lexical_engine, text, age, sex):
    # button_battery and chemical_eye_injury are emergencies by their red flags; before these readings such texts
    # came back routine or self-care
    res, _ = lexical_engine.one_shot(text, age, sex)
    assert res.triage == "emergency"
