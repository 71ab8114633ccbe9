"""Bare words read as problems only beside cue words of the same organ (records/context_words.py). Sentences
written for these tests."""

from __future__ import annotations

import pytest

from medcore.records.context_words import ContextWordsError, build
from medcore.records.pipeline import analyze
from tests.records.conftest import problem


@pytest.mark.parametrize("note,text,code,assertion", [
    ("Genitourinary: no dysuria, frequency or urgency.", "frequency", "R35.0", "negated"),
    ("ENT: positive for congestion and rhinorrhea.", "congestion", "R09.81", "present"),
    ("CT abdomen: two left renal stones, no hydronephrosis.", "renal stones", "N20", "present"),
    ("MRI brain: a right parietal mass with surrounding edema.", "mass", "R90.0", "present"),
    ("Redness and warmth over the left shin.", "Redness", "L53.9", "present"),
    ("Stress perfusion study: mild ischemia of the septum.", "ischemia", "I25.9", "present"),
    ("Holter: frequent PVCs with couplets.", "couplets", "I49.3", "present"),
    ("Social history: denies tobacco, alcohol or drugs.", "alcohol", "F10.90", "negated"),
    ("SOCIAL HISTORY:\nMarried, two children.\nNo alcohol.", "alcohol", "F10.90", "negated"),  # the section is cue enough
])
def test_bare_word_beside_its_cue_is_the_problem(kb, note, text, code, assertion):
    p = problem(analyze(note, kb), text)
    assert p.icd10cm.startswith(code) and p.assertion == assertion, (p.icd10cm, p.assertion)


@pytest.mark.parametrize("note,word", [
    ("Chest film: mild pulmonary vascular congestion.", "congestion"),  # not the nose
    ("Ultrasound: several stones in the gallbladder.", "stones"),  # not the kidney
    ("Dosing frequency was reduced to weekly.", "frequency"),  # no urinary cue
    ("CT: multiple liver lesions, the largest 2 cm, and skin tags.", "lesions"),  # another organ beside it
    ("The skin was prepped with alcohol and chlorhexidine.", "alcohol"),  # an antiseptic
])
def test_bare_word_without_its_cue_or_beside_another_organ_is_not_read(kb, note, word):
    assert word not in {p.text.lower() for p in analyze(note, kb).extraction.problems}


def test_each_entry_needs_a_source():
    with pytest.raises(ContextWordsError):
        build([{"words": ["frequency"], "cues": ["dysuria"], "condition": "urinary_frequency"}])


def test_a_bare_mass_under_a_breast_heading_is_the_breast_mass_never_a_brain_mass(kb):
    """Once "Breast: no mass" was simply not read (no brain cue); since session 14 the heading names the site
    (records/site_signs.py) and the vocabulary codes breast mass N63.0, so it is that problem, denied."""
    found = [(p.icd10cm, p.assertion) for p in analyze("Breast: no mass, no skin change.", kb).extraction.problems
             if p.text.lower() == "mass"]
    assert found == [("N63.0", "negated")]
