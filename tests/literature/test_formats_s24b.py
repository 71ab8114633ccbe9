"""Session 24b (issue 15): results and methods read in more of the formats journals print them in. Own sentences,
written for these tests (none from a data file or from docs/evals/literature-s24b/formats.yaml)."""

from __future__ import annotations

import pytest

from medcore.config import Settings
from medcore.literature import design, numbers, pico, population_sex
from medcore.literature.model import Paper, Sentence
from medcore.literature.number_forms import normalise, rates
from medcore.literature.population_size import pick_n


def _s(text: str, role: str = "results") -> Sentence:
    return Sentence(0, text, 0, len(text), None, role, 1.0, "heading")


def _effects(text: str):
    return [(e.measure, e.value, e.ci_low, e.ci_high) for e in numbers.extract_effects(_s(text)) if e.measure != "comparison"]


@pytest.mark.parametrize("text, want", [
    # decimal commas (a European journal's sentence), with its p-value
    ("Le risque relatif était RR 0,72 (IC 95%: 0,58-0,90).", [("RR", 0.72, 0.58, 0.90)]),
    ("Ulcer healing: HR 1,41 (95% CI 1,12 to 1,77).", [("HR", 1.41, 1.12, 1.77)]),
    # a figure dash between the bounds
    ("Sepsis was rarer (OR 0.66, 95% CI 0.51\u20120.85).", [("OR", 0.66, 0.51, 0.85)]),
    # a capitalised measure name at the sentence's start, with "(95% CI)" as a header and a bare bracket after
    ("Odds ratio (95% CI) for wound dehiscence: 2.04 (1.31-3.18).", [("OR", 2.04, 1.31, 3.18)]),
    ("Relative risk 0.88 (95% CI 0.79-0.98) for any readmission.", [("RR", 0.88, 0.79, 0.98)]),
    # a scale between the measure and its estimate
    ("The risk of gout rose (HR per 1 mg/dL 1.19, 95% CI 1.08\u20131.31).", [("HR", 1.19, 1.08, 1.31)]),
    # a difference in days, its CI after the unit
    ("Ventilation was shorter (mean difference -1.6 days, 95% CI -2.5 to -0.7).", [("MD", -1.6, -2.5, -0.7)]),
    ("The drug cut the ICU stay by a mean of 2.2 days (95% CI 1.0 to 3.4).", [("MD", 2.2, 1.0, 3.4)]),
    ("Hedges' g 0.44 (95% CI 0.21 to 0.67) favoured the programme.", [("SMD", 0.44, 0.21, 0.67)]),
    # a list whose items are separated by a time, and a list of bare brackets
    ("The odds ratios were 1.4 (95% CI 1.1-1.8) at 3 months and 1.9 (95% CI 1.3-2.6) at 24 months.",
     [("OR", 1.4, 1.1, 1.8), ("OR", 1.9, 1.3, 2.6)]),
    ("Against non-drinkers, the adjusted ORs were 0.92 (0.80-1.06) for light and 1.37 (1.15-1.63) for heavy drinkers.",
     [("OR", 0.92, 0.80, 1.06), ("OR", 1.37, 1.15, 1.63)]),
])
def test_effect_formats(text, want):
    assert _effects(text) == want


def test_a_bare_bracket_that_does_not_hold_the_next_number_ends_the_list():
    got = _effects("The adjusted HRs were 1.30 (1.10-1.52) in men and 45 (30-60) patients were lost.")
    assert got == [("HR", 1.30, 1.10, 1.52)]


def test_decimal_commas_only_in_a_sentence_written_with_them():
    assert normalise("OR 1,35 (1,10-1,66)") == "OR 1.35 (1.10-1.66)"
    assert normalise("1,234 patients had OR 1.3") == "1,234 patients had OR 1.3"  # a decimal point: commas are thousands
    assert normalise("Of 1,234 women, 1,020 answered") == "Of 1,234 women, 1,020 answered"  # all thousands groups
    assert normalise("seen on days 1,7,14 and 28") == "seen on days 1,7,14 and 28"  # a list
    assert _effects("We enrolled 2,000 adults; HR 2 (95% CI 1-3).") == [("HR", 2.0, 1.0, 3.0)]


