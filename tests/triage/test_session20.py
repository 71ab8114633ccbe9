"""Session 20 (issue 12): real-input readings of the symptom chat. Sentences are our own words.

- the vagina named with 'the' is read as with 'my' ('her' already reads as 'my'): vaginal bleeding;
- the clinical abbreviation SOB (knowledge/abbreviations.yaml) is shortness of breath only when written in capitals:
  'sob' / 'sobbing' is crying; 'SOB at rest' is breathlessness at rest, as 'breathless at rest' already was;
- nearly passing out on standing up is light-headedness on standing ('stood' folds to 'stand'), not a collapse, and
  is no emergency on its own (NICE CG109); light-headed on standing implies dizziness (findings.yaml implies)."""

from __future__ import annotations

import pytest

from tests.triage.nlu_reading import evidence as _ev


@pytest.mark.parametrize("text", ["bleeding from the vagina", "there is blood from the vagina",
                                  "she has bleeding from her vagina"])
def test_vagina_with_any_determiner_is_vaginal_bleeding(lex, text):
    assert _ev(lex, text).get("vaginal_bleeding") is True


@pytest.mark.parametrize("text", ["I get SOB walking to the shop", "SOB since yesterday, worse today"])
def test_sob_in_capitals_is_shortness_of_breath(lex, text):
    assert _ev(lex, text).get("breathless") is True


def test_sob_at_rest_is_breathlessness_at_rest(lex):
    got = _ev(lex, "SOB at rest since this morning")
    assert got.get("breathless_severe") is True


@pytest.mark.parametrize("text", ["I sob every evening since my dad died", "I keep sobbing and can't sleep",
                                  "Sob, sob, I feel so low"])
def test_sob_in_lower_case_is_crying_not_breathlessness(lex, text):
    got = _ev(lex, text)
    assert "breathless" not in got and "breathless_severe" not in got


def test_only_unambiguous_long_capital_abbreviations_are_expanded(lex):
    # one home: the knowledge layer's abbreviations.yaml; two-letter capitals ('HA') and cue-dependent senses ('OD')
    # stay unread, so 'HA HA' is no headache
    assert lex.capitals is not None
    table = lex.capitals[1]
    assert table["SOB"][0] == "shortness of breath"
    # two letters only where the entry opts in for the chat (session 24b: 'CP'); 'HA' and 'OD' stay unread
    assert all(len(a) >= 3 or a == "CP" for a in table) and "OD" not in table and "HA" not in table
    # symptoms only: a history abbreviation told of a relative ("Father had T2DM") is not the patient's diabetes
    assert "T2DM" not in table and "diabetes_known" not in _ev(lex, "Father had T2DM.")
    assert "headache" not in _ev(lex, "HA HA very funny")


@pytest.mark.parametrize("text", ["I nearly passed out when I stood up", "I almost fainted when I stood up",
                                  "I nearly fainted when I stand up quickly"])
def test_near_faint_on_standing_is_lightheaded_standing_not_collapse(lex, text):
    got = _ev(lex, text)
    assert got.get("lightheaded_standing") is True
    assert "collapse" not in got


def test_near_faint_on_standing_is_no_emergency(lexical_engine):
    res, _ = lexical_engine.one_shot("I nearly passed out when I stood up", age=35, sex="M")
    assert res.triage != "emergency"
    assert res.differential[0].id == "vasovagal_syncope"
    # light-headed on standing is dizziness too (findings.yaml implies): a condition's dizziness still counts
    assert {"id": "dizziness", "present": True, "origin": "implied"}.items() <= next(
        f for f in res.findings if f["id"] == "dizziness").items()
