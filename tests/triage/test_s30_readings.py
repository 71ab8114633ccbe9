"""Session 30 (issue 12, helper tri30): safety readings fixed by cause, each with its opposite case and neighbours.
Own sentences throughout.

1. A stiff neck told part first ('my neck is stiff') is the meningism sign (body_states 'stiff neck'); a stiff back
   or knee is not, and a denied one stays denied.
2. A stroke sign told as history: a relative's ('my dad had a stroke last year, his face drooped') is his; the
   speaker's own a month or more ago ('I had a TIA in 2019 when my face drooped') is a previous stroke or TIA; told
   as now ('again this morning', 'an hour ago') it stays current.
3. A relative's pregnancy or birth is hers ('my sister is 36 weeks pregnant and I have a headache'); a partner who
   complains is the patient, and the speaker's own weeks still count.
4. A birth's time is its own ('had my baby 3 weeks ago, now a bad headache': no 3-week headache), and a headache
   after a birth is a same-day check for pre-eclampsia (emergency with its features).
5. Breadth and misreadings of the s29 set (DEV since this session): a time still to come, a share of nights, a trip's
   length, cities of the travel list, a verb after a comma not denied, the side of a part.
"""

from __future__ import annotations

import pytest


def _read(engine, text):
    _, ex = engine.read_text(text)
    return {m.finding_id: m.present for m in ex.mentions}


def _extract(engine, text):
    return engine.read_text(text)[1]


def _level(engine, text, age=30, sex="female"):
    res, _ = engine.one_shot(text, age, sex)
    d = res.to_dict()
    return d["triage"], [c["id"] for c in d["differential"]]


# ---- 1. stiff neck told part first ----

@pytest.mark.parametrize("text", [
    "I have a fever and a rash and my neck is stiff",
    "my neck is stiff, I have a high temperature and a rash",
    "stiffness in my neck and a high temperature",
    "my son has a fever and his neck is stiff",
])
def test_a_neck_told_stiff_is_the_meningism_sign(engine, text):
    assert _read(engine, text).get("stiff_neck") is True
    assert _level(engine, text)[0] == "emergency"


@pytest.mark.parametrize("text", ["my back is stiff and I have a fever", "my knee is stiff after the run"])
def test_another_part_told_stiff_is_no_stiff_neck(engine, text):
    assert "stiff_neck" not in _read(engine, text)


def test_a_neck_denied_stiff_stays_denied(engine):
    got = _read(engine, "my neck is not stiff, I have a fever and a rash")
    assert got.get("stiff_neck") is False


# ---- 2. stroke signs told as history ----

@pytest.mark.parametrize("text", [
    "my dad had a stroke last year, his face drooped. I have a cough today",
    "my dad had a stroke last year and his face drooped, I've got a cough",
])
def test_a_relatives_past_stroke_sign_is_his(engine, text):
    got = _read(engine, text)
    assert "face_droop" not in got
    assert got.get("family_history_heart") is True
    assert _level(engine, text)[0] != "emergency"


@pytest.mark.parametrize("text", [
    "my dad had a stroke last year and now his face has drooped again",
    "I'm worried about my dad, he had a stroke last year and his face drooped an hour ago",
    "my mum's face has drooped and her speech is slurred",
])
def test_a_relatives_stroke_sign_told_as_now_is_current(engine, text):
    assert _read(engine, text).get("face_droop") is True
    assert _level(engine, text)[0] == "emergency"


@pytest.mark.parametrize("text", [
    "I had a stroke last year, my face drooped then. Today I have a cough",
    "I had a TIA in 2019 when my face drooped for an hour, now I have a sore throat",
])
def test_own_stroke_long_ago_is_history(engine, text):
    got = _read(engine, text)
    assert "face_droop" not in got and got.get("previous_stroke_tia") is True
    assert _level(engine, text)[0] != "emergency"


@pytest.mark.parametrize("text", [
    "my face drooped an hour ago and my arm is weak",
    "I had a stroke 2 years ago and my face drooped again this morning",
    "I had a TIA 3 days ago, my speech was slurred",  # a recent TIA is not history
    "I had a cold last week and my face drooped",  # a droop told with a cold is no past stroke
])
def test_stroke_signs_told_as_now_stay_current(engine, text):
    got = _read(engine, text)
    assert got.get("face_droop") is True or got.get("speech_difficulty") is True
    assert _level(engine, text)[0] == "emergency"


# ---- 3. a relative's pregnancy ----

@pytest.mark.parametrize("text", [
    "my sister is 36 weeks pregnant and I have a headache",
    "my sister is pregnant, I have a sore throat",
])
def test_a_relatives_pregnancy_is_not_the_patients(engine, text):
    ex = _extract(engine, text)
    got = {m.finding_id: m.present for m in ex.mentions}
    assert not got.get("pregnant") and not got.get("late_pregnancy") and ex.gestation_weeks is None
    assert _level(engine, text)[0] != "emergency"


@pytest.mark.parametrize("text", [
    "I'm 36 weeks pregnant and I have a headache",
    "my wife is 38 weeks pregnant and has a bad headache",  # she complains: she is the patient
])
def test_the_patients_own_pregnancy_still_counts(engine, text):
    ex = _extract(engine, text)
    assert ex.gestation_weeks is not None
    assert {m.finding_id: m.present for m in ex.mentions}.get("late_pregnancy") is True
    assert _level(engine, text)[0] == "emergency"


