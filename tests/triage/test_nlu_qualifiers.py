"""Session 11 readings (issue 12): a quality, colour or content word qualifies the symptom near it whatever the word
order (qualifiers.yaml), and a side word ('left', 'right') before a body part does not hide the phrase it sits in.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.triage.nlu_reading import evidence as _ev


@pytest.mark.parametrize("text, finding", [
    ("there is a crushing pain in my chest since this morning", "chest_pain_crushing"),
    ("a heavy pain in the middle of my chest that goes to my jaw", "chest_pain_crushing"),
    ("my chest hurts and it feels really tight", "chest_pain_crushing"),
    ("he has a sudden pain in his chest, like something ripping", "chest_pain_tearing"),
    ("our son has vomited four times and it is bright green", "green_vomit"),
    ("she keeps being sick. It is dark green.", "green_vomit"),
    ("I have been coughing for a week and there is blood in it", "cough_blood"),
    ("the diarrhoea started on Monday and now it is bloody", "bloody_diarrhoea"),
    ("I have been sick twice and there were streaks of blood in it", "vomit_blood"),
    ("a pounding pain in my head since I woke up", "headache_throbbing"),
])
def test_qualifier_anywhere_near_its_symptom(lex, text, finding):
    assert _ev(lex, text).get(finding) is True


@pytest.mark.parametrize("text, finding", [
    ("I have chest pain and my legs feel heavy", "chest_pain_crushing"),
    ("I have heavy periods and a little chest pain", "chest_pain_crushing"),
    ("chest pain, and my blood pressure was high at the chemist", "chest_pain_crushing"),
    ("I've been sick and there is blood in my poo", "vomit_blood"),
    ("she has a cough. Her blood test was normal.", "cough_blood"),
])
def test_qualifier_of_something_else_is_not_read(lex, text, finding):
    assert _ev(lex, text).get(finding) is not True


def test_negated_qualifier_is_absent(lex):
    ev = _ev(lex, "I have been coughing but there is no blood in it")
    assert ev.get("cough") is True and ev.get("cough_blood") is False


@pytest.mark.parametrize("text, finding", [
    ("a sharp pain in my right eye since last night", "eye_pain"),
    ("a horrible pain behind my right eye every night", "headache_around_eye"),
])
def test_side_word_does_not_hide_the_part(lex, text, finding):
    assert _ev(lex, text).get(finding) is True


def test_side_phrases_still_read(lex):
    assert _ev(lex, "a pain low on the right side of my tummy").get("pain_rlq") is True
    assert _ev(lex, "a sharp pain in my right eye").get("one_eye_affected") is True


@pytest.mark.parametrize("text, finding", [
    ("I've got a pain in my lower right tummy since last night", "pain_rlq"),
    ("my tummy hurts, low down on the left", "pain_llq"),
    ("the pain is in the upper right of my tummy after fatty food", "pain_ruq"),
])
def test_tummy_site_in_any_order(lex, text, finding):
    assert _ev(lex, text).get(finding) is True


@pytest.mark.parametrize("text, finding", [
    ("a flaky pink oval patch appeared on my side", "scaly_plaques"),
    ("I have a red patch on my arm, it is scaly", "scaly_plaques"),
    ("an itchy red patch on my leg with a clear middle", "ring_rash"),
])
def test_rash_look_in_any_order(lex, text, finding):
    ev = _ev(lex, text)
    assert ev.get("rash") is True and ev.get(finding) is True


def test_red_patch_is_not_breast_unless_breast_is_named(lex):
    assert _ev(lex, "an itchy red patch on my thigh").get("breast_redness") is not True
    assert _ev(lex, "there is a red patch on my breast").get("breast_redness") is True


def test_earwax_lists_blocked_ears(kb):
    """NHS.uk 'Earwax build-up': a feeling that the ears are blocked is one of its symptoms."""
    p, source = kb.condition("earwax").likelihoods["ear_fullness"]
    assert p >= 0.5 and "Earwax" in source


def test_pain_on_pressing_the_chest_wall(lex):
    ev = _ev(lex, "my chest has hurt since Friday and it is sore to touch")
    assert ev.get("chest_pain") is True and ev.get("chest_wall_tender") is True


def test_cramp_is_a_pain_word_with_a_part(lex):
    assert _ev(lex, "my thighs cramp up at night").get("limb_pain") is True
