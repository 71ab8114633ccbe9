"""Session 22 (issue 12): a denied hallmark lowers its condition in full, the safety net asks a serious condition's
hallmark before the forms of it that are its red flags, and a faint on exertion needs a heart check today.

A 72-year-old man who felt faint and said 'no' to everything ended in emergency by mass over conditions whose main
feature (a heart attack's chest pain, a lung clot's breathlessness) was never asked, only 'crushing' or 'severe'
forms of it, and each 'no' counted at half weight (hallmarks.absent_exponent, hallmarks.asked_for)."""

from __future__ import annotations

import numpy as np

from medcore.triage import chat
from medcore.triage.engine import EngineConfig, posterior
from medcore.triage.hallmarks import asked_for

LEVELS = ["emergency", "urgent", "routine", "self_care"]


def _interview(eng, age, sex, text, yes=frozenset()):
    st = chat.new_state()
    st["age"], st["sex"] = age, sex
    st = chat.user_message(eng, st, text)
    while st["pending"] and not st["finished"]:
        st = chat.answer(eng, st, "yes" if st["pending"]["id"] in yes else "no")
    return st, chat._result(eng, st)


def _ratio(kb, evidence, a, b, **kw):
    """posterior(a) / posterior(b) with the evidence, over the same without it."""
    ia, ib = kb.conditions.index(kb.condition(a)), kb.conditions.index(kb.condition(b))
    p1, p0 = posterior(kb, evidence, 70, "male", **kw), posterior(kb, {}, 70, "male", **kw)
    return (p1[ia] / p1[ib]) / (p0[ia] / p0[ib])


def test_a_denied_hallmark_counts_in_full_and_a_minor_feature_at_half(kb):
    kw = {"temper": 0.85, "temper_absent": 0.5, "hallmark_lik": 0.8}
    lik = kb.lik[kb.conditions.index(kb.condition("myocardial_infarction")), kb.finding_index["chest_pain"]]
    assert lik >= 0.8
    # a 'no' to chest pain: the heart attack (its hallmark) against the simple faint (which hardly lists it)
    vv = kb.lik[kb.conditions.index(kb.condition("vasovagal_syncope")), kb.finding_index["chest_pain"]]
    got = _ratio(kb, {"chest_pain": False}, "myocardial_infarction", "vasovagal_syncope", **kw)
    assert vv < 0.8 and np.isclose(got, (1 - lik) ** 0.85 / (1 - vv) ** 0.5)
    # the same 'no' with the switch off counted at half weight: about 3 times weaker
    off = _ratio(kb, {"chest_pain": False}, "myocardial_infarction", "vasovagal_syncope", **{**kw, "hallmark_lik": 1.0})
    assert np.isclose(off, ((1 - lik) / (1 - vv)) ** 0.5)
    # nausea (0.35 for the heart attack) is no hallmark: its 'no' still counts at half weight
    n_mi = kb.lik[kb.conditions.index(kb.condition("myocardial_infarction")), kb.finding_index["nausea"]]
    n_vv = kb.lik[kb.conditions.index(kb.condition("vasovagal_syncope")), kb.finding_index["nausea"]]
    got = _ratio(kb, {"nausea": False}, "myocardial_infarction", "vasovagal_syncope", **kw)
    assert n_mi < 0.8 and n_vv < 0.8 and np.isclose(got, ((1 - n_mi) / (1 - n_vv)) ** 0.5)


def test_a_no_to_how_it_started_is_no_denied_hallmark(kb):
    # iron-deficiency anaemia comes on gradually (0.9), but 'no' to 'did it come on gradually?' says how, not whether
    ci = kb.conditions.index(kb.condition("iron_deficiency_anaemia"))
    assert kb.lik[ci, kb.finding_index["gradual_onset"]] >= 0.8 and kb.finding("gradual_onset").category == "course"
    kw = {"temper": 0.85, "temper_absent": 0.5}
    on = posterior(kb, {"gradual_onset": False}, 70, "male", hallmark_lik=0.8, **kw)
    off = posterior(kb, {"gradual_onset": False}, 70, "male", hallmark_lik=1.0, **kw)
    assert np.allclose(on, off)


def test_the_safety_net_asks_the_hallmark_a_red_flag_is_a_form_of(kb):
    cfg = EngineConfig()
    mi = kb.conditions.index(kb.condition("myocardial_infarction"))
    pe = kb.conditions.index(kb.condition("pulmonary_embolism"))
    gi = kb.conditions.index(kb.condition("gi_bleed"))
    assert asked_for(kb, mi, "chest_pain_crushing", set(), cfg.safety_net_anchor_lik) == "chest_pain"
    assert asked_for(kb, mi, "chest_pain_radiating", set(), cfg.safety_net_anchor_lik) == "chest_pain"
    assert asked_for(kb, pe, "breathless_severe", set(), cfg.safety_net_anchor_lik) == "breathless"
    # once chest pain is known (a 'yes'), the red flag itself is asked
    assert asked_for(kb, mi, "chest_pain_crushing", {"chest_pain"}, cfg.safety_net_anchor_lik) == "chest_pain_crushing"
    # a red flag that is no form of a commoner feature stays itself
    assert asked_for(kb, gi, "black_stool", set(), cfg.safety_net_anchor_lik) == "black_stool"