def test_a_relatives_birth_is_hers_and_its_week_is_no_cough(engine):
    got = _read(engine, "my sister had her baby last week and I have a cough")
    assert "recently_given_birth" not in got
    assert got.get("cough") is True and "recent_cold" not in got  # 'I have a cough' is now


# ---- 4. a birth's time, and a headache after a birth ----

def test_a_births_time_is_no_headache_duration(engine):
    ex = _extract(engine, "had my baby 3 weeks ago, now a bad headache")
    got = {m.finding_id: m.present for m in ex.mentions}
    assert got.get("recently_given_birth") is True and got.get("headache") is True
    assert ex.duration_hours is None and "duration_over_2_weeks" not in got


def test_a_told_headache_length_after_a_birth_still_counts(engine):
    ex = _extract(engine, "I had my baby 3 weeks ago and have had a headache for 2 days")
    assert ex.duration_hours == 48


def test_headache_after_a_birth_is_urgent_and_with_its_features_an_emergency(engine):
    assert _level(engine, "had my baby 3 weeks ago, now a bad headache")[0] == "urgent"
    level, top = _level(engine, "had my baby 3 weeks ago, now a bad headache and blurry vision")
    assert level == "emergency" and "pre_eclampsia" in top[:3]
    # no birth: a headache alone stays low
    assert _level(engine, "I have had a bad headache since this morning")[0] in ("self_care", "routine")


# ---- 5. s29 set (DEV): general misreadings ----

def test_a_time_still_to_come_is_no_duration(engine):
    assert _extract(engine, "I fly home in 4 days and have had diarrhoea since yesterday").duration_hours == 30
    assert _extract(engine, "my cough started 3 days ago, my appointment is in 2 weeks").duration_hours == 72
    assert _extract(engine, "I have had a cough for 3 weeks").duration_hours == 504  # neighbour


def test_a_share_of_nights_and_a_periods_end_are_no_duration(engine):
    assert _extract(engine, "he wets the bed 5 nights out of 7").duration_hours is None
    assert _extract(engine, "my period finished 10 days ago and I have had a headache for 2 days").duration_hours == 48


def test_a_trips_length_is_not_the_complaints_and_cities_count(engine):
    ex = _extract(engine, "I was visiting my family in Kenya for three weeks, fever for 2 days")
    assert ex.duration_hours == 48
    assert _read(engine, "returned from Lagos 12 days ago, fever and shivering").get("travel_tropics") is True
    assert _read(engine, "on hols in Bangkok, loose watery poos").get("travel_tropics") is True
    assert "travel_tropics" not in _read(engine, "back from Paris, fever and shivering")


def test_a_verb_after_a_comma_is_not_under_the_denial(engine):
    assert _read(engine, "no temp, been sick 3 times").get("vomiting") is True
    assert _read(engine, "pain never goes completely, been sick twice").get("vomiting") is True
    # a list that goes on to 'or' stays denied as a whole
    assert _read(engine, "I haven't had a fever, been sick or had a rash").get("vomiting") is False


def test_the_side_of_a_part_is_that_parts_pain(engine):
    got = _read(engine, "the outer side of my right breast is red and so sore")
    assert got.get("breast_pain") is True and "flank_pain" not in got
    assert _read(engine, "pain in my left side and back").get("flank_pain") is True  # neighbour


def test_pain_low_on_one_side_is_the_lower_quadrant(engine):
    assert _read(engine, "sudden pain low on my left side").get("pain_llq") is True
    assert _read(engine, "pain low down on my right side since last night").get("pain_rlq") is True


def test_cannot_keep_going_is_a_suicidal_thought_but_a_cough_that_wont_go_on_is_not(engine):
    assert _read(engine, "i honestly cant keep going like this, i've written letters to my kids").get(
        "suicidal_thoughts") is True
    assert "suicidal_thoughts" not in _read(engine, "I can't go on any more with this cough keeping me up")


def test_an_insect_bite_told_in_lay_words(engine):
    assert _read(engine, "something bit me on the arm in the garden, a red itchy lump").get("bite_sting") is True
    assert "bite_sting" not in _read(engine, "I bit my tongue and it is sore")


def test_a_stiff_neck_after_a_car_shunt_is_no_brain_bleed_sign_but_with_fever_or_thunderclap_it_is(engine):
    text = "Someone drove into the back of my car yesterday. Today my neck is stiff and aching"
    assert _read(engine, text).get("stiff_neck") is True
    assert _level(engine, text)[0] != "emergency"
    assert _level(engine, "sudden worst headache of my life and my neck is stiff")[0] == "emergency"
    assert _level(engine, "I have a fever and a rash and my neck is stiff")[0] == "emergency"


def test_the_base_of_the_big_toe_is_the_gout_site(engine):
    text = "the base of my left big toe is red, swollen and agony since last night"
    assert _read(engine, text).get("big_toe_pain") is True
    level, top = _level(engine, text, age=55, sex="male")
    assert top[0] == "gout" and level != "emergency"
    assert "big_toe_pain" not in _read(engine, "the base of my thumb aches when I open jars")  # neighbour
