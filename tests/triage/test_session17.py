"""Session 17 (issue 12): general readings, not single vignettes. Sentences are our own words.

- the body part decides the sense of a generic word ('discharge' from an ear is ear discharge, not vaginal; an itchy
  bottom is not an itch all over; a nose that keeps bleeding is a nosebleed): findings.yaml body_states `replaces`;
- a part whose state a phrase read keeps the pain word after it ('my tummy is swollen and sore');
- a complaint told as an episode that is over is its antecedent ('had a sore throat 2 weeks ago which got better'),
  and its 'ago' time is not the complaint's duration (triage/antecedents.py);
- "haven't had one for 7 months" after 'my periods' is a missed period (triage/anaphora.py);
- texted contractions ('cant', 'dont', 'hasnt') and agreement ('she hasn't done a poo') meet the phrases and the
  negation cues (tokens.TEXTED, tokens.AUXILIARIES);
- everyday words: 'a temp', 'tummy bug', 'flu type thing'."""

from __future__ import annotations

import pytest

from medcore.triage import anaphora, antecedents
from medcore.triage.tokens import restore_apostrophes
from tests.triage.nlu_reading import evidence as _ev


# --- the body part decides the sense ----------------------------------------------------------------------------
@pytest.mark.parametrize("text, finding", [
    ("My ear has had yellow discharge coming out of it for 3 days", "ear_discharge"),
    ("there is green discharge from his left eye every morning", "sticky_eye"),
    ("some discharge from the end of my penis", "penile_discharge"),
    ("a bit of discharge from my nipple", "nipple_change"),
])
def test_discharge_takes_the_sense_of_its_part(lex, text, finding):
    ev = _ev(lex, text)
    assert ev.get(finding) is True
    assert "vaginal_discharge" not in ev


def test_discharge_alone_and_vaginal_discharge_stay_vaginal(lex):
    assert _ev(lex, "I have had a smelly discharge for a week").get("vaginal_discharge") is True
    ev = _ev(lex, "I have vaginal discharge and my eye is sore")
    assert ev.get("vaginal_discharge") is True and "sticky_eye" not in ev
    assert _ev(lex, "no discharge from my ear").get("ear_discharge") is False


@pytest.mark.parametrize("text, finding", [
    ("his bottom is really itchy at night", "anal_itch"),
    ("my ear is so itchy inside", "ear_canal_itch"),
    ("her scalp is itchy all the time", "lice_seen"),
])
def test_an_itchy_part_is_that_parts_itch(lex, text, finding):
    ev = _ev(lex, text)
    assert ev.get(finding) is True
    assert "itch_general" not in ev


def test_itchy_all_over_stays_a_general_itch(lex):
    ev = _ev(lex, "I'm itchy all over and my ear hurts")
    assert ev.get("itch_general") is True and "ear_canal_itch" not in ev


def test_a_bleeding_part(lex):
    assert _ev(lex, "my 4 year old's nose keeps bleeding").get("nosebleed") is True
    assert _ev(lex, "his gums bled when he brushed his teeth").get("bleeding_gums") is True


# --- a state then a pain word of the same part --------------------------------------------------------------------
def test_a_swollen_and_sore_tummy_is_also_tummy_pain(lex):
    ev = _ev(lex, "his tummy is swollen and sore")
    assert ev.get("bloating") is True and ev.get("abdominal_pain") is True
    assert _ev(lex, "my tummy is swollen but not sore").get("abdominal_pain") is not True


# --- past episodes are antecedents --------------------------------------------------------------------------------
def test_a_past_sore_throat_is_a_recent_sore_throat(lex):
    ev = _ev(lex, "He had a bad sore throat 2 weeks ago which got better, now his wee is dark like cola")
    assert ev.get("recent_sore_throat") is True
    assert "sore_throat" not in ev
    assert "duration_1_to_14_days" not in ev and "duration_over_2_weeks" not in ev  # '2 weeks ago' is no duration


def test_a_past_cold_is_a_recent_cold_and_its_time_is_not_the_complaints(lex):
    ev = _ev(lex, "Had a flu type thing about 10 days ago. Since yesterday a stabbing pain in the middle of my chest")
    assert ev.get("recent_cold") is True
    assert ev.get("duration_under_1_day") is False and ev.get("duration_1_to_14_days") is True  # since yesterday: 30 h
    ev = _ev(lex, "He had a runny nose and cough last week. Today he is limping")
    assert ev.get("recent_cold") is True and "runny_nose" not in ev and "cough" not in ev


