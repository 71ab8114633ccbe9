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
