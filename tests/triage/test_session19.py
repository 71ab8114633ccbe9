"""Session 19 (issue 12): triage-level rules that read the KB's own facts. Sentences are our own words.

- with known COPD an SpO2 of 88-92% is the BTS 2017 target range: that reading alone does not fire the airway rule
  (red_flags.yaml milder_forms `spo2_copd_target`; the band lives once, in vitals.yaml);
- feeling faint is presyncope (dizziness), and a real faint ('passed out', 'fainted', 'blacked out') is still a
  collapse with its rules; the chat asks a person who feels faint whether they have fainted;
- a faint is a condition's red flag only when the rest of the story makes that condition possible
  (red_flags.yaml needs_support; NICE CG109, NICE NG126): a young woman's single faint is no emergency on its own,
  the chat asks about pregnancy, pelvic pain and bleeding, and any of them makes it one."""

from __future__ import annotations

import pytest

from tests.triage.nlu_reading import evidence as _ev

COPD_90 = "I have COPD and I'm a bit more breathless than usual today, my sats are 90%"


def _flags(res):
    return {(rf["finding"], rf["condition"]) for rf in res.red_flags}


# --- SpO2 with known COPD (BTS 2017) ----------------------------------------------------------------------------
def test_copd_saturation_in_target_range_alone_is_no_airway_emergency(lexical_engine):
    res, _ = lexical_engine.one_shot(COPD_90, age=68, sex="M")
    assert res.triage != "emergency"
    assert "airway" not in {r["id"] for r in res.fired_rules}
    assert all(rf["finding"] != "low_oxygen" for rf in res.red_flags)


def test_the_same_saturation_without_copd_is_an_emergency(lexical_engine):
    res, _ = lexical_engine.one_shot("I'm a bit more breathless than usual today, my sats are 90%", age=68, sex="M")
    assert res.triage == "emergency"
    assert "airway" in {r["id"] for r in res.fired_rules}


def test_copd_below_the_target_range_is_still_an_emergency(lexical_engine):
    res, _ = lexical_engine.one_shot(COPD_90.replace("90%", "85%"), age=68, sex="M")
    assert res.triage == "emergency"
    assert "airway" in {r["id"] for r in res.fired_rules}


def test_copd_target_holds_back_only_low_oxygen_and_reads_the_band_from_vitals(kb):
    from medcore.config import Settings
    from medcore.triage import vitals

    assert kb.milder_forms["spo2_copd_target"] == ("low_oxygen",)
    oxygen = next(v for v in vitals.load(Settings.load(secrets={}).kb_dir / "triage") if v.name == "oxygen")
    band = [conds for fid, conds in oxygen.bands if fid == "spo2_copd_target"]
    assert band and sorted(t for _, _, t in band[0]) == [88, 92]


def test_copd_with_a_severe_sign_keeps_the_airway_emergency(lexical_engine):
    res, _ = lexical_engine.one_shot("I have COPD, my sats are 90% and I'm too breathless to talk",
                                     age=70, sex="F")
    assert res.triage == "emergency"


# --- feeling faint and fainting -----------------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["she fainted at the bus stop", "I passed out in the kitchen",
                                  "he blacked out for a few seconds"])
def test_a_real_faint_is_a_collapse(lex, text):
    assert _ev(lex, text).get("collapse") is True


@pytest.mark.parametrize("text", ["I feel faint", "I keep feeling faint"])
def test_feeling_faint_is_no_collapse(lex, text):
    ev = _ev(lex, text)
    # session 21: presyncope, a finding of its own that implies dizziness (findings.yaml implies)
    assert ev.get("presyncope") is True and "collapse" not in ev


def test_chest_pain_with_a_faint_still_fires_the_collapse_rule(lexical_engine):
    res, _ = lexical_engine.one_shot("I passed out an hour ago and now I have chest pain", age=58, sex="M")
    assert "chest_pain_collapse" in {r["id"] for r in res.fired_rules}
    assert res.triage == "emergency"


def test_feeling_faint_in_a_hot_room_with_its_prodrome_is_a_vasovagal_picture(lexical_engine):
    res, _ = lexical_engine.one_shot("I felt faint standing in a hot crowded room and went pale and sweaty",
                                     age=24, sex="F")
    assert res.differential[0].id == "vasovagal_syncope"


