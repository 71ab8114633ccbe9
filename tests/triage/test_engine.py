"""Posterior sanity, question selection, triage rules and red-flag overrides."""

from __future__ import annotations

import numpy as np

from medcore.triage import engine as bayes
from medcore.triage.rules import TriageConfig, decide


def test_adding_a_finding_raises_conditions_that_explain_it(kb):
    base = bayes.posterior(kb, {"cough": True}, 30, "female")
    more = bayes.posterior(kb, {"cough": True, "barking_cough": True}, 30, "female")
    ci = kb.condition_index["croup"]
    assert more[ci] > base[ci]
    less = bayes.posterior(kb, {"cough": True, "fever": False}, 30, "female")
    assert less[kb.condition_index["pneumonia"]] < base[kb.condition_index["pneumonia"]]
    assert abs(base.sum() - 1) < 1e-9


def test_age_and_sex_change_the_prior(kb):
    ev = {"abdominal_pain": True, "pelvic_pain": True}
    f = bayes.posterior(kb, ev, 28, "female")
    m = bayes.posterior(kb, ev, 28, "male")
    assert m[kb.condition_index["ectopic_pregnancy"]] == 0 < f[kb.condition_index["ectopic_pregnancy"]]
    child = bayes.posterior(kb, {"cough": True, "barking_cough": True}, 3, None)
    adult = bayes.posterior(kb, {"cough": True, "barking_cough": True}, 40, None)
    assert child[kb.condition_index["croup"]] > adult[kb.condition_index["croup"]]


def test_information_gain_picks_a_discriminating_finding(kb):
    ev = {"chest_pain": True}
    post = bayes.posterior(kb, ev, 55, "male")
    gains = bayes.information_gain(kb, post)
    q = bayes.next_question(kb, post, set(ev), bayes.EngineConfig())
    assert q is not None and q.finding_id not in ev
    # the chosen finding separates the leading conditions: likelihoods differ a lot among them
    j = kb.finding_index[q.finding_id]
    top = np.argsort(-post)[:5]
    assert kb.lik[top, j].max() - kb.lik[top, j].min() > 0.3
    # and a finding no leading condition cares about has less gain than the chosen one
    assert gains[kb.finding_index["lice_seen"]] < q.gain_bits
    assert q.separates and {s["side"] for s in q.separates} <= {"yes", "no"}


def test_questions_stop_at_the_cap(lexical_engine):
    from medcore.triage import chat

    state = chat.user_message(lexical_engine, chat.new_state(), "I feel tired")
    while state["pending"]:
        state = chat.answer(lexical_engine, state, "unknown")
    assert state["finished"]
    cfg = lexical_engine.engine_cfg
    # the red-flag safety net and then the cover step (one red flag per untested serious cause) may go beyond
    # max_questions, each by its own cap
    assert state["questions_asked"] <= cfg.max_questions + cfg.safety_net_max + cfg.red_flag_cover_max


def _interview(engine, text, answer_for):
    from medcore.triage import chat

    state = chat.user_message(engine, chat.new_state(), text)
    asked = []
    while state["pending"]:
        q = state["pending"]
        asked.append(q)
        state = chat.answer(engine, state, answer_for(q["id"]))
    return state, asked


def test_safety_net_checks_the_complaints_serious_red_flags_before_finishing(lexical_engine, kb):
    # A terse complaint answered "no" throughout: cauda equina is unlikely by then, but its warning signs
    # must still be asked, as complaint-based triage protocols do.
    state, asked = _interview(lexical_engine, "I have back pain", lambda fid: "no")
    ids = [q["id"] for q in asked]
    cauda = set(kb.condition("cauda_equina").red_flags)
    assert cauda & set(ids), ids
    assert all(q["red_flag_check"] for q in asked if q["id"] in cauda)
    assert state["result"]["triage"] != "emergency"


