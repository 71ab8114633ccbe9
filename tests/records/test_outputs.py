import base64
import json

import pytest

from medcore.auth import SYSTEM
from medcore.records import export, inputs, service


@pytest.fixture
def result(settings, fast_embed):
    from medcore.records.corpus import annotated_notes

    note = annotated_notes(settings, "dev")[0]
    return service.summarize_input(inputs.from_paste(note.text, settings), settings, user=SYSTEM)


def test_cli_json_contract(settings, tmp_path, capsys, fast_embed):
    from medcore.cli import main
    from medcore.records.corpus import annotated_notes

    path = tmp_path / "note.txt"
    path.write_text(annotated_notes(settings, "dev")[3].text)
    fhir = tmp_path / "bundle.json"
    assert main(["summarize", str(path), "--json", "--fhir", str(fhir)]) == 0
    out = json.loads(capsys.readouterr().out)
    text = path.read_text()
    for key in ("phi", "deidentified_text", "problems", "medications", "allergies", "labs", "vitals", "summary"):
        assert key in out
    assert out["phi"] and all({"type", "start", "end"} <= set(p) for p in out["phi"])
    for key in ("problems", "medications", "allergies", "labs", "vitals"):
        assert out[key], key
        for e in out[key]:
            assert text[e["start"]:e["end"]] == e["text"]
    assert all(p["assertion"] in ("present", "negated", "possible", "hypothetical", "historical", "family") for p in out["problems"])
    assert all({"name", "dose", "route", "frequency"} <= set(m) for m in out["medications"])
    assert all({"value", "unit", "flag"} <= set(x) for x in out["labs"])
    assert out["summary"]["one_liner"] and out["summary"]["narrative"]
    assert "Whitfield" not in out["deidentified_text"]
    export.validate_bundle(json.loads(fhir.read_text()))


def test_cli_bad_input_exit_code(tmp_path, settings, capsys):
    from medcore.cli import main

    p = tmp_path / "empty.txt"
    p.write_text("  ")
    assert main(["summarize", str(p), "--json"]) == 2
    assert "empty" in capsys.readouterr().err
    assert main(["summarize", str(tmp_path / "missing.txt")]) == 2


def test_fhir_bundle_validates_and_is_marked(result):
    bundle = export.to_fhir_bundle(result.analysis, result.narrative)
    model = export.validate_bundle(bundle)
    kinds = [e.resource.get_resource_type() for e in model.entry]
    for k in ("DocumentReference", "Condition", "MedicationStatement", "AllergyIntolerance", "Provenance"):
        assert k in kinds
    for e in bundle["entry"]:
        assert e["resource"]["meta"]["security"][0]["code"] == "AIAST"
    doc = next(e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "DocumentReference")
    assert doc["docStatus"] == "preliminary"
    meds = [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "MedicationStatement"]
    assert any(m["status"] == "stopped" for m in meds)


def test_markdown_has_sections_and_disclaimer(result):
    md = export.to_markdown(result.analysis, result.narrative)
    for h in ("## Active problems", "## Medications", "## Allergies", "## Follow-up", "## Narrative"):
        assert h in md
    assert "not for clinical decisions" in md


def test_handoff_waits_in_store(store, result):
    item = export.send_handoff(store, result.analysis, title="Hand-off test")
    rec = store.get_work(item)
    assert rec.kind == "handoff" and rec.status == "open"
    assert {"problems", "medications", "allergies"} <= set(rec.data)
    assert any(m["name"] == "furosemide" for m in rec.data["medications"])
    assert store.list_work(kind="handoff", status="open")[0].id == item


def test_a_handoff_sent_to_a_team_reaches_its_members_and_a_non_member_cannot_send_one(store, result):
    from medcore import auth, teams
    from medcore.auth import AccessDenied, User

    for name in ("alice", "bob", "carol", "ada"):
        auth.add_user(store, name, "a long password", "admin" if name == "ada" else "clinician")
    teams.create_team(store, "ward-3")
    teams.add_member(store, "ward-3", "alice")
    teams.add_member(store, "ward-3", "bob")
    carol = store.as_user(User("carol", "clinician"))
    with pytest.raises(AccessDenied, match="not a member"):
        export.send_handoff(carol, result.analysis, team="ward-3")
    assert store.list_work(kind="handoff") == []  # refused before anything was saved
    item = export.send_handoff(store.as_user(User("alice", "clinician")), result.analysis, team="ward-3")
    assert [r.id for r in store.as_user(User("bob", "clinician")).list_work(kind="handoff")] == [item]
    assert carol.list_work(kind="handoff") == [] and store.get_work(item).user == "alice"


# ---- exports are de-identified by default; clinician edits reach them and the hand-off -----------------
_PHI_NOTE = ("Patient: Harold Jenkins  MRN: 00482913\nHPI: Mr. Jenkins, 68, admitted on 03/04/2024 with chest pain. "
             "Seen at Riverside General Hospital.\nMedications: Furosemide 40 mg PO daily.\n"
             "Plan: Jenkins to follow up with cardiology on 03/11/2024.\n")


@pytest.fixture
def phi_analysis(settings):
    from medcore.records import kb as kb_mod
    from medcore.records.pipeline import analyze

    return analyze(_PHI_NOTE, kb_mod.load(settings), shift_days=-40)


def test_exports_are_deidentified_unless_asked(phi_analysis):
    import json

    md = export.to_markdown(phi_analysis)
    bundle = export.to_fhir_bundle(phi_analysis)
    export.validate_bundle(bundle)
    doc = next(e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "DocumentReference")
    attached = base64.b64decode(doc["content"][0]["attachment"]["data"]).decode()
    for text in (md, json.dumps(bundle), attached, json.dumps(export.to_json(phi_analysis, identifiers=False))):
        for secret in ("Jenkins", "00482913", "03/04/2024", "03/11/2024", "Riverside"):
            assert secret not in text
    assert "furosemide" in md.lower()
    shifted = phi_analysis.deid.text
    assert any(d in md for d in ("01/24/2024", "01/31/2024")) and "01/24/2024" in shifted  # one shift, the note's
    assert "Jenkins" in export.to_markdown(phi_analysis, identifiers=True)


def test_clinician_edits_reach_exports_and_handoff(phi_analysis, store):
    corrected = "Mr. Jenkins: chest pain, furosemide started 03/04/2024. Seen by Dr. Alice Moreau."
    md = export.to_markdown(phi_analysis, corrected=corrected)
    assert "furosemide started" in md and "Edited by a clinician" in md
    assert "Jenkins" not in md and "Moreau" not in md and "03/04/2024" not in md
    bundle = export.to_fhir_bundle(phi_analysis, corrected=corrected)
    export.validate_bundle(bundle)
    item = export.send_handoff(store, phi_analysis, corrected=corrected)
    data = store.get_work(item).data
    assert "furosemide started" in data["corrected_summary"] and "Jenkins" not in data["corrected_summary"]


def test_cli_markdown_is_deidentified_by_default(tmp_path, settings, capsys):
    from medcore.cli import main

    p = tmp_path / "note.txt"
    p.write_text(_PHI_NOTE)
    assert main(["summarize", str(p), "--no-narrative"]) == 0
    assert "Jenkins" not in capsys.readouterr().out
    assert main(["summarize", str(p), "--no-narrative", "--with-identifiers"]) == 0
    assert "Jenkins" in capsys.readouterr().out
