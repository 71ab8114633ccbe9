"""Session 18 (issue 11): note structure and template reading, on notes written for these tests (no real patient):
the discharge view's diagnoses and reason for admission, stopped medicines and vitals lines kept out of the
discharge medication list, ED notes recognised by their title and course heading, allergy shorthand
("PCN -> anaphylaxis"), and empty template fields ("INFECTIONS: None") read as negations."""

import pytest

from medcore.records import export
from medcore.records.pipeline import analyze


def slots(a) -> dict:
    return {s.key: [i.text for i in s.items] for s in a.layout.slots}


def problems(a) -> dict:
    return {p.text.lower(): p.assertion for p in a.extraction.problems}


# ---- 1. discharge diagnoses and reason for admission -----------------------------------------------------------

_LABELLED = ("DISCHARGE SUMMARY\n\nCHIEF COMPLAINT: Crushing chest pressure.\n\n"
             "HISTORY OF PRESENT ILLNESS: Retired teacher, pain began while gardening.\n\n"
             "DISCHARGE DIAGNOSES:\n1. Congestive heart failure.\n2. Type 2 diabetes.\n\n"
             "PRINCIPAL DIAGNOSIS: Non-ST elevation myocardial infarction.\n\n"
             "HOSPITAL COURSE: Catheterised on day two.\n")


def test_the_diagnosis_labelled_principal_leads_and_the_list_is_secondary(kb):
    s = slots(analyze(_LABELLED, kb))
    assert s["principal_diagnosis"] == ["Non-ST elevation myocardial infarction."]
    assert any("Congestive heart failure" in t for t in s["secondary_diagnoses"])
    assert any("Type 2 diabetes" in t for t in s["secondary_diagnoses"])
    assert s["reason_for_admission"] == ["CHIEF COMPLAINT: Crushing chest pressure."]


def test_flattened_discharge_list_first_is_principal_rest_secondary(kb):
    note = ("DISCHARGE DIAGNOSES:,1.  Congestive heart failure, acute on chronic.,2.  Atrial fibrillation.,"
            "3.  Stage 3 chronic kidney disease.,HOSPITAL COURSE:,  Diuresed with good effect.")
    s = slots(analyze(note, kb))
    assert len(s["principal_diagnosis"]) == 1 and "Congestive heart failure" in s["principal_diagnosis"][0]
    assert any("Atrial fibrillation" in t for t in s["secondary_diagnoses"])
    assert any("kidney disease" in t for t in s["secondary_diagnoses"])


def test_only_admitting_diagnoses_stand_for_the_principal_one(kb):
    note = ("HOSPITAL COURSE: Given antibiotics and oxygen.\nADMITTING DIAGNOSES: Community-acquired pneumonia.\n"
            "SECONDARY DIAGNOSES: Asthma.\nDATE OF DISCHARGE: 01/02/2020.\n")
    s = slots(analyze(note, kb))
    assert any("pneumonia" in t for t in s["principal_diagnosis"])
    assert s["secondary_diagnoses"] == ["Asthma."]
    assert any("pneumonia" in t for t in s["reason_for_admission"])


def test_reason_for_admission_is_the_history_sentence_that_says_why_not_its_first(kb):
    note = ("HISTORY OF PRESENT ILLNESS: She lives alone and walks with a frame. She was admitted with a fall and "
            "confusion after two days of burning urine.\nHOSPITAL COURSE: Treated for a urinary infection.\n"
            "DISCHARGE DIAGNOSES: Urinary tract infection.\n")
    s = slots(analyze(note, kb))
    assert len(s["reason_for_admission"]) == 1 and "admitted with a fall" in s["reason_for_admission"][0]


def test_reason_for_admission_is_left_empty_rather_than_a_history_sentence_that_gives_none(kb):
    note = ("HISTORY OF PRESENT ILLNESS: Details are in the admission note.\nHOSPITAL COURSE: Uneventful.\n"
            "DISCHARGE DIAGNOSES: Cellulitis of the left leg.\n")
    assert slots(analyze(note, kb))["reason_for_admission"] == []


# ---- 2. stopped medicines and vitals lines are not discharge medications -----------------------------------------

def test_stopped_held_and_vitals_lines_leave_the_discharge_medication_list(kb):
    note = ("DISCHARGE SUMMARY\nDISCHARGE DIAGNOSES: Gout flare.\nDISCHARGE MEDICATIONS:\n"
            "1. Colchicine 0.6 mg daily.\n2. Allopurinol 100 mg daily.\nSTOPPED: Ibuprofen.\n"
            "HOLD: Lisinopril until the kidney tests are repeated.\nDISCONTINUE naproxen 500 mg.\n"
            "BP 128/70, HR 72.\nFOLLOW UP: Rheumatology in 2 weeks.\n")
    a = analyze(note, kb)
    s = slots(a)
    meds = s["discharge_medications"]
    assert any("Colchicine" in t for t in meds) and any("Allopurinol" in t for t in meds)
    assert not any(w in t for t in meds for w in ("Ibuprofen", "Lisinopril", "naproxen", "128/70"))
    changes = s["medication_changes"]
    for name in ("ibuprofen", "lisinopril", "naproxen"):
        assert any(t.startswith("Stopped: " + name) for t in changes), changes
    current = {m.detail.get("name") for m in a.summary.medications if m.detail.get("status") not in ("stopped",)}
    assert {"ibuprofen", "lisinopril", "naproxen"}.isdisjoint(current)
    hand = export.handoff_data(a)  # the planner's hand-off lists them apart
    assert set(hand["stopped_medications"]) == {"ibuprofen", "lisinopril", "naproxen"}


