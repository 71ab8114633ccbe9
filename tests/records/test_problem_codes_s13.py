"""ICD-10-CM codes the index gives for common phrasings (issue 11, session 13, records13s). Sentences are our own."""
import pytest

from medcore.records.pipeline import analyze


@pytest.mark.parametrize("text,code", [
    ("The child was seen with a sore throat for two days.", "J02.9"),
    ("He reports throat pain when swallowing.", "R07.0"),
    ("She had appendicitis as a teenager.", "K37"),
    ("Imaging showed acute appendicitis.", "K35.80"),
    ("He describes blurred vision in the mornings.", "H53.8"),
    ("She notes vision changes over the past month.", "H53.9"),
    ("He was treated for CMV infection last year.", "B25.9"),
    ("Cultures grew a fungal infection of the line.", "B49"),
    ("She developed an urticarial rash on the arms.", "L50.9"),
])
def test_index_codes(kb, text, code):
    probs = analyze(text, kb).extraction.problems
    assert code in {p.icd10cm for p in probs}, [(p.name, p.icd10cm) for p in probs]


@pytest.mark.parametrize("text,code", [
    ("Elevated blood pressure was noted at triage without a history of hypertension.", "R03.0"),
    ("Ultrasound shows gallbladder sludge.", "K82.8"),
    ("CT incidentally found an adrenal adenoma.", "D35.00"),
    ("ERCP confirmed a biliary stricture.", "K83.1"),
    ("She was treated for an STD last year.", "A64"),  # a screen for STDs is no problem (session 23, rec23)
    ("He was treated for pneumocystis pneumonia in the past.", "B59"),
    ("The biopsy suggested CMV pneumonitis.", "B25.0"),
    ("He reports daily marijuana use.", "F12.90"),
    ("Labs showed an elevated creatinine.", "R79.89"),
    ("She reports wt loss of ten pounds.", "R63.4"),
])
def test_vocabulary_gaps(kb, text, code):
    probs = analyze(text, kb).extraction.problems
    assert code in {p.icd10cm for p in probs}, [(p.name, p.icd10cm) for p in probs]


def test_tooth_fracture_has_its_site_code(kb):
    probs = analyze("Exam shows a dental fracture of the upper incisor.", kb).extraction.problems
    assert "S02.5XXA" in {p.icd10cm for p in probs}, [(p.name, p.icd10cm) for p in probs]
