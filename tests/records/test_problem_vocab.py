"""The summarizer's problem vocabulary (records/problem_vocab.py): ICD-10-CM and HPO terms, examination signs and
imaging findings, each reported with an ICD-10-CM code. Snippets are synthetic."""

from __future__ import annotations

import pytest

from medcore.records.pipeline import analyze
from tests.records.conftest import problem


@pytest.mark.parametrize("note,text,code", [
    ("Hands: marked clubbing of the fingers.", "clubbing", "R68.3"),  # an HPO sign, code from the curated map
    ("Abdomen: hepatosplenomegaly felt.", "hepatosplenomegaly", "R16.2"),  # HPO term an ICD-10-CM entry also names
    ("Reports exertional dyspnea for a month.", "exertional dyspnea", "R06"),  # a finding coded through its HPO term
    ("Echo: moderate pulmonary hypertension.", "pulmonary hypertension", "I27"),  # ICD-10-CM title
    ("Exam shows a reducible umbilical hernia.", "umbilical hernia", "K42"),  # not hernia NOS (K46)
])
def test_wide_vocabulary_is_read_and_coded(kb, note, text, code):
    p = problem(analyze(note, kb), text)
    assert p.icd10cm.startswith(code), (p.concept_id, p.icd10cm)
    assert p.icd10cm_display


@pytest.mark.parametrize("note,word", [
    ("HISTORY OF PRESENT ILLNESS: seen today for a routine visit.", "illness"),  # a header word
    ("His SSN is kept in the chart.", "ssn"),  # a short word of the wide vocabularies, not in our abbreviations
    ("Sputum was sent for culture.", "sputum"),  # a specimen
    ("Temperature 37.1 today.", "temperature"),  # a vital sign's name
])
def test_words_that_are_not_problems(kb, note, word):
    assert word not in {p.text.lower() for p in analyze(note, kb).extraction.problems}


def test_a_term_without_a_code_gives_the_problem_list_condition_inside_it(kb, settings):
    from medcore.records.extract import matchers

    vocab = matchers(kb).problems
    sentence = "Imaging shows a dural sinus abscess."
    mention = next(m for m in kb.terminology.match("abscess", types=("condition",)))
    from dataclasses import replace

    # a wide-vocabulary mention over the whole phrase whose concept has no code at all
    wide = replace(mention, start=sentence.index("dural"), end=len(sentence) - 1, text="dural sinus abscess",
                   concept_id="hpo:HP:0000118", type="hpo", synonym="dural sinus abscess")
    got = vocab.reported(sentence, wide)
    assert [(m.text, c.id) for m, c, _ in got] == [("abscess", "condition:abscess")]


def test_problem_vocabulary_file_needs_sources(tmp_path):
    from medcore.records.problem_vocab import ProblemVocabError, load_data

    (tmp_path / "problem_vocabulary.yaml").write_text(
        "source: x\ntypes: [hpo]\nexclude_icd10cm_prefixes: []\nstop_terms: []\nnegated_forms: {}\nhpo_icd10cm:\n- {hpo: 'HP:1', icd10cm: R52}\n")
    with pytest.raises(ProblemVocabError, match="source"):
        load_data(tmp_path)


def test_shipped_hpo_map_codes_exist(kb):
    icd = pytest.importorskip("simple_icd_10_cm")
    from medcore.records.problem_vocab import load_data

    doc = load_data(kb.root)
    assert doc["hpo_icd10cm"] and all(icd.is_valid_item(e["icd10cm"]) for e in doc["hpo_icd10cm"])
    assert all(kb.terminology.get(f"hpo:{e['hpo']}" if e.get("hpo") else f"finding:{e['finding']}") is not None
               for e in doc["hpo_icd10cm"])


@pytest.mark.parametrize("note,text,code", [
    ("Echo: trace tricuspid regurgitation and mild aortic insufficiency.", "tricuspid regurgitation", "I07"),
    ("Echo: trace tricuspid regurgitation and mild aortic insufficiency.", "aortic insufficiency", "I35"),
    ("Admitted with a GI bleed last spring.", "GI bleed", "K92"),
    ("Known peptic ulcer disease.", "peptic ulcer disease", "K27"),
    ("ECG: complete heart block.", "complete heart block", "I44"),
])
def test_split_problem_list_entries_keep_their_own_codes(kb, note, text, code):
    assert problem(analyze(note, kb), text).icd10cm.startswith(code)


@pytest.mark.parametrize("note,word", [
    ("She asks about cataract extraction on the left.", "cataract"),  # the operation, not a finding here
    ("Neuro: Glasgow coma scale 15.", "coma"),
    ("Menorrhagia unresponsive to medical therapy.", "unresponsive"),
])
def test_a_condition_name_naming_an_operation_or_scale_is_not_a_problem(kb, note, word):
    assert word not in {p.text.lower() for p in analyze(note, kb).extraction.problems}


def test_a_hernia_being_repaired_is_still_the_diagnosis(kb):
    assert problem(analyze("Procedure: left inguinal hernia repair.", kb), "inguinal hernia").icd10cm.startswith("K40")


@pytest.mark.parametrize("note,text,name,assertion", [
    ("On the ward she stayed afebrile.", "afebrile", "fever", "negated"),  # a word that denies a problem itself
    ("Sclerae anicteric.", "anicteric", "jaundice", "negated"),
    ("Neck: no adenopathy or thyromegaly.", "adenopathy", "lymphadenopathy", "negated"),
    ("Neck: no adenopathy or thyromegaly.", "thyromegaly", "thyromegaly", "negated"),
    ("Heart: regular, no gallops.", "gallops", "gallop rhythm", "negated"),
    ("Chest: scattered wheezes.", "wheezes", "wheeze", "present"),  # plural
    ("On arrival he was tachycardic and diaphoretic.", "tachycardic", "tachycardia", "present"),  # adjective forms
    ("On arrival he was tachycardic and diaphoretic.", "diaphoretic", "diaphoresis", "present"),
])
def test_adjective_plural_and_privative_forms(kb, note, text, name, assertion):
    p = problem(analyze(note, kb), text)
    assert (p.name, p.assertion) == (name, assertion) and p.icd10cm
