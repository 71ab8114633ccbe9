"""Readings added from the real-note errors of session 9 (issue 11): allergy wording, allergy section headers,
and problems added to the vocabulary. Sentences written for these tests."""

from __future__ import annotations

import pytest

from medcore.records.pipeline import analyze


def _allergies(kb, text):
    return [(a.substance.lower(), a.kind) for a in analyze(text, kb).extraction.allergies]


@pytest.mark.parametrize("text,expected", [
    # an environmental allergen after "allergies including"
    ("She has bad allergies including ragweed and cat dander.", [("ragweed", "allergy"), ("cat dander", "allergy")]),
    # a side effect put on a drug is an intolerance, an allergic sign an allergy
    ("Codeine caused her to be very drowsy.", [("codeine", "intolerance")]),
    ("Penicillin gave him hives as a child.", [("penicillin", "allergy")]),
    # a section header that says 'sensitivities'
    ("DRUG SENSITIVITIES:\nSulfa.\n\nMEDICATIONS:\nNone.", [("sulfa", "allergy")]),
])
def test_allergy_wording(kb, text, expected):
    got = _allergies(kb, text)
    for item in expected:
        assert any(s.startswith(item[0][:5]) and k == item[1] for s, k in got), (item, got)


def test_denied_allergic_reaction_is_neither_allergy_nor_medication(kb):
    ex = analyze("He did not really have an allergic reaction to codeine.", kb).extraction
    assert not ex.allergies and not ex.medications


def test_dust_exposure_is_not_an_allergy(kb):  # guard: an allergen word needs an allergy cue
    assert not analyze("He works with house dust and mold at the warehouse.", kb).extraction.allergies


@pytest.mark.parametrize("note,text,code", [
    ("ROS: Did not have claudication.", "claudication", "I73.9"),
    ("Colonoscopy to rule out colon polyps.", "colon polyps", "K63.5"),
    ("He was stung by a wasp on the wrist.", "stung by a wasp", "T63.461A"),
    ("CXR: patchy air-space opacities in the left lower lobe.", "air-space opacities", "R91.8"),
    ("Known gastric outlet obstruction.", "gastric outlet obstruction", "K31.1"),
    ("EGD showed a Schatzki ring.", "Schatzki ring", "K22.2"),
    ("She has a history of Ewing sarcoma of the femur.", "Ewing sarcoma", "C41.9"),
    ("Eyes: bilateral arcus senilis.", "arcus senilis", "H18.419"),
    ("He does have sickle cell and sees haematology.", "sickle cell", "D57.1"),
    ("Renal insufficiency, possibly diabetic nephropathy.", "diabetic nephropathy", "E11.21"),
    ("Brought in for mental status changes since this morning.", "mental status changes", "R41.82"),
    ("Lungs: no pleural friction rub.", "pleural friction rub", "R09.1"),  # not the pericardial rub R01.2
    ("Admitted for respiratory depression after opioids.", "respiratory depression", "R06.89"),  # not F32
    ("She endorsed paranoid delusions.", "paranoid delusions", "F22"),
])
def test_added_problems_carry_their_codes(kb, note, text, code):
    from tests.records.conftest import problem

    assert problem(analyze(note, kb), text).icd10cm == code


@pytest.mark.parametrize("note,word", [
    ("She would like diabetic foot care today.", "diabetic"),  # an attribute of the care, not a problem
    ("Well-appearing man in no apparent respiratory distress.", "respiratory distress"),  # appearance boilerplate
])
def test_words_that_are_not_problems_here(kb, note, word):
    assert not [p for p in analyze(note, kb).extraction.problems if p.text.lower() == word]


@pytest.mark.parametrize("note,name,dose,frequency", [
    ("Sedation: 50 mcg of IV fentanyl given at 10:05.", "fentanyl", "50 mcg", ""),  # dose and route before the name
    ("Medications: diltiazem CD 240-mg daily.", "diltiazem", "240 mg", "once daily"),  # a hyphenated dose
    ("Home medicines: Claritin and Zyrtec p.r.n.", "loratadine", "", "as needed"),  # a schedule shared by both
    ("Promethazine if needed for nausea.", "promethazine", "", "as needed"),
    ("Metoprolol and lisinopril 10 mg daily.", "metoprolol", "", ""),  # guard: a dose of the next drug is its own
])
def test_medication_forms(kb, note, name, dose, frequency):
    med = next(m for m in analyze(note, kb).extraction.medications if m.name == name)
    assert f"{med.dose} {med.unit}".strip() == dose
    assert med.frequency == frequency
