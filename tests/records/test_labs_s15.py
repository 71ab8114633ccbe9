"""Issue 11, session 15 (records15): readings the name-then-value reader missed. Sentences written for these tests."""

from __future__ import annotations

import pytest

from medcore.records.pipeline import analyze


def _labs(kb, text):
    ex = analyze(text, kb).extraction
    return {(x.name, x.value) for x in ex.labs}


def _vitals(kb, text):
    ex = analyze(text, kb).extraction
    return {(x.name, x.value) for x in ex.vitals}


def test_dipstick_grades_written_before_the_analyte(kb):
    found = _labs(kb, "The clinic urinalysis showed trace protein, 3+ blood, large ketones and small leukocytes.")
    assert {("urine protein", "trace"), ("urine blood", "3+"), ("urine ketones", "large"),
            ("leukocyte esterase", "small")} <= found, found


def test_microscopy_counts_and_a_grade_after_its_analyte(kb):
    found = _labs(kb, "Her urine dipstick had nitrites negative, and microscopy found 5 to 10 white cells and "
                      "more than 20 red blood cells.")
    assert {("urine nitrite", "negative"), ("urine white cells", "5 to 10"),
            ("urine red cells", "more than 20")} <= found, found


@pytest.mark.parametrize("text", [
    "He was given 2+ blood products after the fall.",
    "The results showed positive blood cultures on day two.",
    "Small protein bars were advised by the dietitian.",
])
def test_analyte_words_outside_a_urine_sentence_are_not_urinalysis(kb, text):
    assert not any(name.startswith("urine") for name, _ in _labs(kb, text))


def test_a_differential_written_percentage_first(kb):
    found = _labs(kb, "The smear had 71% neutrophils, 4 bands and 18% lymphocytes.")
    assert {("neutrophils %", "71"), ("band neutrophils %", "4"), ("lymphocytes %", "18")} <= found, found


def test_a_bare_number_beside_bands_needs_a_differential(kb):
    assert not any(n == "band neutrophils %" for n, _ in _labs(kb, "The orthodontist placed 4 bands today."))


@pytest.mark.parametrize("text,reading", [
    ("The echo shows her ejection fraction improving to 40%.", ("ejection fraction", "40")),
    ("His potassium was markedly elevated at 6.4 this morning.", ("potassium", "6.4")),
    ("The LVEF was calculated to be 58%.", ("ejection fraction", "58")),
])
def test_trend_and_degree_words_before_a_value(kb, text, reading):
    assert reading in _labs(kb, text) | _vitals(kb, text)


def test_later_readings_chained_after_a_value_are_the_trend(kb):
    ex = analyze("Her sodium was low at 126, then rose to 129 and later increased to 134 by discharge.", kb).extraction
    assert [x.value for x in ex.labs if x.name == "sodium"] == ["126", "129", "134"]


def test_an_approximate_reading_after_a_short_vital_name(kb):
    found = _vitals(kb, "At triage BP around 150/95 and HR roughly 104.")
    assert {("blood pressure", "150/95"), ("heart rate", "104")} <= found, found


def test_a_vital_signs_line_of_bare_numbers_is_read_by_shape(kb):
    found = _vitals(kb, "Vital signs: 99.1, 128/70, 92, 18, 97%.")
    assert found == {("temperature", "99.1"), ("blood pressure", "128/70"), ("heart rate", "92"),
                     ("respiratory rate", "18"), ("oxygen saturation", "97")}, found


def test_two_bare_numbers_of_one_kind_are_left_unread(kb):
    found = _vitals(kb, "Vitals: 130/80, 88, 96.")
    assert ("blood pressure", "130/80") in found and not any(n == "heart rate" for n, _ in found), found


@pytest.mark.parametrize("text,name", [
    ("His stool Hemoccult result is negative.", "stool occult blood"),
    ("Her rapid strep screen is negative.", "rapid strep test"),
    ("Pulse oximetry: 95% sat on room air.", "oxygen saturation"),
])
def test_qualitative_tests_and_a_saturation_with_its_word(kb, text, name):
    assert any(n == name for n, _ in _labs(kb, text) | _vitals(kb, text))


def test_urinalysis_rows_have_loinc_codes(kb):
    for name in ("urine protein", "urine blood", "leukocyte esterase", "urine red cells"):
        assert kb.codes.loinc_for(name, "") is not None, name
