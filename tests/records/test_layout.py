"""The structured summary laid out by note type (medcore.records.layout), on notes written for these tests."""

import pytest

from medcore.records import export, layout
from medcore.records.pipeline import analyze
from tests.records import layout_notes as N


def slots(a) -> dict:
    return {s.title: s for s in a.layout.slots}


def texts(slot) -> list[str]:
    return [i.text for i in slot.items]


def assert_provenance(a):
    """Every line points at its source sentence, and that sentence holds the line's words."""
    for slot in a.layout.slots:
        for item in slot.items:
            if item.sentence < 0:
                continue
            sent = a.sentences[item.sentence]
            assert (item.start, item.end) == (sent.start, sent.end)
            m = item.detail.get("mention")
            if m:
                assert sent.start <= m[0] < m[1] <= sent.end
                assert a.text[m[0]:m[1]].strip() and a.text[m[0]:m[1]] in item.text or item.kind != "line"


def test_discharge_layout(kb):
    a = analyze(N.DISCHARGE, kb)
    assert a.layout.layout == "discharge"
    s = slots(a)
    assert list(s)[:8] == ["Reason for admission", "Principal diagnosis", "Secondary diagnoses", "Hospital course",
                           "Procedures", "Medication changes", "Discharge medications", "Pending results"]
    assert texts(s["Principal diagnosis"]) == ["Acute decompensated heart failure."]
    assert any("kidney disease" in t for t in texts(s["Secondary diagnoses"]))
    assert any("diuresed" in t for t in texts(s["Hospital course"]))
    changes = texts(s["Medication changes"])
    assert any(t.startswith("Started: furosemide 40 mg") for t in changes)
    assert any(t.startswith("Stopped: metformin") for t in changes)
    assert any(t.startswith("Changed: lisinopril 20 mg") for t in changes)
    assert texts(s["Pending results"]) == ["Thyroid function tests are pending at discharge."]
    # "Pending results:" is no section header the section finder knows; as a leading label it still moves its line
    assert not any("pending" in t for t in texts(s["Discharge medications"]))
    assert any("cardiology clinic" in t for t in texts(s["Follow-up"]))
    assert_provenance(a)


def test_principal_diagnosis_list_overflows_into_secondary(kb):
    note = "Discharge diagnoses:\n1. Pneumonia.\n2. Atrial fibrillation.\nHospital course: Treated with antibiotics.\n"
    s = slots(analyze(note, kb))
    assert len(s["Principal diagnosis"].items) == 1 and "Pneumonia" in texts(s["Principal diagnosis"])[0]
    assert [t for t in texts(s["Secondary diagnoses"]) if "Atrial fibrillation" in t]


def test_ed_layout(kb):
    a = analyze(N.ED, kb)
    s = slots(a)
    assert a.layout.layout == "ed" and list(s)[:2] == ["Complaint", "Findings"] and "Disposition" in s
    assert texts(s["Complaint"]) == ["Right ankle pain after a fall."]
    assert any("no fracture" in t for t in texts(s["Findings"]))
    assert any("Discharged home with crutches" in t for t in texts(s["Disposition"]))
    assert any(t.startswith("ED course: Given ibuprofen") for t in texts(s["Findings"]))  # header as written
    assert_provenance(a)


def test_consult_layout(kb):
    a = analyze(N.CONSULT, kb)
    s = slots(a)
    assert a.layout.layout == "consult" and list(s)[:3] == ["Question asked", "Assessment", "Recommendations"]
    assert any("atrial fibrillation after hip surgery" in t for t in texts(s["Question asked"]))
    assert any("metoprolol 25 mg" in t for t in texts(s["Recommendations"]))
    assert_provenance(a)


def test_progress_layout_is_soap(kb):
    a = analyze(N.PROGRESS, kb)
    s = slots(a)
    assert list(s) == ["Subjective", "Objective", "Assessment", "Plan"]
    assert texts(s["Assessment"]) == ["Community-acquired pneumonia, improving."]
    assert any("amoxicillin" in t for t in texts(s["Plan"]))
    assert not any("amoxicillin" in t for t in texts(s["Assessment"]))  # one sentence, one slot
    assert_provenance(a)


def test_radiology_layout(kb):
    a = analyze(N.RADIOLOGY, kb)
    s = slots(a)
    assert a.layout.layout == "radiology" and "Findings" in s and "Impression" in s
    assert any("2 cm nodule" in t for t in texts(s["Findings"]))
    assert texts(s["Impression"]) == ["Right upper lobe nodule; tissue sampling suggested."]
    assert_provenance(a)


@pytest.mark.parametrize("name", ["PLAIN", "AMBIGUOUS"])
def test_unrecognised_and_ambiguous_notes_keep_the_generic_layout(kb, name):
    a = analyze(getattr(N, name), kb)
    assert a.layout.layout == "generic" and not a.layout.note
    assert [s.title for s in a.layout.slots] == ["Active problems", "Medications", "Allergies",
                                                 "Key abnormal results", "Plan", "Follow-up"]
    assert a.layout.slots[0].items == a.summary.problems


