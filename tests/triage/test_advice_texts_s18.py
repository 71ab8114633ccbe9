"""Session 18 (issue 12): the advice and "about" texts shown with a result agree with its heading, for every
condition of the KB (the subarachnoid haemorrhage advice read "None. Lie down and wait for help.").

- no education text is an empty or placeholder text ('None.', 'N/A', 'None at home.');
- the when-to-get-help advice of an emergency condition sends to emergency care (999, an ambulance, A&E or the
  emergency department); an urgent condition's first instruction is for the same day; a routine or self-care
  condition's first instruction is not emergency care (emergency care there comes only as a warning sign: 'go to
  A&E if ...', after the first instruction);
- the "about" text ('what') describes the condition and gives no emergency instruction under a calmer heading."""

from __future__ import annotations

import re

import pytest

PLACEHOLDER = re.compile(r"\s*(?:none|n/?a|tbd|todo)\b", re.I)  # "None.", "None specific", "N/A"
EMERGENCY = re.compile(r"\b(?:999|112|911|ambulance|a&e|emergency department|emergency services|emergency number"
                       r"|eye casualty|emergency)\b", re.I)
SAME_DAY = re.compile(r"\b(?:today|same day|same-day|straight away|now|at once|immediately|within a day"
                      r"|within 24 hours|within the hour|urgent|urgently|day or night|as an emergency)\b", re.I)


def _first_instruction(text: str) -> str:
    """The advice up to its first ';' or sentence end: what it tells first."""
    return re.split(r";|(?<=[.!])\s", text, maxsplit=1)[0]


def test_no_education_text_is_a_placeholder(kb):
    bad = [(c.id, k, v) for c in kb.conditions for k, v in c.education.items()
           if len(v.strip(" -.")) < 6 or PLACEHOLDER.match(v)]
    assert not bad, bad


def test_emergency_advice_sends_to_emergency_care(kb):
    bad = [(c.id, c.education["seek_help"]) for c in kb.conditions
           if c.triage == "emergency" and not EMERGENCY.search(c.education["seek_help"])]
    assert not bad, bad


def test_urgent_advice_first_asks_for_the_same_day(kb):
    bad = [(c.id, c.education["seek_help"]) for c in kb.conditions
           if c.triage == "urgent" and not SAME_DAY.search(_first_instruction(c.education["seek_help"]))]
    assert not bad, bad


@pytest.mark.parametrize("level", ["routine", "self_care"])
def test_calmer_advice_does_not_start_with_emergency_care(kb, level):
    bad = [(c.id, c.education["seek_help"]) for c in kb.conditions
           if c.triage == level and EMERGENCY.search(_first_instruction(c.education["seek_help"]))
           and not re.search(r"\b(?:if|for|when|with)\b", _first_instruction(c.education["seek_help"]))]
    assert not bad, bad


def test_about_text_gives_no_emergency_instruction_under_a_calmer_heading(kb):
    bad = [(c.id, c.education["what"]) for c in kb.conditions
           if c.triage != "emergency" and re.search(r"\b(?:call 999|call an ambulance|go to a&e)\b",
                                                    c.education["what"], re.I)]
    assert not bad, bad


def test_the_about_text_shown_for_subarachnoid_haemorrhage_has_no_stray_placeholder(kb):
    from medcore.triage.result_view import render, build
    from medcore.triage.safety_rules import rules_for

    c = kb.condition("subarachnoid_haemorrhage")
    result = {"triage": "emergency", "triage_reason": "Most of the probability lies with conditions needing "
              "emergency care.", "crisis": None, "findings": [{"id": "worst_headache", "present": True,
                                                                "origin": "text"}],
              "differential": [{"id": c.id, "condition": c.name, "icd10": c.icd10, "probability": 0.8,
                                "triage": "emergency", "evidence_for": ["Worst headache"], "evidence_against": []}]}
    text = render(build(kb, rules_for(kb), result), result)
    assert "About" in text and "None." not in text and "None at home" not in text
