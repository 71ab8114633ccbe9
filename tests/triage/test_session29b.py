"""Session 29b (issue 12): breadth of lay wording, round 5 (parents of babies, older people and carers, pregnancy and
after the birth, mental health, eye, ear, nose and throat, skin, urinary and sexual health, gut, text-speak), with
the near misses (idioms holding a finding's word), the denied forms, and the nosebleed rule. Own sentences."""

from __future__ import annotations

import pytest


def _read(engine, text):
    _, ex = engine.read_text(text)
    return {m.finding_id: m.present for m in ex.mentions}


def _level(engine, text, age=40, sex=None):
    res, _ = engine.one_shot(text, age, sex)
    return res.to_dict()["triage"]


@pytest.mark.parametrize("text,fid", [
    ("my 2 month old keeps pulling off the breast after a minute", "not_feeding"),
    ("she won't latch since last night", "not_feeding"),
    ("he is crying without tears and his soft spot is sunken", "dehydration_signs"),
    ("the baby is lying there limp in my arms", "floppy"),
    ("she is grunting with every breath and her nostrils are flaring", "fast_breathing"),
    ("he makes a crowing noise when he breathes in", "stridor"),
    ("there's blood and mucus in her nappy", "redcurrant_stool"),
    ("little red pinpricks that stay under the glass", "non_blanching_rash"),
    ("grandma is much more confused than usual today", "acute_confusion"),
    ("dad has gone off his legs this week and has a chesty cough", "older_frail"),
    ("I'm 33 weeks and I haven't felt baby move since lunch", "reduced_fetal_movements"),
    ("36 weeks pregnant with tightenings every five minutes", "regular_contractions"),
    ("since the birth I feel like a bad mum all the time", "low_mood"),
    ("he keeps seeing people who aren't there", "hallucinations"),
    ("I've been skipping meals to lose weight for months", "restrict_eating"),
    ("I swallowed a load of tablets tonight", "overdose_taken"),
    ("there's an eyelash stuck in my eye", "foreign_body_eye"),
    ("my voice has gone husky", "hoarse_voice"),
    ("white spots at the back of my throat and a fever", "tonsil_pus"),
    ("a band of blisters on one side of my ribs", "rash_one_side_band"),
    ("her lips and eyes puffed up after the peanut", "swollen_lips_face"),
    ("my wee looks like cola this morning", "blood_urine"),
    ("it's like passing razor blades every time I go", "painful_urination"),
    ("I've got blisters down below", "genital_sores"),
    ("the pain moved from my belly button to the right", "pain_migrating_rlq"),
    ("lips r goin blue", "blue_lips"),
    ("i cant breathe proper since morning", "breathless"),
    ("my chest tight like elephant", "chest_pain_crushing"),
    ("positive pregancy test last week and some spotting", "pregnant"),
])
def test_lay_words_read_their_finding(engine, text, fid):
    assert _read(engine, text).get(fid) is True


@pytest.mark.parametrize("text,fid", [
    ("she is taking her bottles fine and has plenty of wet nappies", "not_feeding"),
    ("plenty of wet nappies today", "dehydration_signs"),
    ("he's not limp, he's alert and playing", "floppy"),
    ("the rash fades when pressed with a glass", "non_blanching_rash"),
    ("mum knows where she is, just tired", "acute_confusion"),
    ("no falls, just a cough", "fall_injury"),
    ("my wee is a normal colour, no blood when I pee", "blood_urine"),
    ("her sick isn't green, it's just milk", "green_vomit"),
    ("mood is fine, I'm just run down", "low_mood"),
    ("I don't want to throw up again so I'm sipping water", "nausea"),
])
def test_denied_or_normal_wording_is_not_present(engine, text, fid):
    assert _read(engine, text).get(fid) is not True


@pytest.mark.parametrize("text,fid", [
    # idioms and other organs holding a finding's word
    ("seeing spots before my eyes when I stand up too fast", "rash"),
    ("spots on my tonsils and a sore throat", "rash"),
    ("I feel numb inside since the funeral", "numbness_tingling"),
    ("the cockerel makes a crowing noise every morning", "stridor"),
    ("my toddler is buzzing with energy after the party", "elevated_mood"),
    ("I can't go on any more with this cough keeping me up", "suicidal_thoughts"),
    ("I took a load of photos of the rash", "overdose_taken"),
])
def test_near_misses_read_nothing(engine, text, fid):
    assert _read(engine, text).get(fid) is not True


def test_a_mixed_glass_test_keeps_the_non_blanching_spots(engine):
    text = "most of the rash fades when pressed but a few purple spots don't fade"
    assert _read(engine, text).get("non_blanching_rash") is True
    assert _level(engine, text, age=4) == "emergency"


def test_a_nosebleed_that_will_not_stop_is_urgent(engine):
    # the rule (red_flags.yaml nosebleed_not_stopping): A&E after 10-15 minutes of pinching
    assert _level(engine, "my nose won't stop bleeding, I've pinched it for twenty minutes", age=70,
                  sex="male") in ("urgent", "emergency")


@pytest.mark.parametrize("text", [
    "had a nosebleed this morning that stopped after five minutes of pinching",
    "my nose bled for a minute after I blew it",
    "no nosebleed, just a blocked nose",
])
def test_a_short_or_denied_nosebleed_stays_self_care(engine, text):
    assert _level(engine, text, age=30, sex="female") in ("self_care", "routine")
