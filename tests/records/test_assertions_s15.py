"""Issue 11, session 15 (records15): assertions of findings in the summarizer. Sentences written for these tests."""

from __future__ import annotations

import pytest

from medcore.knowledge.assertions import assert_target, find_modifiers, load_rules
from medcore.records.pipeline import analyze


def _problems(kb, text):
    return {p.text.lower(): p.assertion for p in analyze(text, kb).extraction.problems}


@pytest.mark.parametrize("text,word", [
    ("Review of systems: no change in bowel habits.", "change in bowel habits"),
    ("She reports no significant change in bowel habits since the spring.", "change in bowel habits"),
])
def test_a_change_denied_by_no_change_is_negated(kb, text, word):
    assert _problems(kb, text).get(word) == "negated"


def test_no_change_still_negates_nothing_after_it(kb):
    found = _problems(kb, "There is no change in her bowel habits and she now has abdominal pain.")
    assert found.get("abdominal pain") == "present", found


def test_own_negation_reaches_only_a_target_that_starts_inside_it():
    rules = load_rules("clinical")
    s = "no change in diet; headache since monday"
    mods, terms = find_modifiers(s, rules)
    head = s.index("headache")
    assert assert_target(head, head + len("headache"), mods, terms, "", len(s), rules=rules) == "present"
    change = s.index("change")
    assert assert_target(change, s.index(";"), mods, terms, "", len(s), rules=rules) == "negated"


@pytest.mark.parametrize("text,word", [
    ("The mother said she had a kidney infection during her pregnancy with him.", "kidney infection"),
    ("Mom reports she had gestational diabetes during her pregnancy, treated with diet.", "gestational diabetes"),
    ("Born at term; mom was found to have preeclampsia during her pregnancy.", "preeclampsia"),
])
def test_a_mothers_illness_in_her_pregnancy_is_not_the_childs(kb, text, word):
    assert _problems(kb, text).get(word) == "family"


def test_a_parent_telling_the_childs_symptoms_is_still_the_informant(kb):
    assert _problems(kb, "Mom reports he has had a cough since Tuesday.").get("cough") == "present"


@pytest.mark.parametrize("text", [
    "He has a history of appendicitis, as well as pancreatitis.",
    "Past history is notable for cholecystitis as well as pancreatitis.",
])
def test_a_history_list_joined_by_as_well_as_is_history_throughout(kb, text):
    assert _problems(kb, text).get("pancreatitis") == "historical"


@pytest.mark.parametrize("text", ["He has had no fever and chills.", "Denies fever and chills overnight."])
def test_a_negation_reaches_over_and(kb, text):
    found = _problems(kb, text)
    assert found.get("fever") == "negated" and found.get("chills") == "negated", found


def test_as_needed_words_have_one_home_in_the_assertion_rules(kb):
    import inspect

    from medcore.records import problem_vocab

    rules = load_rules("clinical")
    assert rules.as_needed is not None and rules.as_needed.search("take one prn")
    src = inspect.getsource(problem_vocab)
    assert "as\\s+needed" not in src and "p\\.?\\s?r" not in src  # no second copy of the word list
    s = "paracetamol 1 g when needed for fever"
    mods, terms = find_modifiers(s, rules)
    fever = s.index("fever")
    assert assert_target(fever, fever + 5, mods, terms, "", len(s), rules=rules) == "hypothetical"
    found = {p.text.lower(): (p.assertion, p.icd10cm) for p in
             analyze("Oxycodone 5 mg by mouth q.4h. p.r.n. pain.", kb).extraction.problems}
    assert found.get("pain") == ("hypothetical", "R52"), found


@pytest.mark.parametrize("text,code", [
    ("At bronchoscopy there were bronchial scars and thick secretions.", "J98.09"),
    ("The CT shows a scar in the right lung apex.", "J98.4"),
    ("Abdomen: a healed appendectomy scar.", "L90.5"),
])
def test_a_scar_is_coded_by_the_organ_named_beside_it(kb, text, code):
    codes = {p.icd10cm for p in analyze(text, kb).extraction.problems if "scar" in p.text.lower()}
    assert codes == {code}, codes
