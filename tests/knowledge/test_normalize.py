"""Each normalisation step on its own: characters (NFKC, homoglyphs, full width, accents), tokens with
offsets into the original text, UK/US spellings, plurals, anatomical adjectives, coding-system titles."""

from __future__ import annotations

import pytest

from medcore.knowledge.normalize import (clean_title, fold, parenthetical_forms, singular, term_keys, tokenize,
                                         us_spelling)
from tests.knowledge._term import variants


def test_fold_case_and_ascii_offsets():
    text, offsets = fold("Chest PAIN", variants())
    assert text == "chest pain" and offsets == list(range(10))


@pytest.mark.parametrize("raw,folded", [
    ("\u0441hest", "chest"),  # Cyrillic es
    ("\u0420\u0415", "pe"),  # Cyrillic capital er + ie: 'PE'
    ("\u03a1neumonia", "pneumonia"),  # Greek capital rho
    ("\uff23\uff28\uff26", "chf"),  # full-width letters
    ("\ufb01brosis", "fibrosis"),  # ligature fi
    ("Sj\u00f6gren", "sjogren"),  # accent dropped
    ("chest\u200bpain", "chestpain"),  # zero-width space vanishes
])
def test_fold_characters(raw, folded):
    assert fold(raw, variants())[0] == folded


def test_offsets_point_into_the_original_text():
    raw = "Pt: \uff23\uff28\uff26 and \ufb01brosis, \u0441hest pain"
    joined, _ = tokenize(raw, variants())
    assert [raw[t.start:t.end] for t in joined] == ["Pt", "\uff23\uff28\uff26", "and", "\ufb01brosis", "\u0441hest", "pain"]
    assert [t.key for t in joined] == ["pt", "chf", "and", "fibrosis", "chest", "pain"]


def test_hyphenated_words_give_joined_and_split_tokens():
    joined, split = tokenize("post-transfusion A-fib", variants())
    assert [t.key for t in joined] == ["posttransfusion", "afib"]
    assert [t.key for t in split] == ["post", "transfusion", "a", "fib"]
    assert not split[1].starts_word and split[1].ends_word  # a part knows its whole word: no match starts inside it
    assert term_keys("A-fib", variants()) == ["afib", "a fib"]


@pytest.mark.parametrize("uk,us", [("haemorrhage", "hemorrhage"), ("oesophagitis", "esophagitis"),
                                   ("anaemia", "anemia"), ("papilloedema", "papilledema"), ("diarrhoea", "diarrhea"),
                                   ("dyspnoea", "dyspnea"), ("tumour", "tumor"), ("ischaemic", "ischemic"),
                                   ("coeliac", "celiac"), ("paediatric", "pediatric"), ("gastrooesophageal", "gastroesophageal")])
def test_uk_spellings_fold_to_us(uk, us):
    assert us_spelling(uk, variants()) == us


@pytest.mark.parametrize("word", ["hemiparesis", "gastroesophageal", "hemorrhage", "edema", "tumor", "advised"])
def test_us_spellings_are_left_alone(word):
    assert us_spelling(word, variants()) == word


def test_no_icd10cm_title_word_is_respelt():
    """ICD-10-CM is US English: the UK->US rules must not touch its words (one Latin species name aside)."""
    import re

    from medcore.knowledge.sources.icd10cm import read_tabular

    words = {w for _, title, _, ext in read_tabular() if not ext for w in re.findall("[a-z]+", title.lower())}
    assert {w for w in words if us_spelling(w, variants()) != w} <= {"haematobium"}


@pytest.mark.parametrize("plural,one", [("arrhythmias", "arrhythmia"), ("arteries", "artery"), ("stenoses", "stenosis"),
                                        ("calculi", "calculus"), ("vertebrae", "vertebra"), ("diverticula", "diverticulum"),
                                        ("abscesses", "abscess"), ("ribs", "rib"), ("varices", "varix"),
                                        ("headaches", "headache"), ("aches", "ache"), ("sneezes", "sneeze"),
                                        ("sizes", "size"), ("stitches", "stitch"), ("rashes", "rash")])
def test_plurals_fold_to_singular(plural, one):
    assert singular(plural, variants()) == one


@pytest.mark.parametrize("word", ["diabetes", "ascites", "herpes", "aids", "pancreas", "stenosis", "sepsis", "illness", "mass"])
def test_words_ending_in_s_that_are_not_plurals(word):
    assert singular(word, variants()) == word


def test_anatomical_adjectives_meet_their_noun():
    v = variants()
    assert term_keys("renal failure", v) == term_keys("kidney failure", v) == ["kidney failure"]
    assert term_keys("cardiac arrest", v) == term_keys("heart arrest", v)
    assert term_keys("hepatic steatosis", v) == ["liver steatosis"]
    assert term_keys("pulmonary emboli", v) == term_keys("lung embolus", v)


@pytest.mark.parametrize("title,term", [("Cerebral infarction, unspecified", "Cerebral infarction"),
                                        ("Chronic obstructive lung disease NOS", "Chronic obstructive lung disease"),
                                        ("Escherichia coli [E. coli] as the cause", "Escherichia coli as the cause"),
                                        ("Dementia, unspecified, NOS", "Dementia")])
def test_coding_titles_lose_their_residual_suffixes(title, term):
    assert clean_title(title) == term


def test_parenthetical_forms_keep_names_not_qualifiers():
    assert parenthetical_forms("Blood clot in the lung (pulmonary embolism)") == ["Blood clot in the lung", "pulmonary embolism"]
    assert parenthetical_forms("Giant cell (temporal) arteritis") == ["Giant cell arteritis"]
    assert parenthetical_forms("COPD (stable)", inner=False) == ["COPD"]


def test_an_aside_that_says_what_to_do_is_not_a_name():
    # "needs a scan" once matched any question about a scan to the brain-tumour page
    from medcore.knowledge.normalize import parenthetical_forms

    assert parenthetical_forms("Possible brain tumour (needs a scan)") == ["Possible brain tumour"]
    assert parenthetical_forms("Possible myeloma (needs a blood test)") == ["Possible myeloma"]
    assert parenthetical_forms("Heart failure (gradually worsening)") == ["Heart failure"]
    assert parenthetical_forms("Kidney stone (renal colic)") == ["Kidney stone", "renal colic"]
    assert parenthetical_forms("Memory problems (possible dementia)") == ["Memory problems", "possible dementia"]
