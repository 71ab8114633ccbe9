"""Fixes by cause from the s10 hand check (docs/evals/qa-handcheck-s10), each in our own wordings, not the
check's questions: a self-harm statement without the usual words; an emergency the symptom chat rates by its
differential with no single rule; drinking alcohol with a medicine; a short form in capitals in a title's aside;
treatment answers that were only a level line and pre-diagnosis self-care."""

from __future__ import annotations

import pytest

from medcore.qa import service
from medcore.qa.understand import aside_abbreviations, understand


def _ask(qa, q, context=None):
    settings, eng = qa
    return service.ask(settings, q, context, eng=eng)


def _text(ans) -> str:
    return " ".join(s.text for s in ans.sentences).lower()


@pytest.mark.parametrize("q", [
    "honestly I do not want to be alive any more",
    "tonight I might just swallow all my pills",
])
def test_a_self_harm_statement_gets_the_crisis_help(qa, q):
    ans = _ask(qa, q)
    assert ans.route == "emergency" and not ans.refused
    assert ans.emergency is not None and ans.emergency["kind"] == "crisis"


def test_an_emergency_rated_by_the_differential_is_answered_as_one(qa):
    """The chat rates this an emergency from its differential (no rule names a reason); the answer used to be
    the symptom-chat route."""
    ans = _ask(qa, "I've got a crushing pain in my chest and it goes into my left arm")
    assert ans.route == "emergency"
    assert ans.sentences[0].text.lower().startswith("emergency")
    assert any("heart attack" in s.text.lower() for s in ans.sentences)


def test_alcohol_with_a_medicine_reads_the_drug_page(qa):
    ans = _ask(qa, "am I allowed a beer or two when I'm on metronidazole")
    t = _text(ans)
    assert "alcohol" in t and "disulfiram" not in t and "warfarin" not in t
    assert ans.sentences[0].source.startswith("NHS Medicines A-Z")
    assert ans.sentences[0].section == "interactions"  # the page keeps its alcohol advice with the interactions


def test_alcohol_answers_keep_whole_passages(qa):
    """A sentence such as 'Alcohol makes this worse' comes with the sentence it refers to."""
    ans = _ask(qa, "is a glass of wine alright with gabapentin")
    texts = [s.text for s in ans.sentences]
    i = next(i for i, t in enumerate(texts) if t.lower().startswith("alcohol makes this worse"))
    assert any("sleepy" in t.lower() for t in texts[:i])


def test_alcohol_with_a_medicine_whose_page_says_nothing_says_so(qa):
    ans = _ask(qa, "can I have wine while taking amoxicillin?")
    t = _text(ans)
    assert "no checked information on drinking alcohol" in t
    assert "interaction" not in t  # not the drug-drug list


@pytest.mark.parametrize("title,short", [
    ("Low platelets (immune thrombocytopenia, ITP)", ["ITP"]),
    ("Premenstrual syndrome (PMS)", ["PMS"]),
    ("Inflamed eyelid margins (blepharitis)", []),
    ("Possible leukaemia (urgent blood test)", []),
])
def test_aside_abbreviations(title, short):
    assert aside_abbreviations(title) == short


@pytest.mark.parametrize("question,topic", [
    ("my sister was told she has ITP, what is that", "condition:itp"),
    ("does PMS get worse with age", "condition:pms"),
    ("my son's hip hurts, could it be SUFE", "condition:scfe"),
])
def test_a_short_form_in_capitals_names_its_page(qa, question, topic):
    _, eng = qa
    u = understand(question, eng.finder, eng.classifier)
    assert u.topics and u.topics[0].id == topic, u.to_dict()


def test_a_short_form_needs_capitals(qa):
    _, eng = qa
    assert not any(t.id == "condition:pms" for t in eng.finder.find("what do pms mean in a text"))
    assert not eng.finder.find("WHAT IS ITP")  # a shouted question: every word looks like a short form


def test_pernicious_anaemia_treatment_is_b12_replacement_not_diet(qa):
    t = _text(_ask(qa, "how do doctors treat pernicious anaemia"))
    assert "injection" in t
    assert not t.startswith("eat")


def test_a_possible_cancer_treatment_answer_names_the_specialist_team(qa):
    t = _text(_ask(qa, "how is lung cancer treated"))
    assert "specialist" in t and "pharmacist" not in t


def test_an_emergency_condition_treatment_starts_in_hospital(qa):
    ans = _ask(qa, "how do they treat a heart attack")
    assert "hospital" in ans.sentences[0].text.lower()


def test_none_specific_self_care_is_not_read_out(pages):
    sc = pages["condition:ibd"].section("self_care")
    assert sc is None or not any(p.text.lower().startswith("none specific") for p in sc.passages)


def test_being_pregnant_is_a_state_not_a_symptom_to_check(qa):
    """A medicine question from someone pregnant is answered, not sent to the symptom chat."""
    ans = _ask(qa, "I'm expecting a baby in the spring, can I still use paracetamol?")
    assert ans.route is None and ans.question_type == "pregnancy"
    assert "pregnan" in _text(ans)


def test_a_pregnancy_symptom_still_goes_to_the_chat(qa):
    ans = _ask(qa, "I'm pregnant and have had a headache all day")
    assert ans.route in ("symptom_chat", "emergency")
