"""FHIR R4 (R4B models) in and out.

In: a Bundle with Patient, Condition, MedicationStatement/MedicationRequest, AllergyIntolerance
and Observation (weight, height, creatinine, eGFR, pregnancy, genotype) becomes a patient dict
for `profile.parse_patient`. Out: the plan as CarePlan + MedicationRequest(s), both
status=draft / intent=proposal, every resource marked AI-assisted (meta.security AIAST) and a
Provenance naming the generator.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, timezone
from typing import Any

from medcore.errors import DomainError

AIAST = {"system": "http://terminology.hl7.org/CodeSystem/v3-ActReason", "code": "AIAST",
         "display": "artificial intelligence asserted"}
LOINC = "http://loinc.org"
WEIGHT_CODES = {"29463-7", "3141-9"}
HEIGHT_CODES = {"8302-2", "8306-3"}
SCR_CODES = {"2160-0", "38483-4", "14682-9"}
EGFR_CODES = {"33914-3", "62238-1", "98979-8", "48642-3", "48643-1", "69405-9"}
PREGNANCY_CODES = {"82810-3", "11449-6"}
UCUM = {"mg": "mg", "mcg": "ug", "g": "g", "units": "[iU]", "mEq": "meq", "mL": "mL"}
INACTIVE = {"inactive", "resolved", "remission", "refuted", "entered-in-error", "stopped", "completed",
            "cancelled", "not-taken"}


# A MedicationStatement with one of these statuses is a stopped medicine: it goes into stopped_medications with
# the days since it ended (effectivePeriod.end), so interactions that outlast a drug (`persists` rules, e.g. an
# inducer's two to four weeks) are still checked. One that ended longer ago than STOPPED_WINDOW_DAYS is left out:
# the window is longer than any `persists` in assets/kb/therapy/interactions.yaml (a test keeps it so).
STOPPED = {"stopped", "completed"}
STOPPED_WINDOW_DAYS = 90


class FhirError(DomainError):
    pass


def bundle_from_bytes(raw: bytes) -> dict:
    """An uploaded file as the JSON object a bundle is, or FhirError saying in words why it is not one (not UTF-8,
    not JSON, a number past Python's 4,300-digit limit, nested too deep, not an object)."""
    import json

    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise FhirError("the file is not UTF-8 text") from exc
    except json.JSONDecodeError as exc:
        raise FhirError(f"the file is not valid JSON ({exc.msg} at line {exc.lineno})") from exc
    except ValueError as exc:
        raise FhirError("the file holds a number too long to read") from exc
    except RecursionError as exc:
        raise FhirError("the file's JSON is nested too deeply") from exc
    if not isinstance(data, dict):
        raise FhirError("the file is JSON but not a FHIR Bundle (a JSON object)")
    return data


def validate_bundle(bundle: dict):
    from fhir.resources.R4B.bundle import Bundle

    return Bundle.model_validate(bundle)


def _text(cc: dict | None) -> str:
    if not cc:
        return ""
    if cc.get("text"):
        return str(cc["text"])
    for c in cc.get("coding") or []:
        if c.get("display"):
            return str(c["display"])
    for c in cc.get("coding") or []:
        if c.get("code"):
            return str(c["code"])
    return ""


def _codes(cc: dict | None) -> set[str]:
    return {str(c.get("code")) for c in (cc or {}).get("coding") or [] if c.get("code")}


def _status(cc: dict | None) -> str:
    return next((str(c.get("code")) for c in (cc or {}).get("coding") or [] if c.get("code")), "")


def _age(birth: str, today: date | None = None) -> float | None:
    try:
        b = date.fromisoformat(birth[:10]) if len(birth) >= 10 else date(int(birth[:4]), 7, 1)
    except ValueError:
        return None
    t = today or date.today()
    return t.year - b.year - ((t.month, t.day) < (b.month, b.day))


def patient_from_bundle(bundle: dict, today: date | None = None) -> tuple[dict, list[str]]:
    try:
        validate_bundle(bundle)
    except Exception as exc:  # noqa: BLE001 - pydantic's message names the failing field
        first = str(exc).splitlines()
        raise FhirError("not a valid FHIR R4 Bundle: " + " ".join(first[:3])) from exc
    notes: list[str] = []
    out: dict[str, Any] = {"conditions": [], "medications": [], "allergies": [], "genotypes": {}}
    obs_latest: dict[str, tuple[str, dict]] = {}
    for entry in bundle.get("entry") or []:
        r = entry.get("resource") or {}
        rt = r.get("resourceType")
        if rt == "Patient":
            if r.get("gender") in ("female", "male"):
                out["sex"] = r["gender"]
            elif r.get("gender"):
                notes.append(f"Patient.gender {r['gender']!r}: dosing equations need female or male; please set sex")
            if r.get("birthDate"):
                out["age"] = _age(r["birthDate"], today)
        elif rt == "Condition":
            if _status(r.get("clinicalStatus")) in INACTIVE or _status(r.get("verificationStatus")) in INACTIVE:
                continue
            t = _text(r.get("code"))
            if t:
                out["conditions"].append(t)
        elif rt in ("MedicationStatement", "MedicationRequest"):
            t = _text(r.get("medicationCodeableConcept"))
            if not t and r.get("medicationReference"):
                t = str(r["medicationReference"].get("display") or "")
            status = str(r.get("status", ""))
            if rt == "MedicationStatement" and status in STOPPED and t:
                _stopped(r, t, status, today, out, notes)
                continue
            if status in INACTIVE:
                continue
            if t:
                out["medications"].append(t)
        elif rt == "AllergyIntolerance":
            if _status(r.get("verificationStatus")) in INACTIVE or _status(r.get("clinicalStatus")) in INACTIVE:
                continue
            t = _text(r.get("code"))
            if not t:
                continue
            reactions = []
            for rx in r.get("reaction") or []:
                reactions += [_text(m) for m in rx.get("manifestation") or [] if _text(m)]
                if rx.get("severity") == "severe":
                    reactions.append("severe")
            if r.get("criticality") == "high":
                reactions.append("high criticality (severe)")
            out["allergies"].append({"substance": t, "reaction": ", ".join(reactions)})
        elif rt == "Observation":
            if str(r.get("status", "final")) in INACTIVE:
                continue
            codes = _codes(r.get("code"))
            when = str(r.get("effectiveDateTime") or r.get("issued") or "")
            for kind, group in (("weight", WEIGHT_CODES), ("height", HEIGHT_CODES), ("scr", SCR_CODES),
                                ("egfr", EGFR_CODES), ("pregnancy", PREGNANCY_CODES)):
                if codes & group and (kind not in obs_latest or when >= obs_latest[kind][0]):
                    obs_latest[kind] = (when, r)
            label = _text(r.get("code"))
            for gene in ("CYP2C19", "CYP2D6", "CYP2C9", "VKORC1", "SLCO1B1", "TPMT", "NUDT15", "DPYD", "CYP3A5",
                         "CYP2B6", "G6PD", "HLA-B", "HLA-A"):
                if gene.lower() in label.lower():
                    value = r.get("valueString") or _text(r.get("valueCodeableConcept"))
                    if value:
                        key = gene
                        if gene.startswith("HLA"):
                            import re
                            m = re.search(r"\*\d{2}:\d{2}", label)
                            key = f"{gene}{m.group(0)}" if m else gene
                        out["genotypes"][key] = str(value)
                    break
    for kind, (_, r) in obs_latest.items():
        q = r.get("valueQuantity") or {}
        v, unit = q.get("value"), str(q.get("code") or q.get("unit") or "")
        if kind == "pregnancy":
            txt = _text(r.get("valueCodeableConcept")).lower()
            out["pregnant"] = "77386006" in _codes(r.get("valueCodeableConcept")) or txt.startswith("pregnant")
            continue
        if v is None:
            continue
        if kind == "weight":
            out["weight"], out["weight_unit"] = v, {"[lb_av]": "lb", "lbs": "lb"}.get(unit, unit or "kg")
        elif kind == "height":
            out["height"], out["height_unit"] = v, {"[in_i]": "in", "in_i": "in"}.get(unit, unit or "cm")
        elif kind == "scr":
            out["scr"], out["scr_unit"] = v, {"umol/L": "umol/L", "µmol/L": "umol/L"}.get(unit, unit or "mg/dL")
        elif kind == "egfr":
            out["egfr"] = v
    if "age" not in out:
        notes.append("no Patient.birthDate in the bundle: enter the age")
    return out, notes


def _stopped(r: dict, name: str, status: str, today: date | None, out: dict, notes: list[str]) -> None:
    """A stopped or completed MedicationStatement: 'NAME stopped N days ago' when its end date is known."""
    end = str((r.get("effectivePeriod") or {}).get("end") or "")
    try:
        ended = date.fromisoformat(end[:10])
    except ValueError:
        notes.append(f"{name}: MedicationStatement {status} without an end date (effectivePeriod.end); interactions "
                     "that last after it stops were not checked - add it to the stopped medicines with when it stopped")
        return
    ago = ((today or date.today()) - ended).days
    if ago < 0:
        notes.append(f"{name}: MedicationStatement {status} but its end date {ended.isoformat()} is in the future; "
                     "not used - check whether it is still taken")
    elif ago <= STOPPED_WINDOW_DAYS:
        out.setdefault("stopped_medications", []).append(f"{name} stopped {ago} days ago")


def _meta() -> dict:
    return {"security": [AIAST], "tag": [{"system": "http://medcore.example/tags", "code": "ai-generated"}]}


def plan_to_bundle(plan: dict, items: list[dict] | None = None) -> dict:
    """Bundle(collection): Patient placeholder, MedicationRequest per planned drug, CarePlan, Provenance.
    `items` are the reviewed items (see review.py); rejected items are left out."""
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    pid = str(uuid.uuid4())
    p = plan.get("patient") or {}
    patient = {"resourceType": "Patient", "id": pid, "meta": _meta()}
    if p.get("sex") in ("female", "male"):
        patient["gender"] = p["sex"]
    entries = [{"fullUrl": f"urn:uuid:{pid}", "resource": patient}]
    subject = {"reference": f"urn:uuid:{pid}"}
    reqs = []
    chosen = next((o for o in plan.get("options", []) if o["option_id"] == plan.get("chosen")), None)
    doses = items if items is not None else [dict(d, status="proposed") for d in (chosen or {}).get("doses", [])]
    for d in doses:
        if d.get("status") == "rejected" or d.get("dose") is None:
            continue
        rid = str(uuid.uuid4())
        text = d.get("text") or f"{d['drug']} {d['dose']} {d['unit']}"
        dosage = {"text": text, "timing": {"code": {"text": d.get("frequency_text") or d.get("frequency", "")}},
                  "doseAndRate": [{"doseQuantity": {"value": float(d["dose"]), "unit": d["unit"],
                                                    "system": "http://unitsofmeasure.org",
                                                    "code": UCUM.get(d["unit"], d["unit"])}}]}
        if d.get("route"):
            dosage["route"] = {"text": d["route"]}
        req = {"resourceType": "MedicationRequest", "id": rid, "meta": _meta(), "status": "draft",
               "intent": "proposal", "subject": subject, "authoredOn": now,
               "medicationCodeableConcept": {"text": d["drug"]}, "dosageInstruction": [dosage],
               "reasonCode": [{"text": plan.get("condition_name", "")}],
               "note": [{"text": "Dose arithmetic: " + " | ".join(d.get("steps") or [])[:3000]}]}
        if d.get("status") in ("accepted", "modified"):
            req["note"].append({"text": f"Clinician {d['status']}: {d.get('reason', '')}"})
        for w in d.get("warnings", []):  # e.g. an override above the renal maximum: it travels with the order
            req["note"].append({"text": f"Warning ({w['severity']}): {w['text']} [source: {w.get('source', '')}]"})
        entries.append({"fullUrl": f"urn:uuid:{rid}", "resource": req})
        reqs.append(rid)
    cp_id = str(uuid.uuid4())
    activities = [{"reference": {"reference": f"urn:uuid:{r}"}} for r in reqs]
    for measure in plan.get("non_drug", []):
        activities.append({"detail": {"status": "not-started", "description": measure}})
    careplan = {"resourceType": "CarePlan", "id": cp_id, "meta": _meta(), "status": "draft", "intent": "proposal",
                "title": f"Treatment plan: {plan.get('condition_name', '')}", "subject": subject, "created": now,
                "description": f"Guideline: {plan.get('guideline', '')}. Follow-up: {plan.get('follow_up', '')}",
                "activity": activities,
                "note": [{"text": plan.get("disclaimer", "")}] + [{"text": "Monitoring: " + m} for m in plan.get("monitoring", [])]}
    entries.append({"fullUrl": f"urn:uuid:{cp_id}", "resource": careplan})
    prov_id = str(uuid.uuid4())
    targets = [{"reference": f"urn:uuid:{cp_id}"}] + [{"reference": f"urn:uuid:{r}"} for r in reqs]
    entries.append({"fullUrl": f"urn:uuid:{prov_id}", "resource": {
        "resourceType": "Provenance", "id": prov_id, "meta": _meta(), "target": targets, "recorded": now,
        "agent": [{"type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/provenance-participant-type",
                                        "code": "assembler"}]},
                   "who": {"display": "Medcore Studio treatment planner (rule-based engine over the therapy "
                                      "knowledge base)"}}],
        "reason": [{"coding": [AIAST]}]}})
    return {"resourceType": "Bundle", "id": str(uuid.uuid4()), "meta": _meta(), "type": "collection",
            "timestamp": now, "entry": entries}


