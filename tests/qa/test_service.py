"""Routing and answers through service.ask: emergencies first, symptom chat, planner, refusal, interactions
from the planner's rules (with their source), follow-ups, and the CLI's JSON."""

from __future__ import annotations

import json

from medcore.qa import service
from medcore.qa.answer import NO_INFO
from medcore.triage.rules import LEVEL_TEXT


def _ask(qa, q, context=None):
    settings, eng = qa
    return service.ask(settings, q, context, eng=eng)


def test_emergency_is_answered_first_with_the_chats_emergency_text(qa):
    for q in ("I have had crushing chest pain for an hour", "my dad's face is drooping and he can't lift his arm",
              "I took 40 paracetamol tablets an hour ago"):
        a = _ask(qa, q)
        assert a.route == "emergency", (q, a.to_dict())
        assert a.sentences[0].text.startswith(LEVEL_TEXT["emergency"]) and a.answer.startswith(LEVEL_TEXT["emergency"])
        assert all(s.source for s in a.sentences)
        assert any(link["target"] == "symptom_chat" for link in a.links)


def test_suicidal_thoughts_get_the_crisis_resources(qa):
    settings, eng = qa
    a = _ask(qa, "I want to kill myself")
    assert a.route == "emergency" and a.emergency["kind"] == "crisis"
    assert a.sentences[0].text == eng.triage.kb.crisis["text"]
    assert any("988" in s.text for s in a.sentences)


def test_a_general_question_about_a_red_flag_is_no_emergency(qa):
    a = _ask(qa, "what are the symptoms of a stroke")
    assert a.route is None and a.question_type == "symptoms" and a.topic[0]["id"] == "condition:stroke"
    assert a.sentences and not a.refused


def test_own_symptoms_go_to_the_symptom_chat(qa):
    a = _ask(qa, "I have had a sore throat and a temperature for 2 days")
    assert a.route == "symptom_chat"
    assert any(link["target"] == "symptom_chat" for link in a.links)


def test_a_dose_for_a_particular_child_goes_to_the_planner(qa):
    a = _ask(qa, "how much ibuprofen can I give my 4 year old who weighs 15 kg")
    assert a.route == "planner" and a.topic[0]["id"] == "drug:ibuprofen"
    assert any(link["target"] == "planner" for link in a.links)
    assert not any("mg" in s.text and s.section == "routing" for s in a.sentences)  # no dose of our own


def test_outside_our_content_we_say_so(qa):
    for q in ("what is the capital of France", "how do I fix my car's gearbox"):
        a = _ask(qa, q)
        assert a.refused and a.answer == NO_INFO and not a.sentences and a.route is None


def test_interaction_is_answered_from_the_planners_rules_with_source(qa):
    a = _ask(qa, "can I take ibuprofen with warfarin?")
    assert a.question_type == "interaction" and not a.refused
    s = a.sentences[0]
    assert "major" in s.text and "ibuprofen" in s.text.lower() and "warfarin" in s.text.lower()
    assert s.source  # the rule's own citation, as the planner shows it
    assert s.origin == "therapy_kb"


def test_answers_cite_every_sentence_and_link_the_page(qa):
    a = _ask(qa, "how is gout treated?")
    assert a.route is None and a.question_type == "treatment" and a.topic[0]["id"] == "condition:gout"
    assert a.topic[0]["codes"]["icd10cm"]
    assert a.sentences and all(s.source and s.page == "condition:gout" for s in a.sentences)
    assert {"kind": "page", "target": "condition:gout", "label": "Read the full page"} in a.links
    assert a.machine_generated and 0 < a.confidence <= 1


def test_follow_up_keeps_the_topic(qa):
    first = _ask(qa, "what is shingles")
    a = _ask(qa, "and how is it treated?", first.context())
    assert a.topic[0]["id"] == "condition:shingles" and a.question_type == "treatment" and not a.refused


def test_empty_question_is_refused_plainly(qa):
    import pytest

    with pytest.raises(ValueError, match="type a question"):
        _ask(qa, "   ")


