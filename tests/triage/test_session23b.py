"""Session 23b (issue 12, Safety and Contract): violations found by docs/evals/triage-s23b/audit.py, each fixed at its
cause. Own sentences; the lexical engine (no MiniLM) keeps them fast."""

from __future__ import annotations

from medcore.triage import chat, contract
from medcore.triage.result_view import build, render
from medcore.triage.rules import LEVEL_TEXT, MASS_PHRASE
from medcore.triage.safety_rules import rules_for


def _diff(kb, ids_p):
    return [{"id": c, "condition": kb.condition(c).name, "icd10": kb.condition(c).icd10, "probability": p,
             "triage": kb.condition(c).triage, "evidence_for": [], "evidence_against": []} for c, p in ids_p]


# the reason names the red-flag rule that fired at the level, also when the mass alone reaches that level


def test_a_fired_rule_at_the_mass_level_is_the_reason(lexical_engine):
    res, _ = lexical_engine.one_shot("Crushing pain in my chest going down my left arm, and I am drenched in sweat",
                                     61, "male")
    assert res.triage == "emergency" and res.fired_rules
    assert MASS_PHRASE not in res.triage_reason
    assert res.triage_reason in {r["reason"] for r in res.fired_rules if r["level"] == "emergency"}


# "to rule out (less likely, but serious)" holds serious causes only


def test_a_routine_cause_under_a_self_care_heading_is_not_shown_to_rule_out(kb):
    assert kb.condition("ibs").triage == "routine" and kb.condition("blepharitis").triage == "self_care"
    result = {"triage": "self_care", "triage_reason": "x", "crisis": None,
              "findings": [{"id": "sore_eyelids", "present": True, "origin": "text"}],
              "differential": _diff(kb, [("blepharitis", 0.6), ("ibs", 0.06)])}
    view = build(kb, rules_for(kb), result)
    assert view.rule_out == []
    assert [x["id"] for x in view.likely] == ["blepharitis"]  # nor as a likely cause more acute than the heading
    text = render(view, result)
    assert "To rule out" not in text and "less likely, but serious" not in text


def test_an_urgent_cause_under_a_self_care_heading_is_still_shown_to_rule_out(kb):
    assert kb.condition("pyelonephritis").triage == "urgent"
    result = {"triage": "self_care", "triage_reason": "x", "crisis": None, "findings": [],
              "differential": _diff(kb, [("common_cold", 0.6), ("pyelonephritis", 0.06)])}
    view = build(kb, rules_for(kb), result)
    assert [r["id"] for r in view.rule_out] == ["pyelonephritis"]


# text with no recognised symptom gets no level: a duration or an age alone is no symptom


def test_a_duration_alone_gets_no_level_from_the_cli(lexical_engine):
    out = contract.triage_one(lexical_engine, "my car would not start this morning")
    assert out["triage"] is None and out["differential"] == []
    assert "No symptom was recognised" in out["message"]


def test_an_age_alone_shows_no_level_in_the_chat(lexical_engine):
    st = chat.user_message(lexical_engine, chat.new_state(), "I am 34 years old")
    assert st["age"] == 34 and st["result"] is None and st["pending"] is None
    assert "didn't recognise a symptom" in st["turns"][-1]["text"]


def test_show_result_after_only_a_duration_gives_no_level(lexical_engine):
    st = chat.user_message(lexical_engine, chat.new_state(), "it started this morning")
    st = chat.finish_now(lexical_engine, st)
    assert st["result"] is None and not st["finished"]
    assert not any(t["kind"] == "result" for t in st["turns"])


def test_a_symptom_still_gets_a_level(lexical_engine):
    st = chat.user_message(lexical_engine, chat.new_state(), "I have had a bad cough since this morning")
    assert st["result"] is not None and st["result"]["triage"] in LEVEL_TEXT


# pregnancy is asked for every abdominal, pelvic, urinary, bleeding or period complaint of a woman of 12-55 (NG126)


def test_the_pregnancy_rule_covers_period_pelvic_and_urinary_complaints(kb):
    rule = next(r for r in rules_for(kb).required if r.id == "pregnancy_possible")
    for fid in ("missed_period", "irregular_periods", "midcycle_pain", "bleeding_after_sex", "nocturia",
                "passed_pregnancy_tissue", "pain_worse_moving"):
        assert rule.applies({fid}, 30, "female"), fid
    assert not rule.applies({"nocturia"}, 30, "male")


def test_an_interview_about_night_time_weeing_asks_about_pregnancy(lexical_engine):
    st = chat.new_state()
    st["age"], st["sex"] = 31, "female"
    st["answers"], st["origin"] = {"nocturia": "yes"}, {"nocturia": "text"}
    st = chat.advance(lexical_engine, st)
    n = 0
    while st.get("pending") and n < 40:
        st = chat.answer(lexical_engine, st, "no")
        n += 1
    assert st["finished"] and "pregnant" in st["asked"]


def test_show_result_now_with_burning_urine_asks_fever_and_loin_pain_first(lexical_engine):
    st = chat.new_state()
    st["age"], st["sex"] = 29, "female"
    st["answers"], st["origin"] = {"painful_urination": "yes"}, {"painful_urination": "text"}
    st = chat.finish_now(lexical_engine, st)
    asked = []
    while st.get("pending") and len(asked) < 10:
        asked.append(st["pending"]["id"])
        st = chat.answer(lexical_engine, st, "no")
    assert st["finished"] and {"pregnant", "fever", "flank_pain"} <= set(asked), asked
