"""Study design cues, registrations and blinding; PICO: N (digits and words), age, sex, conditions and drugs coded
through the knowledge layer, doses, comparators, outcomes."""

from __future__ import annotations

import pytest


def one(read, text):
    return read(text)[0]


@pytest.mark.parametrize("text, kind", [
    ("METHODS: 200 adults were randomly assigned to A or B. RESULTS: A helped.", "rct"),
    ("We performed a systematic review and meta-analysis of 12 trials. Pooled risk fell.", "meta_analysis"),
    ("We searched MEDLINE and Embase for a systematic review of cohort studies.", "systematic_review"),
    ("METHODS: We retrospectively reviewed the charts of 300 patients. RESULTS: Many had sepsis.", "cohort"),
    ("METHODS: A nested case-control study with 4 matched controls per case. RESULTS: Odds rose.", "case_control"),
    ("METHODS: A cross-sectional survey of 900 nurses. RESULTS: Burnout was common.", "cross_sectional"),
    ("We report a case of a 54-year-old man with fever. He recovered.", "case_report"),
    ("This clinical practice guideline gives recommendations on asthma care.", "guideline"),
    ("METHODS: In this non-randomized controlled trial, 40 patients received A. RESULTS: A helped.",
     "nonrandomised_trial"),
])
def test_design_kinds(read, text, kind):
    d = one(read, text).design
    assert d.kind == kind
    assert d.kind_cue and (d.kind_sentence_idx >= 0 or d.kind_cue == "publication type")


def test_design_named_only_in_the_background_is_not_the_studys_design(read):
    text = ("BACKGROUND: Randomized trials have shown benefit. METHODS: We reviewed registry data of 500 patients "
            "retrospectively. RESULTS: Mortality was 5%.")
    assert one(read, text).design.kind == "cohort"


def test_blinding_setting_and_registrations(read):
    text = ("METHODS: In this multicentre, double-blind trial in 14 hospitals in Denmark, 400 adults were randomly "
            "assigned to A or placebo. Registered with ClinicalTrials.gov (NCT01234567), ISRCTN 12345678, "
            "EudraCT 2015-001234-22, ACTRN12615000123456 and ChiCTR-IOR-17012345. PROSPERO CRD42019123456.")
    d = one(read, text).design
    assert d.blinding == "double-blind" and d.randomised is True
    # session 22b: the kind of place is the setting, the count of centres its scope
    assert d.setting.startswith("14 hospitals") and "Denmark" in d.setting and d.scope == "multicentre"
    assert [r["registry"] for r in d.registrations] == ["ClinicalTrials.gov", "ISRCTN", "ANZCTR", "ChiCTR",
                                                         "EudraCT", "PROSPERO"] or \
        sorted(r["registry"] for r in d.registrations) == sorted(
            ["ClinicalTrials.gov", "ISRCTN", "EudraCT", "ANZCTR", "ChiCTR", "PROSPERO"])
    assert {r["id"] for r in d.registrations} >= {"NCT01234567", "ISRCTN12345678", "CRD42019123456"}


def test_open_label_and_negated_randomisation(read):
    d = one(read, "METHODS: An open-label, non-randomised trial of 30 patients. RESULTS: It worked.").design
    assert d.blinding == "open-label" and d.kind == "nonrandomised_trial" and d.randomised is False


TRIAL = """Metformin versus placebo in type 2 diabetes: a randomised trial
BACKGROUND: Type 2 diabetes is common. OBJECTIVE: To compare metformin with placebo in adults with type 2 diabetes.
METHODS: In this double-blind trial, 1,234 adults with type 2 diabetes mellitus (mean age 61.2 years; 42% women) were
randomly assigned to metformin 500 mg twice daily or placebo. The primary outcome was myocardial infarction; secondary
outcomes included stroke and HbA1c. RESULTS: Myocardial infarction occurred in 12/617 (1.9%) vs 20/617 (3.2%) (HR 0.60,
95% CI 0.29-1.22; P = .16). CONCLUSIONS: Metformin did not reduce myocardial infarction."""