def example_bundle() -> dict:
    """A small patient bundle (used by the page's 'load example' and by tests)."""
    def e(res):
        return {"fullUrl": f"urn:uuid:{res['id']}", "resource": res}
    pid = "11111111-1111-4111-8111-111111111111"
    ref = {"reference": f"urn:uuid:{pid}"}
    return {"resourceType": "Bundle", "type": "collection", "entry": [
        e({"resourceType": "Patient", "id": pid, "gender": "male", "birthDate": "1956-03-14"}),
        e({"resourceType": "Condition", "id": "c1", "subject": ref, "code": {"text": "Type 2 diabetes mellitus",
           "coding": [{"system": "http://snomed.info/sct", "code": "44054006", "display": "Type 2 diabetes mellitus"}]},
           "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-clinical",
                                          "code": "active"}]}}),
        e({"resourceType": "Condition", "id": "c2", "subject": ref, "code": {"text": "Atrial fibrillation"}}),
        e({"resourceType": "MedicationStatement", "id": "m1", "status": "active", "subject": ref,
           "medicationCodeableConcept": {"text": "Metformin 1000 mg twice daily"}}),
        e({"resourceType": "MedicationStatement", "id": "m2", "status": "active", "subject": ref,
           "medicationCodeableConcept": {"text": "Clarithromycin 500 mg"}}),
        e({"resourceType": "MedicationStatement", "id": "m3", "status": "stopped", "subject": ref,
           "medicationCodeableConcept": {"text": "Warfarin"}}),
        e({"resourceType": "AllergyIntolerance", "id": "a1", "patient": ref, "code": {"text": "Sulfa drugs"},
           "reaction": [{"manifestation": [{"text": "rash"}]}]}),
        e({"resourceType": "Observation", "id": "o1", "status": "final", "subject": ref,
           "code": {"coding": [{"system": LOINC, "code": "29463-7", "display": "Body weight"}]},
           "effectiveDateTime": "2026-11-01", "valueQuantity": {"value": 187, "unit": "lb",
                                                              "system": "http://unitsofmeasure.org", "code": "[lb_av]"}}),
        e({"resourceType": "Observation", "id": "o2", "status": "final", "subject": ref,
           "code": {"coding": [{"system": LOINC, "code": "8302-2", "display": "Body height"}]},
           "valueQuantity": {"value": 178, "unit": "cm", "system": "http://unitsofmeasure.org", "code": "cm"}}),
        e({"resourceType": "Observation", "id": "o3", "status": "final", "subject": ref,
           "code": {"coding": [{"system": LOINC, "code": "2160-0", "display": "Creatinine"}]},
           "effectiveDateTime": "2026-11-01", "valueQuantity": {"value": 1.3, "unit": "mg/dL",
                                                              "system": "http://unitsofmeasure.org", "code": "mg/dL"}}),
        e({"resourceType": "Observation", "id": "o4", "status": "final", "subject": ref,
           "code": {"text": "CYP2C19 phenotype"}, "valueString": "Intermediate Metabolizer"}),
    ]}
