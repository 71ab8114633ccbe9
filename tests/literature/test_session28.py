"""Session 28 (issue 15): outcomes, age, arms, N and unnamed designs read by general cause. Own sentences only;
each rule has its opposite case (a colon that opens the list itself, a qualifier that is no list joint, an age
that is the people's, a bracket that is no arm label, a route with its own drug, a questionnaire of no counted
people, controls that are a trial's arm)."""

from __future__ import annotations

import pytest


def _trial(title: str, methods: str, results: str = "Outcomes were recorded for everyone.") -> str:
    return (f"{title}\n"
            "BACKGROUND: The best approach is unknown.\n"
            f"METHODS: {methods}\n"
            f"RESULTS: {results}\n"
            "CONCLUSIONS: More work is needed.")


def _pico(read, title, methods, results="Outcomes were recorded for everyone."):
    return read(_trial(title, methods, results))[0].pico


def _texts(items):
    return [i.text for i in items]


# --- outcomes ---

def test_outcome_defined_after_a_colon_is_the_name_before_it(read):
    p = _pico(read, "Early mobilisation after hip fracture surgery: a randomised trial",
              "Patients were randomly assigned to mobilisation on day one or on day three. The primary outcome was "
              "functional recovery: walking unaided, climbing stairs or dressing without help.")
    assert _texts(p.outcomes_primary) == ["functional recovery"]


def test_colon_right_after_the_verb_still_lists_the_outcomes(read):
    p = _pico(read, "Early mobilisation after hip fracture surgery: a randomised trial",
              "Patients were randomly assigned to mobilisation on day one or on day three. The primary outcomes "
              "were: walking speed and grip strength.")
    assert [t.lower() for t in _texts(p.outcomes_primary)] == ["walking speed", "grip strength"]


def test_qualifier_after_and_is_not_an_outcome(read):
    p = _pico(read, "Antenatal steroids in late preterm labour: a randomised trial",
              "Women in late preterm labour were randomly assigned to betamethasone or placebo. The primary "
              "outcomes were neonatal respiratory support and, for twin pregnancies, admission to neonatal care.")
    names = [t.lower() for t in _texts(p.outcomes_primary)]
    assert names == ["neonatal respiratory support", "admission to neonatal care"]
    assert not any(n.startswith("for ") for n in names)


def test_heading_list_with_comma_and_splits_longer_names(read):
    text = ("Sleep duration and falls in older adults\n"
            "DESIGN: Prospective cohort study.\n"
            "PARTICIPANTS: 2210 adults aged 70 years or older.\n"
            "MAIN OUTCOME MEASURES: Falls recorded by calendar over two years, and fractures by site.\n"
            "RESULTS: Short sleepers fell more often.")
    names = [t.lower() for t in _texts(read(text)[0].pico.outcomes_primary)]
    assert names == ["falls recorded by calendar over two years", "fractures by site"]


def test_heading_detail_with_years_is_not_split(read):
    text = ("Sleep duration and falls in older adults\n"
            "DESIGN: Prospective cohort study.\n"
            "PARTICIPANTS: 2210 adults aged 70 years or older.\n"
            "MAIN OUTCOME MEASURES: Falls reported on calendars returned during 2015, 2016 and 2017.\n"
            "RESULTS: Short sleepers fell more often.")
    assert len(read(text)[0].pico.outcomes_primary) == 1


# --- age ---

def _age(read, methods, results="Outcomes were recorded for everyone."):
    return read(_trial("Walking groups for adults with knee pain", methods, results))[0].pico.population.age


def test_age_or_more_is_a_minimum_not_a_mean(read):
    age = _age(read, "We enrolled 410 adults aged 60 years or more with knee pain.")
    assert age.get("stat") == "min" and age.get("low") == 60


def test_average_said_after_the_age(read):
    age = _age(read, "We enrolled 410 adults with knee pain.", "Participants were 71.4 years old on average.")
    assert age.get("stat") == "mean" and age.get("value") == 71.4


def test_range_said_with_were(read):
    age = _age(read, "Three patients with knee pain were seen. They were 41 to 58 years old.")
    assert age.get("stat") == "range" and (age.get("low"), age.get("high")) == (41, 58)


def test_age_of_onset_is_not_the_people_age(read):
    age = _age(read, "We surveyed 1200 adults with knee pain.", "The median age of onset of pain was 35 years.")
    assert age.get("value") != 35


def test_mean_age_still_read_beside_an_onset_age(read):
    age = _age(read, "We surveyed 1200 adults with knee pain.",
               "The median age at onset was 35 years and the mean age was 62 years.")
    assert age.get("stat") == "mean" and age.get("value") == 62


