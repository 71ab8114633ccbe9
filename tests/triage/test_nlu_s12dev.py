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


# Level decisions from the guideline (the s12 writer flagged four disagreements between guideline and KB; each is
# recorded in the condition's entry and in docs/evals/triage-s12s/README.md)
@pytest.mark.parametrize("text, age, sex, level", [
    # NHS.uk "Glaucoma": a painful eye with rings around lights goes to eye casualty or A&E immediately
    ("since this evening my right eye aches badly and I see coloured rings around lights, I feel sick", 68, "female",
     "emergency"),
    # NHS.uk "Scarlet fever": an urgent GP appointment or NHS 111
    ("my 5 year old has a temperature, a sore throat and a rough rash like sandpaper on his tummy and chest", 5,
     "male", "urgent"),
])
def test_levels_follow_the_guideline(lexical_engine, text, age, sex, level):
    res, _ = lexical_engine.one_shot(text, age, sex)
    assert res.triage == level


def test_dental_abscess_and_scarlet_fever_are_same_day_and_labyrinthitis_stays_same_day(kb):
    # NHS.uk "Dental abscess" (urgent dental appointment within 24 h), NHS.uk "Scarlet fever" (urgent GP appointment),
    # NICE NG98 (sudden hearing loss: seen within 24 hours, the KB's labyrinthitis is the form with hearing loss)
    assert {c: kb.condition(c).triage for c in ("dental_abscess", "scarlet_fever", "labyrinthitis")} == \
        {"dental_abscess": "urgent", "scarlet_fever": "urgent", "labyrinthitis": "urgent"}
    assert kb.condition("angle_closure_glaucoma").triage == "emergency"
