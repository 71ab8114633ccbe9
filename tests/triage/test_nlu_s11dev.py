"""Readings found by studying the spent s11 set as dev data (issue 12): stridor in a parent's words (a harsh or
rasping noise tied to breathing in, findings.yaml body_states 'noise on breathing in') and 'full of cold'.
Sentences written for these tests, not taken from the set."""

from __future__ import annotations

import pytest

from tests.triage.nlu_reading import evidence as _ev


@pytest.mark.parametrize("text", [
    "there is a grating sound each time my daughter breathes in",
    "he makes a noisy crowing sound as he breathes in, even lying down",
    "every time she breathed in we could hear a squeaky rasp",
])
def test_noise_on_breathing_in_is_stridor(lex, text):
    assert _ev(lex, text).get("stridor") is True


@pytest.mark.parametrize("text", [
    "he whistles when he breathes out",  # a whistle on breathing out is wheeze
    "the neighbours are noisy and I cannot sleep",  # a noise with no breathing in
])
def test_other_noises_are_not_stridor(lex, text):
    assert _ev(lex, text).get("stridor") is not True


def test_denied_noise_on_breathing_in_is_absent(lex):
    assert _ev(lex, "her cough is like a bark but there is no noise when she breathes in").get("stridor") is False


def test_full_of_cold_is_a_recent_cold(lex):
    assert _ev(lex, "our toddler has been full of cold since the weekend").get("recent_cold") is True


def test_croup_with_stridor_in_lay_words_is_an_emergency(lexical_engine):
    # croup_severe's red flags (stridor) make it an emergency; before this reading the same text was urgent
    res, _ = lexical_engine.one_shot("my 3 year old has a cough like a seal and a rasping noise whenever he "
                                     "breathes in, even when resting", 3, "male")
    assert res.triage == "emergency"


@pytest.mark.parametrize("text, finding", [
    ("a blister on the ball of my right foot has been sore for a week", "testicular_pain"),  # a part of the foot
    ("my toes itch and burn after I come in from the frost", "burn_injury"),  # a feeling, not a scald
])
def test_a_blocked_phrase_is_not_read_as_its_word(lex, text, finding):
    assert _ev(lex, text).get(finding) is not True


@pytest.mark.parametrize("text, finding", [
    ("my balls are sore since this morning", "testicular_pain"),
    ("I scalded my hand and the burn is red", "burn_injury"),
    ("my eyes feel gritty by the evening", "gritty_eye"),
    ("the baby has a cough like a seal", "barking_cough"),
])
def test_the_word_itself_is_still_read(lex, text, finding):
    assert _ev(lex, text).get(finding) is True


@pytest.mark.parametrize("text, finding, wrong", [
    ("there is a dull ache on the left side of my belly", "abdominal_pain", "flank_pain"),
    ("a throbbing pain at the back of my head since lunch", "headache", "back_pain"),
    ("it aches right at the bottom of my back", "back_pain", "rectal_pain"),
    ("the back of my knee is sore after the run", "joint_pain", "back_pain"),
])
def test_a_place_on_a_part_is_that_parts_pain(lex, text, finding, wrong):
    ev = _ev(lex, text)
    assert ev.get(finding) is True and ev.get(wrong) is not True


@pytest.mark.parametrize("text", [
    "my grandad went down in the garden and he isn't breathing right",
    "she has gone grey and is not breathing properly",
    "he stopped breathing for a moment after he fainted",
])
def test_not_breathing_properly_is_severe_breathlessness(lex, text):
    # a person not breathing normally needs 999 and CPR guidance (Resuscitation Council UK); found by the QA hand
    # check (s11, wave 2), where such a question never reached the emergency route
    assert _ev(lex, text).get("breathless_severe") is True


def test_breathing_normally_is_still_a_denial(lex):
    assert _ev(lex, "a cough for two days, but I am breathing normally").get("breathless") is False
