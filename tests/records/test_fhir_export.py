"""The FHIR export's codes: every Condition in ICD-10-CM from the knowledge layer, every vital and lab an
Observation with its UCUM unit and, where the records KB has one, its LOINC code; validated with fhir.resources
(R4B). The note is written for this test (no development data)."""

from __future__ import annotations

import pytest

from medcore.records import export
from medcore.records.pipeline import analyze
from medcore.records.units import LOINC, UCUM, CodesError, load_codes, loinc_check_digit

NOTE = ("PAST MEDICAL HISTORY:\n1. Heart failure.\n2. Type 2 diabetes.\n3. CKD 3.\n4. Myocardial infarction in 2015.\n\n"
        "HPI: 71-year-old man seen today with breathlessness.\n\n"
        "VITALS: BP 142/88, HR 96, RR 22, T 101.2 F, SpO2 93% on room air.\n\n"
        "LABS: Sodium 131 mmol/L. Creatinine 142 umol/L. Troponin I <0.01 ng/mL. HbA1c 8.1%. "
        "Potassium 5.9 mmol/L. BNP pending.\n")


@pytest.fixture
def bundle(kb):
    b = export.to_fhir_bundle(analyze(NOTE, kb))
    export.validate_bundle(b)
    return b


def _resources(bundle, kind):
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def _observation(bundle, name):
    hits = [r for r in _resources(bundle, "Observation") if r["code"]["text"].lower() == name.lower()]
    assert hits, [r["code"]["text"] for r in _resources(bundle, "Observation")]
    return hits[0]


def test_every_condition_is_coded_in_icd10cm_from_the_knowledge_layer(bundle, kb):
    conditions = _resources(bundle, "Condition")
    assert len(conditions) >= 4
    for c in conditions:
        codings = [x for x in c["code"].get("coding", ()) if x["system"] == "http://hl7.org/fhir/sid/icd-10-cm"]
        assert codings, c["code"]
        entry = kb.terminology.get(f"icd10cm:{codings[0]['code']}")
        assert entry is not None, codings[0]  # a code of the tabular list, not a made-up one
        assert codings[0]["display"] == entry.name
    status = {c["code"]["text"].lower(): c["clinicalStatus"]["coding"][0]["code"] for c in conditions}
    # chronic past-history conditions stay active; a dated past event is inactive, never resolved
    assert status["congestive heart failure"] == "active"
    assert all(v == "active" for k, v in status.items() if "diabetes" in k or "kidney" in k), status
    # a past myocardial infarction is an old one (I25.2, session 14): named by that code's title
    assert status["old myocardial infarction"] == "inactive"
    assert "resolved" not in status.values()


def test_every_vital_and_lab_is_an_observation_with_a_ucum_unit(bundle, kb):
    a = analyze(NOTE, kb)
    observations = _resources(bundle, "Observation")
    assert len(observations) == len(a.extraction.vitals) + len(a.extraction.labs) >= 10
    for o in observations:
        assert o["status"] in ("preliminary", "registered") and o["meta"]["security"][0]["code"] == "AIAST"
        for q in [o.get("valueQuantity")] + [c["valueQuantity"] for c in o.get("component", ())]:
            if q and "unit" in q:
                assert q["system"] == UCUM and q["code"], o


@pytest.mark.parametrize("name, loinc, ucum, value", [
    ("heart rate", "8867-4", "/min", 96),
    ("respiratory rate", "9279-1", "/min", 22),
    ("temperature", "8310-5", "[degF]", 101.2),  # Fahrenheit stays Fahrenheit
    ("oxygen saturation", "59408-5", "%", 93),
    ("sodium", "2951-2", "mmol/L", 131),
    ("creatinine", "14682-9", "umol/L", 142),  # the moles code, never the mg/dL one (2160-0)
    ("HbA1c", "4548-4", "%", 8.1),
])
def test_observation_codes_follow_the_written_unit(bundle, name, loinc, ucum, value):
    o = _observation(bundle, name)
    assert o["code"]["coding"] == [{"system": LOINC, "code": loinc, "display": o["code"]["coding"][0]["display"]}]
    assert o["valueQuantity"]["value"] == value and o["valueQuantity"]["code"] == ucum


