"""Session 8 (nlu12): vital signs written as numbers read through the bands of vitals.yaml, the red-flag rules
on them and on a blocked bowel, and Unicode look-alikes before reading. Sentences written for these tests."""

from __future__ import annotations

import time

import pytest

from medcore.config import REPO_ROOT
from medcore.triage import vitals


def _ev(engine, text):
    _, ex = engine.read_text(text)
    return ex.evidence()


@pytest.mark.parametrize("text, want", [
    ("my blood pressure is 230 over 130", {"very_high_bp": True, "high_bp": True, "low_bp": False}),
    ("BP 190/120 this morning", {"very_high_bp": True, "high_bp": True}),
    ("the nurse said my bp of 85/50 was low", {"low_bp": True, "high_bp": False}),
    ("blood pressure 172/96", {"high_bp": True, "very_high_bp": False}),
    ("BP 118/76 mmHg", {"high_bp": False, "low_bp": False}),
    ("took my temperature and it was 39.9", {"high_fever": True, "fever": True}),
    ("temp 101.5F since lunch", {"fever": True, "high_fever": False}),
    ("my temperature is 36.9 so no fever I guess", {"fever": False}),
    ("my pulse is 134 at rest", {"fast_heart_rate": True}),
    ("heart rate of 36", {"slow_pulse": True, "fast_heart_rate": False}),
    ("my oxygen sats are 89%", {"low_oxygen": True}),
    ("the oximeter reads 98 percent", {"low_oxygen": False}),
])
def test_numbers_become_findings(lexical_engine, text, want):
    ev = _ev(lexical_engine, text)
    assert {k: ev.get(k) for k in want} == want


@pytest.mark.parametrize("text, absent", [
    ("I've had a fever for 3 days", ["fever"]),  # a duration is no temperature: the fever stays present
    ("it's 39 degrees outside and I feel faint", ["fever", "high_fever"]),  # the weather, no cue
    ("my 8 year old's pulse is 130", ["fast_heart_rate"]),  # adult thresholds, not for a school-age child
    ("my heart has been going 20 minutes", ["fast_heart_rate", "slow_pulse"]),  # a duration after a weak cue
    ("I keep going 20 miles on my bike", ["slow_pulse", "fast_heart_rate"]),  # a weak cue with no heart word
])
def test_numbers_that_are_not_readings(lexical_engine, text, absent):
    ev = _ev(lexical_engine, text)
    assert all(ev.get(f) is not False for f in absent)
    assert "fever" not in text or ev.get("fever") is not False


def test_a_bound_decides_only_what_it_can():
    table = vitals.load(REPO_ROOT / "assets" / "kb" / "triage")
    r = vitals.readings("pulse over 100", table)[0]
    assert vitals.findings(r, table) == {"fast_heart_rate": True, "slow_pulse": False, "low_pulse": False}
    r = vitals.readings("temperature above 38.2", table)[0]
    assert vitals.findings(r, table) == {"fever": True, "low_temperature": False}  # high fever undecided


def test_a_number_claimed_by_two_cues_goes_to_the_nearer():
    table = vitals.load(REPO_ROOT / "assets" / "kb" / "triage")
    assert [r.vital for r in vitals.readings("pulse ox 90%", table)] == ["oxygen"]
    assert [r.vital for r in vitals.readings("12/03 bp 150/95 pulse 88", table)] == ["blood_pressure", "heart_rate"]


def test_reader_stays_linear_on_long_runs():
    table = vitals.load(REPO_ROOT / "assets" / "kb" / "triage")
    for text in ("bp " * 20000, "temperature " + "x" * 50000, "1/" * 20000, "pulse over " * 5000):
        t0 = time.perf_counter()
        vitals.readings(text, table)
        assert time.perf_counter() - t0 < 2.0


@pytest.mark.parametrize("text, level", [
    ("My blood pressure is 220/125 and I have a crushing pain in my chest", "emergency"),
    ("BP 200 over 130 with blurred vision", "emergency"),
    ("My home blood pressure machine says 186/112, I feel fine", "urgent"),
    ("I have a fever and my bp is 82/48, feel very dizzy", "emergency"),
])
def test_red_flag_rules_on_readings(lexical_engine, text, level):
    from medcore.triage.kb import LEVEL_RANK

    res, _ = lexical_engine.one_shot(text, age=60, sex="male")
    assert LEVEL_RANK[res.triage] <= LEVEL_RANK[level]


@pytest.mark.parametrize("text", [
    "I keep being sick, my belly is distended and I haven't passed any wind since Tuesday",
    "Vomiting all night, bad cramping tummy pains and I cannot pass wind at all",
])
def test_blocked_bowel_signs_are_an_emergency(lexical_engine, text):
    res, _ = lexical_engine.one_shot(text, age=70, sex="female")
    assert res.triage == "emergency"
    assert any(r["id"] == "bowel_obstruction_signs" for r in res.fired_rules)


