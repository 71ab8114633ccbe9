"""Interaction checks: symmetry, class expansion, names, duplicates."""

import itertools
import random

from medcore.therapy import interactions as ix
from medcore.therapy.names import resolve_drug


def test_symmetry_over_random_sets(kb):
    rng = random.Random(0)
    ids = sorted(kb.drugs)
    for _ in range(30):
        sample = rng.sample(ids, 8)
        a = {(f.drug_ids, f.severity) for f in ix.check_ids(kb, sample)}
        b = {(f.drug_ids, f.severity) for f in ix.check_ids(kb, list(reversed(sample)))}
        assert a == b
    for x, y in itertools.islice(itertools.combinations(ids, 2), 3000):
        assert (ix.pair(kb, x, y) is None) == (ix.pair(kb, y, x) is None)


def test_class_level_findings(kb):
    found = {f.drugs: f for f in ix.check_ids(kb, ["citalopram", "ondansetron", "oxycodone", "lorazepam"])}
    assert found[("citalopram", "ondansetron")].severity == "major"  # two QT drugs with known risk
    assert "serotonergic" in found[("citalopram", "ondansetron")].mechanism
    assert found[("lorazepam", "oxycodone")].severity == "major"  # opioid + benzodiazepine


def test_brand_names_and_misspellings(kb):
    rep = ix.check_names(kb, ["Zocor", "Biaxin"])
    assert [f.contract()["severity"] for f in rep.findings] == ["contraindicated"]
    assert resolve_drug(kb, "lisnopril").id == "lisinopril"
    r = resolve_drug(kb, "hydroxyz")  # not close enough to one name: suggestions, never a silent guess
    assert r.id is None and "hydroxyzine" in r.suggestions
    assert "did you mean" in r.message(kb)
    # a real drug the planner cannot dose is still checked for interactions by its classes
    r = resolve_drug(kb, "hydroxyzine")
    assert r.id == "hydroxyzine" and r.interaction_only == ["hydroxyzine"]
    assert "by class only" in r.message(kb)


def test_combination_products_are_checked_as_each_ingredient(kb):
    rep = ix.check_names(kb, ["Percocet 5/325", "morphine"])
    assert {frozenset(f.drug_ids) for f in rep.findings} >= {frozenset(("oxycodone", "morphine"))}
    assert any("each ingredient checked" in n for n in rep.notes)
    # Norco + Tylenol is two acetaminophens
    rep = ix.check_names(kb, ["Norco", "Tylenol"])
    assert any(d.kind == "same_drug" and "acetaminophen" in d.text for d in rep.duplicates)


def test_ritonavir_for_hiv_is_not_paxlovid(kb):
    r = resolve_drug(kb, "ritonavir")
    assert r.ids == ["ritonavir"] and "nirmatrelvir-ritonavir" not in r.ids
    assert resolve_drug(kb, "Paxlovid").ids == ["nirmatrelvir-ritonavir"]
    # ritonavir is a strong CYP3A4 inhibitor: the class rule with simvastatin fires on it too
    rep = ix.check_names(kb, ["ritonavir", "simvastatin"])
    assert rep.findings and rep.findings[0].severity in ("contraindicated", "major")
    assert "5 days" not in " ".join(f.management for f in rep.findings)


def test_maoi_with_a_serotonergic_drug_is_caught(kb):
    rep = ix.check_names(kb, ["Nardil", "sertraline"])
    assert rep.findings and rep.findings[0].severity in ("contraindicated", "major")


def test_duplicates_flagged(kb):
    rep = ix.check_names(kb, ["sertraline 50 mg", "Zoloft", "escitalopram"])
    kinds = {d.kind for d in rep.duplicates}
    assert kinds == {"same_drug", "same_class"}


def test_contract_keys(kb):
    f = ix.check_names(kb, ["warfarin", "Bactrim"]).findings[0].contract()
    assert set(f) == {"drugs", "severity", "mechanism", "management", "source"}
    assert f["drugs"] == ["trimethoprim/sulfamethoxazole", "warfarin"]


def _finding(findings, a, b):
    hit = [f for f in findings if set(f.drug_ids) == {a, b}]
    assert hit, f"no interaction {a}+{b} in {[f.drug_ids for f in findings]}"
    return hit[0]


