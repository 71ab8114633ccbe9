"""Session 29 platform review (helper qa29fix): the act-now cue ("what to do if someone has ...") must keep the
emergency advice. Own wordings, with the opposite cases.

- an emergency page's act-now answer opens with its call-an-ambulance line (a heart attack had read "Do not drive
  yourself" and the aspirin advice with no ambulance; a stroke "Note the time");
- a non-emergency page's act-now answer keeps its first aid first (no ambulance line invented);
- a situation with no page ("how can I help someone having a fit") keeps the symptom route that lists its
  emergencies, instead of a refusal; an unrelated "what to do if" stays refused."""

from __future__ import annotations

import pytest

from medcore.qa import service


def _ask(qa, q):
    settings, eng = qa
    return service.ask(settings, q, eng=eng)


def _first(ans) -> str:
    return next(s.text for s in ans.sentences if s.origin != "routing")


@pytest.mark.parametrize("q,then", [
    ("what should we do if grandad is having a heart attack", "drive"),
    ("what can I do if I believe my neighbour is having a stroke", "time"),
    ("first aid for someone with heatstroke", "cool"),
])
def test_emergency_page_leads_with_the_ambulance(qa, q, then):
    ans = _ask(qa, q)
    assert not ans.refused and ans.question_type == "treatment"
    assert "ambulance" in _first(ans).lower(), _first(ans)
    assert then in ans.answer.lower(), ans.answer  # the first aid still follows


@pytest.mark.parametrize("q,word", [
    ("what do I do if my little boy gets a nosebleed", "pinch"),
    ("what should you do when a panic attack starts", "breathing"),
])
def test_non_emergency_page_keeps_its_first_aid_first(qa, q, word):
    ans = _ask(qa, q)
    assert not ans.refused
    assert word in _first(ans).lower(), _first(ans)
    assert "ambulance" not in _first(ans).lower()


def test_definition_of_an_emergency_is_not_reordered(qa):
    ans = _ask(qa, "what exactly is a heart attack?")
    assert ans.question_type == "definition"
    assert "ambulance" not in _first(ans).lower(), _first(ans)


@pytest.mark.parametrize("q", ["how can I help a person who is having a fit", "what to do if my friend starts fitting"])
def test_no_page_situation_keeps_the_symptom_route(qa, q):
    ans = _ask(qa, q)
    assert not ans.refused, ans.answer
    assert "emergency" in ans.answer.lower(), ans.answer  # the graph's emergencies or the red-flag route


@pytest.mark.parametrize("q", ["what should I do if my bike gets a puncture", "what to do if the kettle stops working"])
def test_unrelated_what_to_do_is_refused(qa, q):
    assert _ask(qa, q).refused
