"""Issue 11, session 16 (records16b; problem precision studied on the dev sets): words that read as a problem of
the patient in the wrong sense (percussion dullness, a plain "been sick", an antifungal brand's AF, a culture sent
for TB) and the ST-T wording of an ECG depression. Sentences written for these tests."""

from __future__ import annotations

import pytest

from ._read import problems as _problems


@pytest.mark.parametrize("text,word", [
    ("Lungs: breath sounds equal, resonant, no dullness on percussion.", "dullness"),
    ("Apex beat sits at the edge of the cardiac dullness on the left.", "dullness"),
    ("Mother says the baby has been sick since Friday with a runny nose.", "been sick"),
    ("Rx: clotrimazole cream (Lotrimin AF) to the toe webs twice a day.", "af"),
    ("Washings went to the lab for aerobic bacteria, fungi and TB.", "tb"),
])
def test_word_in_another_sense_is_not_a_problem(kb, text, word):
    got = _problems(kb, text)
    assert not [w for w, _, _ in got if w == word], got


@pytest.mark.parametrize("text,word,code", [
    ("He has known AF and takes apixaban.", "af", "I48.91"),  # the rhythm itself stays read
    ("She was treated for TB in 2019 and finished therapy.", "tb", "A15.9"),
])
def test_the_same_words_as_diagnoses_are_still_read(kb, text, word, code):
    assert [c for w, c, _ in _problems(kb, text) if w == word] == [code], _problems(kb, text)


def test_st_t_wave_depression_is_an_ecg_finding(kb):
    got = _problems(kb, "EKG: sinus rhythm without ST-T wave depression to suggest ischemia.")
    assert ("st-t wave depression", "R94.31", "negated") in got, got
    assert not [c for _, c, _ in got if c.startswith("F3")], got


def test_nodes_called_normal_are_not_lymphadenopathy(kb):
    assert not _problems(kb, "Lymphatic: the cervical lymph nodes are normal to palpation."), \
        _problems(kb, "Lymphatic: the cervical lymph nodes are normal to palpation.")
    got = _problems(kb, "Neck: supple, two firm cervical nodes on the right.")
    assert [c for w, c, _ in got if w == "nodes"] and all(c.startswith("R59") for w, c, _ in got if w == "nodes"), got


@pytest.mark.parametrize("text,word", [
    ("Plan: restart tube feedings tonight at half rate.", "tube feedings"),
    ("Because of the discharge, a GC and chlamydia probe was sent.", "chlamydia"),
    ("Because of the discharge, a GC and chlamydia probe was sent.", "gc"),
    ("We drew serologies for Legionella and Mycoplasma as well.", "mycoplasma"),
])
def test_orders_and_treatments_are_not_problems(kb, text, word):
    got = _problems(kb, text)
    assert not [w for w, _, _ in got if w == word], got


def test_a_diagnosed_chlamydia_infection_is_still_read(kb):
    got = _problems(kb, "Last spring she was diagnosed with chlamydia and treated with azithromycin.")
    assert [c for w, c, _ in got if w == "chlamydia"] == ["A74.9"], got
