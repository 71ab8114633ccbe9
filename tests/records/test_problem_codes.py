"""Every problem the summarizer finds carries its knowledge concept and an ICD-10-CM code that exists."""

from __future__ import annotations

import pytest

from medcore.records.pipeline import analyze
from tests.records.conftest import problem


def test_every_problem_on_the_annotated_notes_is_coded(settings, kb):
    icd = pytest.importorskip("simple_icd_10_cm")
    from medcore.records.corpus import annotated_notes

    problems = [p for n in annotated_notes(settings)[:12] for p in analyze(n.text, kb).extraction.problems]
    assert len(problems) > 100
    assert all(p.concept_id.split(":")[0] in ("condition", "finding", "hpo", "icd10cm") and p.icd10cm for p in problems)
    assert all(icd.is_valid_item(code) for code in {p.icd10cm for p in problems})


def test_variants_reach_the_summarizer(kb):
    a = analyze("Known arrhythmias and renal failure. Haemorrhages noted. CTPA: PE. PE: chest clear.", kb)
    got = {(p.text, p.name, p.icd10cm) for p in a.extraction.problems}
    assert ("arrhythmias", "arrhythmia", "I49.9") in got
    assert ("PE", "pulmonary embolism", "I26.99") in got and sum(p.text == "PE" for p in a.extraction.problems) == 1
    assert any(p.text == "Haemorrhages" and p.icd10cm == "R58" for p in a.extraction.problems)


@pytest.mark.parametrize("note,text,code", [
    # session 11: a low count names no cause (not immune thrombocytopenia); ear pain is otalgia, not G89;
    # a swollen joint is a joint effusion (ICD-10-CM index: Swelling, joint - see Effusion, joint)
    ("Full blood count this morning showed low platelets.", "low platelets", "D69.6"),
    ("Ten days of ear pain after swimming.", "ear pain", "H92.09"),
    ("She has morning stiffness and joint swelling.", "joint swelling", "M25.40"),
])
def test_codes_named_in_the_closing_note(kb, note, text, code):
    assert problem(analyze(note, kb), text).icd10cm == code