def test_a_type_without_its_headings_falls_back_to_generic_and_says_so(kb):
    a = analyze(N.DISCHARGE_NO_HEADINGS, kb)
    assert a.note_type.name == "discharge" and a.layout.layout == "generic"
    assert "none of its usual headings" in a.layout.note


def test_sub_headings_keep_their_name_and_stay_in_their_slot(kb):
    note = ("Subjective: No complaints.\nObjective:\nHEENT: Pupils equal.\nABDOMEN: Soft.\n"
            "Assessment: Doing well.\nPlan: Discharge tomorrow.\n")
    s = slots(analyze(note, kb))
    assert texts(s["Objective"]) == ["HEENT: Pupils equal.", "ABDOMEN: Soft."]


def test_a_flattened_sub_heading_is_named_in_front_of_its_line(kb):
    note = "SUBJECTIVE:, No complaints.,OBJECTIVE:, Afebrile.,HEENT:, Pupils equal.,ASSESSMENT:, Doing well.,PLAN:, Home.\n"
    s = slots(analyze(note, kb))
    assert any(t.lower().startswith("heent: pupils equal") for t in texts(s["Objective"]))


def test_slot_cap_counts_the_rest(kb):
    body = " ".join(f"Day {i}: stable overnight." for i in range(1, 13))
    note = f"Discharge diagnosis: Pneumonia.\nHospital course: {body}\n"
    s = slots(analyze(note, kb))["Hospital course"]
    assert len(s.items) == 8 and s.more >= 1


def test_one_liner_only_from_confident_present_problems(kb):
    note = ("Chief complaint: chest pain.\nReview of systems: Positive for headache.\n"
            "Family history: Mother with breast cancer.\nAssessment: Chest pain, no evidence of pneumonia.\n")
    a = analyze(note, kb)
    assert "chest pain" in a.summary.one_liner.lower()
    for word in ("headache", "breast cancer", "pneumonia"):
        assert word not in a.summary.one_liner.lower()


def test_json_and_markdown_follow_the_layout(kb):
    a = analyze(N.DISCHARGE, kb)
    out = export.to_json(a)
    assert out["note_type"]["name"] == "discharge" and out["layout"]["layout"] == "discharge"
    titles = [s["title"] for s in out["layout"]["slots"]]
    assert titles[0] == "Reason for admission"
    md = export.to_markdown(a, identifiers=True)
    assert "**Note type:** Discharge summary" in md
    assert md.index("## Principal diagnosis") < md.index("## Hospital course") < md.index("## Active problems")
    assert "Started: furosemide 40 mg" in md


def test_layout_kb_is_validated(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("source: x\ngeneric: {title: S, slots: [{key: a, title: A, from: nonsense}]}\nlayouts: {}\n",
                   encoding="utf-8")
    with pytest.raises(layout.LayoutKBError, match="nonsense"):
        layout.load(bad)
    kb = layout.load()
    assert kb.source and layout.layout_name("letter", kb) == "generic" and layout.layout_name("ed", kb) == "ed"


def test_cli_json_has_note_type_and_layout(tmp_path, settings, capsys):
    import json

    from medcore.cli import main

    p = tmp_path / "note.txt"
    p.write_text(N.CONSULT)
    assert main(["summarize", str(p), "--json", "--no-narrative"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["note_type"]["name"] == "consult" and out["note_type"]["evidence"]
    slots = {s["key"]: s for s in out["layout"]["slots"]}
    assert [s["title"] for s in out["layout"]["slots"]][:3] == ["Question asked", "Assessment", "Recommendations"]
    rec = slots["recommendations"]["items"][0]
    assert rec["sentence"] >= 0 and rec["start"] < rec["end"]  # provenance: the source sentence's offsets


def test_fhir_document_carries_the_laid_out_summary(kb):
    import base64

    a = analyze(N.RADIOLOGY, kb)
    bundle = export.to_fhir_bundle(a, identifiers=True)
    export.validate_bundle(bundle)
    doc = next(e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "DocumentReference")
    md = base64.b64decode(doc["content"][0]["attachment"]["data"]).decode("utf-8")
    assert "**Note type:** Radiology" in md and md.index("## Findings") < md.index("## Impression")


def test_an_unknown_section_run_into_the_text_is_not_a_sub_heading_of_the_one_above(kb):
    note = ("DISCHARGE SUMMARY.,PRINCIPAL DIAGNOSIS:, Pneumonia.,SECONDARY DIAGNOSES:, Anemia.,"
            "HISTORY AND PHYSICAL:, The patient had a cough for a week.,HOSPITAL COURSE:, Treated with antibiotics.\n")
    s = slots(analyze(note, kb))
    assert not any("cough" in t for t in texts(s["Secondary diagnoses"]))
