"""Notes whose line breaks were flattened into commas (",ALLERGIES: , None.,MEDICATIONS:,"), as transcription
exports write them: headers run into the text still open their sections, and the allergy section is read as
one. Snippets written here, in our own words."""

import pytest

from medcore.records.pipeline import analyze

FLAT = ("Here for a sore knee.,PAST SURGICAL HISTORY:, Appendix out as a child.,ALLERGIES: , {allergy},"
        "MEDICATIONS:,1.  Naproxen 500 mg b.i.d.,PHYSICAL EXAM:, HEENT: Clear. KNEE:, Mild effusion.")


def sections_of(a):
    return {s.text.split(":")[0]: s.section for s in a.sentences if ":" in s.text}


def test_run_in_headers_open_their_sections(kb):
    a = analyze(FLAT.format(allergy="None."), kb)
    sec = sections_of(a)
    assert sec["PAST SURGICAL HISTORY"] == "past_medical_history"
    assert sec["ALLERGIES"] == "allergies"
    assert sec["MEDICATIONS"] == "medications"
    # an unknown upper-case sub-heading stays in the section it stands in
    assert sec["HEENT"] == sec["KNEE"] == "physical_exam"
    assert all(a.text[s.start:s.end] == s.text for s in a.sentences)


@pytest.mark.parametrize("allergy", ["None.", "NONE.", "No known medicine allergies.", "NO KNOWN DRUG ALLERGIES."])
def test_no_known_allergies_in_a_flattened_note(kb, allergy):
    a = analyze(FLAT.format(allergy=allergy), kb)
    assert a.extraction.no_known_allergies
    assert not a.extraction.allergies


def test_upper_case_allergens_are_allergies_not_medications(kb):
    a = analyze(FLAT.format(allergy="CODEINE AND SULFA."), kb)
    assert {x.text.lower() for x in a.extraction.allergies} >= {"codeine"}
    assert "codeine" not in {m.name.lower() for m in a.extraction.medications}
    assert not a.extraction.no_known_allergies


def test_food_allergens(kb):
    a = analyze("ALLERGIES:\nShellfish and dairy products give her hives; also penicillin.\n", kb)
    assert {x.text.lower() for x in a.extraction.allergies} == {"shellfish", "dairy products", "penicillin"}


def test_a_medication_line_without_allergies_keeps_its_drugs(kb):
    a = analyze(FLAT.format(allergy="None."), kb)
    med = next(m for m in a.extraction.medications if m.name == "naproxen")
    assert med.dose == "500" and med.unit == "mg" and med.frequency == "twice daily"


@pytest.mark.parametrize("text,substance,kind", [
    ("ALLERGIES:\nPenicillin (hives).\n", "penicillin", "allergy"),
    ("ALLERGIES:\nCodeine - nausea, a side effect.\n", "codeine", "intolerance"),
    ("She is intolerant of atorvastatin because of muscle aches.", "atorvastatin", "intolerance"),
    ("He could not tolerate metformin.", "metformin", "intolerance"),
])
def test_intolerances_kept_apart_from_allergies(kb, text, substance, kind):
    a = analyze(text, kb)
    found = {x.substance.lower(): x.kind for x in a.extraction.allergies}
    assert found.get(substance) == kind
    # an allergen or an intolerance is never a current medication
    assert substance not in {m.name for m in a.extraction.medications}
