"""Exports of a chat: JSON (transcript + result), PDF (fpdf2), and a FHIR R4B Bundle with the
differential as Conditions (verificationStatus=differential), a List, and a Provenance; every
resource is marked AI-generated (meta.security AIAST)."""

from __future__ import annotations

import datetime as dt
import uuid

from medcore.markdown_pdf import latin1

GENERATOR = "Medcore Studio symptom chat (Bayesian engine over the shipped triage knowledge base)"
DISCLAIMER = ("Research and education use only. Not a medical device and not a diagnosis. Machine-generated; "
              "can be wrong. If you are worried or getting worse, seek medical help.")
AIAST = {"system": "http://terminology.hl7.org/CodeSystem/v3-ActReason", "code": "AIAST",
         "display": "Artificial Intelligence asserted"}


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()


def to_json(state: dict) -> dict:
    return {"generator": GENERATOR, "exported": _now(), "disclaimer": DISCLAIMER, "mode": state.get("mode"),
            "age": state.get("age"), "sex": state.get("sex"), "answers": state.get("answers", {}),
            "transcript": [{"role": t["role"], "kind": t.get("kind"), "text": t["text"]} for t in state["turns"]],
            "result": state.get("result")}


def to_pdf(state: dict) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin

    def para(text: str, size: int = 10, style: str = "") -> None:
        pdf.set_font("Helvetica", style, size)
        pdf.set_x(pdf.l_margin)
        pdf.multi_cell(width, 5, latin1(text))

    para("Symptom chat report", 16, "B")
    para(f"Generated {_now()} by {GENERATOR}. AI-generated content.", 8)
    para(DISCLAIMER, 9, "I")
    pdf.ln(2)
    res = state.get("result") or {}
    if res:
        para(f"Triage: {res.get('triage_text', res.get('triage', ''))}", 12, "B")
        para(f"Reason: {res.get('triage_reason', '')}")
        if res.get("crisis"):
            para(res["crisis"]["text"], 10, "B")
            for c in res["crisis"]["contacts"]:
                para(f"- {c}")
        pdf.ln(1)
        para("Differential (posterior probability)", 11, "B")
        for d in res.get("differential", []):
            para(f"- {d['condition']} ({d['icd10']}): {d['probability']:.0%}")
            if d["evidence_for"]:
                para(f"    for: {', '.join(d['evidence_for'])}", 9)
            if d["evidence_against"]:
                para(f"    against: {', '.join(d['evidence_against'])}", 9)
        pdf.ln(1)
        para("Findings", 11, "B")
        for f in res.get("findings", []):
            if f.get("origin") != "implied" or f["present"]:
                para(f"- {'yes' if f['present'] else 'no'}: {f['name']} ({f.get('origin', '')})", 9)
    pdf.ln(2)
    para("Transcript", 11, "B")
    for t in state.get("turns", []):
        who = "You" if t["role"] == "user" else "Assistant"
        para(f"{who}: {t['text'][:3000]}", 9)
    return bytes(pdf.output())


def _security() -> dict:
    return {"security": [AIAST], "tag": [{"system": "http://medcore.example/tags", "code": "ai-generated"}]}


def to_fhir(state: dict) -> dict:
    """A collection Bundle: placeholder Patient (no identifiers), one Condition per ranked condition
    with verificationStatus=differential, a List of them in rank order, and a Provenance."""
    res = state.get("result") or {}
    ts = _now()
    pid = str(uuid.uuid4())
    patient = {"resourceType": "Patient", "id": pid, "meta": _security()}
    if state.get("sex") in ("female", "male"):
        patient["gender"] = state["sex"]
    entries = [{"fullUrl": f"urn:uuid:{pid}", "resource": patient}]
    cond_refs = []
    for rank, d in enumerate(res.get("differential", []), start=1):
        rid = str(uuid.uuid4())
        cond_refs.append(f"urn:uuid:{rid}")
        note = (f"Rank {rank}; posterior probability {d['probability']:.3f}; triage level of this condition "
                f"{d.get('triage', '')}. Evidence for: {', '.join(d['evidence_for']) or 'none'}. Evidence against: "
                f"{', '.join(d['evidence_against']) or 'none'}. AI-generated differential, not a diagnosis.")
        entries.append({"fullUrl": f"urn:uuid:{rid}", "resource": {
            "resourceType": "Condition", "id": rid, "meta": _security(),
            "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-clinical",
                                           "code": "active"}]},
            "verificationStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-ver-status",
                                               "code": "differential", "display": "Differential"}]},
            "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-category",
                                      "code": "encounter-diagnosis"}]}],
            "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10", "code": d["icd10"],
                                 "display": d["condition"]}], "text": d["condition"]},
            "subject": {"reference": f"urn:uuid:{pid}"},
            "recordedDate": ts,
            "note": [{"text": note}]}})
    list_id = str(uuid.uuid4())
    entries.append({"fullUrl": f"urn:uuid:{list_id}", "resource": {
        "resourceType": "List", "id": list_id, "meta": _security(), "status": "current", "mode": "snapshot",
        "title": "AI-generated differential diagnosis (symptom chat)", "date": ts,
        "orderedBy": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/list-order", "code": "priority"}]},
        "subject": {"reference": f"urn:uuid:{pid}"},
        "note": [{"text": f"Triage: {res.get('triage', '')}. {res.get('triage_reason', '')} {DISCLAIMER}"}],
        "entry": [{"item": {"reference": r}} for r in cond_refs]}})
    prov_id = str(uuid.uuid4())
    entries.append({"fullUrl": f"urn:uuid:{prov_id}", "resource": {
        "resourceType": "Provenance", "id": prov_id, "meta": _security(),
        "target": [{"reference": r} for r in [*cond_refs, f"urn:uuid:{list_id}"]], "recorded": ts,
        "agent": [{"type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/provenance-participant-type",
                                        "code": "assembler"}]},
                   "who": {"display": GENERATOR}}]}})
    return {"resourceType": "Bundle", "id": str(uuid.uuid4()), "meta": _security(), "type": "collection",
            "timestamp": ts, "entry": entries}


def validate_fhir(bundle: dict):
    """Raises if fhir.resources (R4B) rejects the bundle; returns the parsed model."""
    from fhir.resources.R4B.bundle import Bundle

    return Bundle.model_validate(bundle) if hasattr(Bundle, "model_validate") else Bundle.parse_obj(bundle)