def test_age_bands_set_against_each_other_bound_nobody(read):
    age = _age(read, "We extracted the records of 52000 registered people.",
               "More people with pain were younger than 65 years than aged 65 or over.")
    assert not age


# --- arms ---

def test_bracketed_labels_name_the_arms(read):
    p = _pico(read, "Lower or usual oxygen targets in ventilated adults",
              "Adults receiving ventilation were randomly assigned to a saturation target of 88 to 92% (conservative "
              "oxygen) or of 96% or higher (usual care).")
    assert _texts(p.interventions) == ["conservative oxygen"]
    assert _texts(p.comparators) == ["usual care"]


def test_bracketed_counts_or_groups_are_no_labels(read):
    p = _pico(read, "Ginger for nausea in pregnancy",
              "Women were randomly assigned to ginger (group A) or placebo (group B).")
    assert "group a" not in [t.lower() for t in _texts(p.interventions)]


def test_route_alone_in_a_list_joins_the_next_drug(read):
    p = _pico(read, "Iron in anaemia after childbirth",
              "Women were randomly assigned to oral or intravenous iron for six weeks or to usual care.")
    names = [t.lower() for t in _texts(p.interventions)]
    assert "oral" not in names and any("iron" in n for n in names)


def test_route_with_its_own_drug_stays_two_arms(read):
    p = _pico(read, "Two iron preparations after childbirth",
              "Women were randomly assigned to oral ferrous sulfate or intravenous ferric carboxymaltose.")
    names = [t.lower() for t in _texts(p.interventions) + _texts(p.comparators)]
    assert not any(" or " in n for n in names)


def test_comparative_shares_the_head_noun(read):
    p = _pico(read, "Higher versus standard protein intake in critically ill adults",
              "Adults in intensive care were randomly assigned to one of the two strategies.")
    assert [t.lower() for t in _texts(p.interventions)][0].startswith("higher protein intake")


# --- N ---

def _n(read, methods, results="Outcomes were recorded for everyone."):
    return read(_trial("Zinc for diarrhoea in children", methods, results))[0].pico.population.n


def test_trial_stopped_early_counts_those_randomised(read):
    assert _n(read, "Children were randomly assigned to zinc or placebo.",
              "The trial was stopped after 812 of a planned 1000 children had been randomised.") == 812


def test_baseline_questionnaire_counts_its_people(read):
    text = ("Coffee and hip fracture in older women\n"
            "METHODS: Between 2001 and 2004, 48210 women aged 55 to 70 years who had attended screening filled in a "
            "questionnaire about coffee and were then followed through registers.\n"
            "RESULTS: 812 fractures were recorded.")
    assert read(text)[0].pico.population.n == 48210


def test_cases_broken_down_by_sex_then_controls_summed(read):
    text = ("Welding fumes and Parkinson disease\n"
            "METHODS: We questioned 150 patients with Parkinson disease, 90 men and 60 women, and 150 controls "
            "about their work.\n"
            "RESULTS: Welding was more common among patients.")
    assert read(text)[0].pico.population.n == 300


# --- design ---

def test_controls_matched_per_case_make_a_case_control(read):
    text = ("Hair dye and bladder cancer\n"
            "Twelve women treated for bladder cancer at one hospital were studied, and each patient was matched with "
            "three controls of the same age. Hair dye use was asked about. Dye use was commoner among patients.")
    assert read(text)[0].design.kind == "case_control"


def test_for_each_case_a_patient_of_same_sex_is_a_case_control(read):
    text = ("Snuff and mouth cancer: a preliminary report\n"
            "Patients with mouth cancer in four hospitals were asked about snuff, and for each of them a patient of "
            "the same sex and age group with another disease was asked in the same way. Snuff use was commoner "
            "among the patients.")
    assert read(text)[0].design.kind == "case_control"


def test_a_trial_with_a_control_arm_stays_a_trial(read):
    text = _trial("Zinc for diarrhoea in children",
                  "In this randomised controlled trial, 120 children with diarrhoea and 120 controls were given zinc or "
                  "placebo.")
    assert read(text)[0].design.kind == "rct"


def test_results_sentence_does_not_make_a_design(read):
    text = ("Knee pain in farmers\n"
            "BACKGROUND: Farmers often report knee pain.\n"
            "RESULTS: Pain was reported by 40 patients with arthritis and 12 controls.\n"
            "CONCLUSIONS: Pain is common.")
    assert read(text)[0].design.kind != "case_control"
