"""Renal caps are never exceeded in any plan text (issue 13 target), swept through the planner over every condition
of the KB (its dose rules, PGx, interactions and caps) for patients with poor kidney function: no dose, no titration
and no step of a written schedule, in any option's dose line as the plan JSON shows it, goes above the kidney maximum
daily dose for that kidney function (`dosing.renal_max_daily`, the one home of that maximum; its agreement with the
labels is checked band by band in test_renal_caps_sweep.py). Session 15 found varenicline's schedule ("then 1 mg
twice daily") at 2 mg/day against the 1 mg/day maximum below CrCl 30."""

import pytest

from medcore.therapy.dosing import renal_band, renal_max_daily, titration_daily_max

PATIENTS = {  # Cockcroft-Gault about 12, 22 and 40 mL/min
    "crcl_12": {"age": 80, "sex": "female", "weight_kg": 50, "scr_mg_dl": 3.5},
    "crcl_22": {"age": 80, "sex": "male", "weight_kg": 60, "scr_mg_dl": 2.3},
    "crcl_40": {"age": 75, "sex": "male", "weight_kg": 70, "scr_mg_dl": 1.6},
}
# the adult of the per-rule sweep at each of its clearances: Cockcroft-Gault (140-60)*72/(72*SCr) = 80/SCr
ADULT_CRCLS = (5, 10, 15, 22, 29, 35, 45, 55, 75, 100)
for _crcl in ADULT_CRCLS:
    PATIENTS[f"adult_{_crcl}"] = {"age": 60, "sex": "male", "weight_kg": 72, "scr_mg_dl": round(80 / _crcl, 3),
                                  "egfr": _crcl}


def _over(x: float, cap: float) -> bool:
    return x > cap * (1 + 1e-6) + 1e-9  # q18h totals are rounded to 4 places


@pytest.mark.parametrize("who", sorted(PATIENTS))
def test_no_plan_text_exceeds_a_renal_maximum(kb, plan_for, who):
    patient, over, checked = PATIENTS[who], [], 0
    for cid in sorted(kb.conditions):
        plan = plan_for(patient, cid)
        if "egfr" in patient:
            assert abs(plan.crcl - patient["egfr"]) < 0.5, (cid, plan.crcl)
        for opt, od in zip(plan.options, plan.to_dict()["options"]):
            for d, dd in zip(opt.doses, od["doses"]):
                drug = kb.drugs.get(d.drug_id)
                if not drug or d.avoid or d.dose is None:
                    continue
                band, _, _ = renal_band(drug, plan.crcl, patient.get("egfr"))
                cap = renal_max_daily(drug, band)
                if cap is None:
                    continue
                checked += 1
                # the highest daily amount the line names: its daily total, or any amount a titration or schedule
                # step writes with how often it is taken
                worst = max(dd["daily_total"] or 0, titration_daily_max(dd["text"], d.unit, d.per_day) or 0)
                if _over(worst, cap):
                    over.append(f"{cid}/{opt.option_id}: {dd['text']} ({worst}/day > {cap})")
    assert checked >= 5 or "egfr" in patient, checked  # 7 to 20 capped doses per elderly patient at the time of writing
    assert not over, "\n".join(over)


def test_varenicline_schedule_stops_at_the_renal_maximum(plan_for):
    plan = plan_for(PATIENTS["crcl_22"], "smoking_cessation")
    d = next(d for o in plan.options for d in o.doses if d.drug_id == "varenicline")
    assert "1 mg twice daily" not in d.text() and "1 mg/day" in d.text() and "12 weeks" in d.text()
    normal = plan_for({"age": 40, "sex": "male", "weight_kg": 80, "scr_mg_dl": 0.9}, "smoking_cessation")
    d = next(d for o in normal.options for d in o.doses if d.drug_id == "varenicline")
    assert "then 1 mg twice daily for 12 weeks" in d.text()
