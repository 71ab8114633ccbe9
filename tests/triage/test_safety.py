"""Interview and result safety (issue 12): red-flag coverage of every emergency condition, the questions a
clinician expects, contradictions, Unicode look-alikes, and a result whose parts agree."""

from __future__ import annotations

import re

import pytest

from medcore.triage import chat, result_view
from medcore.triage.input_guard import normalize_text
from medcore.triage.safety_rules import rules_for

CONTEXT = {"course", "risk", "measured"}


def _typical(kb, c):
    """The condition's most typical complaint (not a course, risk or severity modifier), age and sex."""
    anchor = max((f for f in c.likelihoods if kb.finding(f).category not in CONTEXT and f != "severe_pain"),
                 key=lambda f: c.likelihoods[f][0])
    age = {"child": 8, "adult": 35, "older": 75}[max(c.prior, key=c.prior.get)]
    return anchor, age, "female" if c.sex["female"] >= c.sex["male"] else "male"


def _interview(engine, answers: dict, age, sex, reply="no", limit=40):
    st = chat.new_state()
    st["age"], st["sex"] = age, sex
    for f, v in answers.items():
        st["answers"][f], st["origin"][f] = v, "text"
    st = chat.advance(engine, st)
    asked = []
    while st["pending"] and not st["finished"] and len(asked) < limit:
        asked.append(st["pending"]["id"])
        st = chat.answer(engine, st, reply(st["pending"]["id"]) if callable(reply) else reply)
    return st, asked


def test_every_emergency_condition_has_red_flags_it_lists(kb):
    for c in kb.conditions:
        if c.triage != "emergency":
            continue
        assert c.red_flags, f"{c.id}: an emergency condition needs warning signs (red_flags)"
        for f in c.red_flags:
            assert f in c.likelihoods, f"{c.id}: red flag {f} is not among its findings"


def test_each_red_flag_with_the_typical_complaint_is_an_emergency(lexical_engine, kb):
    for c in kb.conditions:
        if c.triage != "emergency":
            continue
        anchor, age, sex = _typical(kb, c)
        for f in c.red_flags:
            res = lexical_engine.result({anchor: "yes", f: "yes"}, age, sex, origin={anchor: "text", f: "text"},
                                        finished=True)
            assert res.triage == "emergency", (c.id, anchor, f, res.triage)


def test_interview_checks_a_warning_sign_of_every_emergency_condition(lexical_engine, kb):
    """Presenting with the condition's typical complaint and answering 'no' to everything, the interview
    checks at least one of its warning signs before finishing (or has already said emergency)."""
    for c in kb.conditions:
        if c.triage != "emergency":
            continue
        anchor, age, sex = _typical(kb, c)
        st, _ = _interview(lexical_engine, {anchor: "yes"}, age, sex)
        known = set(lexical_engine.closure(st["answers"]))
        assert st["result"]["triage"] == "emergency" or known & set(c.red_flags), (c.id, anchor)


def test_safety_rules_load_with_sources(kb):
    rules = rules_for(kb)
    assert rules.required and rules.contradictions
    assert all(len(r.source) > 10 for r in (*rules.required, *rules.contradictions))


@pytest.mark.parametrize("age,sex,asks", [(25, "female", True), (12, "female", True), (55, "female", True),
                                          (60, "female", False), (11, "female", False), (25, "male", False)])
def test_pregnancy_is_asked_for_women_12_to_55_with_a_urinary_complaint(lexical_engine, age, sex, asks):
    _, asked = _interview(lexical_engine, {"painful_urination": "yes"}, age, sex)
    assert ("pregnant" in asked) is asks


@pytest.mark.parametrize("complaint", ["abdominal_pain", "pelvic_pain", "vaginal_bleeding", "rectal_bleeding",
                                       "frequent_urination"])
def test_pregnancy_is_asked_for_abdominal_pelvic_urinary_and_bleeding_complaints(lexical_engine, complaint):
    st, asked = _interview(lexical_engine, {complaint: "yes"}, 30, "female")
    assert "pregnant" in asked or st["result"]["triage"] == "emergency"


def test_dysuria_questions_a_clinician_expects(lexical_engine):
    _, asked = _interview(lexical_engine, {"painful_urination": "yes"}, 25, "female")
    assert {"fever", "flank_pain", "vaginal_discharge", "blood_urine", "pregnant"} <= set(asked)
    _, asked = _interview(lexical_engine, {"painful_urination": "yes"}, 30, "male")
    assert {"fever", "flank_pain", "penile_discharge", "blood_urine"} <= set(asked) and "pregnant" not in asked


def test_a_man_30_weeks_pregnant_is_flagged_and_asked(lexical_engine):
    st = chat.user_message(lexical_engine, chat.new_state(), "40-year-old man, 30 weeks pregnant")
    q = st["pending"]
    assert q["check"] == "male_pregnancy" and q["id"] == "late_pregnancy"
    assert "do not usually go together" in q["text"] and "male" in q["text"]
    # confirmed: the pregnancy stays and sex no longer rules pregnancy conditions out
    yes = chat.answer(lexical_engine, st, "yes")
    assert yes["answers"]["late_pregnancy"] == "yes" and yes["sex"] is None
    no = chat.answer(lexical_engine, st, "no")
    assert no["answers"]["late_pregnancy"] == "no" and no["sex"] == "male"
    again = chat.user_message(lexical_engine, no, "I have a cough")  # flagged once, not on every turn
    assert not (again["pending"] or {}).get("check")


