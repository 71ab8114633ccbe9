"""Medication status across sentences, and drug names that are not medications (issue 11). Sentences written
here, in our own words."""

import pytest

from medcore.records.pipeline import analyze


def meds(kb, text):
    return [(m.name, m.status) for m in analyze(text, kb).extraction.medications]


def test_a_later_stop_of_the_same_drug_ends_the_earlier_start(kb):
    out = meds(kb, "Cefazolin and vancomycin were started on arrival. Cultures stayed negative at 48 hours, so "
                   "cefazolin and vancomycin were stopped.")
    assert out == [("cefazolin", "stopped"), ("vancomycin", "stopped")] * 2


def test_a_class_word_ends_the_course_of_a_drug_of_that_class(kb):
    out = meds(kb, "He was given IV Solu-Medrol and nebulizers. His breathing improved over two days. "
                   "The cortisone was then tapered. Discharge plan: prednisone 10 mg daily.")
    assert ("methylprednisolone", "stopped") in out
    assert ("prednisone", "") in out  # named after the taper: the discharge drug stays current


def test_a_pronoun_points_to_the_drug_named_last(kb):
    out = dict(meds(kb, "She began tacrolimus and prednisone in March. Her kidney function worsened, thought to be "
                        "tacrolimus toxicity, and therefore it was held."))
    assert out == {"tacrolimus": "stopped", "prednisone": "started"}


def test_a_restart_after_the_stop_wins(kb):
    out = meds(kb, "Lisinopril was started in clinic. It was held for low blood pressure on admission. "
                   "Lisinopril was restarted before discharge.")
    assert out[-1] == ("lisinopril", "continued")
    assert out[0] == ("lisinopril", "started")  # the latest explicit status is a restart, not the hold


def test_another_drug_of_the_same_class_is_not_stopped(kb):
    out = dict(meds(kb, "Metoprolol was started for rate control. Atenolol was stopped."))
    assert out["metoprolol"] == "started"


@pytest.mark.parametrize("text", [
    "Her tacrolimus level was 14 today.",
    "A dipyridamole stress test showed no ischemia.",
    "We irrigated the wound with copious normal saline, then closed it.",
    "After irrigating the joint with plenty of sterile saline, the capsule was closed.",
    "There is a future need for thyroid hormone replacement.",
    "We talked about the chance of a need for thyroid medication in future.",
    "A Persantine stress test was normal last year.",
    "He came in after cocaine and nitrous oxide use last night.",
    "He had used alcohol and nitrous oxide at a party.",
])
def test_not_a_medication(kb, text):
    assert meds(kb, text) == []


@pytest.mark.parametrize("text,drug", [
    ("Nitrous oxide was used for anesthesia.", "nitrous oxide"),
    ("Continue tacrolimus 2 mg twice daily.", "tacrolimus"),
    ("Normal saline at 100 mL/hr.", "sodium chloride"),
    ("Give hydrocortisone stress dose before the operation.", "hydrocortisone"),
])
def test_still_a_medication(kb, text, drug):
    assert drug in [n for n, _ in meds(kb, text)]


@pytest.mark.parametrize("text,drug,dose,unit,frequency", [
    ("Dexamethasone 20 mg for 4 days every 3 weeks.", "dexamethasone", "20", "mg", "4 days every 3 weeks"),
    ("Prednisone for five days each month.", "prednisone", "", "", "5 days every month"),
    ("Bactrim DS 1 tablet b.i.d. on Mondays, Wednesdays and Fridays.", "trimethoprim/sulfamethoxazole", "1", "tablet",
     "twice daily three days a week"),
    ("Methotrexate 2.5 mg twice daily on Sat/Sun.", "methotrexate", "2.5", "mg", "twice daily two days a week"),
    ("Heparin infusion at 8 mL an hour.", "heparin", "8", "ml an hour", "continuous"),
])
def test_cycles_weekdays_and_rates(kb, text, drug, dose, unit, frequency):
    m = next(x for x in analyze(text, kb).extraction.medications if x.name == drug)
    assert (m.dose, m.unit.lower(), m.frequency) == (dose, unit, frequency)


_DISCHARGE = """DISCHARGE SUMMARY

ADMISSION DIAGNOSIS: Community-acquired pneumonia.

HOSPITAL COURSE: Ceftriaxone was started on the ward. Lisinopril was held for low blood pressure. IV \
methylprednisolone was given for wheezing. The steroids were tapered before discharge.

DISCHARGE MEDICATIONS: Lisinopril 10 mg daily. Prednisone 20 mg daily.

FOLLOW UP: Primary care clinic in 1 week.
"""


def test_medication_changes_heading_and_lists_agree(kb):
    a = analyze(_DISCHARGE, kb)
    changes = next(s for s in a.layout.slots if s.title == "Medication changes")
    lines = [i.text for i in changes.items]
    assert "Stopped: methylprednisolone" in lines  # ended by a later sentence, through its class
    assert not any("lisinopril" in t for t in lines)  # held on the ward, listed again at discharge: taken
    listed = {i.detail["name"]: i.detail["status"] for i in a.summary.medications}
    assert listed["lisinopril"] == "" and listed["methylprednisolone"] == "stopped"
    held = [m for m in a.extraction.medications if m.name == "lisinopril"]
    assert [m.status for m in held] == ["stopped", ""]  # the summary does not rewrite the extraction


def test_a_taper_to_a_lower_dose_does_not_end_the_course(kb):
    out = dict(meds(kb, "Prednisone was started for the flare. The steroids were tapered to 10 mg daily."))
    assert out["prednisone"] == "started"


@pytest.mark.parametrize("text,kept", [
    ("Mother received cefazolin 2 g an hour before the delivery.", False),
    ("Her father takes insulin for diabetes.", False),
    ("Mother gives him amoxicillin twice daily.", True),
    ("She gave her mother aspirin.", True),
])
def test_a_medicine_of_another_person(kb, text, kept):
    assert bool(meds(kb, text)) is kept


def test_a_parent_speaking_for_the_patient(kb):
    assert meds(kb, "Mom reports he has been taking ibuprofen for the pain.")


def test_a_stop_said_with_a_modal_after_the_drug_is_a_stop(kb):
    out = meds(kb, "He takes warfarin for his heart rhythm. Plan: the warfarin needs to be stopped until the "
                   "bleeding has been looked into.")
    assert out == [("warfarin", "stopped"), ("warfarin", "stopped")]


def test_a_later_stop_ends_a_drug_of_the_medication_list(kb):
    out = meds(kb, "MEDICATIONS: 1. Metoprolol 25 mg once a day. 2. Aspirin 75 mg each morning. "
                   "PLAN: We will discontinue aspirin for now and keep metoprolol going.")
    assert ("aspirin", "stopped") == out[1]
    assert out[0] == ("metoprolol", "")


def test_a_discharge_list_after_the_stop_keeps_the_drug(kb):
    out = meds(kb, "Aspirin was held before the procedure. DISCHARGE MEDICATIONS: 1. Aspirin 81 mg daily.")
    assert out[0] == ("aspirin", "stopped")
    assert out[-1][1] != "stopped"
