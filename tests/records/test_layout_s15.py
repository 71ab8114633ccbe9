"""Layout, session 15: the single-letter A:/P: headings of a SOAP note, and discharge diagnosis headings written
without a colon or in other words. Notes written for these tests."""

import pytest

from medcore.records.pipeline import analyze
from medcore.records.sections import find_sections


def slot_texts(a, key) -> list[str]:
    return [i.text for i in next(s for s in a.layout.slots if s.key == key).items]


SOAP = ("S: Says the knee aches less and she slept well.\n"
        "O: Temperature 36.9 C, pulse 76. Knee less warm, a small effusion remains.\n"
        "A: Septic arthritis of the right knee, responding to treatment.\n"
        "P: Continue cefazolin 2 g IV every 8 hours. Repeat CRP tomorrow.\n")


@pytest.mark.parametrize("note", [
    SOAP,
    SOAP.replace(": ", " - "),
    SOAP.replace("S:", "Subjective:").replace("O:", "Objective:"),
    SOAP.replace("A: ", "A:\n").replace("P: ", "P:\n1. "),
])
def test_soap_assessment_and_plan_letters_fill_their_slots(kb, note):
    a = analyze(note, kb)
    assert a.layout.layout == "progress"
    assessment, plan = slot_texts(a, "assessment"), slot_texts(a, "plan")
    assert any("Septic arthritis" in t for t in assessment)
    assert any("cefazolin" in t for t in plan)
    assert not any("arthritis" in t or "cefazolin" in t for t in slot_texts(a, "objective"))
    assert not any(t.startswith(("A:", "P:", "A -", "P -")) for t in assessment + plan)  # the letter is the slot


def _headers(kb, text) -> list[str]:
    return [s.header for s in find_sections(text, kb.sections)]


def test_a_pulse_written_p_is_not_a_plan_heading(kb):
    vitals = "Vitals:\nBP 132/84\nP: 88\nP: 2+ pedal pulses bilaterally\nRR 14\n"
    assert "P" not in _headers(kb, vitals)
    assert "P" not in _headers(kb, "S: feels well.\nO:\nP: 88, BP 120/70.\nA: stable.\n")
    assert _headers(kb, "S: feels well.\nO: afebrile.\nA: stable.\nP: 1. Home today.\n")[-1] == "P"


def test_letters_alone_on_their_line_are_headings_without_s_and_o(kb):
    assert _headers(kb, "Seen today for a wound check.\nA:\nHealing well.\nP:\nReview in two weeks.\n") == ["A", "P"]
    flat = "Seen today for a wound check.,A:,  Healing well.,P:,  Review in two weeks."
    assert _headers(kb, flat) == ["A", "P"]
    assert _headers(kb, "Seen today. A: healing well.\n") == []  # a letter inside a line, in a note without S/O


DISCHARGE = ("DISCHARGE SUMMARY\nReason for admission: Fever and a productive cough.\n{head}\n"
             "1. Right lower lobe pneumonia.\n2. Type 2 diabetes mellitus.\n"
             "Hospital course: Treated with ceftriaxone and was afebrile by the second day.\n"
             "Follow up: Primary care clinic in one week.\n")


@pytest.mark.parametrize("head", ["FINAL DIAGNOSIS", "Discharge Diagnosis", "Diagnoses at discharge:",
                                  "DIAGNOSES ON DISCHARGE", "Final diagnoses:", "DISCHARGE DIAGNOSES:"])
def test_discharge_diagnosis_headings_fill_principal_and_secondary(kb, head):
    a = analyze(DISCHARGE.format(head=head), kb)
    assert a.layout.layout == "discharge"
    assert any("pneumonia" in t for t in slot_texts(a, "principal_diagnosis"))
    assert any("diabetes" in t for t in slot_texts(a, "secondary_diagnoses"))
    assert not any("pneumonia" in t for t in slot_texts(a, "reason_for_admission"))
