"""Session 15s (triage15s): audit-s15 issue 12 findings and general causes from the spent s15 set. Every sentence here
was written for these tests: "fit" as a verb or adjective is no seizure (only the noun: "had a fit", "fitting"),
period pain told as tummy pain (NICE CKS Dysmenorrhoea), and a painful shoulder or wrist keeps its site (NICE CKS
Shoulder pain; a wrist after a fall is a scaphoid fracture until shown otherwise)."""

from __future__ import annotations

import pytest


def _present(engine, text) -> set[str]:
    _, ex = engine.read_text(text)
    return {f for f, v in ex.evidence().items() if v}


def _ranked(engine, text, age, sex) -> list[str]:
    result, _ = engine.one_shot(text, age, sex)
    return [d.id for d in result.differential]


@pytest.mark.parametrize("text", [
    "my old shoes no longer fit and my ankles are swollen",
    "my wedding ring does not fit any more",
    "I get fits of giggles and now my chest hurts when I laugh",
    "these ill-fitting boots rub my heel",
])
def test_fit_as_a_verb_or_adjective_is_no_seizure(lexical_engine, text):
    assert "seizure" not in _present(lexical_engine, text)


@pytest.mark.parametrize("text", [
    "he had a fit this morning", "she has been having fits", "he was fitting for two minutes",
    "my son had a febrile fit", "my dad took a fit and was shaking", "she had 2 fits today",
])
def test_a_fit_as_a_noun_is_still_a_seizure(lexical_engine, text):
    assert "seizure" in _present(lexical_engine, text)


def test_bad_tummy_cramps_with_a_period_are_period_pain_first(lexical_engine):
    text = "really bad cramping tummy pain with my period"
    assert {"period_pain", "abdominal_pain"} <= _present(lexical_engine, text)
    assert _ranked(lexical_engine, text, 19, "F")[0] == "dysmenorrhoea"


def test_shoulder_pain_after_lifting_is_a_shoulder_problem_not_low_back_pain(lexical_engine):
    text = "my shoulder pain started after lifting boxes"
    assert "shoulder_pain" in _present(lexical_engine, text)
    top = _ranked(lexical_engine, text, 40, "M")
    assert top[0] == "rotator_cuff" and "mechanical_back_pain" != top[0]


def test_a_sore_wrist_after_a_fall_lists_a_scaphoid_fracture(lexical_engine):
    text = "sore wrist after a fall"
    assert {"wrist_pain", "fall_injury"} <= _present(lexical_engine, text)
    assert "scaphoid_fracture" in _ranked(lexical_engine, text, 40, "M")[:3]


def test_falling_asleep_is_no_fall(lexical_engine):
    assert "fall_injury" not in _present(lexical_engine, "I fell asleep on the sofa and woke with a headache")


def test_a_shoulder_or_wrist_site_is_still_a_joint_pain(lexical_engine):
    for text in ("my shoulder hurts", "sore wrist"):
        _, ex = lexical_engine.read_text(text)
        ev = lexical_engine.closure({k: "yes" if v else "no" for k, v in ex.evidence().items()})
        assert ev.get("joint_pain") is True, text