def test_the_outcome_of_each_estimate():
    def outcome(text):
        return numbers.extract_effects(_s(text))[0].outcome

    assert outcome("Night work was associated with breast cancer (OR 1.3, 95% CI 1.1-1.5).") == "breast cancer"
    assert outcome("Diabetes remained associated with amputation (adjusted HR 2.1, 95% CI 1.5-2.9).") == "amputation"
    assert outcome("The odds of an emergency visit within 7 days were lower (OR 0.7, 95% CI 0.5-0.9).") == \
        "emergency visit within 7 days"
    assert outcome("The incidence of falls dropped after training (RR 0.8, 95% CI 0.7-0.9).") == "falls"


@pytest.mark.parametrize("text, want", [
    ("Stillbirth: 2.1% (3/140) vs 6.4% (9/141); P = 0.08.", [(3, 140, 2.1), (9, 141, 6.4)]),
    ("Cough occurred in 14 (11%) of 127 and 25 (20%) of 125 children.", [(14, 127, 11.0), (25, 125, 20.0)]),
    ("Cure: 61 of 80 [76%] vs 48 of 79 [61%].", [(61, 80, 76.0), (48, 79, 61.0)]),
])
def test_rate_orders(text, want):
    assert [(r["events"], r["total"], r["percent"]) for r in rates(normalise(text), 0, len(text))] == want


@pytest.mark.parametrize("text, want", [
    ("The children were 9.1 ± 2.4 years old.", ("mean", 9.1)),
    ("Age (median, IQR) was 71 (64-78) years.", ("median", 71.0)),
    ("Age, mean (SD): 44.0 (12.5) years.", ("mean", 44.0)),
    ("Mean age ± SD: 30.2 ± 6.1 years.", ("mean", 30.2)),
    ("Median age at transplant was 52 years.", ("median", 52.0)),
    ("Recruits were on average 21.5 years old.", ("mean", 21.5)),
    ("Mean age was 64,8 years.", ("mean", 64.8)),
])
def test_age_values(text, want):
    got = pico._age([_s(text, "methods")])
    assert (got["stat"], got["value"]) == want


@pytest.mark.parametrize("text, want", [
    ("Participants' ages ranged from 23 to 61 years.", ("range", 23.0, 61.0)),
    ("Men aged between 40 and 69 years were eligible.", ("range", 40.0, 69.0)),
    ("Residents were 75 years or older.", ("min", 75.0, None)),
])
def test_age_ranges_and_minimums(text, want):
    got = pico._age([_s(text, "methods")])
    assert (got["stat"], got["low"], got.get("high")) == want


def test_minimum_age_is_not_read_from_a_follow_up_time():
    assert pico._age([_s("Follow-up lasted 5 years or more.", "methods")]) == {}


@pytest.mark.parametrize("text, want", [
    ("Of the 300 patients, 171 were women and 129 were men.", 57.0),
    ("Of the 60 volunteers, 24 were male.", 60.0),
    ("Women made up 41% of the sample.", 41.0),
    ("Baseline: age 58 years (female, 37.5%).", 37.5),
    ("Male sex: 62%.", 38.0),
])
def test_sex_shares(text, want):
    sents = [_s(text, "methods")]
    assert population_sex.sex(sents, pick_n(sents)[1])["female_pct"] == want


def test_a_share_among_one_sex_is_no_sex_share():
    sents = [_s("Among women, 36% had diabetes.", "methods")]
    assert population_sex.sex(sents, -1).get("female_pct") is None


@pytest.mark.parametrize("text, want", [
    ("The trial randomly assigned 1,812 adults with asthma.", 1812),
    ("Of 5,120 women screened, 4,300 were randomised.", 4300),
    ("Among 940 eligible patients, 802 were enrolled.", 802),
    ("We included 212 cases and 424 matched controls.", 636),
])
def test_population_size(text, want):
    assert pick_n([_s(text, "methods")])[0] == want


def _design(text: str):
    return design.read_design(Settings.load(), Paper(text=text, sentences=[_s(text, "methods")]))


