"""Session 18 (issue 13) verification: current medicines are reviewed against the genotype and kidney function with
a concrete action: CYP2D6 ultrarapid metabolisers on codeine (alone or in a combination) are told to stop it, and
gabapentinoids at CrCl 22 are capped at the label's kidney maximum."""

import pytest

CRCL_22 = {"age": 70, "sex": "male", "weight_kg": 60, "scr_mg_dl": 2.65}  # Cockcroft-Gault 70*60/(72*2.65) = 22.0


@pytest.mark.parametrize("med", ["codeine 30 mg QDS", "Tylenol #3", "tramadol 50 mg QDS"])
def test_cyp2d6_ultrarapid_is_told_to_stop(plan_for, med):
    plan = plan_for({"age": 45, "sex": "female", "weight_kg": 65, "scr_mg_dl": 0.8, "medications": [med],
                     "genotypes": {"CYP2D6": "*1/*1xN"}}, "hypertension")
    [w] = [w for w in plan.warnings if w.kind == "pgx" and w.text.startswith("Current medicine")]
    assert w.severity == "major" and "Action: stop and switch" in w.text and "CPIC" in w.source


@pytest.mark.parametrize("med, cap", [("pregabalin 300 mg BID", 150), ("gabapentin 600 mg TID", 700),
                                      ("pregabalin", 150), ("gabapentin", 700)])
def test_gabapentinoids_at_crcl_22_are_reduced_to_the_kidney_maximum(plan_for, med, cap):
    plan = plan_for({**CRCL_22, "medications": [med]}, "hypertension")
    assert round(plan.crcl) == 22
    [w] = [w for w in plan.warnings if w.kind == "renal" and w.text.startswith("Current medicine")]
    assert f"Action: reduce the dose to the renal range (at most {cap} mg/day)" in w.text