def test_ssri_antiplatelet_bleeding(kb, plan_for):
    # current medicines: aspirin with sertraline, whatever the planner proposes for GERD
    plan = plan_for({"age": 70, "sex": "male", "weight_kg": 82, "scr_mg_dl": 1.0,
                     "medications": ["aspirin 81 mg daily", "sertraline 100 mg daily"]}, "gerd")
    f = _finding(plan.interactions, "aspirin", "sertraline")
    assert f.severity == "moderate" and "ssri_antiplatelet" in f.rules
    assert "Labos" in f.source and "FDA SSRI labels" in f.source
    assert "PPI" in f.management and "bleeding" in f.management
    # a proposed antiplatelet for a patient already on an SSRI
    plan = plan_for({"age": 64, "sex": "female", "weight_kg": 70, "scr_mg_dl": 0.9,
                     "medications": ["escitalopram 10 mg daily"]}, "chronic_coronary_disease")
    proposed = plan.chosen_option().drugs[0]
    assert proposed in kb.classes["antiplatelet"]
    assert _finding(plan.interactions, "escitalopram", proposed).severity == "moderate"
    # the class rule reaches every SSRI x antiplatelet pair
    for s in kb.classes["ssri"]:
        for a in kb.classes["antiplatelet"]:
            assert any(h.rule == "ssri_antiplatelet" for h in kb.pairs[frozenset((s, a))])


def test_beta_blocker_digoxin_bradycardia(kb, plan_for):
    # AF rate control in HFrEF on digoxin: the proposed beta-blocker adds to digoxin's AV-nodal slowing
    plan = plan_for({"age": 77, "sex": "female", "weight_kg": 66, "scr_mg_dl": 1.0, "conditions": ["HFrEF"],
                     "medications": ["digoxin 0.125 mg daily"]}, "af_rate_control")
    assert plan.chosen_option().drugs == ["metoprolol"]
    f = _finding(plan.interactions, "digoxin", "metoprolol")
    assert f.severity == "moderate" and f.rules == ["bb_digoxin"]
    assert "Lanoxin" in f.source and "AV block" in f.effect
    for bb in kb.classes["beta_blocker"]:
        assert ix.pair(kb, bb, "digoxin").severity == "moderate"
    carv = ix.pair(kb, "carvedilol", "digoxin")  # explicit pair: carvedilol also raises digoxin levels
    assert carv.rules == ["pair"] and "15%" in carv.mechanism and "Coreg" in carv.source


def test_amiodarone_non_dhp_ccb(kb, plan_for):
    plan = plan_for({"age": 76, "sex": "female", "weight_kg": 68, "scr_mg_dl": 1.0,
                     "medications": ["amiodarone 200 mg daily", "diltiazem 240 mg daily"]}, "af_anticoagulation")
    f = _finding(plan.interactions, "amiodarone", "diltiazem")
    assert f.severity == "moderate" and f.rules == ["amiodarone_non_dhp"]
    assert "Pacerone" in f.source and "hypotension" in f.effect.lower()
    rep = ix.check_names(kb, ["Cordarone", "Isoptin"])  # brands: amiodarone and verapamil
    assert [(x.drug_ids, x.severity) for x in rep.findings] == [(("amiodarone", "verapamil"), "moderate")]


def test_simvastatin_warfarin_inr(kb, plan_for):
    plan = plan_for({"age": 72, "sex": "male", "weight_kg": 80, "scr_mg_dl": 1.0,
                     "medications": ["warfarin 5 mg daily", "simvastatin 40 mg qhs"]}, "zoster")
    f = _finding(plan.interactions, "simvastatin", "warfarin")
    assert f.severity == "moderate" and f.rules == ["pair"]  # Zocor label: INR 2.6 -> 3.4, check INR
    assert "Zocor" in f.source and "INR" in f.effect
    assert "INR" in f.management and "stopped" in f.management


def test_label_contraindications_for_inducers_and_posaconazole(kb, plan_for):
    for inducer in ("carbamazepine", "phenytoin", "rifampin"):
        f = ix.pair(kb, inducer, "nirmatrelvir-ritonavir")
        assert f and f.severity == "contraindicated" and "Paxlovid" in f.source
    f = ix.pair(kb, "posaconazole", "atorvastatin")
    assert f and f.severity == "contraindicated" and "Noxafil" in f.source
    plan = plan_for({"age": 58, "sex": "male", "weight_kg": 78, "scr_mg_dl": 1.0, "medications": ["posaconazole"]},
                    "hyperlipidemia")
    assert plan.chosen_option().drugs == ["rosuvastatin"]