@pytest.mark.parametrize("text, want", [
    ("Japan Registry of Clinical Trials, jRCT1031210077.", "jRCT1031210077"),
    ("Registered at PACTR202003512345678.", "PACTR202003512345678"),
    ("CRIS KCT0005678.", "KCT0005678"),
    ("Thai registry TCTR20200315002.", "TCTR20200315002"),
    ("Netherlands Trial Register NL8123.", "NL8123"),
    ("ReBEC RBR-4bq7zt.", "RBR-4bq7zt"),
    ("Sri Lanka registry SLCTR/2021/004.", "SLCTR/2021/004"),
    ("EU CT number: 2023-501234-11-00.", "2023-501234-11-00"),
    ("EudraCT number, 2014-000123-45.", "2014-000123-45"),
])
def test_registry_formats(text, want):
    assert [r["id"] for r in _design(text).registrations] == [want]


@pytest.mark.parametrize("text, want", [
    ("Patients and treating physicians were masked to allocation.", "double-blind"),
    ("A randomised, double-dummy trial of two inhalers.", "double-blind"),
    ("The pathologists were blinded to treatment arm.", "single-blind"),
    ("An observer-blind trial of two vaccines in infants.", "single-blind"),
    ("A prospective, randomised, open, blinded end-point study.", "single-blind"),
    ("Neither participants nor therapists were blinded.", "open-label"),
    ("This open-labelled study compared two doses.", "open-label"),
])
def test_blinding_said_in_words(text, want):
    assert _design(text).blinding == want


def test_unaware_of_a_diagnosis_is_no_blinding():
    assert _design("Most patients were unaware of their diagnosis.").blinding == ""


@pytest.mark.parametrize("text", [
    "Patients were reviewed on days 1,7,14 and 28.",
    "Capsules of 0,5 g were taken twice daily.",
    "Relative risk factors were recorded on a 0-10 scale.",
    "The hazard of falls was discussed with 1,234 carers.",
])
def test_numbers_that_are_no_effects(text):
    assert _effects(text) == []


@pytest.mark.parametrize("text", [
    "On admission HR was 104 (96-118) beats/min.",
    "Median RR 20 (18-24) breaths/min in the ward.",
    "Mean HR 66 ± 9 bpm at rest.",
    "Turnover time in the OR was 42 (35-50) minutes.",
    "Our calculation assumed an OR of 1.8 and 90% power.",
])
def test_vital_signs_and_planning_values_are_no_effects(text):
    assert _effects(text) == []


def test_a_ratio_with_its_ci_is_still_read_beside_a_unit_elsewhere():
    assert _effects("HR 0.81 (95% CI 0.70-0.94) per 5 mmHg lower pressure.") == [("HR", 0.81, 0.70, 0.94)]
    assert _effects("The assumed OR was tested: OR 1.6 (95% CI 1.2-2.1; P = 0.001).") == [("OR", 1.6, 1.2, 2.1)]


@pytest.mark.parametrize("text, want", [
    ("Readmission: RR 0.74 (95% C.I. 0.60-0.91).", ("RR", 0.74, 0.60, 0.91)),
    ("The hazard ratio was 1.33 (95% confidence limits 1.02, 1.74).", ("HR", 1.33, 1.02, 1.74)),
    ("The odds were 1.9 times higher (95% CI 1.2-3.0) in night workers.", ("OR", 1.9, 1.2, 3.0)),
    ("Sleep latency fell (MD -12 min, 95% CI -18 to -6).", ("MD", -12.0, -18.0, -6.0)),
])
def test_more_ci_names_and_measures_in_words(text, want):
    assert _effects(text) == [want]


@pytest.mark.parametrize("text, value, rel", [
    ("Wheeze was rarer (OR 0.6, 95% CI 0.4-0.9; p-value: 0.004).", 0.004, "="),
    ("Risk rose by tertile (OR 1.3, 95% CI 1.1-1.5; P (trend) = 0.002).", 0.002, "="),
    ("The locus was associated with lupus (OR 1.4, 95% CI 1.2-1.6; P = 3e-8).", 3e-8, "="),
])
def test_more_p_value_spellings(text, value, rel):
    e = numbers.extract_effects(_s(text))[0]
    assert (e.p_value, e.p_relation) == (pytest.approx(value), rel)


def test_a_relative_risk_reduction_is_no_relative_risk():
    assert _effects("A relative risk reduction of 30% (95% CI 12% to 44%) was seen.") == []
    assert _effects("The odds were twice as high in smokers.") == []
