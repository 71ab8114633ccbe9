"""Issue 13: interaction severity that the label makes depend on the dose of one drug (session 6)."""

import pytest

from medcore.therapy import interactions as ix
from medcore.therapy import review
from medcore.therapy.kb import KBError, load_kb_dir
from medcore.therapy.profile import parse_patient


def test_the_statin_dose_sets_the_severity(kb):
    assert ix.pair(kb, "simvastatin", "amlodipine", doses={"simvastatin": 40}).severity == "major"
    low = ix.pair(kb, "simvastatin", "amlodipine", doses={"simvastatin": 20})
    assert low.severity == "moderate" and "within the label limit" in low.management
    assert ix.pair(kb, "simvastatin", "diltiazem", doses={"simvastatin": 10}).severity == "moderate"
    assert ix.pair(kb, "simvastatin", "diltiazem", doses={"simvastatin": 20}).severity == "major"
    # unknown dose: the base severity stands and the management names the thresholds
    unknown = ix.pair(kb, "simvastatin", "diltiazem")
    assert unknown.severity == "major" and "Dose not known" in unknown.management and "10 mg/day" in unknown.management


def test_ticagrelor_with_aspirin_above_100_mg_is_avoided(kb):
    f = ix.pair(kb, "ticagrelor", "aspirin", doses={"aspirin": 325})
    assert f.severity == "major" and f.avoid and "boxed warning" in f.management
    assert ix.pair(kb, "ticagrelor", "aspirin", doses={"aspirin": 81}).severity == "minor"


def test_doses_typed_with_the_names_are_read(kb):
    report = ix.check_names(kb, ["simvastatin 40 mg daily", "amlodipine 10 mg"])
    [f] = report.findings
    assert f.severity == "major" and "simvastatin 40 mg/day" in f.management
    [f] = ix.check_names(kb, ["simvastatin 10 mg", "amlodipine"]).findings
    assert f.severity == "moderate"
    assert ix.stated_doses(kb, [("tramadol 50 mg QID", ["tramadol"]), ("Percocet", ["oxycodone", "acetaminophen"])]) \
        == {"tramadol": 200.0}


def test_a_current_medicine_dose_and_an_override_dose_are_both_used(kb, plan_for):
    patient = {"age": 60, "sex": "male", "weight_kg": 85, "scr_mg_dl": 1.0, "medications": ["amlodipine 10 mg daily"]}
    p, _ = parse_patient(patient)
    plan = review.init_items(plan_for(patient, "hyperlipidemia").to_dict())
    after = review.apply(kb, plan, p, "item1", "modify", "x", new_drug="simvastatin", new_dose=40, new_frequency="daily")
    [w] = [w for w in after["items"][0]["warnings"] if w["kind"] == "interaction"]
    assert w["severity"] == "major" and "Above the label limit" in w["text"]
    after = review.apply(kb, plan, p, "item1", "modify", "x", new_drug="simvastatin", new_dose=20, new_frequency="daily")
    assert [w["severity"] for w in after["items"][0]["warnings"] if w["kind"] == "interaction"] == ["moderate"]
    # the patient's own simvastatin dose, typed with the medicine, against a new amiodarone elsewhere in a plan
    on_80 = plan_for({"age": 70, "sex": "male", "weight_kg": 80, "scr_mg_dl": 1.0,
                      "medications": ["simvastatin 80 mg", "amlodipine"]}, "hypertension")
    [w] = [i for i in on_80.warnings if i.kind == "interaction" and "simvastatin" in i.drugs]
    assert w.severity == "major"


def test_a_dose_context_must_name_one_of_the_pair(kb, tmp_path):
    import shutil

    root = tmp_path / "therapy"
    shutil.copytree(kb.root, root)
    path = root / "interactions.yaml"
    text = path.read_text().replace("dose: [{drug: aspirin, above: 100", "dose: [{drug: simvastatin, above: 100", 1)
    path.write_text(text)
    with pytest.raises(KBError, match="dose context names 'simvastatin'"):
        load_kb_dir(root)


@pytest.mark.parametrize("a,b,severity,avoid", [
    ("sildenafil", "riociguat", "contraindicated", False),
    ("voriconazole", "rifampin", "contraindicated", False),
    ("fluconazole", "pimozide", "contraindicated", False),
    ("cyclosporine", "simvastatin", "contraindicated", False),
    ("gemfibrozil", "repaglinide", "contraindicated", False),
    ("ziprasidone", "sotalol", "contraindicated", False),
    ("rivaroxaban", "ketoconazole", "major", True),
    ("clopidogrel", "esomeprazole", "major", True),
])
def test_label_rules_found_missing_by_blind_set_d(kb, a, b, severity, avoid):
    f = ix.pair(kb, a, b)
    assert f.severity == severity and f.avoid == avoid and "FDA label" in f.source
    # ziprasidone's contraindication is for the drugs its label names, not every QT drug
    assert ix.pair(kb, "ziprasidone", "ondansetron").severity != "contraindicated"
