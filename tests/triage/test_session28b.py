"""Session 28b (issue 12): breadth of lay, regional and text-speak wording of findings the KB had, with the near
misses (idioms that hold a finding's word) and the negated forms. Own sentences throughout."""

from __future__ import annotations

import pytest


def _read(engine, text):
    _, ex = engine.read_text(text)
    return {m.finding_id: m.present for m in ex.mentions}


def _level(engine, text, age=40, sex=None):
    res, _ = engine.one_shot(text, age, sex)
    return res.to_dict()["triage"]


@pytest.mark.parametrize("text,fid", [
    ("it's like somebody is sat on my chest, feels like someone sat on my chest", "chest_pain_crushing"),
    ("the pain goes into my left arm when it comes", "chest_pain_radiating"),
    ("a ripping feeling in my chest out of nowhere", "chest_pain_tearing"),
    ("I am too out of breath to talk", "breathless_severe"),
    ("my grandad's face looks wonky since breakfast", "face_droop"),
    ("her smile has gone crooked", "face_droop"),
    ("his arm has gone floppy", "arm_weakness"),
    ("my wife is talking gibberish and it started an hour ago", "speech_difficulty"),
    ("lights are hurting my eyes and my head is banging", "photophobia"),
    ("the spots on her legs stay when you press on it with a glass", "non_blanching_rash"),
    ("he went blue while he was choking", "blue_lips"),
    ("her hands and feet are ice cold", "shock_signs"),
    ("he brought up blood after dinner", "vomit_blood"),
    ("there is blood on the loo roll after I go", "rectal_bleeding"),
    ("bad pain at the bottom right of my stomach", "pain_rlq"),
    ("got the squits after the barbecue", "diarrhoea"),
    ("been chundering all night", "vomiting"),
    ("I'm up and down to the loo all night and day", "frequent_urination"),
    ("I'm 34 weeks and the baby has stopped kicking", "reduced_fetal_movements"),
    ("my heart is going ten to the dozen", "palpitations"),
    ("I feel like I'm gonna pass out", "presyncope"),
    ("my lips have ballooned after the prawns", "swollen_lips_face"),
    ("bashed my head on the cupboard door", "head_injury"),
    ("I've done my back in lifting the shopping", "back_pain"),
])
def test_lay_words_read_their_finding(engine, text, fid):
    assert _read(engine, text).get(fid) is True


@pytest.mark.parametrize("text,fid", [
    ("no blood on the loo roll", "rectal_bleeding"),
    ("her face doesn't look wonky", "face_droop"),
    ("he didn't go blue at any point", "blue_lips"),
    ("lips are not blue, just a runny nose", "blue_lips"),
    ("no thoughts of hurting myself, just very tired", "suicidal_thoughts"),
    ("not been chundering, just a bit queasy", "vomiting"),
])
def test_denied_lay_words_still_deny(engine, text, fid):
    assert _read(engine, text).get(fid) is not True


def test_typed_forms_read_their_word(engine):
    assert _read(engine, "I cant swollow anything").get("difficulty_swallowing") is True
    assert _read(engine, "my temparature is 39").get("fever") is True
    assert _read(engine, "I think I might be pregant").get("pregnant") is True


# near misses: an idiom holding a finding's word reads no finding and raises no level
@pytest.mark.parametrize("text,fid", [
    ("this bloody cough just won't shift", "cough_blood"),
    ("that bloody vomiting bug went round the office", "vomit_blood"),
    ("it breaks my heart to see her poorly, she has a cold", "fracture_recent"),
    ("I'm sweating over my exam results and can't sleep", "sweating"),
    ("my landlord is a pain in the neck", "neck_pain"),
    ("I've been feeling blue since the winter started", "blue_lips"),
    ("banged my shin on the chest of drawers", "chest_pain"),
    ("dying to know whether this mole is normal", "unresponsive"),
    ("this cold is killing me, sneezing all day", "suicidal_thoughts"),
    ("my fingers went white then blue in the cold", "blue_lips"),
])
def test_idioms_read_no_red_flag(engine, text, fid):
    assert _read(engine, text).get(fid) is not True


def test_a_literal_bloody_cough_or_vomit_still_reads_blood(engine):
    assert _read(engine, "coughing and the phlegm is bloody").get("cough_blood") is True
    assert _read(engine, "I've been sick and it was bloody").get("vomit_blood") is True
    assert _read(engine, "this bloody diarrhoea won't stop").get("bloody_diarrhoea") is True


def test_idioms_do_not_raise_the_level(engine):
    assert _level(engine, "this bloody cough just won't shift, no other symptoms") != "emergency"
    assert _level(engine, "my landlord is a pain in the neck, I have a runny nose") in ("self_care", "routine")


def test_red_flags_in_lay_words_stay_emergencies(engine):
    assert _level(engine, "my dad's face looks wonky and he is talking gibberish", 74, "male") == "emergency"
    assert _level(engine, "my baby went blue while feeding", 0.3, "female") == "emergency"
    assert _level(engine, "spots on his tummy stay when you press them, he's burning up", 3, "male") == "emergency"
