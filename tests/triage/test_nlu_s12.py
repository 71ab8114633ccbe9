"""Readings left open after session 11 (issue 12): 'thirsty', 'headachy', 'washed out', 'hot to touch', 'a sore spot'
(no rash) and 'feet burn' (no burn injury); the plural 'calves'; the hot swollen joint's same-day rule. Sentences
written for these tests."""

from __future__ import annotations

import pytest

from tests.triage.nlu_reading import evidence as _ev


@pytest.mark.parametrize("text", ["I'm thirsty all the time", "she is so thirsty and drinking loads",
                                  "I feel thirsty however much water I have"])
def test_thirsty_is_thirst(lex, text):
    assert _ev(lex, text).get("thirst") is True


def test_not_thirsty_is_absent(lex):
    assert _ev(lex, "I'm not thirsty and I'm weeing normally").get("thirst") is False


@pytest.mark.parametrize("text", ["I've felt headachy since lunch", "a bit headachey and tired"])
def test_headachy_is_a_headache(lex, text):
    assert _ev(lex, text).get("headache") is True


def test_washed_out_feeling_is_tiredness_and_look_is_pallor(lex):
    feel = _ev(lex, "I've been feeling washed out for weeks")
    assert feel.get("fatigue") is True and feel.get("pale_skin") is not True
    assert _ev(lex, "my mum says I look washed out").get("pale_skin") is True


@pytest.mark.parametrize("text", ["his skin is hot to touch", "my baby is hot to touch and grizzly",
                                  "her forehead feels hot"])
def test_hot_to_touch_skin_is_fever(lex, text):
    assert _ev(lex, text).get("fever") is True


@pytest.mark.parametrize("text", ["my knee is hot to touch and swollen", "my ankle joint is swollen and hot",
                                  "his elbow is warm to the touch and puffy"])
def test_hot_to_touch_joint_is_a_hot_joint(lex, text):
    ev = _ev(lex, text)
    assert ev.get("joint_red_hot") is True and ev.get("fever") is not True


@pytest.mark.parametrize("text, pain", [("I have a sore spot on my shin", "limb_pain"),
                                        ("there's a tender spot on my lower back", "back_pain")])
def test_a_sore_spot_is_a_pain_not_a_rash(lex, text, pain):
    ev = _ev(lex, text)
    assert ev.get("rash") is not True and ev.get(pain) is True


def test_spots_are_still_a_rash(lex):
    assert _ev(lex, "I've got red spots all over my tummy").get("rash") is True


@pytest.mark.parametrize("text", ["my feet burn at night", "I have burning feet and pins and needles",
                                  "the soles of my feet are burning"])
def test_burning_feet_is_a_nerve_feeling_not_a_burn(lex, text):
    ev = _ev(lex, text)
    assert ev.get("burn_injury") is not True and ev.get("numbness_tingling") is True


def test_a_real_burn_is_still_a_burn(lex):
    assert _ev(lex, "I burnt my foot with boiling water").get("burn_injury") is True


def test_calves_are_the_calf(lex):
    assert _ev(lex, "I get cramp in my calves at night").get("muscle_cramps") is True


def test_hot_swollen_joint_is_at_least_urgent(lexical_engine):
    # NICE CKS Septic arthritis: same-day assessment; before session 12 a pseudogout knee was read and triaged routine
    res, _ = lexical_engine.one_shot("Overnight my knee has become hot, red and swollen and it is very painful. "
                                     "I had an attack like this in my wrist last year. No fever.", 78, "female")
    assert res.triage in ("urgent", "emergency")
    assert "hot_swollen_joint" in [r["id"] for r in res.fired_rules]