def test_pico_of_a_drug_trial(read):
    r = one(read, TRIAL)
    pop = r.pico.population
    assert pop.n == 1234 and pop.n_text == "1,234"
    assert pop.age == {"stat": "mean", "value": 61.2, "sentence_idx": pop.age["sentence_idx"], "text": "mean age 61.2"}
    assert pop.sex["female_pct"] == 42.0
    assert pop.conditions[0].concept_id == "condition:type2_diabetes" and pop.conditions[0].code.startswith("ICD-10-CM E11")
    drug = r.pico.interventions[0]
    assert drug.concept_id == "drug:metformin" and drug.code.startswith("ATC") and drug.detail == "500 mg twice daily"
    assert [c.text.lower() for c in r.pico.comparators] == ["placebo"]
    assert [o.text for o in r.pico.outcomes_primary] == ["myocardial infarction"]
    assert [o.text for o in r.pico.outcomes_secondary] == ["stroke", "HbA1c"]


@pytest.mark.parametrize("text, n", [
    ("METHODS: Sixty-two patients with reflux were studied in a crossover trial.", 62),
    ("RESULTS: Two thousand seven hundred and sixty-one patients took part.", 2761),
    ("METHODS: We enrolled 85 children with asthma.", 85),
    ("METHODS: The total number of infants enrolled across both wards was 427.", 427),
    ("METHODS: The sample comprised 5563 nurses' aides.", 5563),
    ("RESULTS: One hundred twenty-three patients were identified, and 64 of them were included in the study.", 64),
    ("METHODS: Data from 2001 were used; 140 patients were enrolled.", 140),
])
def test_population_size_forms(read, text, n):
    pop = one(read, text).pico.population
    assert pop.n == n
    assert pop.n_text and pop.n_text in read(text)[0].paper.sentences[pop.n_sentence_idx].text


@pytest.mark.parametrize("text, age", [
    ("METHODS: Participants (median age 6.2 years) were assessed.", {"stat": "median", "value": 6.2}),
    ("METHODS: Women aged 50 and older were recruited.", {"stat": "min", "low": 50.0}),
    ("METHODS: Adults aged 18-65 years were included.", {"stat": "range", "low": 18.0, "high": 65.0}),
])
def test_age_forms(read, text, age):
    got = one(read, text).pico.population.age
    assert {k: got[k] for k in age} == age


@pytest.mark.parametrize("text, female", [
    ("METHODS: Fifty-four patients (18 men and 36 women) took part.", 66.7),
    ("METHODS: 60 healthy subjects (24 males) were studied.", 60.0),
    ("METHODS: Of the participants, 35% were men.", 65.0),
])
def test_sex_forms(read, text, female):
    assert one(read, text).pico.population.sex["female_pct"] == female


def test_non_drug_arms_from_the_question_and_enumerated_arms(read):
    r = one(read, "OBJECTIVE: To compare taping of the knee joint with elastic bracing after arthroscopy. "
                  "METHODS: 142 athletes were randomly divided into 2 groups.")
    assert [i.text for i in r.pico.interventions] == ["taping of the knee joint"]
    assert [c.text for c in r.pico.comparators] == ["elastic bracing"]
    r = one(read, "METHODS: Smokers were randomized into three arms: (1) usual care, (2) brief text "
                  "messaging, and (3) weekly group coaching.")
    assert [c.text for c in r.pico.comparators] == ["usual care"]
    assert [i.text for i in r.pico.interventions] == ["brief text messaging", "weekly group coaching"]


def test_observational_study_drugs_are_not_interventions_unless_asked_about(read):
    r = one(read, "METHODS: We reviewed 300 charts retrospectively; patients had received aspirin and heparin. "
                  "RESULTS: Bleeding was rare.")
    assert r.pico.interventions == []


def test_measurements_named_like_drugs_are_not_drugs(read):
    r = one(read, "METHODS: Thirty-one ASA I-II patients were randomized; fasting glucose levels were measured.")
    assert not any(i.text in ("ASA", "glucose") for i in r.pico.interventions)


@pytest.mark.parametrize("text, n", [
    ("METHODS: Of a population of 458 adults who had an endoscopy, 176 adults were studied to rule out coeliac "
     "disease.", 176),
    ("METHODS: Cases were 312 subjects with a first seizure, and controls were 295 patients seen for "
     "unrelated complaints.", 607),
    ("METHODS: A sample of 1687 students from four schools were surveyed.", 1687),
    ("METHODS: Tests were run on 19 porcine kidneys that were randomized to one of three protocols.", 19),
])
def test_population_size_more_forms(read, text, n):
    assert one(read, text).pico.population.n == n
