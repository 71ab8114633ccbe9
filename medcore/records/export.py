"""Outputs: the CLI's JSON contract, Markdown, a FHIR R4B Bundle marked as AI-generated, and the
hand-off to the treatment planner."""

from __future__ import annotations

import base64
import logging
import uuid
from datetime import datetime, timezone

from medcore.records.fhir_obs import observations
from medcore.records.narrative import Narrative
from medcore.records.pipeline import NoteAnalysis
from medcore.records.redact import redact, redact_tree
from medcore.records.structured import HYPOTHETICAL_TITLE, med_line

log = logging.getLogger(__name__)

GENERATOR = "Medcore Studio record summarizer"
ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm"
AIAST = {"system": "http://terminology.hl7.org/CodeSystem/v3-ActReason", "code": "AIAST",
         "display": "Artificial Intelligence asserted"}


def to_json(a: NoteAnalysis, narrative: Narrative | None = None, warnings: list[str] | None = None, *,
            identifiers: bool = True) -> dict:
    """The CLI's contract (offsets into the note, so its text as written); the page's download passes
    identifiers=False unless the clinician chose otherwise."""
    out = _json(a, narrative, warnings)
    return out if identifiers else redact_tree(a, out)


def _json(a: NoteAnalysis, narrative: Narrative | None, warnings: list[str] | None) -> dict:
    ex = a.extraction

    def base(m) -> dict:
        return {"text": m.text, "start": m.start, "end": m.end, "sentence": m.sentence}

    return {
        "phi": [{"type": s.type, "start": s.start, "end": s.end} for s in a.deid.spans],
        "deidentified_text": a.deid.text,
        "date_shift_days": a.deid.shift_days,
        "sections": [{"category": s.category, "header": s.header, "start": s.start, "end": s.end} for s in a.sections],
        "problems": [{**base(p), "name": p.name, "assertion": p.assertion, "section": p.section, "icd10cm": p.icd10cm,
                      **({"icd10cm_extra": list(p.extra_codes)} if p.extra_codes else {})} for p in ex.problems],
        "medications": [{**base(m), "name": m.name, "mention": m.mention, "dose": f"{m.dose} {m.unit}".strip(),
                         "dose_value": m.dose, "unit": m.unit, "route": m.route, "frequency": m.frequency, "prn": m.prn,
                         "status": m.status, "class": m.drug_class} for m in ex.medications],
        "allergies": [{**base(x), "substance": x.substance, "reaction": x.reaction, "kind": x.kind} for x in ex.allergies],
        "no_known_allergies": ex.no_known_allergies,
        "labs": [{**base(x), "name": x.name, "value": x.value, "unit": x.unit, "flag": x.flag, "reference": x.reference,
                  "source": x.source} for x in ex.labs],
        "vitals": [{**base(x), "name": x.name, "value": x.value, "unit": x.unit, "flag": x.flag, "reference": x.reference,
                    "source": x.source} for x in ex.vitals],
        "procedures": [{**base(x), "name": x.name} for x in ex.procedures],
        "follow_ups": [{**base(x), "action": x.action, "when": x.when} for x in ex.follow_ups],
        "summary": {
            **a.summary.to_dict(),
            "narrative": narrative.text if narrative else "",
            "narrative_method": narrative.method if narrative else "",
            "narrative_backend": narrative.backend if narrative else "",
            "narrative_note": narrative.note if narrative else "",
        },
        "note_type": a.note_type.to_dict() if a.note_type else None,
        "layout": a.layout.to_dict() if a.layout else None,
        "timings_ms": {k: round(v, 2) for k, v in a.timings_ms.items()},
        "warnings": list(warnings or []),
    }


def to_markdown(a: NoteAnalysis, narrative: Narrative | None = None, *, identifiers: bool = False,
                corrected: str | None = None) -> str:
    """The summary as Markdown, de-identified unless `identifiers` (an explicit, audited choice). `corrected`:
    the clinician's edited summary, which then is the export."""
    if corrected and corrected.strip():
        text = corrected.strip() + "\n\n---\n_Edited by a clinician from the AI-generated summary._"
        return text if identifiers else redact(a, text)
    s = a.summary
    lines = ["# Note summary (AI-generated, preliminary)", "", f"**One-liner:** {s.one_liner}", ""]

    def block(title, items, empty="none found", more=0, level="##"):
        lines.append(f"{level} {title}")
        lines.extend([f"- {i.text}  _(sentence {i.sentence + 1})_" if i.sentence >= 0 else f"- {i.text}" for i in items]
                     or [f"- {empty}"])
        if more:
            lines.append(f"- _… {more} more in the note_")
        lines.append("")

    lo = a.layout
    if lo is not None and lo.layout != "generic":  # the note's own layout first, then every extracted list
        lines += [f"**Note type:** {lo.note_type.label} (layout: {lo.title})", ""]
        for slot in lo.slots:
            block(slot.title, slot.items, slot.empty, slot.more)
        lines += ["## All extracted items", ""]
    block("Active problems", s.problems)
    block("Medications", s.medications)
    block("Allergies", s.allergies)
    block("Key abnormal results", s.abnormal_results)
    block("Plan", s.plan)
    block("Follow-up", s.follow_ups)
    if s.hypothetical:  # named as a risk, a prevention or an if-then: labelled so, apart from the problems
        block(HYPOTHETICAL_TITLE, s.hypothetical)
    if narrative:
        lines += ["## Narrative", "", narrative.text, "", f"_Written by: {narrative.backend} ({narrative.method})._"]
        if narrative.note:
            lines.append(f"_{narrative.note}._")
    lines += ["", "---", "_Research and education use only; not for clinical decisions. Check every item against the "
              "source note._"]
    text = "\n".join(lines)
    return text if identifiers else redact(a, text)