def test_a_child_with_menopause_is_flagged_and_asked(lexical_engine):
    st = chat.user_message(lexical_engine, chat.new_state(), "my 8 year old daughter is going through the menopause")
    assert st["pending"]["check"] == "child_menopause" and "8" in st["pending"]["text"]
    st = chat.answer(lexical_engine, st, "no")
    # then, with no symptom told yet, the chat also asks for one (session 23b: no level without a symptom)
    assert st["age"] is None and "correct age" in st["turns"][-2]["text"] and st["result"] is None


def test_setting_sex_in_the_box_after_pregnancy_is_flagged(lexical_engine):
    st = chat.user_message(lexical_engine, chat.new_state(), "I'm pregnant and have tummy pain")
    st = chat.set_demographics(lexical_engine, st, 30, "male")
    assert st["pending"]["check"] == "male_pregnancy"


@pytest.mark.parametrize("age", [-5, 200, float("nan")])
def test_set_demographics_refuses_impossible_ages(lexical_engine, age):
    st = chat.user_message(lexical_engine, chat.new_state(), "I have a cough")
    out = chat.set_demographics(lexical_engine, st, age, None)
    assert out["age"] is None and "not possible" in out["turns"][-1]["text"]


@pytest.mark.parametrize("text", ["I have \u0441hest pain", "I have \uff43\uff48\uff45\uff53\uff54 pain",
                                  "I have ch\u200best pain"])
def test_lookalike_letters_are_read(lexical_engine, text):
    _, ex = lexical_engine.read_text(text)
    assert "chest_pain" in {m.finding_id for m in ex.mentions}


def test_other_scripts_are_not_rewritten():
    assert normalize_text("у меня болит голова") == "у меня болит голова"


def test_gibberish_gets_a_rephrase_request_and_the_emergency_line_only(lexical_engine):
    st = chat.user_message(lexical_engine, chat.new_state(), "blorf snarg wibble toast")
    assert st["result"] is None and st["pending"] is None
    assert "emergency number" in st["turns"][-1]["text"] and "describe" in st["turns"][-1]["text"].lower()


def test_tired_then_show_result_now_is_too_early_and_never_routine_emergency_advice(lexical_engine):
    st = chat.user_message(lexical_engine, chat.new_state(), "I feel tired all the time")
    for _ in range(3):
        st = chat.answer(lexical_engine, st, "no")
    st = chat.finish_now(lexical_engine, st)
    text = st["turns"][-1]["text"]
    assert text.startswith("**Routine")
    assert "too early to rank" in text and "most likely" not in text
    assert "aspirin" not in text.lower()
    # ambulance only as safety-net advice: what to do if a warning sign appears
    for line in text.splitlines():
        if "ambulance" in line.lower():
            assert "if you get" in line
    assert "To rule out" in text and "Heart attack" in text.split("To rule out")[1]


def test_result_parts_agree_on_every_vignette(lexical_engine, kb):
    """Across the vignettes (one-shot, as the CLI reads them), the cause called 'most likely' is the
    posterior's top, no listed likely cause is more acute than the heading, the 'about' advice belongs to
    the heading's level, and emergency instructions appear under a calmer heading only as safety-net lines."""
    from pathlib import Path

    from medcore.triage.evaluate import load_vignettes
    from medcore.triage.kb import LEVEL_RANK

    for v in load_vignettes(Path(kb.source_files[0]).parent, kb):
        res, _ = lexical_engine.one_shot(v["text"])
        view = result_view.view_for(lexical_engine, res)
        text = result_view.render(view, res)
        if "most likely" in view.likely_label:
            assert view.likely[0]["id"] == res.differential[0].id and not view.too_early
        for d in view.likely:
            assert LEVEL_RANK[d["level"]] >= LEVEL_RANK[view.level], (v["id"], d["id"])
        if view.about and (view.about["self_care"] or view.about["seek_help"]):
            assert kb.condition(view.about["id"]).triage == view.level
        if view.level != "emergency":
            for line in text.splitlines():
                low = line.lower()
                # only conditional: "... now if you get: ...", "call an ambulance for vomiting blood"
                for m in re.finditer(r"ambulance|emergency department", low):
                    assert re.match(r"[^.;]*\b(if|for|with)\b", low[m.end():]), (v["id"], line)
                assert " now" not in low or "if you get" in low, (v["id"], line)


def test_about_advice_only_when_levels_agree(lexical_engine, kb):
    res = lexical_engine.result({"fatigue": "yes", "cough": "no"}, None, None, origin={"fatigue": "text"},
                                finished=True)
    view = result_view.view_for(lexical_engine, res)
    for d in view.likely:
        assert kb.condition(d["id"]).triage != "emergency" or view.level == "emergency"
    if view.about and view.about["self_care"]:
        assert kb.condition(view.about["id"]).triage == view.level


def test_show_result_now_still_asks_about_pregnancy_first(lexical_engine):
    st = chat.user_message(lexical_engine, chat.new_state(), "I'm a 25 year old woman with tummy pain")
    st = chat.finish_now(lexical_engine, st)
    assert not st["finished"] and st["pending"]["id"] == "pregnant"
    st = chat.answer(lexical_engine, st, "no")
    assert st["finished"] and st["turns"][-1]["kind"] == "result" and "finish_requested" not in st
    # a man, or a woman already asked, gets the result at once
    man = chat.finish_now(lexical_engine, chat.user_message(lexical_engine, chat.new_state(),
                                                            "I'm a 25 year old man with tummy pain"))
    assert man["finished"]