def _interview(engine, text, age, sex):
    from medcore.triage import chat

    st = chat.new_state()
    st["age"], st["sex"] = age, sex
    st = chat.user_message(engine, st, text)
    asked = []
    while st["pending"] and not st["finished"]:
        asked.append(st["pending"]["id"])
        st = chat.answer(engine, st, "no")
    return asked


def test_feeling_faint_asks_whether_they_fainted(lexical_engine):
    # NICE CG109: a blackout and a near-faint are assessed differently, so the chat must find out which it was
    asked = _interview(lexical_engine, "I keep feeling faint", 45, "female")
    assert "collapse" in asked and "palpitations" in asked


# --- a single faint in a young woman (NICE CG109, NICE NG126) ---------------------------------------------------
@pytest.mark.parametrize("text", ["I fainted this morning", "I passed out in the queue at the shop"])
def test_a_young_womans_single_faint_is_no_emergency_on_its_own(lexical_engine, text):
    res, _ = lexical_engine.one_shot(text, age=19, sex="F")
    assert res.triage != "emergency"
    assert not any(f == "collapse" for f, _ in _flags(res))


def test_the_chat_asks_a_young_woman_who_fainted_about_pregnancy_pain_and_bleeding(lexical_engine):
    asked = _interview(lexical_engine, "I fainted this morning", 19, "female")
    assert {"pregnant", "pelvic_pain", "vaginal_bleeding"} <= set(asked)


@pytest.mark.parametrize("text", ["I fainted and I might be pregnant", "I fainted and my period is late",
                                  "I fainted and I have pain low in my tummy"])
def test_a_faint_with_a_sign_of_ectopic_pregnancy_is_an_emergency(lexical_engine, text):
    res, _ = lexical_engine.one_shot(text, age=19, sex="F")
    assert res.triage == "emergency"
    assert ("collapse", "Ectopic pregnancy") in _flags(res)


def test_a_faint_with_a_sudden_severe_headache_is_still_a_bleed_red_flag(lexical_engine):
    res, _ = lexical_engine.one_shot("a sudden terrible headache and then I passed out", age=40, sex="F")
    assert res.triage == "emergency"
    assert ("collapse", "Bleed around the brain (subarachnoid haemorrhage)") in _flags(res)


def test_a_faint_with_breathlessness_is_still_a_lung_clot_red_flag(lexical_engine):
    res, _ = lexical_engine.one_shot("I fainted and I am very short of breath", age=30, sex="M")
    assert res.triage == "emergency"
    assert ("collapse", "Blood clot in the lung (pulmonary embolism)") in _flags(res)


def test_without_support_posteriors_a_faint_counts_as_any_red_flag(kb):
    # the threshold-tuning replays pass no support: the rule falls back to the safe side
    import numpy as np

    from medcore.triage.rules import TriageConfig, decide

    post = np.zeros(len(kb.conditions))
    post[kb.condition_index["vasovagal_syncope"]] = 0.9
    post[kb.condition_index["pulmonary_embolism"]] = 0.1
    cfg = TriageConfig(condition_red_flag_min_p=0.05)
    assert decide(kb, post, {"collapse"}, cfg).level == "emergency"
    low = {"collapse": np.where(np.arange(len(post)) == kb.condition_index["pulmonary_embolism"], 0.01, 0.0)}
    assert decide(kb, post, {"collapse"}, cfg, support=low).level != "emergency"


# --- smoke breathed in with airway signs (NICE CKS Burns and scalds) ---------------------------------------------
def test_smoke_with_a_hoarse_voice_is_an_emergency_whatever_the_saturation(lexical_engine):
    # a COPD patient's 89% no longer makes this an emergency by itself; the inhalation injury does
    res, _ = lexical_engine.one_shot("A chip pan fire filled the kitchen with smoke an hour ago, my voice has gone "
                                     "hoarse and my sats are 89%, I have COPD", age=75, sex="F")
    assert res.triage == "emergency"
    assert "smoke_inhalation_injury" in {r["id"] for r in res.fired_rules}


def test_a_moment_in_a_smoky_room_without_airway_signs_fires_no_smoke_rule(lexical_engine):
    res, _ = lexical_engine.one_shot("I was in a smoky room for a minute and I feel fine", age=30, sex="M")
    assert "smoke_inhalation_injury" not in {r["id"] for r in res.fired_rules}
