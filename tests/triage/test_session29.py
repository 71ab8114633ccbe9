"""Session 29 (issue 12): safety fixes by general cause, each with the contexts beside it. Own sentences throughout.

1. Pregnancy context counted once (implied.counted): a minor illness in late pregnancy ranks the illness first and is
   not raised by the pregnancy alone; the real warning signs keep their levels as rules of their own.
2. A denial of pain denies the pain only ('my knee is swollen, doesn't hurt' keeps the swelling).
3. Both arms weak is its own finding, not the one-sided stroke sign, and stays an emergency when new.
4. A measured pulse of 41-50 leaves the very slow pulse undecided: complete heart block stays in view.
5. Contractions at term are labour (urgent, as the condition), before 37 weeks an emergency.
"""

from __future__ import annotations

import numpy as np
import pytest

from medcore.triage import implied


def _read(engine, text):
    _, ex = engine.read_text(text)
    return {m.finding_id: m.present for m in ex.mentions}


def _run(engine, text, age=30, sex="female"):
    res, _ = engine.one_shot(text, age, sex)
    d = res.to_dict()
    return d["triage"], [c["id"] for c in d["differential"]]


# ---- 1. pregnancy context ----

def test_an_implied_chain_counts_the_specific_leak_once_for_a_condition_listing_none(kb):
    ev = {"pregnant": True, "late_pregnancy": True, "term_pregnancy": True}
    idx = np.array([kb.finding_index[f] for f in ev])
    keep = implied.counted(kb, ev, idx, np.array([True, True, True]))
    c = next(i for i, cond in enumerate(kb.conditions) if cond.id == "common_cold")
    assert list(keep[c]) == [False, False, True]  # only term_pregnancy's leak
    c = next(i for i, cond in enumerate(kb.conditions) if cond.id == "labour_term")
    assert keep[c][2]  # the condition's own term likelihood still counts


@pytest.mark.parametrize("text,first", [
    ("I'm 36 weeks pregnant and have a runny nose, sneezing and a sore throat", "common_cold"),
    ("38 weeks gone and I've got a blocked nose and a tickly cough", "common_cold"),
    ("I am 29 weeks pregnant, I've got a cold", "common_cold"),
])
def test_a_minor_illness_in_late_pregnancy_ranks_first_and_is_not_raised(engine, text, first):
    level, top = _run(engine, text)
    assert top[0] == first
    assert level in ("self_care", "routine")


@pytest.mark.parametrize("text", [
    "I'm 32 weeks pregnant and there's blood in my pad",
    "35 weeks pregnant and the baby isn't moving as much as usual",
    "I'm 34 weeks pregnant, my head is pounding and I'm seeing flashing lights",
    "I'm 31 weeks pregnant and have a headache",
    "30 weeks pregnant with a bad tummy ache",
    "33 weeks and I've been having contractions every 6 minutes",
])
def test_warning_signs_in_later_pregnancy_stay_emergencies(engine, text):
    assert _run(engine, text)[0] == "emergency"


def test_waters_breaking_keeps_its_level(engine):
    assert _run(engine, "I'm 36 weeks pregnant and my waters have just gone")[0] in ("urgent", "emergency")


@pytest.mark.parametrize("text", ["my husband has a cold and I'm 30 weeks pregnant",
                                  "I don't have a cold, I'm 30 weeks pregnant and I feel fine"])
def test_a_cold_of_someone_else_or_denied_is_not_the_patients(engine, text):
    assert _read(engine, text).get("recent_cold") is not True


@pytest.mark.parametrize("text,fid", [
    ("I've got a cold sweat and a pain in my chest", "sweating"),
    ("he has a cold, pale leg since this morning", "cold_pale_limb"),
    ("I've got a cold sore coming on my lip", "lip_blisters"),
])
def test_a_cold_is_never_read_from_a_cold_sweat_sore_or_limb(engine, text, fid):
    read = _read(engine, text)
    assert read.get("recent_cold") is not True
    assert read.get(fid) is True


# ---- 2. denial scope ----

@pytest.mark.parametrize("text,kept", [
    ("my ankle is swollen, it doesn't hurt", "ankle_swelling"),
    ("my knee has swollen up but it's not painful", "joint_swelling"),
    ("sore throat, but no pain when I swallow", "sore_throat"),
])
def test_a_denied_pain_leaves_the_swelling_or_soreness(engine, text, kept):
    res, _ = engine.one_shot(text, 30, "female")
    assert {f["id"]: f["present"] for f in res.to_dict()["findings"]}.get(kept) is True


@pytest.mark.parametrize("text,fid", [
    ("my neck is stiff but doesn't hurt", "neck_pain"),
    ("my chest doesn't hurt at all", "chest_pain"),
    ("my head doesn't hurt", "headache"),
])
def test_the_denied_pain_itself_is_absent(engine, text, fid):
    assert _read(engine, text).get(fid) is not True


def test_a_swelling_that_hurts_reads_both(engine):
    read = _read(engine, "my knee is swollen and really sore")
    assert read.get("joint_swelling") is True and read.get("joint_pain") is True


# ---- 3. both arms ----

