"""Renal caps are never exceeded in any plan text (issue 13 target), swept over every condition of the KB for three
patients with poor kidney function: no dose, and no titration or written step-up schedule, goes above a renal
maximum daily dose the KB gives for that kidney function. Session 15 found varenicline's schedule ("then 1 mg twice
daily") at 2 mg/day against the 1 mg/day maximum below CrCl 30."""

import pytest

from medcore.therapy.dosing import renal_band, titration_daily_max

PATIENTS = {  # Cockcroft-Gault about 12, 22 and 40 mL/min
    "crcl_12": {"age": 80, "sex": "female", "weight_kg": 50, "scr_mg_dl": 3.5},
    "crcl_22": {"age": 80, "sex": "male", "weight_kg": 60, "scr_mg_dl": 2.3},
    "crcl_40": {"age": 75, "sex": "male", "weight_kg": 70, "scr_mg_dl": 1.6},
}


@pytest.mark.parametrize("who", sorted(PATIENTS))
def test_no_plan_text_exceeds_a_renal_maximum(kb, plan_for, who):
    over, checked = [], 0
    for cid in kb.conditions:
        plan = plan_for(PATIENTS[who], cid)
        for o in plan.options:
            for d in o.doses:
                drug = kb.drugs.get(d.drug_id)
                if o.excluded or not drug or d.dose is None:
                    continue
                band, _, _ = renal_band(drug, plan.crcl, None)
                cap = (band or {}).get("max_daily")
                if not cap:
                    continue
                checked += 1
                worst = max(d.daily_total or 0, titration_daily_max(d.text(), d.unit, d.per_day) or 0)
                if worst > cap + 1e-6:
                    over.append((cid, d.drug_id, cap, d.text()))
    assert checked >= 5 and not over, over  # 7 to 20 capped doses per patient at the time of writing


def test_varenicline_schedule_stops_at_the_renal_maximum(plan_for):
    plan = plan_for(PATIENTS["crcl_22"], "smoking_cessation")
    d = next(d for o in plan.options for d in o.doses if d.drug_id == "varenicline")
    assert "1 mg twice daily" not in d.text() and "1 mg/day" in d.text() and "12 weeks" in d.text()
    normal = plan_for({"age": 40, "sex": "male", "weight_kg": 80, "scr_mg_dl": 0.9}, "smoking_cessation")
    d = next(d for o in normal.options for d in o.doses if d.drug_id == "varenicline")
    assert "then 1 mg twice daily for 12 weeks" in d.text()
