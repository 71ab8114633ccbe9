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


def test_above_a_statin_limit_the_label_forbids_the_dose(kb):
    """Set C/E (session 8): 'do not exceed simvastatin 10 mg/day with diltiazem' forbids the combination at a higher
    dose, so the finding carries avoid there and only there."""
    over = ix.pair(kb, "simvastatin", "diltiazem", doses={"simvastatin": 20})
    assert over.severity == "major" and over.avoid and "lower simvastatin to 10 mg/day" in over.management
    assert not ix.pair(kb, "simvastatin", "diltiazem", doses={"simvastatin": 10}).avoid
    assert not ix.pair(kb, "simvastatin", "diltiazem").avoid  # dose unknown: no avoid claimed
    assert ix.pair(kb, "ticagrelor", "lovastatin", doses={"lovastatin": 80}).avoid
    assert ix.avoid_dose_of(kb, "diltiazem", "simvastatin", {"simvastatin": 20}) == {"simvastatin"}
    assert ix.avoid_dose_of(kb, "diltiazem", "simvastatin", {"simvastatin": 10, "diltiazem": 240}) == set()


def _option(plan, option_id):
    return next(o for o in plan.options if o.option_id == option_id)


def test_a_new_drug_given_above_the_limit_is_ranked_as_avoid(plan_for):
    plan = plan_for({"age": 62, "sex": "female", "weight_kg": 70, "scr_mg_dl": 0.9,
                     "medications": ["diltiazem ER 240 mg daily"]}, "hyperlipidemia")
    simva = _option(plan, "simvastatin")
    assert [i.drugs for i in simva.avoid_with] == [["diltiazem", "simvastatin"]]
    assert plan.chosen != "simvastatin"
    # within the limit with amiodarone (20 mg/day): a caution, not an avoid
    plan = plan_for({"age": 66, "sex": "female", "weight_kg": 65, "scr_mg_dl": 0.9,
                     "medications": ["amiodarone 200 mg daily"]}, "hyperlipidemia")
    assert not _option(plan, "simvastatin").avoid_with


def test_a_current_medicine_above_the_limit_is_to_be_lowered_not_the_new_drug_avoided(plan_for):
    """Aspirin 325 mg with new ticagrelor: the boxed warning asks to lower aspirin; ticagrelor is not an 'avoid'."""
    plan = plan_for({"age": 60, "sex": "male", "weight_kg": 85, "scr_mg_dl": 1.0,
                     "medications": ["aspirin 325 mg daily"]}, "acs_p2y12")
    tica = _option(plan, "ticagrelor")
    assert not tica.excluded and not tica.avoid_with
    [w] = [i for i in tica.cautions if i.kind == "interaction" and "aspirin" in i.drugs]
    assert w.severity == "major" and "lower aspirin to 75-100 mg/day" in w.text
    plan = plan_for({"age": 72, "sex": "male", "weight_kg": 82, "scr_mg_dl": 1.0,
                     "medications": ["simvastatin 40 mg daily"]}, "af_rate_control")
    dil = _option(plan, "diltiazem")
    assert not dil.avoid_with and any("lower simvastatin to 10 mg/day" in i.text for i in dil.cautions)