def test_an_older_man_who_feels_faint_and_denies_everything_is_not_sent_an_ambulance(lexical_engine):
    st, r = _interview(lexical_engine, 72, "male", "I feel faint")
    assert {"chest_pain", "black_stool", "collapse"} <= set(st["answers"])
    assert r.triage != "emergency"


def test_faint_with_a_real_warning_sign_stays_emergency_or_urgent(lexical_engine):
    # NICE CG109 / ESC 2018: a faint with chest pain, with palpitations in an older adult, with black stools
    _, r = _interview(lexical_engine, 68, "male", "I went all faint and there is pain in my chest")
    assert r.triage == "emergency"
    _, r = _interview(lexical_engine, 74, "female", "I nearly fainted and my heart is pounding", {"fast_heart_rate"})
    assert LEVELS.index(r.triage) <= 1
    _, r = _interview(lexical_engine, 70, "male", "feeling faint, and my poo has gone black")
    assert r.triage == "emergency"


def test_a_faint_on_exertion_needs_a_heart_check_today(lexical_engine):
    r, _ = lexical_engine.one_shot("I almost passed out while jogging this morning", age=58, sex="M")
    assert any(f["id"] == "faint_on_exertion" for f in r.fired_rules)
    assert LEVELS.index(r.triage) <= 1
    _, r = _interview(lexical_engine, 58, "male", "I almost passed out while jogging this morning")
    assert LEVELS.index(r.triage) <= 1
    # a near-faint on standing is no exertion
    r, _ = lexical_engine.one_shot("I feel faint when I stand up", age=30, sex="F")
    assert not any(f["id"] == "faint_on_exertion" for f in r.fired_rules)


def test_the_question_chooser_counts_a_specific_finding_given_its_general_one(kb):
    from medcore.triage import implied
    from medcore.triage.engine import information_gain

    cols = dict(implied.given_present(kb, {"dizziness"}))
    js, jd = kb.finding_index["presyncope"], kb.finding_index["dizziness"]
    vv = kb.conditions.index(kb.condition("vasovagal_syncope"))
    # the simple faint lists feeling faint and dizziness at 0.7 each: given dizziness, feeling faint is certain
    assert np.isclose(cols[js][vv], min(kb.lik[vv, js] / kb.lik[vv, jd], 1.0))
    # a condition that lists only dizziness keeps P(faint | c), the leak
    bppv = kb.conditions.index(kb.condition("bppv"))
    assert not kb.listed[bppv, js] and cols[js][bppv] == kb.lik[bppv, js]
    assert implied.given_present(kb, set()) == [] and js not in dict(implied.given_present(kb, {"presyncope"}))
    # the gain of asking it changes once dizziness is present; the other findings' gains do not
    post = posterior(kb, {"dizziness": True}, 40, "female")
    plain = information_gain(kb, post, 0.85, 0.5, 0.8)
    given = information_gain(kb, post, 0.85, 0.5, 0.8, {"dizziness"})
    assert not np.isclose(plain[js], given[js])
    untouched = [j for j in range(len(kb.findings)) if j not in cols]
    assert np.allclose(plain[untouched], given[untouched])


def test_the_safety_net_never_asks_a_course_in_place_of_a_red_flag(kb):
    """review22: worst_headache implies sudden_onset (a course); labyrinthitis lists sudden onset at 0.7, so the net
    asked 'did it come on suddenly?' for its 'worst headache ever?' flag, and a 'no' about the dizziness ruled the
    headache out unasked. A course is no hallmark (hallmarks._NOT_HALLMARK), here as in absent_exponent."""
    cfg = EngineConfig()
    lab = kb.conditions.index(kb.condition("labyrinthitis"))
    j = kb.finding_index["sudden_onset"]
    assert kb.listed[lab, j] and kb.lik[lab, j] >= cfg.safety_net_anchor_lik  # the case the rule is about
    assert asked_for(kb, lab, "worst_headache", set(), cfg.safety_net_anchor_lik) == "worst_headache"
    sah = kb.conditions.index(kb.condition("subarachnoid_haemorrhage"))  # a symptom general finding still leads
    assert asked_for(kb, sah, "worst_headache", set(), cfg.safety_net_anchor_lik) == "headache"
