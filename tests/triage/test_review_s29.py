"""Session 29 review (issue 12, helper tri29fix): wrong readings an outsider's own messages found after tri29 and
tword29, fixed by cause, each with the opposite case beside it. Own sentences throughout.

1. Vision in later pregnancy: blurred sight or new flashes after 20 weeks are the visual disturbance of pre-eclampsia
   (emergency, as visual_disturbance_pregnancy), also at term in labour; before 20 weeks or denied they raise nothing.
2. The pre-eclampsia sign needs a pregnancy: 'spots before my eyes' / 'seeing stars' told with no pregnancy read
   spots in the sight (floaters_flashes), not pre-eclampsia (sign_context.yaml).
3. Green or brown waters (meconium) are a finding of their own and an emergency; clear waters stay urgent.
4. Breadth whose miss cost an emergency: arms and legs weak (Guillain-Barre), 'lost the vision in it', one leg
   swollen and hot.
"""

from __future__ import annotations

import pytest


def _read(engine, text):
    _, ex = engine.read_text(text)
    return {m.finding_id: m.present for m in ex.mentions}


def _level(engine, text, age=30, sex="female"):
    res, _ = engine.one_shot(text, age, sex)
    d = res.to_dict()
    return d["triage"], [c["id"] for c in d["differential"]]


# ---- 1. vision in later pregnancy ----

@pytest.mark.parametrize("text", [
    "I'm 31 weeks along and everything has gone blurry this afternoon",
    "33 weeks pregnant, my eyesight keeps going blurry",
    "38 weeks pregnant, tightenings every four minutes and my sight is blurry",
])
def test_blurred_sight_after_20_weeks_is_an_emergency(engine, text):
    assert _level(engine, text)[0] == "emergency"


@pytest.mark.parametrize("text", [
    "I'm 11 weeks pregnant and my sight is a bit blurry when I'm tired",
    "31 weeks pregnant, no blurred vision, just heartburn after meals",
])
def test_blurred_sight_early_or_denied_is_not_raised(engine, text):
    assert _level(engine, text)[0] != "emergency"


# ---- 2. the pre-eclampsia sign needs a pregnancy ----

@pytest.mark.parametrize("text", [
    "I see spots before my eyes if I get up off the sofa too quickly",
    "I was seeing stars for a moment after I stood up in the shower",
])
def test_spots_in_the_sight_without_a_pregnancy_are_no_pre_eclampsia(engine, text):
    ev = _read(engine, text)
    assert "visual_disturbance_pregnancy" not in ev
    assert ev.get("floaters_flashes") is True
    assert _level(engine, text)[1][0] != "pre_eclampsia"


@pytest.mark.parametrize("text", [
    "I'm 35 weeks pregnant and keep seeing spots before my eyes",
    "pregnant with my second, seeing stars and a pounding head",
])
def test_spots_in_the_sight_in_pregnancy_keep_the_sign(engine, text):
    assert _read(engine, text).get("visual_disturbance_pregnancy") is True


def test_seeing_spots_in_pregnancy_is_no_rash(engine):
    ev = _read(engine, "39 weeks pregnant, a thumping headache and seeing spots")
    assert "rash" not in ev and ev.get("visual_disturbance_pregnancy") is True


# ---- 3. meconium ----

@pytest.mark.parametrize("text", [
    "38 weeks pregnant and my waters look green",
    "40 weeks pregnant, contractions every 6 minutes and the waters look brown",
])
def test_green_or_brown_waters_are_an_emergency(engine, text):
    ev = _read(engine, text)
    assert ev.get("meconium_waters") is True
    assert _level(engine, text)[0] == "emergency"


def test_clear_waters_at_term_stay_urgent(engine):
    text = "38 weeks, my waters went an hour ago, the fluid is clear"
    assert "meconium_waters" not in _read(engine, text)
    assert _level(engine, text)[0] == "urgent"


def test_a_green_word_elsewhere_is_no_meconium(engine):
    assert "meconium_waters" not in _read(engine, "drinking plenty of water, my phlegm is green and I have a cough")


# ---- 4. breadth ----

def test_arms_and_legs_weak_read_both(engine):
    text = "a week after food poisoning my arms and legs are weak and tingly"
    ev = _read(engine, text)
    assert ev.get("arm_weakness_both") is True and ev.get("leg_weakness_both") is True
    lvl, top = _level(engine, text, 45, "male")
    assert lvl == "emergency" and "guillain_barre" in top[:3]


def test_arms_and_legs_denied(engine):
    ev = _read(engine, "no weakness in my arms and legs, only a runny nose")
    assert ev.get("arm_weakness_both") is not True and ev.get("leg_weakness_both") is not True


def test_vision_lost_in_one_eye(engine):
    assert _read(engine, "out of nowhere I lost the vision in my right eye").get("vision_loss") is True
    assert _read(engine, "I haven't lost any vision, the eye is just sticky").get("vision_loss") is not True


def test_one_leg_swollen_and_hot_with_no_pain(engine):
    ev = _read(engine, "my leg is hot and swollen below the knee, no pain at all")
    assert ev.get("leg_swelling_one") is True and ev.get("limb_pain") is not True


def test_pain_that_stays_between_contractions_is_an_emergency_at_term(engine):
    text = "39 weeks pregnant, contractions every 5 minutes and the pain doesn't ease between contractions"
    assert _read(engine, text).get("abdominal_pain") is True
    assert _level(engine, text)[0] == "emergency"
    # labour told with rests between contractions stays labour's urgent
    assert _level(engine, "39 weeks pregnant, contractions every 5 minutes, I feel fine in between")[0] == "urgent"