def test_blood_pressure_is_a_panel_with_two_components(bundle):
    bp = _observation(bundle, "blood pressure")
    assert bp["code"]["coding"][0]["code"] == "85354-9" and "valueQuantity" not in bp
    parts = {c["code"]["coding"][0]["code"]: c["valueQuantity"] for c in bp["component"]}
    assert parts["8480-6"]["value"] == 142 and parts["8462-4"]["value"] == 88
    assert parts["8480-6"]["code"] == "mm[Hg]"


def test_comparator_range_interpretation_and_pending(bundle):
    trop = _observation(bundle, "troponin I")
    assert trop["valueQuantity"]["comparator"] == "<" and trop["valueQuantity"]["value"] == 0.01
    na = _observation(bundle, "sodium")
    assert na["interpretation"][0]["coding"][0]["code"] == "L"
    assert na["referenceRange"][0]["low"] == {"value": 136, "unit": "mmol/L", "system": UCUM, "code": "mmol/L"}
    k = _observation(bundle, "potassium")
    assert k["interpretation"][0]["coding"][0]["code"] == "H"
    bnp = _observation(bundle, "BNP")
    assert bnp["status"] == "registered" and "valueQuantity" not in bnp and "valueString" not in bnp
    # a creatinine in umol/L is judged by the umol/L range, never the mg/dL one
    cr = _observation(bundle, "creatinine")
    assert cr["referenceRange"][0]["high"]["code"] == "umol/L"


def test_every_unit_of_the_records_kb_has_a_ucum_code(kb):
    units = {r.unit for r in (*kb.labs, *kb.vitals) if r.unit} | {u.unit for u in kb.unit_ranges}
    missing = sorted(u for u in units if not kb.codes.ucum_code(u))
    assert not missing, missing
    for written, code in (("mEq/L", "meq/L"), ("°F", "[degF]"), ("bpm", "/min"), ("µmol/L", "umol/L"),
                          ("x10^9/L", "10*9/L"), ("mcg/dL", "ug/dL")):
        assert kb.codes.ucum_code(written) == code, written


def test_loinc_check_digit_rejects_a_mistyped_code(tmp_path, kb):
    assert loinc_check_digit("2160") == 0 and loinc_check_digit("3298") == 7 and loinc_check_digit("85354") == 9
    (tmp_path / "ucum.csv").write_text((kb.root / "ucum.csv").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "loinc.csv").write_text("name,unit,loinc,display,source\n"
                                        "acetaminophen level,mcg/mL,3298-2,Acetaminophen,typo\n", encoding="utf-8")
    with pytest.raises(CodesError, match="check digit"):
        load_codes(tmp_path, ["acetaminophen level"])
    (tmp_path / "loinc.csv").write_text("name,unit,loinc,display,source\nserum zinc,,5763-8,Zinc,x\n", encoding="utf-8")
    with pytest.raises(CodesError, match="not a measurement"):
        load_codes(tmp_path, ["acetaminophen level"])


def test_codes_survive_the_default_redaction(kb):
    a = analyze("Patient: John Smith. MRN 12345678.\n" + NOTE, kb)
    b = export.to_fhir_bundle(a)  # de-identified by default
    text = str(b)
    assert "Smith" not in text and "12345678" not in text
    cond = _resources(b, "Condition")[0]["code"]["coding"][0]
    assert cond["display"] == kb.terminology.get(f"icd10cm:{cond['code']}").name


def test_a_test_with_no_unit_takes_its_only_code_and_an_ambiguous_one_none(kb):
    assert kb.codes.loinc_for("sodium", "").code == "2951-2"  # "sodium requested": one row, one code
    assert kb.codes.loinc_for("creatinine", "") is None  # mg/dL or umol/L: the property is unknown
    assert kb.codes.loinc_for("creatinine", "mg/dL").code == "2160-0"
    assert kb.codes.loinc_for("temperature", "°F").code == "8310-5"  # a row for any unit
    assert kb.codes.loinc_for("sodium", "mg/dL") is None  # a unit the code does not measure in
