"""Session 8 (issue 16): a condition name used as an ordinary adjective before an object or remedy ("a cold
compress") is not a mention of the condition; and wordings whose question type was misread (set 5's dev misses,
reworded here in our own words, not the set's questions)."""

from __future__ import annotations

import pytest

from medcore.qa.understand import understand


@pytest.mark.parametrize("question,not_topic", [
    ("is a cold compress good for a bruised knee", "condition:common_cold"),
    ("would a cold flannel ease a sprained wrist", "condition:common_cold"),
    ("does drinking cold water help hiccups", "condition:common_cold"),
])
def test_an_adjective_before_an_object_is_not_the_condition(qa, question, not_topic):
    _, eng = qa
    u = understand(question, eng.finder, eng.classifier)
    assert not_topic not in [t.id for t in u.topics], u.to_dict()
    assert not_topic not in {m.concept_id for m in eng.finder.match(question)}


@pytest.mark.parametrize("question,topic", [
    ("I have caught a cold, what helps", "condition:common_cold"),
    ("how long does a cold last", "condition:common_cold"),
    ("what cream helps cold sores heal", "condition:cold_sores"),
])
def test_the_condition_itself_is_still_read(qa, question, topic):
    _, eng = qa
    u = understand(question, eng.finder, eng.classifier)
    assert u.topics and u.topics[0].id == topic, u.to_dict()


def test_hand_foot_and_mouth_without_disease(qa):
    _, eng = qa
    u = understand("do kids pass hand, foot and mouth to each other", eng.finder, eng.classifier)
    assert u.topics and u.topics[0].id == "condition:hand_foot_mouth", u.to_dict()


@pytest.mark.parametrize("question,qtype", [
    ("what increases your risk of a blood clot in the leg", "causes"),
    ("what makes some people get gallstones", "causes"),
    ("does eczema usually settle down as children get older", "prognosis"),
    ("which antibiotics should not be combined with warfarin", "interaction"),
    ("are there painkillers I should avoid while taking warfarin", "interaction"),
])
def test_question_types_from_set5_causes(qa, question, qtype):
    _, eng = qa
    u = understand(question, eng.finder, eng.classifier)
    assert u.question_type == qtype, u.to_dict()


def test_long_term_harm_asks_for_the_serious_side_effects_first(qa):
    _, eng = qa
    u = understand("is it dangerous to take ibuprofen every day for years", eng.finder, eng.classifier)
    assert u.question_type == "side_effect" and u.sections[:1] == ("side_effects_serious",), u.to_dict()


@pytest.mark.parametrize("question,qtype", [
    ("can amoxicillin be taken with food", "drug_use"),
    ("how can I lower my chances of a stroke", "prevention"),
])
def test_neighbouring_wordings_keep_their_type(qa, question, qtype):
    _, eng = qa
    u = understand(question, eng.finder, eng.classifier)
    assert u.question_type == qtype, u.to_dict()


@pytest.mark.parametrize("question", [
    "should I put a cold compress on a sprained ankle",
    "is it worth applying a warm compress to a stye",
    "can I use a hot water bottle for period pain",
])
def test_putting_a_remedy_on_it_asks_for_self_care(qa, question):
    _, eng = qa
    u = understand(question, eng.finder, eng.classifier)
    assert u.question_type == "treatment" and u.sections[:1] == ("self_care",), u.to_dict()
