"""Results with numbers, on hand-written sentences: CI forms, p-value forms, negative differences, NS, group
rates, lists of estimates, outcome and comparison, and the consistency checks."""

from __future__ import annotations

import pytest

from medcore.literature.model import Sentence
from medcore.literature.numbers import extract_effects, parse_p


def effects(text: str):
    return extract_effects(Sentence(3, text, 0, len(text)))


def first(text: str):
    found = effects(text)
    assert found, text
    e = found[0]
    return e.measure, e.value, e.ci_low, e.ci_high


@pytest.mark.parametrize("text, expected", [
    ("Mortality fell (HR 0.75, 95% CI 0.61-0.92).", ("HR", 0.75, 0.61, 0.92)),
    ("Mortality fell (hazard ratio, 0.75; 95% CI, 0.61 to 0.92).", ("HR", 0.75, 0.61, 0.92)),
    ("Risk rose (OR = 2.1 [1.3; 3.4]).", ("OR", 2.1, 1.3, 3.4)),
    ("odds ratio 1.8 (95% confidence interval 1.2–2.6)", ("OR", 1.8, 1.2, 2.6)),
    ("relative risk: 3.62 95% confidence interval: 1.27-10.34", ("RR", 3.62, 1.27, 10.34)),
    ("(odds ratio (OR) 0.41, 95% confidence interval (CI) 0.17 to 0.88)", ("OR", 0.41, 0.17, 0.88)),
    ("[odds ratio (OR), 1.1; 95% confidence interval (CI), 0.93-1.27]", ("OR", 1.1, 0.93, 1.27)),
    ("(HR = 4, 95%CI of HR = 1.6-21.7)", ("HR", 4.0, 1.6, 21.7)),
    ("risk ratio 0.8 (0.7, 0.9)", ("RR", 0.8, 0.7, 0.9)),
    ("incidence rate ratio 1.30 (95% CI 1.05 to 1.61)", ("IRR", 1.3, 1.05, 1.61)),
    ("The NNT was 12 (95% CI 7 to 40).", ("NNT", 12.0, 7.0, 40.0)),
    ("standardised mean difference 0.45 (95% CI 0.20 to 0.70)", ("SMD", 0.45, 0.2, 0.7)),
    ("risk difference 5.2% (95% CI 1.1% to 9.3%)", ("RD", 5.2, 1.1, 9.3)),
])
def test_ci_forms(text, expected):
    assert first(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("mean difference -2.3 (-4.1 to -0.5) mm Hg", ("MD", -2.3, -4.1, -0.5)),
    ("mean difference −2.3 (95% CI −4.1 to −0.5)", ("MD", -2.3, -4.1, -0.5)),  # unicode minus
    ("MD -2.3 (95% CI -4.1, -0.5)", ("MD", -2.3, -4.1, -0.5)),
    ("weighted mean difference -1.2 (95% CI -2.0--0.4)", ("MD", -1.2, -2.0, -0.4)),
])
def test_negative_differences(text, expected):
    assert first(text) == expected


@pytest.mark.parametrize("text, value, relation", [
    ("(HR 0.75, 95% CI 0.61-0.92; P = .03)", 0.03, "="),
    ("(OR 2.0, 95% CI 1.2-3.3, p<0.001)", 0.001, "<"),
    ("(RR 0.9, 95% CI 0.7-1.1; P value 0.2)", 0.2, "="),
    ("(HR 0.5, 95% CI 0.3-0.8; P ≤ 0.01)", 0.01, "<="),
    ("(OR 1.1, 95% CI 0.9-1.3, p = 3.2 x 10-4)", 0.00032, "="),
])
def test_p_value_forms_attach_to_their_estimate(text, value, relation):
    e = effects(text)[0]
    assert e.p_value == pytest.approx(value) and e.p_relation == relation