@pytest.mark.parametrize("text", ["I can't lift my arms since this morning", "both his arms have gone weak",
                                  "she can't raise either arm"])
def test_both_arms_weak_is_its_own_finding_and_an_emergency(engine, text):
    read = _read(engine, text)
    assert read.get("arm_weakness_both") is True and read.get("arm_weakness") is not True
    assert _run(engine, text)[0] == "emergency"


@pytest.mark.parametrize("text", ["I can't lift my right arm", "my left arm is weak and heavy",
                                  "I can't lift my arm"])
def test_one_arm_stays_the_one_sided_sign(engine, text):
    read = _read(engine, text)
    assert read.get("arm_weakness") is True and read.get("arm_weakness_both") is not True
    assert _run(engine, text)[0] == "emergency"


def test_one_arm_then_both_keeps_both(engine):
    read = _read(engine, "my left arm went weak an hour ago and now both arms are weak")
    assert read.get("arm_weakness") is True and read.get("arm_weakness_both") is True


@pytest.mark.parametrize("text", ["no weakness in my arms", "my arms are not weak at all"])
def test_denied_arm_weakness_reads_no_present_weakness(engine, text):
    read = _read(engine, text)
    assert read.get("arm_weakness") is not True and read.get("arm_weakness_both") is not True


def test_long_standing_weakness_of_both_arms_is_not_an_emergency_by_the_rule(engine):
    level, _ = _run(engine, "my arms have been weak for about 3 months, slowly getting worse", age=60)
    assert level != "emergency"


# ---- 4. measured bradycardia ----

@pytest.mark.parametrize("text", ["my pulse is 44 and I keep feeling dizzy", "I'm 80, heart rate 47 and dizzy spells"])
def test_a_measured_pulse_in_the_forties_keeps_heart_block_in_the_top_three(engine, text):
    read = _read(engine, text)
    assert read.get("low_pulse") is True and "slow_pulse" not in read
    assert "heart_block" in _run(engine, text, age=75, sex="male")[1][:3]


@pytest.mark.parametrize("text,present", [("pulse 38 and dizzy", True), ("pulse 62 and dizzy", False)])
def test_the_very_slow_band_is_unchanged(engine, text, present):
    assert _read(engine, text).get("slow_pulse") is present


# ---- 5. labour by weeks ----

def test_labour_at_term_is_urgent_and_ranked_first(engine):
    level, top = _run(engine, "I'm 40 weeks and the contractions are coming every 4 minutes")
    assert level == "urgent" and top[0] == "labour_term"


@pytest.mark.parametrize("text", ["I'm 39 weeks, contractions every 5 minutes and I'm bleeding",
                                  "38 weeks, regular contractions and the baby has stopped moving"])
def test_labour_at_term_with_a_warning_sign_stays_an_emergency(engine, text):
    assert _run(engine, text)[0] == "emergency"


# ---- breadth ----

@pytest.mark.parametrize("text,fid", [
    ("I can't hear out of my left ear since Tuesday", "hearing_loss"),
    ("there's a hissing in my ear all the time", "tinnitus"),
    ("my eye won't shut on that side and my forehead won't wrinkle", "forehead_spared"),
    ("I'm out of puff on the stairs these days", "breathless_exertion"),
    ("it hurts when I breathe in deep", "pleuritic_pain"),
    ("his calf looks fatter than the other one", "leg_swelling_one"),
    ("8 weeks pregnant and a few spots in my knickers this morning", "vaginal_bleeding"),
    ("grandad's face drooped at lunch", "face_droop"),
])
def test_lay_words_read_their_finding(engine, text, fid):
    assert _read(engine, text).get(fid) is True


@pytest.mark.parametrize("text,fid", [
    ("I'm not out of puff on the stairs", "breathless_exertion"),
    ("no hissing in my ear", "tinnitus"),
    ("no blood in my pad since yesterday", "vaginal_bleeding"),
])
def test_denied_lay_words_deny(engine, text, fid):
    assert _read(engine, text).get(fid) is not True


# ---- a place on a part ('the right side of my chest'), and the simile of a bloated tummy ----

@pytest.mark.parametrize("text,fid", [
    ("a sharp pain in the left side of my chest since lunch", "chest_pain"),
    ("a stabbing pain in the right side of my chest when I move", "chest_pain"),
])
def test_a_pain_in_a_side_of_a_part_is_that_parts_pain(engine, text, fid):
    assert _read(engine, text).get(fid) is True


@pytest.mark.parametrize("text", ["no pain in the left side of my chest", "not had any pain in the right side of my chest"])
def test_a_denied_pain_in_a_side_of_a_part_is_not_read_present(engine, text):
    assert _read(engine, text).get("chest_pain") is not True


@pytest.mark.parametrize("text", ["my tummy is so bloated I look 7 months gone by teatime",
                                  "bloated and crampy, I look like I'm 8 months pregnant"])
def test_a_bloated_simile_is_no_pregnancy(engine, text):
    read = _read(engine, text)
    assert read.get("pregnant") is not True and read.get("late_pregnancy") is not True


def test_a_told_gestation_still_reads(engine):
    assert _read(engine, "I'm 7 months pregnant and my ankles are puffy").get("late_pregnancy") is True
