"""Problem terms in another sense (`other_senses` in assets/kb/records/problem_vocabulary.yaml) and symptoms written
with their site after them ('pain in her back'), issue 11 session 8. Sentences written for these tests."""

from __future__ import annotations

import pytest

from medcore.records.context_words import ContextWordsError, build_other_senses
from medcore.records.pipeline import analyze
from tests.records.conftest import problem


@pytest.mark.parametrize("note,word", [
    ("Duplex: great saphenous vein reflux lasting 3 seconds once distal compression is let go.", "reflux"),
    ("Sleep study: 52 apneas and 88 hypopneas, apnea/hypopnea index 31.", "apneas"),
    ("Sleep study: 52 apneas and 88 hypopneas, apnea/hypopnea index 31.", "apnea"),
    ("The puncture site was checked for bleeding and a dressing applied.", "bleeding"),
    ("Motor: HF and HE 4+/5, AF 5/5 on the left.", "hf"),
    ("Motor: HF and HE 4+/5, AF 5/5 on the left.", "af"),
    ("Prenatal labs: blood group A positive, rubella immune.", "rubella"),
    ("Device check: VF detection at 200 bpm, SVT discrimination on.", "svt"),
])
def test_a_term_in_another_sense_is_not_a_problem(kb, note, word):
    assert word not in {p.text.lower() for p in analyze(note, kb).extraction.problems}


@pytest.mark.parametrize("note,text,code", [
    ("Reflux and heartburn after meals.", "Reflux", "K21"),
    ("Newborn with apnea and bradycardia spells.", "apnea", "R06.81"),
    ("History of HF with an ejection fraction of 30%.", "HF", "I50"),
    ("Strength is 5/5 throughout. She also has known AF on warfarin.", "AF", "I48"),
    ("Bright red rectal bleeding for two days.", "rectal bleeding", "K62.5"),
])
def test_the_same_terms_elsewhere_are_still_problems(kb, note, text, code):
    assert problem(analyze(note, kb), text).icd10cm.startswith(code)


@pytest.mark.parametrize("note,text,code", [
    ("Today she has pain in her back after lifting.", "pain in her back", "M54"),
    ("He points to pain in the right buttock when sitting.", "pain in the right buttock", "M79.18"),
    ("Walking brings on pain in the left heel.", "pain in the left heel", "M79.67"),
    ("Exam: tenderness in the suprapubic region, no guarding.", "tenderness in the suprapubic region", "R10"),
    ("Pain in the coccygeal region when seated.", "Pain in the coccygeal region", "M53.3"),
    ("Besides pain in the penis he has no complaints.", "pain in the penis", "N48.89"),
])
def test_a_symptom_with_its_site_after_it_is_the_site_first_problem(kb, note, text, code):
    assert problem(analyze(note, kb), text).icd10cm.startswith(code)


def test_a_symptom_before_no_known_site_is_not_read(kb):
    assert not analyze("Pain of uncertain origin, worse at night.", kb).extraction.problems


def test_each_other_sense_needs_a_source():
    with pytest.raises(ContextWordsError, match="source"):
        build_other_senses([{"terms": ["reflux"], "near": ["vein"]}], lambda t: {t})


@pytest.mark.parametrize("note,text,code,assertion", [
    ("Social history: smokes 20 cigarettes a day.", "cigarettes", "F17.210", "present"),
    ("Social history: married, ex-smoker.", "ex-smoker", "Z87.891", "historical"),
    ("ECG: sinus rhythm with LBBB.", "LBBB", "I44.7", "present"),
    ("ECG: sinus rhythm with RBBB.", "RBBB", "I45.10", "present"),
])
def test_tobacco_and_bundle_branch_blocks(kb, note, text, code, assertion):
    p = problem(analyze(note, kb), text)
    assert (p.icd10cm, p.assertion) == (code, assertion)


@pytest.mark.parametrize("note,text,code,assertion", [
    ("Heart: regular, no murmurs, rubs or gallops.", "rubs", "R01.2", "negated"),
    ("Feet: the toenails are thickened and yellow.", "thickened", "L60.3", "present"),
    ("A young man with Down\u2019s syndrome, here for review.", "Down\u2019s syndrome", "Q90.9", "present"),
])
def test_heart_sound_lists_nails_and_typographic_apostrophes(kb, note, text, code, assertion):
    p = problem(analyze(note, kb), text)
    assert (p.icd10cm, p.assertion) == (code, assertion)


@pytest.mark.parametrize("note,word", [
    ("Hands cleaned with alcohol rub before the exam.", "rub"),
    ("Thick mucoid secretions in the nose; nails normal.", "thick"),
])
def test_rub_and_thick_elsewhere_are_not_problems(kb, note, word):
    assert word not in {p.text.lower() for p in analyze(note, kb).extraction.problems}


@pytest.mark.parametrize("note,text,code", [
    ("Problems: 4. Chronic renal insufficiency, stable.", "Chronic renal insufficiency", "N18.9"),  # index: chronic
    ("Past history: pericarditis after a viral illness.", "pericarditis", "I31.9"),  # index: Pericarditis NOS I31.9
])
def test_index_codes(kb, note, text, code):
    assert problem(analyze(note, kb), text).icd10cm == code


@pytest.mark.parametrize("note,text,code", [
    # session 11: "this" before the site, and the adjective 'tender' with 'to palpation' before it
    ("She has pain in this knee when climbing.", "pain in this knee", "M25.56"),
    ("Tender to palpation over the right flank.", "Tender to palpation over the right flank", "R10.8"),
])
def test_a_site_after_this_or_after_tender(kb, note, text, code):
    p = problem(analyze(note, kb), text)
    assert p.icd10cm.startswith(code), (p.concept_id, p.icd10cm)
