"""Session 28 (platform hands-on): a question about a condition in general is answered from a page on it, or
says which related page answers it.

- "what is asthma?" had read the asthma flare-up page's definition (the general concept reached that page only
  through its ICD-10-CM code): asthma now has a general page (assets/kb/qa/overviews.yaml) covering the flare-up
  and the severe attack, while a flare-up question keeps the flare-up page;
- a page named by the asked word comes before one that only shares the word's code ("cystitis" had read the
  child-UTI page, N39.0 through the terminology's urinary tract infection);
- any answer from a page reached only through a code says so first ("gallstones", "ulcerative colitis"), and
  one from the asked condition's own page does not.
Own wordings throughout."""

from __future__ import annotations

import pytest

from medcore.qa import service


def _ask(qa, q):
    settings, eng = qa
    return service.ask(settings, q, eng=eng)


def _routing(ans) -> list[str]:
    return [s.text for s in ans.sentences if s.origin == "routing"]


@pytest.mark.parametrize("q", ["what is asthma?", "Asthma - what actually is it", "tell me about asthma",
                               "what causes asthma in children?"])
def test_asthma_in_general_reads_the_general_page(qa, q):
    ans = _ask(qa, q)
    assert not ans.refused
    assert ans.topic[0]["id"] == "condition:asthma"
    text = ans.answer.lower()
    assert "getting worse over hours" not in text  # the flare-up page's definition
    assert not _routing(ans)


def test_asthma_definition_is_the_long_term_condition(qa):
    ans = _ask(qa, "what is asthma?")
    assert "long-term" in ans.answer and "airways" in ans.answer


@pytest.mark.parametrize("q", ["what is an asthma flare-up?", "how long does an asthma flare up last"])
def test_a_flare_up_question_keeps_the_flare_up_page(qa, q):
    ans = _ask(qa, q)
    assert ans.topic[0]["id"] == "condition:asthma_exacerbation"


def test_the_general_asthma_page_carries_the_chat_warning_signs(qa):
    ans = _ask(qa, "when should I go to hospital with asthma?")
    assert not ans.refused and ans.topic[0]["id"] == "condition:asthma"
    assert "call an ambulance" in ans.answer.lower()  # the severe attack's level, from the symptom chat


@pytest.mark.parametrize("q,page", [
    ("what is cystitis?", "condition:cystitis"),
    ("can men get cystitis?", "condition:cystitis"),
    ("what is COPD?", "condition:chronic_obstructive_pulmonary_disease"),
    ("what is gout?", "condition:gout"),
    ("what is gastroenteritis?", "condition:gastroenteritis"),
])
def test_the_asked_words_own_page(qa, q, page):
    ans = _ask(qa, q)
    assert ans.topic[0]["id"] == page
    assert not _routing(ans)  # its own page: nothing to explain


@pytest.mark.parametrize("q,asked,page", [
    ("what are gallstones?", "gallstones", "condition:biliary_colic"),
    ("what is ulcerative colitis?", "ulcerative colitis", "condition:ibd"),
])
def test_a_page_reached_by_code_says_it_is_a_related_page(qa, q, asked, page):
    ans = _ask(qa, q)
    assert not ans.refused
    lead = _routing(ans)
    assert lead and lead[0].startswith(f"We have no page on {asked} itself")
    assert ans.topic[0]["id"] == page
    assert ans.sentences[0].origin == "routing" and len(ans.sentences) > 1  # the note, then the answer


def test_related_page_lead_rules():
    from types import SimpleNamespace

    from medcore.qa.answer import related_page_lead

    page = SimpleNamespace(title="Gallstone pain (biliary colic)", concept_id="condition:x")
    t = lambda how, matched: SimpleNamespace(how=how, matched=matched)  # noqa: E731
    assert related_page_lead(t("variant+parent", "gallstones"), page)
    assert related_page_lead(t("exact+category", "<b>gall</b> stones"), page)[0].text.count("<") == 0
    assert not related_page_lead(t("exact", "gallstones"), page)  # the page's own word
    assert not related_page_lead(t("exact+name", "biliary colic"), page)  # named by its own title
    assert not related_page_lead(t("exact+alias", "gallstones"), page)  # the graph's merge: the same concept
    assert not related_page_lead(t("variant+parent", "biliary colic"), page)  # the title names it
    assert not related_page_lead(t("variant+parent", "gallstones"), None)
