"""Session 30 (helper qa30): emergencies described now open with the emergency line and the first aid of their own
page, with its source (choking, a cardiac arrest, a stroke's FAST signs, a fit that goes on, an overdose with no drug
named, severe bleeding: the first-aid pages of assets/kb/qa/first_aid.yaml where the chat has no condition); the
denial and past-time cues come from the knowledge layer's assertion profile `question`; general words read their
most common form with a note. Own wordings, with the opposite cases (definitions, histories, denials, neighbours)."""

from __future__ import annotations

import pytest

from medcore.knowledge.assertion_rules import load_rules
from medcore.qa import act_now, service

EMERG = ("999", "ambulance")


def _ask(qa, q):
    settings, eng = qa
    return service.ask(settings, q, eng=eng)


def _first(ans) -> str:
    return next(s.text for s in ans.sentences if s.origin != "routing")


@pytest.mark.parametrize("q,page", [
    ("my little boy is choking on a sweet", "condition:choking"),
    ("a woman in the cafe is choking and going red", "condition:choking"),
    ("what to do if someone is choking", "condition:choking"),
    ("my uncle has collapsed and is not breathing", "condition:cardiac_arrest"),
    ("what should we do if someone is unresponsive and not breathing", "condition:cardiac_arrest"),
    ("my grandad's mouth is drooping on one side", "condition:stroke"),
    ("her words are slurred and she seems confused", "condition:stroke"),
    ("my sister has been fitting for over five minutes", "condition:seizure_emergency"),
    ("he is having one seizure after another", "condition:seizure_emergency"),
    ("what to do when someone has a fit", "condition:seizure_emergency"),
    ("I think my cousin took an overdose of her tablets", "condition:overdose"),
    ("she has overdosed on her sleeping pills", "condition:overdose"),
    ("my son overdosed on heroin", "condition:opioid_overdose"),
    ("my partner cut his arm and is bleeding heavily", "condition:severe_bleeding"),
    ("blood is pouring from the wound on her head", "condition:severe_bleeding"),
    ("he has no EpiPen with him and his throat is swelling", "condition:anaphylaxis"),
    ("she hasn't got her inhaler and the asthma attack is not easing", "condition:severe_asthma_attack"),
])
def test_emergency_now_reads_its_page(q, page):
    assert act_now.happening_now(q) == page


@pytest.mark.parametrize("q", [
    "my little boy is choking on a sweet",
    "someone is unresponsive and not breathing normally",
    "there is blood everywhere and the bleeding won't stop",
    "what to do if someone's face droops and their speech is slurred",
    "a man at the bus stop is choking on his sandwich",
])
def test_emergency_now_opens_with_the_call_then_the_first_aid(qa, q):
    ans = _ask(qa, q)
    assert not ans.refused, ans.answer
    first = _first(ans).lower()
    assert any(w in first for w in EMERG), ans.answer
    kept = [s for s in ans.sentences if s.origin != "routing"]
    # the first aid follows: the page's own, or the chat's emergency block's "while you wait" lines from that page
    assert any(s.section in ("self_care", "while_you_wait") for s in kept), [s.section for s in kept]
    assert all(s.source for s in kept)


def test_a_choking_baby_gets_the_baby_first_aid_not_abdominal_thrusts(qa):
    ans = _ask(qa, "my baby is choking on a piece of apple")
    aid = " ".join(s.text for s in ans.sentences if s.section in ("self_care", "while_you_wait"))
    assert "baby under 1" in aid and "chest thrusts" in aid, ans.answer
    adult = _ask(qa, "my husband is choking at dinner")  # the neighbour: an adult gets the adult's back blows
    aid = " ".join(s.text for s in adult.sentences if s.section in ("self_care", "while_you_wait"))
    assert "shoulder blades" in aid and "baby under 1" not in aid, adult.answer


@pytest.mark.parametrize("q", [
    "what is choking?",
    "what is status epilepticus?",
    "what is an overdose?",
    "my son is not choking, he just has a cough",
    "my son choked on a sweet last year, is he ok now",
    "she had a seizure years ago and has been fine since",
    "my dad took an overdose years ago, how do I support him",
    "no bleeding now, the cut has closed",
    "he snores and sometimes stops breathing in his sleep",
    "my nose won't stop bleeding",
    "I have heavy bleeding during my period",
    "my dog is choking on a bone",
    "a seizure that lasted 2 minutes",
    "her throat is not swelling, just itchy skin",
    "he had a stroke in the past, can he drive?",
    "he was choking back tears at the funeral",
    "the new inhaler mask is fitting well",
])
def test_not_an_emergency_now(q):
    assert act_now.happening_now(q) is None


