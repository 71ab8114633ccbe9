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
