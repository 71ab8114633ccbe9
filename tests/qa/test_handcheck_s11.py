"""Fixes by cause from the s11 hand check (docs/evals/qa-s11), each in our own wordings, not the check's
questions: a page's own short name the terminology does not read ("flu"); a page word inside a longer symptom
phrase ("stings when I wee"); a complication coded under a condition's ICD-10-CM category is not that condition's
page; mild cognitive impairment is not dementia; a food asked about with one medicine; pregnancy before
breastfeeding (and the reverse) as the question names it; a --context id that names no page."""

from __future__ import annotations

import json

import pytest

from medcore.qa import service


def _ask(qa, q, context=None):
    settings, eng = qa
    return service.ask(settings, q, context, eng=eng)


def _text(ans) -> str:
    return " ".join(s.text for s in ans.sentences).lower()


@pytest.mark.parametrize("q", ["is there a jab against flu?", "how long does flu last"])
def test_flu_names_the_influenza_page(qa, q):
    ans = _ask(qa, q)
    assert not ans.refused and ans.topic[0]["id"] == "condition:influenza"


def test_a_page_name_inside_a_symptom_phrase_is_not_the_topic(qa):
    """'burns when I wee' is painful urination; the minor burn page must not be offered with the chat route."""
    ans = _ask(qa, "for two days it burns when I wee")
    assert ans.route == "symptom_chat"
    assert "condition:minor_burn" not in [t["id"] for t in ans.topic]
    assert "superficial burn" not in _text(ans)


def test_a_burn_is_still_a_burn(qa):
    ans = _ask(qa, "how should a small burn be treated?")
    assert ans.topic[0]["id"] == "condition:minor_burn" and not ans.refused


def test_a_complication_under_a_condition_code_is_not_that_page(qa):
    """Kidney damage from diabetes (E11.2x) shares only the word 'diabetic' with the type 2 diabetes page, which
    says nothing on kidneys: no answer from it."""
    ans = _ask(qa, "what are the early signs of diabetic nephropathy?")
    assert "condition:type2_diabetes" not in [t["id"] for t in ans.topic]
    assert "thirst" not in _text(ans)
    # nor a list of the conditions diabetes is a risk for: the graph read "known diabetes" in the words
    assert ans.refused and "risk factor" not in _text(ans)


def test_a_symptom_question_still_lists_its_causes(qa):
    ans = _ask(qa, "what can cause dizziness?")
    assert not ans.refused and "dizz" in _text(ans)


def test_a_subcode_with_the_same_head_word_still_finds_its_page(qa):
    ans = _ask(qa, "what helps a tension headache?")
    assert ans.topic[0]["id"] == "condition:tension_headache"


def test_mild_cognitive_impairment_is_not_answered_from_the_dementia_page(qa):
    ans = _ask(qa, "what does mild cognitive impairment mean?")
    assert "condition:dementia" not in [t["id"] for t in ans.topic]
    assert "affects daily life" not in _text(ans)


def test_grapefruit_with_a_statin_is_answered_from_the_page(qa):
    ans = _ask(qa, "is grapefruit a problem with simvastatin tablets?")
    assert ans.question_type == "interaction" and "grapefruit" in _text(ans)
    assert all(s.source for s in ans.sentences)


def test_grapefruit_with_a_medicine_whose_page_says_nothing_on_it(qa):
    ans = _ask(qa, "can I eat grapefruit while on metformin?")
    assert "no checked information on grapefruit" in _text(ans)
    assert "metformin" in _text(ans) and not ans.route


def test_alcohol_with_sertraline_has_checked_advice_now(qa):
    ans = _ask(qa, "is a glass of wine ok when taking sertraline?")
    assert "alcohol" in _text(ans) and "no checked information" not in _text(ans)
    assert any("NHS" in s.source for s in ans.sentences)


@pytest.mark.parametrize("q,first", [
    ("is it safe to use ibuprofen in the last months of pregnancy?", "pregnant"),
    ("is ibuprofen safe to use when breastfeeding my baby?", "breastfeeding"),
])
def test_the_state_the_question_names_comes_first(qa, q, first):
    ans = _ask(qa, q)
    assert ans.question_type == "pregnancy"
    assert first in ans.sentences[0].text.lower()


def test_a_context_id_that_names_no_page_is_reported(settings, capsys):
    from medcore.qa.ask_commands import _ask as cli_ask
    from types import SimpleNamespace

    args = SimpleNamespace(question="how is it diagnosed?", context=json.dumps({"topics": ["condition:pleural_thickening"]}),
                           json=True)
    assert cli_ask(args, settings) == 0
    err = capsys.readouterr().err
    # (asthma, the s11 example, has had a general page since session 28, epilepsy since session 29)
    assert "condition:pleural_thickening" in err and "name no education page" in err
    assert service.unknown_context_topics(settings, {"topics": ["condition:asthma_exacerbation"]}) == []
