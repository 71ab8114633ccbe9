"""Lexical readings added in issue 12, round s8b (findings.yaml synonyms): lay phrasings that the s8 blind run
missed, and the near misses they must not catch (green phlegm is not bile, slow breathing as a calming technique
is not a poisoned patient's breathing)."""

from __future__ import annotations

import pytest


def _ev(engine, text):
    _, ex = engine.read_text(text)
    return ex.evidence()


@pytest.mark.parametrize("text, finding", [
    ("I was bitten on the ankle by a snake an hour ago", "snake_bitten"),
    ("A snake bit my son on the hand", "snake_bitten"),
    ("My wife had our baby ten days ago", "recently_given_birth"),
    ("For two days she hasn't slept at all", "poor_sleep"),
    ("She can't stand up and her foot is turned out to the side", "leg_shortened_rotated"),
    ("My baby has been vomiting dark green stuff since this morning", "green_vomit"),
    ("He has had a high fever since last night", "high_fever"),
    ("My legs feel heavy and achy by the end of the day", "limb_pain"),
    ("I spilled a pan of boiling oil over my arm", "burn_injury"),
    ("The burn is bigger than my hand", "burn_large"),
    ("A really severe pain low down on the right side of my tummy", "pain_rlq"),
    ("The foot has gone white and cold compared with the other one", "cold_pale_limb"),
])
def test_lay_phrasing_is_read(lexical_engine, text, finding):
    assert _ev(lexical_engine, text).get(finding) is True


def test_heavy_legs_are_not_weak_legs(engine):
    # with MiniLM on (as in the app): the embedding fallback had read "my legs feel heavy" as weakness of both legs
    ev = _ev(engine, "My legs feel heavy and achy by the end of the day")
    assert ev.get("limb_pain") is True and not ev.get("leg_weakness_both")


def test_green_phlegm_is_not_green_vomit(lexical_engine):
    assert not _ev(lexical_engine, "Four days of fever and a cough bringing up green phlegm").get("green_vomit")


def test_slow_breathing_as_a_technique_is_not_slow_breathing(lexical_engine):
    ev = _ev(lexical_engine, "I was breathing really fast and it settled after ten minutes of slow breathing")
    assert ev.get("fast_breathing") is True
    assert not ev.get("slow_breathing")
    assert _ev(lexical_engine, "He is barely breathing and his breathing is very slow").get("slow_breathing") is True
