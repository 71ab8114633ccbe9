"""Bad input: impossible values refused with the valid range, implausible ones warned, units explicit."""

import pytest

from medcore.therapy.profile import ProfileError, parse_patient


@pytest.mark.parametrize("field,value,unit_field,unit,needle", [
    ("weight", 0, "weight_unit", "kg", "Weight 0 kg is impossible: valid range is 0.5-350 kg"),
    ("weight", 700, "weight_unit", "kg", "Weight 700 kg is impossible"),
    ("scr", 0, "scr_unit", "mg/dL", "Serum creatinine 0 mg/dL is impossible: valid range is 0.1-25 mg/dL"),
])
def test_impossible_values_refused(field, value, unit_field, unit, needle):
    with pytest.raises(ProfileError) as exc:
        parse_patient({"age": 50, "sex": "female", field: value, unit_field: unit})
    assert any(needle in p for p in exc.value.problems)


def test_age_200_refused_and_all_problems_listed():
    with pytest.raises(ProfileError) as exc:
        parse_patient({"age": 200, "sex": "x", "weight": 70})
    probs = " | ".join(exc.value.problems)
    assert "Age 200 years is impossible: valid range is 0-120 years" in probs
    assert "sex is required" in probs and "weight_unit is required" in probs


def test_implausible_creatinine_accepted_with_warning():
    p, warnings = parse_patient({"age": 70, "sex": "male", "scr": 15, "scr_unit": "mg/dL"})
    assert p.scr_mg_dl == 15
    assert any("unusual" in w for w in warnings)


def test_units_converted():
    p, _ = parse_patient({"age": 70, "sex": "male", "weight": 176, "weight_unit": "lb", "scr": 106, "scr_unit": "µmol/L",
                          "height": 70, "height_unit": "in"})
    assert p.weight_kg == pytest.approx(79.83, abs=0.01)
    assert p.scr_mg_dl == pytest.approx(1.199, abs=0.001)
    assert p.height_cm == pytest.approx(177.8)


def test_male_pregnant_refused():
    with pytest.raises(ProfileError, match="male"):
        parse_patient({"age": 30, "sex": "male", "pregnant": True})


def test_unknown_medicine_gets_suggestion_and_duplicates_flagged(plan_for):
    plan = plan_for({"age": 60, "sex": "female", "weight_kg": 70,
                     "medications": ["metfornin", "lisinoprill", "Zestril", "xyzzyzine"]}, "gerd")
    text = " ".join(plan.input_warnings)
    assert "'metfornin' read as metformin" in text  # an unlisted misspelling: a guess the user must check
    assert "unknown drug 'xyzzyzine'" in text
    assert any(w.kind == "duplicate" for w in plan.warnings)