def _security() -> dict:
    return {"security": [AIAST], "tag": [{"system": "http://medcore.example/tags", "code": "ai-generated"}]}


def to_fhir_bundle(a: NoteAnalysis, narrative: Narrative | None = None, *, now: datetime | None = None,
                   identifiers: bool = False, corrected: str | None = None) -> dict:
    """A FHIR R4B collection Bundle: DocumentReference (docStatus preliminary), Conditions coded in ICD-10-CM,
    Observations (vitals and labs, LOINC and UCUM where known), MedicationStatements, AllergyIntolerances and a
    Provenance naming the generator. Every
    resource carries meta.security AIAST. The patient is a placeholder with no identifiers."""
    now = now or datetime.now(timezone.utc)
    ts = now.isoformat(timespec="seconds")
    pid = str(uuid.uuid4())
    patient_ref = {"reference": f"urn:uuid:{pid}"}
    entries = [{"fullUrl": f"urn:uuid:{pid}", "resource": {"resourceType": "Patient", "id": pid, "meta": _security()}}]
    md = to_markdown(a, narrative, identifiers=identifiers, corrected=corrected)
    doc_id = str(uuid.uuid4())
    entries.append({"fullUrl": f"urn:uuid:{doc_id}", "resource": {
        "resourceType": "DocumentReference", "id": doc_id, "meta": _security(), "status": "current",
        "docStatus": "preliminary", "subject": patient_ref, "date": ts,
        "type": {"coding": [{"system": "http://loinc.org", "code": "11506-3", "display": "Progress note"}],
                 "text": "AI-generated summary of a clinical note"},
        "description": "Structured summary generated by " + GENERATOR + " (preliminary; requires clinician review)",
        "content": [{"attachment": {"contentType": "text/markdown", "title": "Summary",
                                    "data": base64.b64encode(md.encode("utf-8")).decode("ascii")}}]}})
    targets = [{"reference": f"urn:uuid:{doc_id}"}]
    # A hypothetical mention ("prophylaxis of GI bleeding", a consent form's "risks of bleeding", "return if fever")
    # is not the patient's condition: it is no Condition at all (the Markdown attachment lists it, labelled). Only
    # the assertions below become Conditions.
    verification = {"present": "confirmed", "possible": "provisional", "historical": "confirmed"}
    # A chronic condition from the past history is asserted present, so it is active. Historical is a past event
    # ("MI in 2019"): inactive, not resolved, since a note seldom says the risk has gone.
    clinical = {"present": "active", "possible": "active", "historical": "inactive"}
    seen = set()
    for p in a.extraction.problems:
        if p.assertion not in verification or p.name.lower() in seen:
            continue
        seen.add(p.name.lower())
        rid = str(uuid.uuid4())
        entries.append({"fullUrl": f"urn:uuid:{rid}", "resource": {
            "resourceType": "Condition", "id": rid, "meta": _security(), "subject": patient_ref,
            "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-clinical",
                                           "code": clinical[p.assertion]}]},
            "verificationStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-ver-status",
                                               "code": verification[p.assertion]}]},
            "code": condition_code(p), "note": [{"text": f"Source: \"{p.text}\" (characters {p.start}-{p.end})"}]}})
        targets.append({"reference": f"urn:uuid:{rid}"})
    measured = [("vital-signs", x) for x in a.extraction.vitals] + [("laboratory", x) for x in a.extraction.labs]
    for res in observations(measured, a.codes, patient_ref, _security()):
        entries.append({"fullUrl": f"urn:uuid:{res['id']}", "resource": res})
        targets.append({"reference": f"urn:uuid:{res['id']}"})
    status_map = {"stopped": "stopped", "started": "active", "changed": "active", "continued": "active", "": "unknown"}
    for m in a.summary.medications:
        d = m.detail
        rid = str(uuid.uuid4())
        entries.append({"fullUrl": f"urn:uuid:{rid}", "resource": {
            "resourceType": "MedicationStatement", "id": rid, "meta": _security(),
            "status": status_map.get(d.get("status", ""), "unknown"), "subject": patient_ref,
            "medicationCodeableConcept": {"text": d.get("name", m.text)}, "dateAsserted": ts,
            "dosage": [{"text": m.text}], "note": [{"text": f"Source sentence {m.sentence + 1}"}]}})
        targets.append({"reference": f"urn:uuid:{rid}"})
    for al in a.extraction.allergies:
        rid = str(uuid.uuid4())
        res = {"resourceType": "AllergyIntolerance", "id": rid, "meta": _security(), "patient": patient_ref,
               "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical",
                                              "code": "active"}]},
               "verificationStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification",
                                                  "code": "unconfirmed"}]},
               "type": al.kind, "code": {"text": al.substance}}
        if al.reaction:
            res["reaction"] = [{"manifestation": [{"text": al.reaction}]}]
        entries.append({"fullUrl": f"urn:uuid:{rid}", "resource": res})
        targets.append({"reference": f"urn:uuid:{rid}"})
    prov_id = str(uuid.uuid4())
    who = narrative.backend if narrative else "rules engine"
    entries.append({"fullUrl": f"urn:uuid:{prov_id}", "resource": {
        "resourceType": "Provenance", "id": prov_id, "meta": _security(), "target": targets, "recorded": ts,
        "agent": [{"type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/provenance-participant-type",
                                        "code": "assembler"}]},
                   "who": {"display": f"{GENERATOR} (rules engine; narrative: {who})"}}],
        "reason": [{"coding": [AIAST]}]}})
    bundle = {"resourceType": "Bundle", "id": str(uuid.uuid4()), "meta": _security(), "type": "collection",
              "timestamp": ts, "entry": entries}
    return bundle if identifiers else redact_tree(a, bundle)


