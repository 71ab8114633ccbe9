"""Session 15 (triage15): textbook presentations that ranked low (placenta praevia, hypothermia, delirium tremens,
Ludwig's angina) and the readings behind them. Every sentence here was written for these tests from the textbook
or guideline description named beside it, not taken from a vignette set."""

from __future__ import annotations

import pytest


def _read(engine, text) -> dict[str, bool]:
    _, ex = engine.read_text(text)
    return ex.evidence()


def _present(engine, text) -> set[str]:
    return {f for f, v in _read(engine, text).items() if v}


def _ranked(engine, text, age, sex) -> list[str]:
    result, _ = engine.one_shot(text, age, sex)
    return [d.id for d in result.differential]


# ---- placenta praevia (RCOG Green-top 27a and 63): painless bright red bleeding, a low placenta seen at a scan ----
def test_a_painless_bleed_with_a_known_low_placenta_is_praevia_first(lexical_engine):
    text = "I'm 33 weeks pregnant and suddenly bleeding bright red with no pain at all; my scan showed a low-lying placenta"
    read = _read(lexical_engine, text)
    assert read.get("low_placenta_known") is True and read.get("abdominal_pain") is False
    assert read.get("vaginal_bleeding") is True
    assert _ranked(lexical_engine, text, 31, "F")[0] == "placenta_praevia_bleed"


def test_a_painful_bleed_with_a_hard_bump_stays_abruption_first(lexical_engine):
    text = "I'm 36 weeks pregnant, sudden bleeding and constant severe tummy pain, the bump feels rock hard"
    assert _read(lexical_engine, text).get("abdominal_pain") is True
    assert _ranked(lexical_engine, text, 30, "F")[0] == "placental_abruption"


def test_blood_pouring_and_soaked_pads_in_pregnancy_are_heavy_vaginal_bleeding(lexical_engine):
    text = "I am 30 weeks pregnant and blood is pouring out of me, I have soaked two pads"
    assert {"heavy_bleeding_soaking", "vaginal_bleeding"} <= _present(lexical_engine, text)
    result, _ = lexical_engine.one_shot(text, 28, "F")
    assert result.triage == "emergency"


def test_no_pain_or_bleeding_in_pregnancy_is_no_bleeding(lexical_engine):
    text = "I'm 35 weeks pregnant and the baby has hardly moved today. No pain or bleeding."
    present = _present(lexical_engine, text)
    assert "reduced_fetal_movements" in present
    assert "vaginal_bleeding" not in present and "heavy_bleeding_soaking" not in present


def test_a_week_numbered_scan_is_no_duration(lexical_engine):
    text = "I'm 31 weeks pregnant; at the 20 week scan the placenta was low. I started bleeding an hour ago."
    present = _present(lexical_engine, text)
    assert "duration_over_2_weeks" not in present and "duration_1_to_14_days" not in present


def test_painless_says_nothing_about_the_tummy_outside_pregnancy(lexical_engine):
    assert "abdominal_pain" not in _read(lexical_engine, "a painless lump on my arm for a month")


# ---- hypothermia (NHS.uk "Hypothermia"; Merck Manual): cold to touch in a cold home or outdoors, a long lie ----
@pytest.mark.parametrize("text,age,sex", [
    ("We found my mum on the floor this morning, she couldn't get herself up and the heating was off; she is icy to "
     "the touch, drowsy and muddled", 86, "F"),
    ("A man who slept outside overnight in the snow, his skin is ice cold to the touch and his breathing is slow", 55,
     "M"),
])
def test_a_cold_home_or_a_night_outdoors_with_cold_skin_is_hypothermia(lexical_engine, text, age, sex):
    assert {"low_temperature", "cold_exposure"} <= _present(lexical_engine, text)
    assert _ranked(lexical_engine, text, age, sex)[0] == "hypothermia"


# ---- delirium tremens (NICE CG100; Merck): days after stopping heavy drinking, confused, tremor, hallucinating ----
def test_confusion_and_hallucinations_days_after_stopping_heavy_drinking_is_delirium_tremens(lexical_engine):
    text = ("My husband drinks a litre of vodka a day and had his last drink two days ago. Now he is confused, "
            "sweating, has the shakes and is seeing insects on the wall")
    assert {"heavy_drinking", "stopped_drinking", "hallucinations", "tremor", "drowsy"} <= _present(lexical_engine, text)
    assert _ranked(lexical_engine, text, 50, "M")[0] == "delirium_tremens"


