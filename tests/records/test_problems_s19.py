"""Issue 11, session 19 (records19): weakness coded as ICD-10-CM codes it (generalised R53.1, a limb or one side
R29.898), a review-of-systems list that shares its last word ('no vision or hearing change'), gestational ages in
weeks, degenerative changes coded by their site, and numbered lists under a current heading. Sentences written for
these tests."""

from __future__ import annotations

import pytest

from medcore.records.pipeline import analyze


def _problems(kb, text):
    return [(p.text.lower(), p.icd10cm, p.assertion) for p in analyze(text, kb).extraction.problems]


@pytest.mark.parametrize("text,word,code", [
    # index: Weakness (generalized) R53.1
    ("Over the past week she has felt generalized weakness.", "generalized weakness", "R53.1"),
    ("He came in because of weakness and poor appetite.", "weakness", "R53.1"),
    # no limb or side subterm under Weakness: a localised weakness is R29.898
    ("Since Tuesday he has had weakness of the left arm.", "weakness", "R29.898"),
    ("She first noticed weakness involving the right leg on the stairs.", "weakness", "R29.898"),
    ("He woke with right-sided weakness and slurred words.", "right-sided weakness", "R29.898"),
    ("Exam: left upper extremity weakness, 4/5.", "left upper extremity weakness", "R29.898"),
    # index subterms kept: facial R29.810, muscle M62.81
    ("There is mild left facial weakness.", "facial weakness", "R29.810"),
    ("Musculoskeletal: muscle weakness in the thighs.", "muscle weakness", "M62.81"),
])
def test_weakness_code_follows_the_index(kb, text, word, code):
    got = _problems(kb, text)
    assert [c for w, c, _ in got if w == word] == [code], got


@pytest.mark.parametrize("text,want", [
    # the head word written once after the list is every item's
    ("Eyes and ears: no vision or hearing change.", {("vision", "H53.9", "negated"), ("hearing change", "H91.90", "negated")}),
    ("He denies hearing or vision loss.", {("hearing", "H91.90", "negated"), ("vision loss", "H54.7", "negated")}),
    ("She has noticed vision and hearing changes lately.", {("vision", "H53.9", "present"),
                                                            ("hearing changes", "H91.90", "present")}),
])
def test_items_share_the_last_head_word(kb, text, want):
    got = set(_problems(kb, text))
    assert want <= got, got


@pytest.mark.parametrize("text,want", [
    # a negation distributes over its whole list, and stops at 'but' or a new verb
    ("ROS: he denies nausea, vomiting or diarrhea.", {("nausea", "negated"), ("vomiting", "negated"),
                                                      ("diarrhea", "negated")}),
    ("No fever, chills or night sweats were reported.", {("fever", "negated"), ("chills", "negated"),
                                                          ("night sweats", "negated")}),
    ("No fever but has a cough since Monday.", {("fever", "negated"), ("cough", "present")}),
    ("Denies chest pain or palpitations; reports dyspnea on exertion.", {
        ("chest pain", "negated"), ("palpitations", "negated"), ("dyspnea on exertion", "present")}),
])
def test_negation_covers_its_list_and_stops_at_its_end(kb, text, want):
    got = {(w, a) for w, _, a in _problems(kb, text)}
    assert want <= got, got


def test_a_bare_weakness_does_not_take_the_limb_weakness_named_earlier(kb):
    text = ("She noticed weakness of the right leg on Friday. She kept working despite her weakness. "
            "The weakness did not improve over the weekend.")
    got = [c for w, c, _ in _problems(kb, text) if w == "weakness"]
    assert got == ["R29.898", "R53.1", "R53.1"], got
