"""Session 29 review fixes (helper qa29b): a question that describes an emergency happening now opens with the
emergency page's own "Emergency: call an ambulance" line and its first aid, with the page's sources. Own wordings,
with the opposite cases (a definition, a dose question, a controlled asthma, a history, a denial)."""

from __future__ import annotations

import pytest

from medcore.qa import act_now, service


def _ask(qa, q):
    settings, eng = qa
    return service.ask(settings, q, eng=eng)


def _first(ans) -> str:
    return next(s.text for s in ans.sentences if s.origin != "routing")


@pytest.mark.parametrize("q,page,then", [
    ("my little girl is having an anaphylactic reaction to cashew nuts", "condition:anaphylaxis", "adrenaline"),
    ("grandpa got stung by a bee and his tongue is swelling up", "condition:anaphylaxis", "adrenaline"),
    ("she's going into anaphylaxis after the prawn curry", "condition:anaphylaxis", "adrenaline"),
    ("my asthma attack is not getting better even with the blue inhaler", "condition:severe_asthma_attack", "puff"),
    ("dad is wheezing badly and his reliever isn't helping at all", "condition:severe_asthma_attack", "puff"),
    ("my flatmate swallowed too many paracetamol tablets an hour ago", "condition:paracetamol_overdose", "packet"),
    ("I think my teenager took an overdose of paracetamol", "condition:paracetamol_overdose", "packet"),
    ("paracetamol overdose, what do we do", "condition:paracetamol_overdose", "packet"),
])
def test_emergency_now_opens_with_the_ambulance(qa, q, page, then):
    ans = _ask(qa, q)
    assert not ans.refused, ans.answer
    assert "ambulance" in ans.answer.lower().split(".")[0] or "emergency" in ans.answer.lower().split(".")[0], ans.answer
    if page is not None:
        assert ans.page == page
        assert _first(ans).startswith("Emergency: call an ambulance"), _first(ans)
        assert then in ans.answer.lower(), ans.answer  # the page's own first aid follows
        assert all(s.source for s in ans.sentences if s.origin != "routing")


@pytest.mark.parametrize("q", [
    "what is anaphylaxis?",
    "how much paracetamol can I take?",
    "my asthma is well controlled with the blue inhaler",
    "my son had anaphylaxis to peanuts two years ago, can he have the flu jab",
    "she has hives but no tongue swelling",
    "what does a paracetamol overdose do to the liver",
    "my blue inhaler works well when I exercise",
])
def test_not_an_emergency_now(q):
    assert act_now.happening_now(q) is None


def test_dose_question_is_not_an_overdose(qa):
    ans = _ask(qa, "how much paracetamol can I take?")
    assert "ambulance" not in ans.answer.lower()


def test_controlled_asthma_is_no_emergency(qa):
    ans = _ask(qa, "my asthma is well controlled with the blue inhaler")
    assert "ambulance" not in ans.answer.lower(), ans.answer


def test_definition_of_anaphylaxis_stays_a_definition(qa):
    ans = _ask(qa, "what is anaphylaxis?")
    assert ans.question_type == "definition" and ans.page == "condition:anaphylaxis"
    assert "allergic" in _first(ans).lower()
    assert "ambulance" in ans.answer.lower(), ans.answer  # the page's emergency line still shows, second


def test_overdose_keeps_the_page_get_help_line(qa):
    ans = _ask(qa, "overdose of paracetamol")
    assert ans.page == "condition:paracetamol_overdose"
    assert "even if you feel well" in ans.answer, ans.answer
