"""Lab and vital shapes, session 12 (issue 11): every reading of a trend, hemoglobin/hematocrit pairs, a body
temperature run into its scale letter, a rate in beats per minute, the ejection fraction, a blood sugar, a weight
after "weighs", and an environmental allergy. Sentences in our own words."""

from medcore.records.pipeline import analyze


def readings(kb, text):
    ex = analyze(text, kb).extraction
    return sorted((x.name, x.value, x.unit) for x in [*ex.labs, *ex.vitals])


def test_both_readings_of_a_fall_are_kept_each_in_its_own_unit(kb):
    out = readings(kb, "The white count came down from 18,000 to 9.6.")
    assert out == [("WBC", "18,000", "cells/uL"), ("WBC", "9.6", "x10^9/L")]


def test_an_earlier_reading_after_from(kb):
    assert readings(kb, "Troponin is 1.1 from 0.8 yesterday.") == [("troponin I", "0.8", "ng/mL"),
                                                                    ("troponin I", "1.1", "ng/mL")]


def test_a_later_reading_after_the_unit(kb):
    assert readings(kb, "Sodium fell from 138 mmol/L to 129 mmol/L.") == [("sodium", "129", "mmol/L"),
                                                                           ("sodium", "138", "mmol/L")]


def test_two_blood_pressures_in_a_row(kb):
    assert [v for _, v, _ in readings(kb, "Blood pressure today 150/90 and 138/82.")] == ["138/82", "150/90"]


def test_and_a_new_name_is_not_a_second_reading(kb):
    assert readings(kb, "Potassium 4.2 and sodium 139.") == [("potassium", "4.2", "mmol/L"), ("sodium", "139", "mmol/L")]


def test_hemoglobin_and_hematocrit_pair_in_either_order(kb):
    assert readings(kb, "Labs: H&H 9.8 and 30, platelets 210.")[:2] == [("hematocrit", "30", "%"),
                                                                       ("hemoglobin", "9.8", "g/dL")]
    assert readings(kb, "His H/H was stable at 36.2/11.9 today.") == [("hematocrit", "36.2", "%"),
                                                                      ("hemoglobin", "11.9", "g/dL")]
    assert readings(kb, "Her hemoglobin and hematocrit were 11.2 and 34.1.") == [("hematocrit", "34.1", "%"),
                                                                                 ("hemoglobin", "11.2", "g/dL")]


def test_a_temperature_run_into_its_scale(kb):
    out = readings(kb, "EXAM: BP130/70 HR88 RR14 37.2C.")
    assert ("temperature", "37.2", "C") in out
    assert ("temperature", "99.1", "F") in readings(kb, "Vitals: P 80, 99.1F, RR 16.")
    assert readings(kb, "A 64F seen today.") == []  # an age and sex, no decimal: not a temperature


def test_beats_per_minute_is_a_heart_rate(kb):
    assert readings(kb, "ECG: sinus rhythm at 64 beats per minute.") == [("heart rate", "64", "beats/min")]


def test_ejection_fraction_blood_sugar_and_weight(kb):
    assert readings(kb, "Echo showed an EF of 45%.") == [("ejection fraction", "45", "%")]
    assert readings(kb, "She reports a blood sugar of 210 this morning.") == [("glucose", "210", "mg/dL")]
    assert readings(kb, "The patient weighs 160 pounds.") == [("weight", "160", "lb")]


def test_a_pulse_grade_and_a_dose_stay_out(kb):
    assert readings(kb, "P: 2+ bilaterally.") == []
    assert readings(kb, "Metoprolol 25 mg daily, then 50 mg.") == []


def test_an_environmental_allergy(kb):
    ex = analyze("ALLERGIES: Environmental.", kb).extraction
    assert [a.kind for a in ex.allergies] == ["allergy"] and not ex.medications


def test_a_range_is_one_reading_not_a_trend(kb):
    assert [v for _, v, _ in readings(kb, "Respirations were approximately 58 to 64.")] == ["64"]
    assert [v for _, v, _ in readings(kb, "Cardiomyopathy with an EF of 20% to 25%.")] == ["20"]


def test_a_rate_a_device_is_set_to_is_not_a_heart_rate(kb):
    assert readings(kb, "Pacemaker: base rate 55, upper tracking rate of 125 beats per minute.") == []


def test_a_repeated_value_shows_its_trend_in_time_order(kb):
    lines = [i.text for i in analyze("Troponin is 1.1 from 0.8 yesterday. Sodium 128.", kb).summary.abnormal_results]
    assert lines[0].endswith("trend 0.8 ng/mL -> 1.1 ng/mL)")
    assert "trend" not in lines[-1]  # read once: no trend


def test_a_pair_that_cannot_be_hemoglobin_and_hematocrit_is_not_split(kb):
    assert ("hemoglobin", "30", "g/dL") not in readings(kb, "H&H stable 30 and 39.")


def test_more_words_between_a_name_and_its_value(kb):
    assert readings(kb, "The pulse at that time was 128.") == [("heart rate", "128", "beats/min")]
    assert readings(kb, "Glucose was in the 175 range.") == [("glucose", "175", "mg/dL")]
    assert [v for _, v, _ in readings(kb, "Serial hematocrits 39.1, and 36.8.")] == ["36.8", "39.1"]
