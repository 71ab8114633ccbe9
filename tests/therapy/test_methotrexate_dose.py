"""Methotrexate + PPI by methotrexate regimen (issue 13): the labels' concern is high-dose methotrexate, so the
severity follows the amount on the day given, and the planner uses the regimen it knows."""

import pytest

from medcore.therapy import interactions as ix

PATIENT = {"age": 55, "sex": "female", "weight_kg": 70, "scr_mg_dl": 0.8}


@pytest.mark.parametrize("ppi", ["omeprazole", "pantoprazole"])
@pytest.mark.parametrize("dose,severity", [(15, "minor"), (30, "minor"), (200, "moderate"), (5000, "major"),
                                           (None, "moderate")])
def test_severity_follows_the_methotrexate_dose(kb, ppi, dose, severity):
    f = ix.pair(kb, "methotrexate", ppi, None, doses={"methotrexate": dose} if dose else None)
    assert f.severity == severity and "high-dose" in f.source


@pytest.mark.parametrize("text", ["methotrexate 15 mg weekly", "methotrexate 15 mg once weekly",
                                  "methotrexate 15 mg/week", "methotrexate 20 mg once a week"])
def test_a_weekly_dose_is_read_as_its_amount_on_the_day(kb, text):
    assert ix.stated_doses(kb, [(text, ["methotrexate"])])["methotrexate"] in (15.0, 20.0)


def _mtx_warnings(plan):
    d = plan.to_dict()
    return [w["severity"] for w in d["warnings"] if "methotrexate" in w["text"].lower()] + [
        i["severity"] for o in d["options"] for k in ("cautions", "issues", "warnings") for i in (o.get(k) or [])
        if "methotrexate" in str(i).lower()]


def test_the_planner_uses_its_own_weekly_methotrexate_regimen(plan_for):
    plan = plan_for({**PATIENT, "medications": ["omeprazole 20 mg daily"]}, "rheumatoid_arthritis")
    assert plan.chosen == "methotrexate" and set(_mtx_warnings(plan)) == {"minor"}


@pytest.mark.parametrize("med,severity", [("methotrexate 15 mg weekly", "minor"),
                                          ("methotrexate 5000 mg IV", "major")])
def test_a_new_ppi_is_judged_by_the_current_methotrexate_regimen(plan_for, med, severity):
    plan = plan_for({**PATIENT, "medications": [med]}, "gerd")
    assert severity in _mtx_warnings(plan) and set(_mtx_warnings(plan)) <= {severity}
