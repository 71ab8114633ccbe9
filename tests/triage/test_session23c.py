"""Session 23c (issue 12, Safety and Input): what docs/evals/triage-s23b/audit.py still found, fixed at its cause.
Own sentences; the lexical engine (no MiniLM) keeps them fast."""

from __future__ import annotations

import importlib.util

from medcore.config import REPO_ROOT
from medcore.triage import chat, contract
from medcore.triage.input_guard import normalize_text
from medcore.triage.result_view import build, view_for
from medcore.triage.safety_rules import rules_for

# a, c, e, o, p, x, y written with the Cyrillic letters drawn like them, as the audit does
CYRILLIC = str.maketrans({"a": "а", "c": "с", "e": "е", "o": "о", "p": "р", "x": "х", "y": "у"})


# Unicode: a word made only of look-alike letters ("еуе", "а") in an English sentence is read as Latin


def test_a_word_made_only_of_lookalikes_is_folded_in_an_english_sentence():
    assert normalize_text("My right еуе is sore") == "My right eye is sore"
    assert normalize_text("I have had it for а week") == "I have had it for a week"
    assert normalize_text("a hσt bath") == "a hot bath"  # Greek small sigma: confusables.txt's "o"


def test_russian_text_stays_russian():
    text = "у меня болит голова уже три дня"
    assert normalize_text(text) == text


def test_cyrillic_lookalikes_lose_no_finding(lexical_engine):
    for text in ("My right eye is red and very painful.", "My knee has ached for a couple of months."):
        plain = contract.triage_one(lexical_engine, text, 50, "female")
        spoof = contract.triage_one(lexical_engine, text.translate(CYRILLIC), 50, "female")
        assert {f["id"] for f in spoof["findings"] if f["present"]} == \
            {f["id"] for f in plain["findings"] if f["present"]}, text
        assert spoof["triage"] == plain["triage"]


# the safety net: the complaint's conditions most common for this person first, impossible ones not at all


def _net(engine, text, age, sex):
    res, _ = engine.one_shot(text, age, sex)
    return {s["level"]: s["signs"] for s in view_for(engine, res).safety_net}


def test_a_boys_tummy_ache_lists_no_heavy_vaginal_bleeding_and_a_toddlers_bowel_sign(lexical_engine):
    net = _net(lexical_engine, "I have had tummy pain since yesterday", 2, "male")
    assert "soaking a pad in an hour or less" not in net.get("urgent", [])
    assert "stool like redcurrant jelly" in net["emergency"]


def test_a_young_womans_tummy_ache_lists_an_ectopic_pregnancy_sign(lexical_engine):
    net = _net(lexical_engine, "I have had tummy pain since yesterday", 26, "female")
    assert "shoulder-tip pain" in net["emergency"]
    assert "stool like redcurrant jelly" not in net["emergency"]


# "Show result now" with burning urine: blood in the urine and a discharge are asked too; too early -> safety net


def _early(engine, answers, age, sex):
    st = chat.new_state()
    st["age"], st["sex"] = age, sex
    st["answers"], st["origin"] = dict(answers), {k: "text" for k in answers}
    st = chat.finish_now(engine, st)
    asked = []
    while st.get("pending") and len(asked) < 12:
        asked.append(st["pending"]["id"])
        st = chat.answer(engine, st, "no")
    return st, asked


def test_show_result_now_with_burning_urine_asks_blood_and_discharge(lexical_engine):
    _, asked = _early(lexical_engine, {"painful_urination": "yes"}, 33, "female")
    assert {"blood_urine", "vaginal_discharge"} <= set(asked), asked
    _, asked = _early(lexical_engine, {"painful_urination": "yes"}, 33, "male")
    assert {"blood_urine", "penile_discharge"} <= set(asked), asked


def test_too_early_with_no_serious_cause_of_the_complaint_still_gives_a_safety_net(lexical_engine):
    st, _ = _early(lexical_engine, {"snoring": "yes"}, 45, "male")
    view = view_for(lexical_engine, st["result"])
    assert view.too_early and st["result"]["triage"] != "emergency"
    assert view.safety_net and view.safety_net[0]["level"] == "urgent"


def test_too_early_uses_the_serious_causes_the_posterior_holds(kb):
    # no complaint-linked serious condition (no complaint from the text), but a serious one in the differential
    diff = [{"id": c, "condition": kb.condition(c).name, "icd10": kb.condition(c).icd10, "probability": p,
             "triage": kb.condition(c).triage, "evidence_for": [], "evidence_against": []}
            for c, p in (("common_cold", 0.1), ("pneumonia", 0.001))]
    result = {"triage": "self_care", "triage_reason": "x", "crisis": None, "findings": [], "differential": diff,
              "age": 40, "sex": "male"}
    view = build(kb, rules_for(kb), result)
    signs = {s for line in view.safety_net for s in line["signs"]}
    assert view.too_early and signs & {kb.finding(f).name.lower() for f in kb.condition("pneumonia").red_flags}


# the audit: "call an ambulance with chest pain" is conditional advice, "call an ambulance now" is not


def test_the_audit_counts_only_unconditional_emergency_instructions():
    spec = importlib.util.spec_from_file_location("audit23b", REPO_ROOT / "docs/evals/triage-s23b/audit.py")
    audit = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(audit)
    assert audit.unconditional_emergency(["Book a GP visit this week; call an ambulance with sudden weakness.",
                                          "Go to the emergency department for heavy bleeding."]) == []
    assert audit.unconditional_emergency(["Call an ambulance now."]) == ["Call an ambulance now."]


def test_no_calmer_condition_tells_the_person_to_call_999_now(kb):
    # a condition below emergency words its escalation as a condition ("call 999 if you start vomiting"), never as
    # a bare instruction (Addison's said "Vomiting or collapse is an emergency: call 999." under an urgent heading)
    spec = importlib.util.spec_from_file_location("audit23b", REPO_ROOT / "docs/evals/triage-s23b/audit.py")
    audit = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(audit)
    bare = [(c.id, k) for c in kb.conditions if c.triage != "emergency" for k in ("what", "self_care", "seek_help")
            if audit.unconditional_emergency([c.education.get(k) or ""])]
    assert bare == []
    assert audit.unconditional_emergency(["Jaw pain on chewing; see a doctor today."]) == []
