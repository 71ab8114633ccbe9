"""Session 21c (issue 12): an emergency reached by posterior mass alone is still checked by the safety net.

An older person who feels faint and says 'no' to every question used to end in emergency after ten answers, with a
GI bleed and a heart attack at 0.07-0.11 whose own signs (black stools, vomiting blood) were never asked: the safety
net stopped at any emergency. It now stops only where a present sign makes the level emergency
(rules.emergency_by_sign). The absent side of implied findings is in test_session21b.py."""

from __future__ import annotations

from medcore.triage import chat
from medcore.triage.rules import TriageDecision, emergency_by_sign

_MASS = {"emergency": 0.3, "urgent": 0.2, "routine": 0.3, "self_care": 0.2}


def test_an_emergency_by_mass_alone_is_not_settled():
    assert not emergency_by_sign(TriageDecision("emergency", "", _MASS))
    assert not emergency_by_sign(TriageDecision("urgent", "", _MASS))
    # an urgent rule under an emergency mass is still a guess at emergency
    urgent_rule = [{"id": "x", "level": "urgent", "reason": "", "source": ""}]
    assert not emergency_by_sign(TriageDecision("emergency", "", _MASS, urgent_rule))


def test_an_emergency_by_a_present_sign_is_settled():
    rule = [{"id": "x", "level": "emergency", "reason": "", "source": ""}]
    assert emergency_by_sign(TriageDecision("emergency", "", _MASS, rule))
    flag = [{"finding": "vomit_blood", "name": "", "condition": "GI bleed", "level": "emergency", "source": ""}]
    assert emergency_by_sign(TriageDecision("emergency", "", _MASS, [], flag))
    assert emergency_by_sign(TriageDecision("emergency", "", _MASS, self_harm=True))


def test_an_older_person_feeling_faint_is_asked_about_blood_loss_before_an_ambulance(lexical_engine):
    st = chat.new_state()
    st["age"], st["sex"] = 80, "female"
    st = chat.user_message(lexical_engine, st, "I feel faint")
    while st["pending"] and not st["finished"]:
        st = chat.answer(lexical_engine, st, "no")
    assert {"black_stool", "vomit_blood"} <= set(st["answers"])
    # denied throughout: not an ambulance (session 21c: urgent; since session 22 the denied hallmarks of the heart
    # attack and the lung clot count in full, and the remaining near-faint is routine: test_session22.py)
    assert chat._result(lexical_engine, st).triage in ("urgent", "routine")