def test_a_yes_to_a_safety_net_question_escalates(lexical_engine):
    state, _ = _interview(lexical_engine, "I have back pain", lambda fid: "yes" if fid == "saddle_numbness" else "no")
    assert state["answers"].get("saddle_numbness") == "yes"
    assert state["result"]["triage"] == "emergency"


def test_safety_net_question_tiers_and_exhaustion(kb):
    cfg = bayes.EngineConfig()
    post = np.full(len(kb.conditions), 1e-6)
    post[kb.condition_index["mechanical_back_pain"]] = 0.9
    post[kb.condition_index["myocardial_infarction"]] = 0.09  # likelier, but chest pain is not the complaint
    post[kb.condition_index["cauda_equina"]] = 0.01
    post = post / post.sum()
    q = bayes.safety_net_question(kb, post, set(), cfg, {"back_pain"})
    assert q.red_flag and q.finding_id in kb.condition("cauda_equina").red_flags
    # without a complaint only the posterior counts: the heart attack's warning signs come first, asked as chest pain,
    # the hallmark its crushing and spreading chest pain are forms of (session 22, hallmarks.asked_for)
    q2 = bayes.safety_net_question(kb, post, set(), cfg)
    assert q2.finding_id == "chest_pain"
    q3 = bayes.safety_net_question(kb, post, {"chest_pain"}, cfg)
    assert q3.finding_id in kb.condition("myocardial_infarction").red_flags
    # every candidate sign known: nothing left to ask
    known = {f for c in kb.conditions for f in c.red_flags}
    assert bayes.safety_net_question(kb, post, known, cfg, {"back_pain"}) is None


def test_triage_from_mass_and_red_flag_overrides(kb):
    cfg = TriageConfig()
    ev = {"runny_nose": True, "sneezing": True, "sore_throat": True}
    post = bayes.posterior(kb, ev, 30, "male")
    assert decide(kb, post, {f for f, v in ev.items() if v}, cfg).level == "self_care"
    # a thunderclap headache is an emergency whatever the posterior says
    weak = np.zeros(len(kb.conditions))
    weak[kb.condition_index["tension_headache"]] = 1.0
    d = decide(kb, weak, {"headache", "worst_headache"}, cfg)
    assert d.level == "emergency" and any(r["id"] == "thunderclap" for r in d.fired_rules)
    # Bell's palsy (whole face including forehead) does not fire the stroke face rule
    d = decide(kb, weak, {"face_droop", "forehead_spared"}, cfg)
    assert not any(r["id"] == "face_droop" for r in d.fired_rules)


def test_self_harm_is_always_emergency_with_crisis_resources(engine):
    res, _ = engine.one_shot("I have a mild cold and honestly I want to kill myself")
    assert res.triage == "emergency"
    assert res.crisis and any("116 123" in c or "988" in c for c in res.crisis["contacts"])
    res, _ = engine.one_shot("I don't want to be here anymore")
    assert res.triage == "emergency"


def test_emergency_examples(engine):
    for text in ["crushing chest pain going down my left arm and I'm sweating",
                 "my dad's face has dropped on one side and his speech is slurred",
                 "fever and a rash that doesn't fade under a glass",
                 "sudden severe pain in my testicle",
                 "I ate peanuts and my lips are swelling and I can't breathe"]:
        res, _ = engine.one_shot(text)
        assert res.triage == "emergency", text


def test_safety_net_stops_once_the_level_is_emergency(lexical_engine):
    cap = lexical_engine.engine_cfg.max_questions
    emergency = lexical_engine.result({"chest_pain_crushing": "yes", "sweating": "yes"}, 58, "male",
                                      origin={"chest_pain_crushing": "text", "sweating": "text"}, questions_asked=cap)
    assert emergency.triage == "emergency" and emergency.next_question is None
    benign = lexical_engine.result({"back_pain": "yes"}, 40, "male", origin={"back_pain": "text"}, questions_asked=cap)
    assert benign.triage != "emergency" and benign.next_question and benign.next_question["red_flag_check"]
