"""Triage levels checked against the condition's own cited source (issue 12, session 9c; docs/triage_levels.md:
emergency is 'go to an emergency department now')."""

from __future__ import annotations

import pytest


def test_acute_urinary_retention_is_an_emergency_as_its_source_says(kb):
    # NHS.uk 'Urinary retention': cannot pee at all -> A&E; EAU: drain the bladder by catheter at once
    c = kb.conditions[kb.condition_index["acute_urinary_retention"]]
    assert c.triage == "emergency"
    assert "NHS.uk" in c.source and "A&E" in c.source
    assert "emergency department now" in c.education["seek_help"]


def test_cannot_pass_urine_is_triaged_emergency(lexical_engine):
    res, _ = lexical_engine.one_shot("I'm 82 and I haven't been able to pass urine at all since last night, "
                                     "my lower tummy is tight and sore", age=82, sex="M")
    assert res.triage == "emergency"
    assert res.differential[0].id == "acute_urinary_retention"


@pytest.mark.parametrize("text", ["I have not been able to pass any water since this morning",
                                  "He can't pass water and his bladder feels full"])
def test_not_passing_water_is_retention(lexical_engine, text):
    _, ex = lexical_engine.read_text(text)
    assert ex.evidence().get("urinary_retention") is True


def test_passing_water_normally_is_not_retention(lexical_engine):
    _, ex = lexical_engine.read_text("I pass water normally, it just stings a bit")
    assert ex.evidence().get("urinary_retention") is not True
