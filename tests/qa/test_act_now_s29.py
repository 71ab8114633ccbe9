"""Session 29 (platform): "what to do in an attack / if someone has ..." asks what to do now. Its self-care,
treatment and when-to-get-help passages are ranked together by the situation's words, so the attack or first-aid
advice comes first wherever the page keeps it. Before, "what to do in an asthma attack?" read the first treatment
passage (inhalers in general) and "what to do if someone has a seizure?" the definition. Own wordings."""

from __future__ import annotations

import pytest

from medcore.qa import service


def _ask(qa, q):
    settings, eng = qa
    return service.ask(settings, q, eng=eng)


def _first(ans) -> str:
    return next(s.text for s in ans.sentences if s.origin != "routing")


@pytest.mark.parametrize("q", ["what to do in an asthma attack?", "What should we do during an asthma attack",
                               "what do you do if someone has an asthma attack"])
def test_asthma_attack_reads_the_attack_advice(qa, q):
    ans = _ask(qa, q)
    assert not ans.refused and ans.question_type == "treatment"
    assert _first(ans).startswith("In an asthma attack"), _first(ans)
    assert "Inhalers are the main treatment" not in ans.answer


@pytest.mark.parametrize("q,word", [
    ("what to do if someone has a seizure?", "recovery position"),
    ("what to do in a panic attack", "breathing"),
    ("how to help someone with a nosebleed", "pinch"),
])
def test_first_aid_comes_first(qa, q, word):
    ans = _ask(qa, q)
    assert not ans.refused
    # an emergency page's ambulance line leads (review s29, tests/qa/test_review_s29.py); the first aid comes next
    advice = next(s.text for s in ans.sentences if s.origin != "routing" and s.section != "when_to_get_help")
    assert word in advice.lower(), advice


@pytest.mark.parametrize("q,start", [
    ("how do you treat asthma?", "Inhalers are the main treatment"),  # treatment in general keeps page order
    ("what is asthma?", "Asthma is a common long-term condition"),
])
def test_other_questions_keep_their_reading(qa, q, start):
    assert _first(_ask(qa, q)).startswith(start)


@pytest.mark.parametrize("q", ["what to do if you forget to take your amlodipine",
                               "what to do if I missed a dose of metformin"])
def test_a_medicine_question_is_not_an_act_now_question(qa, q):
    assert _ask(qa, q).question_type == "drug_use"


def test_an_attack_happening_to_the_asker_is_still_an_emergency(qa):
    ans = _ask(qa, "what do I do, I'm having an asthma attack and my lips are going blue")
    assert ans.route == "emergency"


def test_together_ranking_unit():
    """Index.in_page(together=True): the wanted sections as one list by words, an earlier section weighing more;
    with no word matching, section order."""
    from medcore.qa.model import EducationPage, Passage, Section
    from medcore.qa.retrieve import docs_from_pages, Index

    page = EducationPage("condition:x", "condition", "X", {}, [
        Section("self_care", "Self care", [Passage("Keep warm and rest.", "s", "curated", ())]),
        Section("treatment", "Treatment", [Passage("Tablets help most people.", "s", "curated", ()),
                                           Passage("During a flare, sit up and use the spray.", "s", "curated", ())]),
    ])
    docs, cards = docs_from_pages({"condition:x": page})
    idx = Index(docs, cards, None, None)
    got = [s.doc.text for s in idx.in_page("condition:x", "flare", ("self_care", "treatment"), k=3,
                                           together=True)]
    assert got[0].startswith("During a flare")
    got = [s.doc.text for s in idx.in_page("condition:x", "zzz", ("self_care", "treatment"), k=3, together=True)]
    assert got[0] == "Keep warm and rest."
