"""Session 10c readings (issue 12), found by studying the s10 vignette set once it was spent (now dev): lay
phrasings from NHS.uk wording for green sick, a swollen tummy, blocked or deaf ears, impetigo crusts, a blood spot on
the white of the eye, a cramp knot, a hernia that goes back lying down, an Achilles 'kick' and more. Sentences
written for these tests, not taken from any vignette."""

from __future__ import annotations

import pytest

from tests.triage.nlu_reading import evidence as _ev


@pytest.mark.parametrize("text, finding", [
    ("overnight our daughter has been bringing up greenish sick", "green_vomit"),
    ("my grandad's belly is blown up and he is in agony", "bloating"),
    ("his tummy feels tight as a drum this evening", "bloating"),
    ("there is swelling of the tummy since lunch", "bloating"),
    ("my daughter seems a bit deaf lately", "hearing_loss"),
    ("my left ear has felt blocked for a few days", "hearing_loss"),
    ("my right ear feels stuffed with cotton wool", "ear_fullness"),
    ("the sore on his chin has golden-brown crusts", "crusted_sores"),
    ("my sister noticed the white of my eye is bright red today", "blood_white_of_eye"),
    ("at night my foot goes into a painful knot", "muscle_cramps"),
    ("a scaly pink patch came up on my back last week", "scaly_plaques"),
    ("she has come over all shivery this evening", "chills"),
    ("he has metastatic disease in his spine", "cancer_history"),
    ("my wife is having chemo for lymphoma", "chemo_recent"),
    ("my wife is having chemo for lymphoma", "cancer_history"),
    ("the lump in my groin reduces when lying down", "lump_goes_back"),
    ("running for the bus it felt as if I'd been kicked in the back of the heel", "achilles_snap"),
    ("the pain is at the back of the heel", "achilles_pain"),
    ("my toddler has had a run of colds since October", "recent_cold"),
    ("the wrist aches on the thumb side when I turn a key", "thumb_wrist_pain"),
])
def test_lay_phrasing_is_read(lex, text, finding):
    assert _ev(lex, text).get(finding) is True


@pytest.mark.parametrize("text, finding", [
    ("no greenish sick at all, just milk", "green_vomit"),
    ("her tummy is not blown up", "bloating"),
    ("I haven't had a cold recently", "recent_cold"),
])
def test_new_phrasings_keep_their_negation_outside(lex, text, finding):
    """None of the new synonyms holds a negation cue, so a cue before them still negates them."""
    assert _ev(lex, text).get(finding) is not True


def test_coughing_up_green_phlegm_is_not_green_vomit(lex):
    """'bringing up green' alone would read a chest infection's phlegm as bile vomiting (and raise it to emergency)."""
    ev = _ev(lex, "a bad cough for five days, bringing up green phlegm")
    assert ev.get("green_vomit") is not True and ev.get("vomiting") is not True
