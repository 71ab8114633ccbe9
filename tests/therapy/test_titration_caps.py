"""Titration text never suggests a dose above a cap that applies to the patient (issue 13)."""

import re

import pytest

from medcore.therapy.dosing import titration_daily_max

CRCL_22 = {"age": 80, "sex": "male", "weight_kg": 60, "scr_mg_dl": 2.3}  # Cockcroft-Gault 21.7 mL/min


@pytest.mark.parametrize("text,per_day,expected", [
    ("titrate to 150 mg twice daily", 2, 300), ("titrate to 150-300 mg/day", 2, 300),
    ("titrate to 1800-3600 mg/day", 3, 3600), ("titrate to 25-75 mg", 1, 75), ("titrate to 25 mg/week", 1, None),
    ("titrate every 2-5 weeks to serum urate <6 mg/dL", 1, None), ("titrate", 1, None),
    ("titrate to 97/103 mg twice daily", 2, 194),  # a combination's amount is its first ingredient's, not 103 mg
])
def test_titration_daily_max(text, per_day, expected):
    assert titration_daily_max(text, "mg", per_day) == expected



def test_gabapentinoids_at_crcl_22_never_titrate_above_the_renal_maximum(plan_for):
    plan = plan_for(CRCL_22, "neuropathic_pain")
    doses = {d.drug_id: d for o in plan.options if not o.excluded for d in o.doses}
    pre, gaba = doses["pregabalin"], doses["gabapentin"]
    assert "150 mg twice daily" not in pre.text() and "150 mg/day" in pre.text()
    assert "1800" not in gaba.text() and "700 mg/day" in gaba.text()
    assert any("exceeds the renal maximum" in s for s in pre.steps)
    for d in (pre, gaba):
        cap = {"pregabalin": 150, "gabapentin": 700}[d.drug_id]
        assert d.daily_total <= cap
        for m in re.finditer(r"(\d+) mg/day", d.text()):
            assert float(m.group(1)) <= cap


def test_normal_kidneys_keep_the_guideline_titration(plan_for):
    plan = plan_for({"age": 40, "sex": "male", "weight_kg": 80, "scr_mg_dl": 0.9}, "neuropathic_pain")
    doses = {d.drug_id: d for o in plan.options for d in o.doses}
    assert "titrate to 150 mg twice daily" in doses["pregabalin"].text()
    assert "titrate to 1800-3600 mg/day" in doses["gabapentin"].text()
