"""Session 13 (triage13): the clinician decisions of the session 12 closing note, each after its guideline and each
documented in the KB file that holds it; sentences written for these tests."""

from __future__ import annotations

import pytest

from medcore.triage import chat
from medcore.triage.kb import LEVEL_RANK


def _one(engine, text, age, sex):
    res, _ = engine.one_shot(text, age=age, sex=sex)
    return res


@pytest.mark.parametrize("text, level", [
    # NICE NG240: a well child with no fever and a non-blanching rash is seen the same day ...
    ("Purple spots on her shins that stay when I press a glass on them. No temperature, she's playing happily.",
     "urgent"),
])
def test_non_blanching_rash_without_fever_is_same_day(lexical_engine, text, level):
    res = _one(lexical_engine, text, 7, "female")
    assert "non_blanching_rash_well" in [r["id"] for r in res.fired_rules]
    assert "non_blanching_rash" not in [r["id"] for r in res.fired_rules]


@pytest.mark.parametrize("text", [
    "Purple spots on her legs that don't fade under a glass.",                            # fever not said: emergency
    "Purple spots on her legs that don't fade under a glass, she has a temperature.",
    "Purple spots on her legs that don't fade under a glass, no fever but she is very drowsy.",
])
def test_non_blanching_rash_stays_an_emergency_unless_well_and_afebrile(lexical_engine, text):
    assert _one(lexical_engine, text, 7, "female").triage == "emergency"


def test_rule_holds_back_only_when_the_finding_is_denied(kb):
    rule = next(r for r in kb.rules if r.id == "non_blanching_rash")
    assert rule.fires({"non_blanching_rash"})
    assert rule.fires({"non_blanching_rash"}, denied={"cough"})
    assert not rule.fires({"non_blanching_rash"}, denied={"fever"})


def test_typical_gout_flare_is_not_the_hot_joint_rule(lexical_engine):
    res = _one(lexical_engine, "My gout has flared up again, the big toe joint is red, hot and swollen like last time.",
               58, "male")
    assert "hot_swollen_joint" not in [r["id"] for r in res.fired_rules]
    assert res.differential[0].id == "gout"
    assert LEVEL_RANK[res.triage] >= LEVEL_RANK["routine"]


def test_gout_flare_with_fever_stays_urgent(lexical_engine):
    res = _one(lexical_engine, "My gout has flared in my knee, it's red hot and swollen and I'm shivery with a fever.",
               58, "male")
    assert LEVEL_RANK[res.triage] <= LEVEL_RANK["urgent"]
    assert "hot_joint_unwell" in [r["id"] for r in res.fired_rules]


def test_other_hot_joint_stays_urgent(lexical_engine):
    res = _one(lexical_engine, "My knee suddenly became red, hot and swollen yesterday.", 45, "male")
    assert LEVEL_RANK[res.triage] <= LEVEL_RANK["urgent"]


def test_breath_holding_spell_is_not_the_blue_lips_emergency(lexical_engine):
    text = ("When my toddler cries hard she holds her breath and her lips go blue for a few seconds, then she breathes "
            "again and is fine.")
    res = _one(lexical_engine, text, 1.5, "female")
    assert res.triage != "emergency"
    assert res.differential[0].id == "breath_holding"


def test_blue_lips_alone_is_an_emergency(lexical_engine):
    assert _one(lexical_engine, "His lips have gone blue and he is wheezy.", 4, "male").triage == "emergency"


@pytest.mark.parametrize("text", [
    "I think my son might have swallowed a battery from the remote control.",
    "She may have swallowed one of those button batteries, I'm not sure.",
])
def test_a_suspected_button_battery_is_an_emergency(lexical_engine, text):
    res = _one(lexical_engine, text, 3, "male")
    assert res.triage == "emergency"
    assert any(f["id"] == "swallowed_battery" and f["present"] for f in res.findings)


def test_other_hedged_findings_stay_uncertain(lexical_engine):
    res = _one(lexical_engine, "I might have a fever, and I have a sore throat.", 30, "female")
    assert not any(f["id"] == "fever" and f["present"] for f in res.findings)


def test_svt_rate_points_away_from_panic(lexical_engine):
    res = _one(lexical_engine, "Out of the blue my heart raced, like it was going 200, then stopped suddenly.", 24, "male")
    assert res.differential[0].id == "svt"


def test_typical_ages_move_the_prior(kb):
    i_perthes, i_scfe = kb.condition_index["perthes"], kb.condition_index["scfe"]
    at6, at13 = kb.prior(6, "male"), kb.prior(13, "male")
    assert at6[i_perthes] / at6[i_scfe] > at13[i_perthes] / at13[i_scfe] * 10


def _all_no(engine, text, age, sex):
    st = chat.new_state()
    st = chat.set_demographics(engine, st, age, sex)
    st = chat.user_message(engine, st, text)
    n = 0
    while st["pending"] and not st["finished"]:
        st = chat.answer(engine, st, "no")
        n += 1
        assert n < 40
    return st, n


@pytest.mark.parametrize("text, age, sex", [
    ("I have tummy pain", 30, "female"), ("I feel tired all the time", 30, "female"), ("I have a fever", 70, "male"),
])
def test_all_no_interview_is_capped(lexical_engine, text, age, sex):
    ec = lexical_engine.engine_cfg
    _, n = _all_no(lexical_engine, text, age, sex)
    # own questions, then the net and the cover, then at most a few required checks (pregnancy, dysuria set)
    assert n <= ec.all_no_stop + ec.safety_net_max + ec.red_flag_cover_max + 3
    assert n < ec.max_questions + ec.safety_net_max + ec.red_flag_cover_max


def test_one_yes_restores_the_full_interview(lexical_engine):
    st = chat.new_state()
    st = chat.set_demographics(lexical_engine, st, 30, "female")
    st = chat.user_message(lexical_engine, st, "I have a headache")
    answers = iter(["no"] * 4 + ["yes"] + ["no"] * 60)
    n = 0
    while st["pending"] and not st["finished"]:
        st = chat.answer(lexical_engine, st, next(answers))
        n += 1
    assert n > lexical_engine.engine_cfg.all_no_stop