def test_cli_json_shape(settings, capsys):
    from medcore.cli import main

    assert main(["ask", "what is gout", "--json"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert {"answer", "sentences", "topic", "question_type", "route", "confidence"} <= set(d)
    assert d["route"] is None and d["question_type"] == "definition"
    assert d["topic"][0]["id"] == "condition:gout" and "icd10cm" in d["topic"][0]["codes"]
    assert all(s["source"] for s in d["sentences"])
    assert main(["ask", "and is it contagious?", "--context", json.dumps(d["context"]), "--json"]) == 0
    d2 = json.loads(capsys.readouterr().out)
    assert d2["topic"][0]["id"] == "condition:gout" and d2["question_type"] == "contagion"
    assert main(["ask", "what is gout", "--context", "[1, 2]"]) == 2
    assert "JSON object" in capsys.readouterr().err


def test_a_symptom_question_lists_conditions_from_the_graph_with_sources(qa):
    a = _ask(qa, "what causes chest pain")
    assert a.route is None and not a.refused and a.question_type == "causes"
    causes = [s for s in a.sentences if s.section == "causes"]
    assert causes and all(s.source and s.origin == "graph" for s in causes)
    assert "Heart attack" in causes[0].text  # the most urgent first
    assert any(link["target"] == "symptom_chat" for link in a.links)


def test_a_named_subtype_is_not_answered_from_the_broader_page(qa):
    a = _ask(qa, "What are the symptoms of familial hemiplegic migraine?")
    assert a.refused and "Migraine" in a.note
    assert a.links[0]["target"] == "condition:migraine"  # the general page is offered, not passed off as the answer
    assert not _ask(qa, "What is the primary treatment for gout?").refused


def test_prevalence_and_research_questions_are_refused_with_the_page_offered(qa):
    for q in ("How many people are affected by gout?", "What research is being done for migraine?"):
        a = _ask(qa, q)
        assert a.refused and a.answer == NO_INFO and a.links[0]["kind"] == "page"


def test_contagion_is_answered_from_the_how_it_spreads_section(qa):
    a = _ask(qa, "is shingles contagious")
    assert not a.refused and a.question_type == "contagion" and a.topic[0]["id"] == "condition:shingles"
    assert a.sentences[0].section == "contagion" and "chickenpox" in a.answer
    assert all(s.source.startswith("NHS") for s in a.sentences)


def test_an_empty_section_is_answered_with_the_pages_safety_advice(qa):
    settings, eng = qa
    a = _ask(qa, "is gout contagious")  # gout has no contagion facts: say so, then when to get help
    assert not a.refused and a.topic[0]["id"] == "condition:gout"
    assert "no checked information on how it spreads" in a.sentences[0].text
    assert [s.section for s in a.sentences[1:]] and all(s.section == "when_to_get_help" for s in a.sentences[1:])
    assert a.sentences[1].text == f"{LEVEL_TEXT[eng.pages['condition:gout'].level]}."
    # an emergency condition whose prevention section is empty answers with its emergency advice, never self-care.
    # Session 11 filled every condition's prevention, so the empty section is made on a copy of one page.
    import copy
    import dataclasses

    from medcore.qa.service import _safety_fallback

    page = copy.deepcopy(eng.pages["condition:bowel_obstruction"])
    page.section("prevention").passages.clear()
    page.section("prevention").missing = "We do not yet have checked information on how to prevent this condition."
    assert page.level == "emergency" and page.section("self_care").passages
    fake = dataclasses.replace(eng, pages={**eng.pages, page.concept_id: page})
    b = _safety_fallback(fake, page.concept_id, ("prevention",), 3)
    assert b[0].text == page.section("prevention").missing
    assert b[1].section == "when_to_get_help" and b[1].text.startswith(LEVEL_TEXT["emergency"])
    assert "self_care" not in {s.section for s in b}


def test_a_type_a_drug_page_has_no_section_for_is_answered_from_the_page_not_its_safety_lines(qa):
    a = _ask(qa, "which illnesses does metformin treat")  # read as treatment: drug pages have no such section
    assert not a.refused and a.topic[0]["id"] == "drug:metformin"
    assert a.sentences[0].section == "used_for"


def test_a_how_to_take_wording_reads_the_how_to_take_section_first(qa):
    for q in ("should metformin be taken with food", "what do I do if I forget a dose of amlodipine"):
        a = _ask(qa, q)
        assert a.question_type == "drug_use" and a.sentences[0].section == "how_to_take", (q, a.to_dict())
    b = _ask(qa, "what is metformin used for")
    assert b.sentences[0].section == "used_for"


def test_a_cancer_page_is_never_chosen_by_name_similarity_alone(qa):
    """Safety: "kidneys failing slowly" names no topic; the nearest page by name was kidney cancer. A cancer page
    is answered from only when the question itself raises cancer; otherwise the question is refused."""
    a = _ask(qa, "how do you find out if your kidneys are failing slowly")
    assert "cancer" not in (a.page or "") and "cancer" not in a.answer.lower()
    settings, eng = qa
    cancer = next(cid for cid, c in eng.covered.items() if "cancer" in c.name.lower())
    assert service._serious_unasked(eng, cancer, "how do you find out if your kidneys are failing slowly")
    assert not service._serious_unasked(eng, cancer, "could this lump be a tumour")


def test_a_risk_factor_is_not_called_a_sign_of_the_conditions_it_is_listed_for(qa):
    """'what does smoking lead to' once read 'Smoker can be a sign of a leaking aortic aneurysm'."""
    a = _ask(qa, "what does smoking lead to")
    content = [s for s in a.sentences if s.section != "routing"]
    assert content and all("risk factor" in s.text and "sign of" not in s.text for s in content), a.to_dict()
    assert all(s.source and s.origin == "graph" for s in content)
    b = _ask(qa, "what causes chest pain")  # a symptom still lists what it can be a sign of
    assert any("can be a sign of" in s.text for s in b.sentences)