def test_an_unrelated_no_before_the_emergency_does_not_deny_it():
    """The old 25-character window read "no EpiPen and his" as a denial of the swelling (s29 left it)."""
    assert act_now.happening_now("he has no EpiPen and his throat is swelling") == "condition:anaphylaxis"
    # the neighbours: a denial of the swelling itself still denies it
    assert act_now.happening_now("there is no throat swelling") is None
    assert act_now.happening_now("he has no EpiPen and no tongue swelling") is None


def test_the_question_profile_is_the_lay_profile_plus_past_cues():
    lay, q = load_rules("lay"), load_rules("question")
    assert {p.pattern for c, _, p in lay.patterns if c != "family"} <= {p.pattern for _, _, p in q.patterns}
    assert any(cat == "family" for cat, _, _ in lay.patterns) and not any(c == "family" for c, _, _ in q.patterns)
    assert not any(cat == "historical" for cat, _, _ in lay.patterns)  # the chat's own reading is unchanged
    assert any(cat == "historical" for cat, _, _ in q.patterns)
    assert act_now.ASSERTION_PROFILE == "question"


def test_the_definition_of_choking_stays_a_definition(qa):
    ans = _ask(qa, "what is choking?")
    assert ans.page == "condition:choking" and "airway" in _first(ans)
    assert "999" in ans.answer  # the page's emergency line still shows, second


def test_every_first_aid_page_is_an_emergency_page_with_sourced_first_aid(pages):
    for cid in ("condition:choking", "condition:cardiac_arrest", "condition:severe_bleeding", "condition:overdose"):
        p = pages[cid]
        assert p.level == "emergency"
        assert p.section("when_to_get_help").passages[0].text.startswith("Emergency: call 999")
        assert p.section("self_care").passages and all(x.source for x in p.passages())


@pytest.mark.parametrize("q,page,note", [
    ("what is heat stroke?", "condition:heat_stroke", False),
    ("what is bronchitis?", "condition:acute_bronchitis", True),
    ("what is anaemia?", "condition:iron_deficiency_anaemia", True),
    ("what is a UTI?", "condition:cystitis", True),
    ("what is diabetes?", "condition:type2_diabetes", True),
    ("what to do if someone has a hypo", "condition:hypoglycaemia", False),
])
def test_general_words_read_their_page(qa, q, page, note):
    ans = _ask(qa, q)
    assert ans.page == page and not ans.refused, (ans.page, ans.note)
    said = any("in general" in s.text for s in ans.sentences if s.origin == "routing")
    assert said == note, ans.answer


@pytest.mark.parametrize("q,page", [
    ("what is a stroke?", "condition:stroke"),  # "stroke" alone keeps its page
    ("what is type 2 diabetes?", "condition:type2_diabetes"),
    ("what is a urine infection in a child?", "condition:uti_child"),
])
def test_general_words_neighbours_keep_their_page(qa, q, page):
    ans = _ask(qa, q)
    assert ans.page == page, (ans.page, ans.note)
    assert not any("in general" in s.text for s in ans.sentences if s.origin == "routing"), ans.answer


def test_gestational_diabetes_is_not_read_as_type_2(qa):
    ans = _ask(qa, "what is gestational diabetes?")
    assert ans.page != "condition:type2_diabetes" or ans.refused


def test_the_chats_emergency_block_shows_the_situations_own_first_aid(qa):
    """Said in the first person the chat's emergency block answers; its "while you wait" lines are now the choking
    page's (they had been none, under a heart attack's reasons). The neighbour: a collapse keeps the life-support
    lines, whatever the situation's page."""
    ans = _ask(qa, "help, my husband is choking and can't breathe")
    assert ans.route == "emergency" and ans.emergency["kind"] == "red_flag"
    waiting = ans.emergency["while_waiting"]
    assert waiting and all("choking" in w["source"] for w in waiting), waiting
    collapsed = _ask(qa, "my grandad has collapsed in the garden and he isn't breathing right")
    assert collapsed.emergency["while_waiting"][0]["source"].startswith("Resuscitation Council UK: adult basic life")
