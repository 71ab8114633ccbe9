"""Session 25 (issue 12). General readings, each tested with our own sentences: a chart's unit-less letters written
onto a number ('T 39.2', 'P 118', 'sugar 27'), a number-first blood pressure ('162/104 BP'), NICE NG133's severe band
in pregnancy (160/110), and a text's degree adverbs and linking verbs left out of the normal form ('his lips look
really blue' meets 'lips are blue') while a phrase being indexed keeps them."""

from __future__ import annotations

import pytest

from medcore.knowledge import normal_form
from medcore.triage import vitals
from medcore.config import REPO_ROOT

KB = REPO_ROOT / "assets" / "kb" / "triage"


def _read(engine, text):
    _, ex = engine.read_text(text)
    return {m.finding_id: m.present for m in ex.mentions}


@pytest.mark.parametrize("text,fid,present", [
    ("67F, T 38.9, feels rotten", "fever", True),
    ("T39.7 since last night", "high_fever", True),
    ("Tmax 36.8 overnight", "fever", False),
    ("seen in clinic, P 134, looks grey", "fast_heart_rate", True),
    ("sat 86 on air", "low_oxygen", True),
    ("resp 32, struggling", "fast_breathing", True),
    ("type 1, sugar 27 and being sick", "high_blood_sugar_reading", True),
    ("her sugar's 2.4 and she is shaky", "low_blood_sugar_reading", True),
    ("162/104 BP in the pharmacy", "high_bp", True),
    ("188/124 blood pressure, thumping headache", "very_high_bp", True),
])
def test_shorthand_readings(lexical_engine, text, fid, present):
    assert _read(lexical_engine, text).get(fid) is present


@pytest.mark.parametrize("text", [
    "I don't 39 remember",  # a letter inside a word is no cue
    "she sat 2 hours in the waiting room",  # a count of time after 'sat'
    "we were at Terminal 3 and then the T2 bus",
])
def test_short_cue_needs_its_own_letter_and_a_plausible_number(text):
    assert vitals.readings(text.lower(), vitals.load(KB)) == []


def test_severe_band_in_pregnancy_is_emergency(lexical_engine):
    got = _read(lexical_engine, "31 weeks pregnant, BP 164/108 at the midwife, bad headache")
    assert got.get("very_high_bp") is True  # NICE NG133 severe band: 160/110 in pregnancy
    res, _ = lexical_engine.one_shot("31 weeks pregnant, BP 164/108 at the midwife, bad headache", age=30, sex="female")
    assert res.triage == "emergency"


def test_severe_band_is_not_the_general_one():
    """Outside pregnancy 164/108 is stage 2 hypertension, not the 180/120 band."""
    table = vitals.load(KB)
    (r,) = vitals.readings("bp 164/108", table)
    assert vitals.findings(r, table).get("very_high_bp") is False
    assert vitals.findings(r, table, present=frozenset({"late_pregnancy"})).get("very_high_bp") is True


def test_mild_raise_in_pregnancy_is_raised_not_severe(lexical_engine):
    got = _read(lexical_engine, "34 weeks pregnant, BP 146/94 at my check, feel fine")
    assert got.get("high_bp") is True and got.get("very_high_bp") is False


def _nf(text, text_side):
    return [t for t, _, _ in normal_form.normal_form(text.split(), text_side=text_side)]


def test_text_side_leaves_out_degree_adverbs_and_linking_verbs():
    assert _nf("her gums look really pale", True) == ["her", "gums", "pale"]
    assert _nf("my arms feel so heavy", True) == ["my", "arms", "heavy"]
    # after a subject pronoun the linking verb is part of the phrase ('I feel sick')
    assert _nf("i feel very dizzy", True) == ["i", "feel", "dizzy"]
    # a phrase being indexed keeps them: 'very high fever' stays apart from 'high fever'
    assert _nf("very high fever", False) == ["very", "high", "fever"]


@pytest.mark.parametrize("text,fid", [
    ("his lips look really blue to me", "blue_lips"),
    ("both my legs feel so weak today", "leg_weakness_both"),
    ("my chest feels very tight since lunch", "chest_pain"),
])
def test_degree_and_linking_words_inside_a_phrase(lexical_engine, text, fid):
    assert _read(lexical_engine, text).get(fid) is True


def test_degree_adverb_does_not_merge_two_findings(lexical_engine):
    got = _read(lexical_engine, "she has had a very high fever all night")
    assert got.get("high_fever") is True


@pytest.mark.parametrize("text,fid", [
    ("L leg swollen and tight since the flight", "leg_swelling_one"),
    ("rt leg swollen and hot", "leg_swelling_one"),
])
def test_chart_side_letters(lexical_engine, text, fid):
    assert _read(lexical_engine, text).get(fid) is True


def test_side_letter_needs_a_body_part(lexical_engine):
    assert "leg_swelling_one" not in _read(lexical_engine, "r u able to help, my ankles are puffy")


@pytest.mark.parametrize("text,fid", [
    # onset told in everyday and chart words (NICE CG150 thunderclap headache; NICE NG128 stroke)
    ("the pain came without warning while I was gardening", "sudden_onset"),
    ("abrupt onset of breathlessness an hour ago", "sudden_onset"),
    ("I felt something give in my calf when I lunged for the ball", "sudden_onset"),
    ("it hit me like a train at the top of the stairs", "sudden_onset"),
    # recurrence: attacks, flares, 'again'
    ("this is the third time this year my ankle has flared up", "recurrent_episodes"),
    ("she's had another attack of the same tummy pain", "recurrent_episodes"),
    ("bouts of dizziness when I turn over in bed", "recurrent_episodes"),
    # gradual onset and progression
    ("the numbness in my fingers came on gradually", "gradual_onset"),
    ("an insidious ache in the hip", "gradual_onset"),
    ("the lump has got worse since Friday", "getting_worse"),
    ("the swelling got worse overnight", "getting_worse"),
    # improving
    ("the swelling has eased off a lot", "improving"),
    ("he's feeling a bit better this afternoon", "improving"),
    # frailty (BGS Fit for Frailty)
    ("confused since yesterday; she has carers come in twice a day and uses a zimmer frame", "older_frail"),
    ("grandad is housebound these days", "older_frail"),
])
def test_course_and_frailty_wordings(lexical_engine, text, fid):
    assert _read(lexical_engine, text).get(fid) is True


@pytest.mark.parametrize("text,fid", [
    ("it is not my usual self that worries me", "recurrent_episodes"),  # 'my usual' left out on purpose
    ("her eyesight is fading in one eye", "improving"),  # a fading sight is no recovery
    ("no improvement after three days of antibiotics", "improving"),
    # a history told over years, or a spreading redness, is no gradual onset of the complaint
    ("I've lost height over the years and now my back hurts", "gradual_onset"),
    ("a hot red patch creeping up my shin", "gradual_onset"),
])
def test_course_words_that_are_not_the_course(lexical_engine, text, fid):
    assert _read(lexical_engine, text).get(fid) is not True