@pytest.mark.parametrize("text", [
    "I had a sore throat last week and it's still sore",
    "my sore throat started 2 days ago",
    "I have had a sore throat for 3 days",
])
def test_a_complaint_that_goes_on_stays_current(lex, text):
    assert _ev(lex, text).get("sore_throat") is True


def test_past_end_is_where_now_starts():
    c = "he had a runny nose last week and now his hip hurts"
    assert c[:antecedents.past_end(c)].rstrip().endswith("and")
    assert antecedents.past_end("the pain started 3 days ago") == 0


# --- anaphora ------------------------------------------------------------------------------------------------------
def test_not_had_one_points_back_at_the_period(lex):
    text = "My periods used to be like clockwork but I haven't had one for 7 months now"
    assert "haven't had a period for 7 months" in anaphora.resolve(text)
    assert _ev(lex, text).get("missed_period") is True


def test_not_done_one_points_back_at_the_poo(lex):
    assert _ev(lex, "she usually does a poo every day but hasn't done one since Monday").get("constipation") is True


def test_one_with_no_countable_referent_is_left_alone():
    text = "I get migraines but I haven't had one for a year"
    assert anaphora.resolve(text) == text


# --- texting and agreement -----------------------------------------------------------------------------------------
def test_texted_contractions_are_restored():
    assert restore_apostrophes("Im sure i cant breathe and dont have a temp") == \
        "I'm sure i can't breathe and don't have a temp"
    assert restore_apostrophes("I won't and it's ill") == "I won't and it's ill"


def test_texted_contractions_meet_phrases_and_negation(lex):
    assert _ev(lex, "i cant catch my breath").get("breathless") is True
    assert _ev(lex, "i dont have a temperature").get("fever") is False


# --- everyday words -----------------------------------------------------------------------------------------------
def test_everyday_words_for_fever_and_a_stomach_bug(lex):
    ev = _ev(lex, "my son has a tummy bug and a temp")
    assert ev.get("diarrhoea") is True and ev.get("vomiting") is True and ev.get("fever") is True


def test_a_past_stomach_bug_is_a_recent_gut_infection(lex):
    ev = _ev(lex, "Two weeks after a stomach bug my feet started tingling")
    assert ev.get("recent_gut_infection") is True and "vomiting" not in ev
    ev = _ev(lex, "I had a tummy bug 3 weeks ago and now my legs are weak")
    assert ev.get("recent_gut_infection") is True and "diarrhoea" not in ev
    assert _ev(lex, "my son has had a tummy bug since yesterday").get("vomiting") is True


def test_a_cough_that_lingers_since_an_earlier_illness_lasts_since_it(lex):
    ev = _ev(lex, "Had a flu type thing 4 weeks ago but I've still got a dry tickly cough")
    assert ev.get("recent_cold") is True and ev.get("duration_over_2_weeks") is True


def test_a_place_on_another_word_is_not_that_part(lex):
    ev = _ev(lex, "the side of my thumbnail is puffy and sore")
    assert "flank_pain" not in ev


@pytest.mark.parametrize("text, finding", [
    ("he kept being sick all night", "vomiting"),
    ("she threw up twice", "vomiting"),
])
def test_irregular_past_forms_meet_present_phrases(lex, text, finding):
    assert _ev(lex, text).get(finding) is True


@pytest.mark.parametrize("text, finding", [
    ("Non smoker, otherwise healthy", "smoker"),  # was read as a smoker
    ("I'm a non-smoker", "smoker"),
    ("I can breathe fine", "breathless"),
])
def test_everyday_denials(lex, text, finding):
    assert _ev(lex, text).get(finding) is False


def test_a_sense_that_went_and_dry_gritty_eyes(lex):
    assert _ev(lex, "the hearing in my left ear suddenly went").get("hearing_loss") is True
    assert "hearing_loss" not in _ev(lex, "I went to the GP about my hearing")  # part_first: no loss said
    assert _ev(lex, "My eyes feel dry and gritty all the time").get("gritty_eye") is True
    ev = _ev(lex, "my vision went blurry")
    assert ev.get("blurred_vision") is True and "vision_loss" not in ev