# ---- 3. ED notes -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("title", ["ED NOTE", "EMERGENCY DEPARTMENT NOTE", "Emergency Department Provider Note",
                                   "ER VISIT NOTE"])
def test_an_emergency_note_is_recognised_by_its_title(kb, title):
    note = (f"{title}\n\nChief complaint: Headache.\n\nHistory: Woman of 41 with two days of frontal headache.\n\n"
            "Physical exam: Neck supple, neurologically intact.\n\nAssessment: Tension-type headache.\n\n"
            "Plan: Home, return if worse.\n")
    a = analyze(note, kb)
    assert a.note_type.name == "ed" and a.layout.layout == "ed"
    assert slots(a)["complaint"] == ["Headache."]


def test_course_in_the_emergency_department_is_a_section_of_the_ed_note(kb):
    note = ("Chief complaint: Wrist pain after a fall.\nPhysical exam: Tender over the snuffbox.\n"
            "Course in the emergency department: Films showed no fracture; given ibuprofen 600 mg.\n"
            "Assessment: Wrist sprain.\nDisposition: Home in a splint.\n")
    a = analyze(note, kb)
    assert a.note_type.name == "ed"
    assert any(s.header.lower().startswith("course in the emergency") and s.category == "hospital_course"
               for s in a.sections)
    assert any(t.startswith("Course in the emergency department: Films") for t in slots(a)["findings"])


# ---- 4. allergy shorthand ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("line", ["Allergy: PCN \u2192 anaphylaxis.", "Allergy: PCN -> anaphylaxis.",
                                  "Allergy: PCN - anaphylaxis.", "Allergy: PCN: anaphylaxis.",
                                  "Allergy: PCN causes anaphylaxis.", "Allergy: PCN reaction: anaphylaxis."])
def test_penicillin_shorthand_with_an_arrow_is_an_allergy_not_a_present_anaphylaxis(kb, line):
    a = analyze(f"CHIEF COMPLAINT: Sore throat.\n{line}\nPLAN: Azithromycin 500 mg today.\n", kb)
    assert [(x.substance, x.reaction) for x in a.extraction.allergies] == [("penicillin", "anaphylaxis")]
    assert "anaphylaxis" not in problems(a)
    assert "penicillin" not in {m.name for m in a.extraction.medications}


def test_allergy_section_abbreviations(kb):
    a = analyze("HPI: Cough.\nALLERGIES: PCN \u2192 anaphylaxis, ASA - hives, sulfa causes rash.\n", kb)
    assert [(x.substance, x.reaction) for x in a.extraction.allergies] == [
        ("penicillin", "anaphylaxis"), ("aspirin", "hives"), ("sulfa", "rash")]
    assert "anaphylaxis" not in problems(a)


@pytest.mark.parametrize("said", ["NKDA.", "NKA.", "No known drug allergies."])
def test_no_known_allergies_shorthand(kb, said):
    a = analyze(f"HPI: Cough.\nALLERGIES: {said}\n", kb)
    assert a.extraction.no_known_allergies and not [x for x in a.extraction.allergies if x.substance]


def test_pcn_outside_an_allergy_is_no_penicillin(kb):
    a = analyze("EXAM: Right PCN tube draining clear urine.\n", kb)
    assert not a.extraction.allergies and "penicillin" not in {m.name for m in a.extraction.medications}


# ---- 5. empty template fields ------------------------------------------------------------------------------------

def test_empty_fields_of_a_flattened_template_deny_their_heading(kb):
    note = ("PREOPERATIVE DIAGNOSIS:,  Left inguinal hernia.,PROCEDURE:,  Open repair with mesh.,"
            "COMPLICATIONS:,  None.,ESTIMATED BLOOD LOSS:,  Minimal.,INFECTIONS:,  None.,DRAINS:,  Nil.,"
            "BLEEDING:, Negative.,Delirium: N/A.,Seizure:  not applicable.,Wound infection: None")
    a = analyze(note, kb)
    found = problems(a)
    assert found.get("inguinal hernia") == "present"
    for word in ("infections", "bleeding", "delirium", "seizure", "wound infection"):
        assert found.get(word, "negated") == "negated", (word, found)
    assert not [p for p in a.extraction.problems if p.assertion == "present" and p.text.lower() != "inguinal hernia"]


def test_a_field_heading_alone_on_its_line_with_none_below(kb):
    found = problems(analyze("HOSPITAL COURSE: Uneventful.\nINFECTIONS:\nNone.\nDISCHARGE DIAGNOSES: Hernia.\n", kb))
    assert found.get("infections", "negated") == "negated"


def test_a_field_with_an_answer_keeps_its_problem(kb):
    found = problems(analyze("COMPLICATIONS:,  Wound infection on day 3.,DRAINS:,  None.", kb))
    assert found.get("wound infection") == "present"


def test_an_effect_told_as_a_story_stays_a_problem(kb):
    # only an allergy's own reaction ("PCN causes anaphylaxis") is kept off the problem list, not "which caused"
    a = analyze("HPI: Amoxicillin was tried for the ear infection, which caused loose stools for a week.\n", kb)
    assert problems(a).get("loose stools") == "present"