@pytest.mark.parametrize("text", ["MD -2.3 (95% CI -4.1, 0.5), NS", "OR 1.2 (95% CI 0.8-1.7; not significant)",
                                  "OR 1.2 (95% CI 0.8-1.7; n.s.)"])
def test_not_significant(text):
    e = effects(text)[0]
    assert e.p_value is None and e.p_text and e.p_relation == ""
    assert not e.flags  # a CI crossing the null agrees with NS


def test_parse_p_skips_a_bare_p_without_relation_and_values_above_one():
    assert parse_p("P 0.2 and P = 1.5") == []
    assert [(v, r) for _, _, v, r, _ in parse_p("P = .03; p<0.001; P for trend = 0.04")] == [
        (0.03, "="), (0.001, "<"), (0.04, "=")]


def test_group_rates_with_and_without_a_measure():
    e = effects("Relapse occurred in 12/100 (12%) vs 20/98 (20.4%) patients (P = .03).")[0]
    assert e.measure == "comparison" and e.value is None and e.p_value == 0.03
    assert e.group_rates == [{"events": 12, "total": 100, "percent": 12.0}, {"events": 20, "total": 98, "percent": 20.4}]
    assert e.outcome == "Relapse"
    e = effects("Death occurred in 12/100 vs 20/98 (RR 0.59, 95% CI 0.31-1.13).")[0]
    assert e.measure == "RR" and [r["events"] for r in e.group_rates] == [12, 20]
    e = effects("Screening rates were 71% vs 61% (p<0.01) for telephone versus usual care.")[0]
    assert [r["percent"] for r in e.group_rates] == [71.0, 61.0] and e.comparison == "telephone vs usual care"


def test_lists_of_estimates_after_one_measure():
    text = ("The relative risks of 90 day and 2 year readmission was 1.4 [95% confidence interval (CI): 0.6-3.2] and "
            "2.2 (CI: 0.9-5.4) with anaemia, 3.1 (CI: 1.2-8.0) and 1.6 (CI: 0.7-3.9) with CKD vs. 1.3 (CI: 0.6-2.8).")
    assert [(e.measure, e.value, e.ci_low, e.ci_high) for e in effects(text)] == [
        ("RR", 1.4, 0.6, 3.2), ("RR", 2.2, 0.9, 5.4), ("RR", 3.1, 1.2, 8.0), ("RR", 1.6, 0.7, 3.9), ("RR", 1.3, 0.6, 2.8)]
    text = ("The adjusted odds ratios for vaccinated versus unvaccinated adults, with 6-, 12-, and 24-month admission "
            "as endpoints, were 0.46 (95% CI, 0.28-0.75), 0.46 (95% CI, 0.29-0.74), and 0.52 (95% CI, 0.31-0.87).")
    found = effects(text)
    assert [(e.value, e.ci_high) for e in found] == [(0.46, 0.75), (0.46, 0.74), (0.52, 0.87)]
    assert all(e.adjusted for e in found)


def test_units_and_doses_between_estimates():
    text = ("Clearance rose by a mean difference of 5.1 mL/min (95% CI 1.0 to 9.2) with 10 mg and 7.7 mL/min "
            "(95% CI 3.5 to 11.9) with 20 mg; the absolute risk difference was 4.2 percentage points (95% CI 0.9 to 7.5).")
    assert [(e.measure, e.value, e.ci_low, e.ci_high) for e in effects(text)] == [
        ("MD", 5.1, 1.0, 9.2), ("MD", 7.7, 3.5, 11.9), ("RD", 4.2, 0.9, 7.5)]
    assert first("Body fat fell more with diet (difference -2.1%, 95% CI -3.0 to -1.2).") == ("MD", -2.1, -3.0, -1.2)
    assert effects("Weight was 12% lower (OR 12%).") == []  # a ratio in % is no estimate


def test_outcome_and_comparison():
    e = effects("The risk of stroke was lower with apixaban than with warfarin (HR 0.79, 95% CI 0.66-0.95).")[0]
    assert e.outcome == "stroke" and e.comparison == "apixaban vs warfarin"