# ---- Ludwig's angina (Merck): after a tooth infection, hard swelling under the jaw, tongue pushed up, drooling ----
def test_a_tooth_infection_with_swelling_under_the_jaw_and_a_raised_tongue_is_ludwigs_angina(lexical_engine):
    text = ("I have had a dental abscess for a few days, now it is swollen under my jaw on both sides, my tongue is "
            "pushed up, I am drooling and can barely swallow, with a fever")
    present = _present(lexical_engine, text)
    assert {"tooth_pain", "neck_swelling", "tongue_pushed_up", "drooling"} <= present
    assert "skin_abscess_lump" not in present  # a dental abscess is no boil on the skin
    assert _ranked(lexical_engine, text, 40, "M")[0] == "ludwigs_angina"


# ---- words: breath too short to talk is not the stroke sign; fits; constipation by how often ----
def test_no_breath_to_get_the_words_out_while_wheezing_is_severe_breathlessness(lexical_engine):
    present = _present(lexical_engine, "she is wheezing so much that she can't get her words out")
    assert "breathless_severe" in present and "speech_difficulty" not in present


def test_cannot_get_words_out_with_no_breathing_complaint_is_still_the_speech_sign(lexical_engine):
    assert "speech_difficulty" in _present(lexical_engine, "all of a sudden I can't get my words out")


@pytest.mark.parametrize("text", ["he had a fit this morning and is very sleepy now", "she has been having fits"])
def test_fits_are_seizures(lexical_engine, text):
    assert "seizure" in _present(lexical_engine, text)


def test_coughing_fits_are_no_seizure(lexical_engine):
    assert "seizure" not in _present(lexical_engine, "my daughter has coughing fits at night")


def test_going_only_every_few_days_is_constipation(lexical_engine):
    assert "constipation" in _present(lexical_engine, "for two weeks I only go every 4 or 5 days and it is a strain")


# ---- a teething baby's dribbling is no airway sign (NHS.uk "Baby teething symptoms"); stridor still is ----
def test_a_teething_babys_dribbling_is_not_an_emergency(lexical_engine):
    text = "my 7 month old is drooling and chewing on everything, a tooth is coming through and she is grumpy"
    assert {"teething_signs", "drooling"} <= _present(lexical_engine, text)
    result, _ = lexical_engine.one_shot(text, 0.6, "F")
    assert result.triage != "emergency"


def test_a_teething_baby_with_stridor_is_still_an_emergency(lexical_engine):
    text = "my 9 month old is teething and drooling, and now has noisy breathing in at rest and is struggling to breathe"
    assert "stridor" in _present(lexical_engine, text)
    result, _ = lexical_engine.one_shot(text, 0.75, "M")
    assert result.triage == "emergency"


# ---- clinical shorthand durations and how soon an episode settles (NICE CG95 angina) ----
def test_three_slash_52_is_three_weeks_and_settling_in_minutes_is_no_duration(lexical_engine):
    text = "3/52 hx of central chest tightness on walking uphill, settles within 5 min of rest"
    present = _present(lexical_engine, text)
    assert {"duration_over_2_weeks", "chest_pain_exertion"} <= present
    assert "duration_under_1_day" not in present


def test_a_date_is_no_slash_duration(lexical_engine):
    assert "duration_over_2_weeks" not in _present(lexical_engine, "chest tightness since 3/12/2025 when I walk")


def test_a_knee_that_eases_with_rest_is_no_exertional_chest_pain(lexical_engine):
    present = _present(lexical_engine, "aching below my kneecap for 2/12, worse running and jumping, eases with rest")
    assert "chest_pain_exertion" not in present and "duration_over_2_weeks" in present


# ---- lay words found missing on the s9b/s11 dev sets (each NHS.uk or NICE description named in findings.yaml) ----
@pytest.mark.parametrize("text,finding", [
    ("I found little white eggs stuck to the hairs at the back of his neck", "lice_seen"),
    ("a round red rash on my thigh with a paler centre", "ring_rash"),
    ("I pulled a tick off my leg last week", "tick_exposure"),
    ("my baby son has greasy yellow scales on his scalp", "scalp_scales_baby"),
    ("a one-sided ache halfway through my cycle every month", "midcycle_pain"),
    ("a sore lump at the top of my bum crack that leaks", "skin_abscess_lump"),
    ("I was out in the sun too long and my arms are red and sore", "sunburn_skin"),
])
def test_lay_words_found_missing_on_dev(lexical_engine, text, finding):
    assert finding in _present(lexical_engine, text)


def test_pooing_normally_is_no_constipation(lexical_engine):
    read = _read(lexical_engine, "his tummy button sticks out when he strains, he is eating and pooing normally")
    assert read.get("constipation") is not True
