"""Session 26c (issue 12): breadth of wording, round 3. Sentences are our own words (not from any vignette set, nor
copied from docs/evals/triage-s26c's lists).

- numbness told of the saddle area ('my bum went numb', 'no feeling round my back passage') is saddle numbness, the
  cauda equina red flag, not the general pins and needles; the bottom of a foot stays a foot's numbness;
- a swelling at the belly button is the umbilical bulge; pain words 'paining', 'twinge' and 'gyp' name a part's pain;
- lay families of how a sensation or a change is told, function lost in daily terms, body-area words, carers' and
  non-native phrasings, and everyday normals (findings.yaml session 26c blocks)."""

from __future__ import annotations

import pytest

from tests.triage.nlu_reading import evidence as _ev


@pytest.mark.parametrize("text", [
    "since the fall my bum has gone completely numb",
    "there is no feeling round his back passage",
    "my privates have gone numb and my back is agony",
])
def test_numbness_of_the_saddle_area_is_saddle_numbness(lex, text):
    ev = _ev(lex, text)
    assert ev.get("saddle_numbness") is True


def test_a_foot_numb_underneath_is_no_saddle_numbness(lex):
    ev = _ev(lex, "the bottom of my left foot feels numb when i walk")
    assert ev.get("saddle_numbness") is not True and ev.get("numbness_tingling") is True


def test_a_denied_saddle_numbness_is_absent(lex):
    assert _ev(lex, "sciatica again, but no numbness around my bum").get("saddle_numbness") is False


@pytest.mark.parametrize("text, fid", [
    ("a swelling has come up at his belly button", "umbilical_bulge"),
    ("my knee is paining since the gym", "joint_pain"),
    ("my lower back twinged at work", "back_pain"),
    ("my elbow is giving me gyp again", "elbow_pain"),
])
def test_parts_and_states(lex, text, fid):
    assert _ev(lex, text).get(fid) is True


@pytest.mark.parametrize("text, fid", [
    ("my back locked up when i turned round", "back_pain"),
    ("there was a shower of dots in my left eye this afternoon", "floaters_flashes"),
    ("like a black curtain over the top of my sight", "vision_loss"),
    ("his legs won't hold him up any more", "leg_weakness_both"),
    ("can't lift the kettle with my right hand since this morning", "arm_weakness"),
    ("my mum keeps repeating herself all day", "memory_loss"),
    ("one side of his face has slipped", "face_droop"),
    ("she was talking like she was drunk", "speech_difficulty"),
    ("sharp griping pains in my belly", "colicky_pain"),
    ("pain from my kidney down to my groin on the right", "loin_to_groin"),
    ("swelling in the crease of my leg when i cough", "groin_lump"),
    ("loose motions six times today", "diarrhoea"),
    ("my nose is closed and i have a headache", "blocked_nose"),
    ("my period has not come for two months", "missed_period"),
    ("it burns when i pass water", "painful_urination"),
])
def test_round_three_lay_wordings(lex, text, fid):
    assert _ev(lex, text).get(fid) is True


@pytest.mark.parametrize("text, fid", [
    ("headache, but my eyesight is fine", "vision_loss"),
    ("dizzy spell, arms and legs are fine", "arm_weakness"),
    ("back pain, no problems with my bladder or bowels", "incontinence"),
    ("tummy ache, no yellowing", "jaundice"),
])
def test_round_three_normals_say_absent(lex, text, fid):
    assert _ev(lex, text).get(fid) is False


def test_burns_on_passing_water_is_no_burn_injury(lex):
    assert _ev(lex, "it burns when i pass water").get("burn_injury") is not True


def test_a_seized_back_is_no_seizure(lex):
    ev = _ev(lex, "my back seized up when i bent down")
    assert ev.get("back_pain") is True and ev.get("seizure") is not True


def test_a_normal_after_a_chart_denial_stays_a_normal(lex):
    # 'No' before a list reaches the normal after the comma; the normal is not flipped to incontinence present
    ev = _ev(lex, "no sciatica, waterworks and bowels normal")
    assert ev.get("incontinence") is not True and ev.get("diarrhoea") is not True


def test_not_eating_normally_still_flips(lex):
    assert _ev(lex, "he is not eating normally").get("poor_appetite") is True