def test_no_effect_from_durations_or_plain_numbers():
    assert effects("Patients were followed for 30 days and 12 months.") == []
    assert effects("The relative risks of 30 day mortality were similar.") == []


@pytest.mark.parametrize("text, flag", [
    ("HR 1.5 (95% CI 0.5-0.9)", "outside its CI"),
    ("OR 2.0 (95% CI 3.0-1.0)", "above the upper bound"),
    ("RR 1.3 (95% CI 0.9-1.8, p=0.01)", "includes 1"),
    ("RR 0.5 (95% CI 0.3-0.8, p=0.40)", "excludes 1"),
    ("MD -2.3 (95% CI -4.1 to -0.5), P = .30", "excludes 0"),
    ("MD 1.0 (95% CI -0.5 to 2.5), p<0.001", "includes 0"),
    ("Death occurred in 12/100 (25%) vs 20/100 (20%) (P = .03)", "is 12.0%"),
])
def test_consistency_flags(text, flag):
    flags = [f for e in effects(text) for f in e.flags]
    assert any(flag in f for f in flags), flags


@pytest.mark.parametrize("text", ["HR 0.75 (95% CI 0.61-0.92; P = .003)", "OR 1.2 (95% CI 0.8-1.7), P = 0.4",
                                  "MD -2.3 (95% CI -4.1 to -0.5), p = 0.01"])
def test_consistent_results_have_no_flags(text):
    assert effects(text)[0].flags == []


def test_spans_point_at_the_estimate_in_the_original_text():
    text = "Mortality fell (hazard ratio 0.75; 95% CI 0.61–0.92) overall."
    e = effects(text)[0]
    assert text[e.span[0]:e.span[1]].startswith("hazard ratio 0.75") and "0.92" in text[e.span[0]:e.span[1]]


def test_label_is_the_name_just_before_a_bracketed_estimate():
    text = ("Just two exposures: night shift work (odds ratio (OR) 1.7, 95% CI 1.2-2.5) and prior concussion "
            "(OR 1.7; 95% CI 1.1-2.6) were linked to headache.")
    assert [e.label for e in effects(text)] == ["night shift work", "prior concussion"]
    text = "Nausea was reported by 18.4% vs 4.2% of the sham arm (OR 5.12, 95% CI 1.34 to 19.6)."
    assert effects(text)[0].label == ""


def test_p_of_zero_is_not_a_p_value():
    assert parse_p("p-value<0. 05 considered significant") == []


def test_bare_difference_needs_a_ci_and_lists_without_ci():
    found = effects("The difference between home and clinic readings was 4.38 mmHg (95% CI 1.95-6.8; p<0.001).")
    assert [(e.measure, e.value, e.ci_low, e.ci_high) for e in found] == [("MD", 4.38, 1.95, 6.8)]
    assert effects("There was no difference of 2 points between groups.") == []
    found = effects("Preference tracked the scores for pain relief and mobility (odds ratio [OR] = 5.3 and 7.2).")
    assert [(e.measure, e.value) for e in found] == [("OR", 5.3), ("OR", 7.2)]


def test_pubmed_spelling_of_less_or_equal():
    assert [(v, r) for _, _, v, r, _ in parse_p("consistent (P<or = .001)")] == [(0.001, "<=")]


def test_later_bracket_repeats_the_last_measure():
    text = ("A falling trend was seen with daily walking (OR = 0.62; 95% CI = 0.41-0.93), but not with screen time "
            "(for 4 hours per day: 1.07; 0.58-1.97).")
    assert [(e.measure, e.value, e.ci_low, e.ci_high) for e in effects(text)] == [
        ("OR", 0.62, 0.41, 0.93), ("OR", 1.07, 0.58, 1.97)]
    assert len(effects("Falls dropped (OR = 0.62; 95% CI = 0.41-0.93) at weights (range: 55; 30-45).")) == 1
