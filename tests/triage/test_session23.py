"""Session 23 (issue 12). (1) The interview asks about the known condition or treatment that makes a present
complaint an emergency (chemotherapy or sickle cell disease for a fever: NICE NG51, NICE CG151, NICE CG143):
the case trainer's neutropenic sepsis and acute chest syndrome patients were never asked and went urgent
(`medcore/triage/known_context.py`). (2) Words that unseen texts used for findings the KB has: repeated collapses,
the upper middle of the belly, pain boring through to the back, pain worse than the cut looks, a coin-sized
lithium battery, 'I drink pretty heavy'."""

from __future__ import annotations

import pytest

from medcore.triage import known_context
from tests.triage.test_session22 import _interview


def test_a_fever_asks_about_chemotherapy_and_sickle_cell_disease(kb):
    got = known_context.context_questions(kb, set(), {"fever"})
    assert {"chemo_recent", "sickle_cell_known"} <= set(got)
    # only what the person knows about themselves (a risk), never a sign or a course
    assert all(kb.finding(f).category == "risk" for f in got)
    # nothing is asked once answered, and a course finding starts no rule
    assert "chemo_recent" not in known_context.context_questions(kb, {"chemo_recent"}, {"fever"})
    assert known_context.context_questions(kb, set(), {"duration_under_1_day"}) == []


def test_the_interview_reaches_sickle_cell_disease_for_a_fever_and_goes_emergency(lexical_engine):
    st, res = _interview(lexical_engine, 28, "F", "I have had a fever for three days", yes={"sickle_cell_known"})
    assert "sickle_cell_known" in st["asked"]
    assert res.triage == "emergency"


def test_without_the_known_condition_a_fever_is_not_raised(lexical_engine):
    _, res = _interview(lexical_engine, 28, "F", "I have had a fever for three days")
    assert res.triage != "emergency"


@pytest.mark.parametrize("text,fid", [
    ("three abrupt collapses this week", "collapse"),
    ("she keeps collapsing", "collapse"),
    ("awful pain in the upper middle of my belly", "pain_epigastric"),
    ("the tummy pain bores straight through to my back", "pain_to_back"),
    ("the leg pain is way worse than the cut looks", "skin_pain_out_of_proportion"),
    ("my son swallowed a coin-sized lithium battery", "swallowed_battery"),
    ("I drink pretty heavy at weekends", "heavy_drinking"),
])
def test_unseen_wordings_are_read(lexical_engine, text, fid):
    _, ex = lexical_engine.read_text(text)
    assert any(m.finding_id == fid and m.present for m in ex.mentions), [(m.finding_id, m.present) for m in ex.mentions]


def test_a_swallowed_coin_battery_is_an_emergency_even_when_the_child_seems_fine(lexical_engine):
    r, _ = lexical_engine.one_shot("my 2 year old swallowed a coin sized lithium battery, he seems fine", age=2, sex="M")
    assert r.triage == "emergency"