def condition_code(p) -> dict:
    """A problem's code: its ICD-10-CM coding (from the knowledge layer) and the name as the summary shows it."""
    if not p.icd10cm:
        log.warning("problem %r has no ICD-10-CM code; exported with its name only", p.name)
        return {"text": p.name}
    coding = {"system": ICD10CM, "code": p.icd10cm}
    if p.icd10cm_display:
        coding["display"] = p.icd10cm_display
    extra = [{"system": ICD10CM, "code": c} for c in getattr(p, "extra_codes", ())]  # a pregnancy's weeks (Z3A.-)
    return {"coding": [coding, *extra], "text": p.name}


def validate_bundle(bundle: dict):
    """Raises if fhir.resources (R4B) rejects the bundle; returns the parsed model."""
    from fhir.resources.R4B.bundle import Bundle

    return Bundle.model_validate(bundle)


def handoff_data(a: NoteAnalysis, corrected: str | None = None) -> dict:
    """What the treatment planner takes: active, possible and past problems (never a hypothetical one: a risk, a
    prevention or an if-then is not the patient's condition), medications, allergies, and the clinician's corrected
    summary when there is one (de-identified, as the planner never needs the names)."""
    ex = a.extraction
    problems, seen = [], set()
    for p in ex.problems:
        if p.assertion in ("present", "possible", "historical") and p.name.lower() not in seen:
            seen.add(p.name.lower())
            problems.append({"name": p.name, "text": p.text, "assertion": p.assertion, "start": p.start, "end": p.end})
    meds = [{"name": m.detail.get("name"), "dose": m.detail.get("dose", ""), "unit": m.detail.get("unit", ""),
             "route": m.detail.get("route", ""), "frequency": m.detail.get("frequency", ""),
             "status": m.detail.get("status", ""), "text": m.text} for m in a.summary.medications]
    allergies = [{"substance": x.substance, "reaction": x.reaction, "kind": x.kind} for x in ex.allergies]
    # the stopped and held medicines by name, apart (the planner's patient has a stopped list: a drug stopped
    # recently can still interact); they stay in `medications` with their status as before
    stopped = list(dict.fromkeys(m["name"] for m in meds if m["status"] in ("stopped", "held") and m["name"]))
    out = {"problems": problems, "medications": meds, "stopped_medications": stopped, "allergies": allergies,
           "no_known_allergies": ex.no_known_allergies, "one_liner": a.summary.one_liner}
    if corrected and corrected.strip():
        out["corrected_summary"] = redact(a, corrected.strip())
    return out


def send_handoff(store, a: NoteAnalysis, *, title: str = "", workspace: str | None = None, user: str = "local",
                 corrected: str | None = None, team: str | None = None) -> int:
    """Save the hand-off as the sender's; with `team`, also share it with that team's members (the sender must
    belong to it: checked before anything is saved)."""
    from medcore import teams

    if team:
        teams.check_can_share(store, team)
    data = handoff_data(a, corrected)
    item = store.save_work("handoff", data, title=title or f"Hand-off: {a.summary.one_liner[:80]}", status="open",
                           workspace=workspace, reason="sent from the record summarizer", user=user)
    store.audit("handoff", tool="records", object_type="work", object_id=item, count=len(data["problems"]))
    if team:
        teams.share_work(store, item, team)
    return item


__all__ = ["to_json", "to_markdown", "to_fhir_bundle", "validate_bundle", "handoff_data", "send_handoff", "med_line"]
