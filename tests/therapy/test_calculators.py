"""Calculators against worked examples (hand arithmetic and published calculator values)."""

import pytest

from medcore.therapy import calculators as calc


def test_cockcroft_gault_worked_example():
    r = calc.crcl_cockcroft_gault(60, "male", 72, 1.0, weight_rule="actual")
    assert r.value == pytest.approx(80.0)  # (140-60)*72/(72*1.0)
    f = calc.crcl_cockcroft_gault(60, "female", 72, 1.0, weight_rule="actual")
    assert f.value == pytest.approx(68.0)  # x 0.85
    assert "0.85" in " ".join(f.steps) and "72 × 1" in f.steps[0]


def test_cockcroft_gault_weight_rules():
    # obese: 100 kg, 165 cm female (IBW 57 kg) -> adjusted weight 57 + 0.4*(100-57)
    auto = calc.crcl_cockcroft_gault(65, "female", 100, 1.2, height_cm=165)
    ibw = calc.ibw_devine("female", 165).value
    adj = ibw + 0.4 * (100 - ibw)
    assert auto.value == pytest.approx(round((140 - 65) * round(adj, 1) / (72 * 1.2) * 0.85, 1), abs=0.1)
    assert "adjusted" in auto.inputs["weight used"]
    ideal = calc.crcl_cockcroft_gault(65, "female", 100, 1.2, height_cm=165, weight_rule="ideal")
    assert "ideal" in ideal.inputs["weight used"]
    # below IBW -> actual
    thin = calc.crcl_cockcroft_gault(65, "female", 45, 1.0, height_cm=165)
    assert "actual" in thin.inputs["weight used"]
    with pytest.raises(ValueError):
        calc.crcl_cockcroft_gault(65, "female", 45, 1.0, weight_rule="lean")


def test_ckd_epi_2021_published_values():
    assert calc.egfr_ckd_epi_2021(60, "male", 1.0).value == pytest.approx(86, abs=1)
    assert calc.egfr_ckd_epi_2021(50, "female", 1.0).value == pytest.approx(69, abs=1)
    assert calc.egfr_ckd_epi_2021(40, "female", 0.6).value > 100  # below kappa uses the alpha term
    assert "0.9938" in calc.egfr_ckd_epi_2021(40, "female", 0.6).formula


def test_bsa_ibw_bmi():
    assert calc.bsa_mosteller(70, 170).value == pytest.approx(1.82, abs=0.01)
    assert calc.ibw_devine("male", 180).value == pytest.approx(75.0, abs=0.1)  # 50 + 2.3*(70.87-60)
    assert calc.ibw_devine("female", 152.4).value == pytest.approx(45.5, abs=0.05)
    assert calc.bmi(80, 180).value == pytest.approx(24.7, abs=0.05)
    assert calc.adjusted_body_weight(100, 60).value == pytest.approx(76.0)


def test_unit_conversions():
    assert calc.scr_to_mgdl(88.42, "µmol/L") == pytest.approx(1.0)
    assert calc.scr_to_mgdl(1.2, "mg/dL") == 1.2
    assert calc.weight_to_kg(154, "lb") == pytest.approx(69.85, abs=0.01)
    assert calc.height_to_cm(70, "in") == pytest.approx(177.8)
    with pytest.raises(ValueError):
        calc.scr_to_mgdl(1.0, "mmol/L")


def test_weight_based_dose_rounds_and_caps():
    r = calc.weight_based_dose(45, 15, "mg", max_dose=2000, step=40)
    assert r.value == 680 and "675" in r.steps[0]
    capped = calc.weight_based_dose(0.5, 100, "mg", max_dose=40, step=5)
    assert capped.value == 40 and any("maximum" in s for s in capped.steps)
    tabs = calc.weight_based_dose(1.6, 70, "mcg", strengths=[25, 50, 75, 88, 100, 112, 125])
    assert tabs.value == 112
    # a tie rounds down (the smaller dose)
    assert calc.round_dose(540, step=40)[0] == 520
