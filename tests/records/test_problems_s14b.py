"""Issue 11, session 14 (records14s): general causes found on the blind_s14 notes (now dev). Sentences written for
these tests."""

from __future__ import annotations

import pytest

from medcore.records.pipeline import analyze


def _problems(kb, text):
    return [(p.text.lower(), p.assertion) for p in analyze(text, kb).extraction.problems]


@pytest.mark.parametrize("text", [
    "Consent was signed after we went over risks and complications including, but not limited to, infection "
    "and stroke.",
    "We reviewed the possible complications, which are not limited to infection and stroke.",
])
def test_a_consent_list_that_is_not_limited_is_a_list_of_risks_not_denials(kb, text):
    found = dict(_problems(kb, text))
    assert found.get("infection") == "hypothetical", found
    assert found.get("stroke") == "hypothetical", found


def test_not_limited_to_does_not_deny_a_finding_said_without_a_risk_cue(kb):
    # without the pseudo-trigger "not" would deny the cough
    assert dict(_problems(kb, "Her complaints are not limited to cough; she also has wheeze.")).get("cough") == "present"


@pytest.mark.parametrize("text,word,code", [
    ("Indication for the excision: a right breast mass found last month.", "breast mass", "N63.10"),  # side written (25b)
    ("Earlier this year she had respiratory insufficiency after the operation.", "respiratory insufficiency", "R06.89"),
    ("Reason for visit: increased work of breathing since the night.", "increased work of breathing", "R06.89"),
])
def test_a_problem_named_plainly_is_read_with_its_code(kb, text, word, code):
    found = {p.text.lower(): p.icd10cm for p in analyze(text, kb).extraction.problems}
    assert found.get(word) == code, found


def test_a_header_without_colon_before_a_numbered_list_opens_its_section(kb):
    text = ("ALLERGIES:,  Sulfa drugs.,HOME MEDICATIONS,1.  Metformin.,2.  Lisinopril.,"
            "SOCIAL HISTORY: , Retired teacher.")
    analysis = analyze(text, kb)
    assert [s.category for s in analysis.sections] == ["allergies", "medications", "social_history"]
    names = {m.name.lower() for m in analysis.extraction.medications}
    assert {"metformin", "lisinopril"} <= names, names


def test_a_capitalised_phrase_and_comma_without_a_numbered_list_is_not_a_header(kb):
    text = "ALLERGIES:,  Sulfa drugs.,HOME MEDICATIONS, as she told us, are unchanged."
    assert [s.category for s in analyze(text, kb).sections] == ["allergies"]


@pytest.mark.parametrize("text", [
    "This 8-year-old has a history of eczema and comes to the office with wheeze and headache.",
    "Known for a history of migraine, she came in today with headache and wheeze.",
])
def test_the_visit_verb_ends_a_past_history_scope(kb, text):
    found = dict(_problems(kb, text))
    assert found.get("headache") == "present", found
    assert found.get("wheeze") == "present", found