def test_passing_wind_is_not_belching_and_not_an_obstruction(lexical_engine):
    ev = _ev(lexical_engine, "Hard stools for a week but I'm still passing wind")
    assert ev.get("no_flatus") is False and "hiccups_belch" not in ev
    assert _ev(lexical_engine, "I have not passed wind today").get("no_flatus") is True


def test_lookalike_and_full_width_letters_are_read(lexical_engine):
    # Cyrillic 'с' and 'е' inside Latin words, full-width digits and letters: NFKC and confusables first
    assert _ev(lexical_engine, "sudden сhеst pain").get("chest_pain") is True
    assert _ev(lexical_engine, "ＢＰ １９０/１２０").get("very_high_bp") is True


def test_a_decimal_comma_is_a_decimal():
    table = vitals.load(REPO_ROOT / "assets" / "kb" / "triage")
    r = vitals.readings("temperatur reading: temp 39,6 tonight", table)[0]
    assert vitals.findings(r, table)["high_fever"] is True
    assert [x.vital for x in vitals.readings("temp 38, 5 days of cough", table)] == ["temperature"]
    assert vitals.findings(vitals.readings("temp 38, 5 days of cough", table)[0], table)["high_fever"] is False


# Session 13 (triage13): rates told in lay words, a young child's own thresholds, and the breathing rate.
@pytest.mark.parametrize("text, want", [
    ("my heart is going 180 and won't slow down", {"fast_heart_rate": True}),
    ("out of nowhere my heart races, like it's going 190, then stops", {"fast_heart_rate": True}),
    ("my watch says my heart hit 172 while I was sitting down", {"fast_heart_rate": True}),
    ("pulse 150 and I feel shaky", {"fast_heart_rate": True}),
    ("resp rate 28 and sats 93%", {"fast_breathing": True, "low_oxygen": False}),
    ("he is breathing at 6 breaths a minute", {"slow_breathing": True, "fast_breathing": False}),
])
def test_lay_rates_become_findings(lexical_engine, text, want):
    ev = _ev(lexical_engine, text)
    assert {k: ev.get(k) for k in want} == want


@pytest.mark.parametrize("text, age, want", [
    ("his pulse is 130", 3, {"fast_heart_rate": False}),   # NICE NG143: over 140 at 2-5 years
    ("his pulse is 150", 3, {"fast_heart_rate": True}),
    ("her pulse is 150", 0.5, {"fast_heart_rate": False}),  # over 160 under 12 months
    ("breathing rate 46", 3, {"fast_breathing": True}),     # over 40 after 12 months
    ("breathing rate 46", 0.3, {"fast_breathing": False}),  # over 60 in a young baby
    ("his pulse is 130", 8, {}),                             # no band decides a normal-range school-age rate
])
def test_child_thresholds_by_age(text, age, want):
    table = vitals.load(REPO_ROOT / "assets" / "kb" / "triage")
    [r] = vitals.readings(text, table)
    got = vitals.findings(r, table, age)
    assert {k: got.get(k) for k in want} == want
    if not want:
        assert "fast_heart_rate" not in got


def test_a_count_or_time_after_the_number_is_no_reading_but_units_are():
    table = vitals.load(REPO_ROOT / "assets" / "kb" / "triage")
    assert vitals.readings("checked my pulse 3 times", table) == []
    assert vitals.readings("heart rate 72 kg", table) == []
    [bp] = vitals.readings("bp 150/90 mm hg", table)
    assert bp.values == {"systolic": (150.0, 150.0), "diastolic": (90.0, 90.0)}


def test_a_rate_of_150_or_more_is_its_own_finding(lexical_engine):
    assert _ev(lexical_engine, "my pulse is 170")["very_fast_heart_rate"] is True
    assert _ev(lexical_engine, "my pulse is 120").get("very_fast_heart_rate") is False


@pytest.mark.parametrize("text, want", [
    ("my blood sugar is 2.1 and I'm shaky", {"low_blood_sugar_reading": True, "high_blood_sugar_reading": False}),
    ("his sugar reading is 28 and he's drowsy", {"high_blood_sugar_reading": True, "low_blood_sugar_reading": False}),
    ("glucose 45 mg/dl", {"low_blood_sugar_reading": True}),
    ("glucose 450", {"high_blood_sugar_reading": True}),           # a bare number of 36 or more is mg/dL
    ("BM 6.4 this morning", {"low_blood_sugar_reading": False, "high_blood_sugar_reading": False}),
    ("the meter reads HI", {"high_blood_sugar_reading": True}),
    ("temp 100.4F", {"fever": True}),                               # 38.0 C exactly: the conversion keeps the bound
])
def test_glucose_and_converted_units(lexical_engine, text, want):
    ev = _ev(lexical_engine, text)
    assert {k: ev.get(k) for k in want} == want


def test_sugar_in_food_is_no_reading():
    table = vitals.load(REPO_ROOT / "assets" / "kb" / "triage")
    assert vitals.readings("cut my sugar intake 30 grams a day", table) == []
