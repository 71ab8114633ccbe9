"""FHIR R4 import and export, validated with fhir.resources (R4B models)."""

from datetime import date

import pytest

from medcore.therapy import fhir_io
from medcore.therapy.profile import parse_patient


def test_import_example_bundle():
    data, notes = fhir_io.patient_from_bundle(fhir_io.example_bundle(), today=date(2026, 11, 22))
    assert data["age"] == 70 and data["sex"] == "male"
    assert data["weight"] == 187 and data["weight_unit"] == "lb"
    assert data["scr"] == 1.3
    assert "Warfarin" not in data["medications"]  # stopped statements are skipped
    assert data["allergies"][0]["substance"] == "Sulfa drugs"
    assert data["genotypes"] == {"CYP2C19": "Intermediate Metabolizer"}
    p, _ = parse_patient(data)
    assert p.weight_kg == pytest.approx(84.82, abs=0.01)


def test_invalid_bundle_refused():
    with pytest.raises(fhir_io.FhirError, match="not a valid FHIR R4 Bundle"):
        fhir_io.patient_from_bundle({"resourceType": "Bundle", "type": "collection", "entry": [
            {"resource": {"resourceType": "Patient", "birthDate": "not-a-date"}}]})


def test_export_validates_and_is_marked(plan_for):
    plan = plan_for({"age": 84, "sex": "female", "weight_kg": 58, "scr_mg_dl": 1.2}, "af_anticoagulation")
    bundle = fhir_io.plan_to_bundle(plan.to_dict())
    model = fhir_io.validate_bundle(bundle)
    kinds = [e.resource.get_resource_type() for e in model.entry]
    assert kinds.count("MedicationRequest") == 1 and "CarePlan" in kinds and "Provenance" in kinds
    for e in bundle["entry"]:
        r = e["resource"]
        assert r["meta"]["security"][0]["code"] == "AIAST"
        if r["resourceType"] in ("CarePlan", "MedicationRequest"):
            assert r["status"] == "draft" and r["intent"] == "proposal"
    mr = next(e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "MedicationRequest")
    assert mr["dosageInstruction"][0]["doseAndRate"][0]["doseQuantity"]["value"] == 2.5


def test_rejected_items_are_not_exported(kb, plan_for):
    from medcore.therapy import review

    patient = {"age": 50, "sex": "male", "weight_kg": 80, "scr_mg_dl": 1.0}
    p, _ = parse_patient(patient)
    d = review.apply(kb, plan_for(patient, "dvt").to_dict(), p, "item1", "reject", "patient on LMWH already")
    bundle = fhir_io.plan_to_bundle(d, d["items"])
    fhir_io.validate_bundle(bundle)
    assert not [e for e in bundle["entry"] if e["resource"]["resourceType"] == "MedicationRequest"]


def _statement(i, name, status, end=None):
    r = {"resourceType": "MedicationStatement", "id": f"s{i}", "status": status, "subject": {"reference": "Patient/p"},
         "medicationCodeableConcept": {"text": name}}
    if end:
        r["effectivePeriod"] = {"start": "2026-10-01", "end": end}
    return {"fullUrl": f"urn:uuid:s{i}", "resource": r}


def _bundle(*entries):
    patient = {"fullUrl": "urn:uuid:p", "resource": {"resourceType": "Patient", "id": "p", "gender": "female",
                                                     "birthDate": "1980-05-01"}}
    return {"resourceType": "Bundle", "type": "collection", "entry": [patient, *entries]}


def test_stopped_and_completed_statements_become_stopped_medications():
    bundle = _bundle(_statement(1, "Rifampin 600 mg", "stopped", "2026-11-15"),
                     _statement(2, "Carbamazepine", "completed", "2026-11-22T08:30:00Z"),
                     _statement(3, "Phenytoin", "stopped", "2026-06-01"),  # ended 174 days ago: out of the window
                     _statement(4, "Ibuprofen", "entered-in-error", "2026-11-20"),
                     _statement(5, "Apixaban 5 mg", "active"))
    data, notes = fhir_io.patient_from_bundle(bundle, today=date(2026, 11, 22))
    assert data["stopped_medications"] == ["Rifampin 600 mg stopped 7 days ago", "Carbamazepine stopped 0 days ago"]
    assert data["medications"] == ["Apixaban 5 mg"]
    p, problems = parse_patient(data)
    assert not problems and p.stopped_medications == data["stopped_medications"]


def test_stopped_statement_without_end_date_is_named_not_guessed():
    data, notes = fhir_io.patient_from_bundle(_bundle(_statement(1, "Rifampin", "stopped"),
                                                      _statement(2, "Phenytoin", "completed", "2026-12-30")),
                                              today=date(2026, 11, 22))
    assert "stopped_medications" not in data and "Rifampin" not in data["medications"]
    assert any("Rifampin" in n and "without an end date" in n for n in notes)
    assert any("Phenytoin" in n and "in the future" in n for n in notes)


def test_stopped_window_outlasts_every_persisting_interaction(kb):
    longest = max(p.days for rules in kb.pairs.values() for r in rules for p in r.persists)
    assert longest < fhir_io.STOPPED_WINDOW_DAYS


def test_fhir_stopped_rifampin_still_acts_on_a_doac(plan_for):
    bundle = _bundle(_statement(1, "Rifampin 600 mg", "completed", "2026-11-17"))
    data, _ = fhir_io.patient_from_bundle(bundle, today=date(2026, 11, 22))
    plan = plan_for({**data, "weight_kg": 80, "scr_mg_dl": 1.0}, "dvt_pe")
    apixaban = next(o for o in plan.options if o.option_id == "apixaban")
    [w] = [i for i in apixaban.cautions if i.kind == "interaction" and "rifampin" in i.drugs]
    assert "stopped 5 days ago" in w.text and "about 9 more days" in w.text
