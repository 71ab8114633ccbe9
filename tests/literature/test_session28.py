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
              "Adults in intensive care were randomised to either strategy.")
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


# --- numbers written the European way ---

def test_european_thousands_point_in_a_count_of_people(read):
    text = ("Hernia repair in a national register\n"
            "METHODS: A total of 7.250 patients were included from the register.\n"
            "RESULTS: Recurrence was rare.")
    assert read(text)[0].pico.population.n == 7250


def test_point_number_that_is_not_people_is_not_a_count(read):
    text = ("Hernia repair in a national register\n"
            "METHODS: We included 640 patients; the mean mesh area was 1.250 square units.\n"
            "RESULTS: Recurrence was rare.")
    assert read(text)[0].pico.population.n == 640


def test_decimal_comma_share_of_women(read):
    text = ("Hernia repair in a national register\n"
            "METHODS: We included 640 patients.\n"
            "RESULTS: The mean age was 58,5 years and 37,5% were women.")
    pop = read(text)[0].pico.population
    assert pop.sex.get("female_pct") == 37.5
    assert pop.age.get("value") == 58.5


# --- case series and diagnostic accuracy, no design named ---

def test_a_handful_treated_after_a_time_clause_is_a_case_series(read):
    text = ("Severe rhabdomyolysis after a festival in four young women\n"
            "Between June and August 2019, four young women, all festival visitors, were treated at two hospitals "
            "for rhabdomyolysis. They were 19 to 24 years old. All recovered.")
    r = read(text)[0]
    assert r.design.kind == "case_series"
    assert r.pico.population.n == 4


def test_a_handful_in_results_or_compared_is_no_case_series(read):
    text = ("Rhabdomyolysis after festivals\n"
            "METHODS: From 2015 to 2019, we followed 420 festival visitors admitted to our hospital.\n"
            "RESULTS: Four young women were treated in intensive care.")
    assert read(text)[0].design.kind != "case_series"


def test_sensitivity_stated_as_a_result_names_a_diagnostic_study(read):
    text = ("Point-of-care ultrasound for wrist fractures in children\n"
            "METHODS: We studied 210 children who had ultrasound followed by radiography.\n"
            "RESULTS: Ultrasound had a sensitivity of 94.1% and the specificity of ultrasound was 96.0%.")
    assert read(text)[0].design.kind == "diagnostic_accuracy"


def test_a_sensitivity_analysis_is_no_diagnostic_study(read):
    text = ("Early feeding after bowel surgery: a randomised trial\n"
            "METHODS: Adults were randomly assigned to early or delayed feeding.\n"
            "RESULTS: A sensitivity analysis gave the same result.")
    assert read(text)[0].design.kind == "rct"


# --- dose and schedule arms ---

def test_two_doses_of_one_drug_are_the_arms_with_the_side_inferred(read):
    p = _pico(read, "Two doses of vitamin D in older adults",
              "Adults were randomly assigned to cholecalciferol 1000 or 4000 IU daily for a year.")
    assert _texts(p.interventions) == ["cholecalciferol 4000 IU"]
    assert _texts(p.comparators) == ["cholecalciferol 1000 IU"]
    assert "inferred" in p.interventions[0].detail and "inferred" in p.comparators[0].detail


def test_weekly_or_daily_schedule_arms(read):
    p = _pico(read, "Weekly or daily iron in pregnancy",
              "Women were randomly assigned to ferrous sulfate once weekly or daily.")
    assert _texts(p.interventions) == ["ferrous sulfate daily"]
    assert _texts(p.comparators) == ["ferrous sulfate once weekly"]


def test_radiotherapy_fractions_as_arms(read):
    p = _pico(read, "Single or multiple fractions for painful bone metastases",
              "Patients were randomly assigned to either 8 Gy in 1 fraction or 20 Gy in 5 fractions.")
    assert _texts(p.interventions) == ["20 Gy in 5 fractions"]
    assert _texts(p.comparators) == ["8 Gy in 1 fraction"]


def test_a_rate_or_an_age_pair_is_no_dose_arm(read):
    p = _pico(read, "Contrast injection rates for angiography",
              "Patients were randomly assigned to contrast at 1 or 2 mL/second.")
    assert not any("mL" in t for t in _texts(p.interventions) + _texts(p.comparators))
    p = _pico(read, "Screening at two ages",
              "People aged 40 or 50 years were randomly assigned to screening or no screening.")
    assert _texts(p.comparators) == ["no screening"]


def test_titration_doses_do_not_replace_a_placebo_comparison(read):
    p = _pico(read, "Metformin in pregnancy",
              "Women were randomly assigned to metformin or placebo. Metformin was started at 500 mg and raised "
              "to 1000 or 2000 mg a day.")
    assert _texts(p.comparators) == ["placebo"]


# --- a cohort title pairing a treatment with an outcome ---

def _exposures(read, title, methods):
    text = (f"{title}\n"
            f"METHODS: {methods}\n"
            "RESULTS: The risk differed between groups.")
    return [i.text.lower() for i in read(text)[0].pico.interventions]


def test_title_treatment_and_outcome_names_the_exposure(read):
    names = _exposures(read, "Statin therapy and cataract in older adults: a register cohort",
                       "Between 2001 and 2010, 210000 adults were followed through national registers.")
    assert len(names) == 1 and names[0].startswith("statin")
    names = _exposures(read, "Influenza vaccination and hip fracture in older adults: a register cohort",
                       "Between 2001 and 2010, 210000 adults were followed through national registers.")
    assert names == ["influenza vaccination"]


@pytest.mark.parametrize("title", [
    "Obesity and cataract in older adults: a register cohort",  # a risk factor, no treatment
    "Heavy drinking and cataract in older adults: a register cohort",  # a substance used for pleasure
    "Cigarette smoking and cataract in older adults: a register cohort",
])
def test_title_risk_factor_and_outcome_names_no_exposure(read, title):
    assert _exposures(read, title, "Between 2001 and 2010, 210000 adults were followed through national registers.") == []


# --- a survey asked again is a cohort ---

def _kind(read, methods):
    return read(f"Stress in junior doctors\nMETHODS: {methods}\nRESULTS: Stress was common.")[0].design.kind


def test_survey_asked_again_is_a_cohort(read):
    assert _kind(read, "We ran a survey of 640 junior doctors at baseline and at 12 months.") == "cohort"


def test_survey_asked_once_stays_cross_sectional(read):
    assert _kind(read, "We ran a survey of 640 junior doctors in one region.") == "cross_sectional"


def test_named_cross_sectional_survey_stays_cross_sectional(read):
    assert _kind(read, "In this cross-sectional survey, 640 junior doctors were asked at 6 and 12 months of "
                       "training.") == "cross_sectional"


# --- "is B necessary?" titles ---

def test_necessary_title_puts_the_omission_first(read):
    p = _pico(read, "Is a nasogastric tube necessary after gastrectomy?",
              "We compared nasogastric tube placement with no nasogastric tube in 180 patients.")
    assert [t.lower() for t in _texts(p.interventions)][0].startswith("no nasogastric")
    assert [t.lower() for t in _texts(p.comparators)][0].startswith("nasogastric tube")


def test_safe_title_keeps_the_sides(read):
    p = _pico(read, "Is nasogastric tube placement safe after gastrectomy?",
              "We compared nasogastric tube placement with no nasogastric tube in 180 patients.")
    assert not [t.lower() for t in _texts(p.interventions)][0].startswith("no ")


# --- effects: the measure carried to later estimates of the same sentence ---

def _effects(text):
    from medcore.literature.model import Sentence
    from medcore.literature.numbers import extract_effects
    return [(e.measure, e.value, e.ci_low, e.ci_high) for e in extract_effects(Sentence(0, text, 0, len(text)))
            if e.measure != "comparison"]


def test_bare_bracket_repeats_the_measure():
    found = _effects("Current users had more fractures (hazard ratio 1.40, 95% CI 1.20-1.62), while former users "
                     "did not (1.03, 0.91-1.17).")
    assert ("HR", 1.03, 0.91, 1.17) in found


def test_named_ci_after_a_bare_estimate_repeats_the_measure():
    found = _effects("The odds ratio for drug A against no drug was 2.10 (95% CI, 1.40 to 3.15), and for drug A "
                     "against drug B 1.05 (95% CI, 0.80 to 1.38).")
    assert ("OR", 1.05, 0.80, 1.38) in found


def test_median_and_range_of_people_is_no_estimate():
    found = _effects("The hazard ratio was 1.40 (95% CI 1.20-1.62); follow-up lasted (45, 30-60) months.")
    assert not any(v == 45 for _, v, _, _ in found)


def test_bracket_outside_its_bounds_is_no_estimate():
    found = _effects("The hazard ratio was 1.40 (95% CI 1.20-1.62), with scores of (9.5, 1.0-3.0).")
    assert not any(v == 9.5 for _, v, _, _ in found)


# --- blinding of a test's readers ---

def test_endoscopists_unaware_of_the_other_test_is_single_blind(read):
    text = ("Capsule endoscopy against colonoscopy for polyps\n"
            "METHODS: We studied 300 adults who had both tests; the endoscopists were unaware of the capsule findings.\n"
            "RESULTS: Sensitivity was similar.")
    assert read(text)[0].design.blinding == "single-blind"


def test_unaware_patients_alone_are_not_read_as_readers(read):
    text = ("Capsule endoscopy against colonoscopy for polyps\n"
            "METHODS: We studied 300 adults who had both tests; many adults were unaware of their family history.\n"
            "RESULTS: Sensitivity was similar.")
    assert read(text)[0].design.blinding != "single-blind"


# --- N named after "and" ---

def test_count_after_and_with_the_people_named_first(read):
    assert _n(read, "Adults with gallstones were eligible, and 412 were enrolled at four hospitals.") == 412


def test_count_after_and_of_things_is_no_n(read):
    assert _n(read, "We enrolled 212 children with diarrhoea; stool samples were taken, and 30 were excluded as "
                    "spoiled.") == 212


# --- a disease named as what a vaccine or screening is for is no condition of the people ---

def _conditions(read, title, methods):
    text = f"{title}\nMETHODS: {methods}\nRESULTS: Rates were recorded."
    return [c.text.lower() for c in read(text)[0].pico.population.conditions]


def test_disease_of_a_vaccine_is_no_condition(read):
    found = _conditions(read, "Pertussis vaccination in pregnancy: a register cohort",
                        "All 120000 women who gave birth in the region were followed; pertussis vaccine uptake was "
                        "recorded.")
    assert not any("pertussis" in c for c in found)


def test_people_with_the_disease_keep_it(read):
    found = _conditions(read, "Pertussis in infants admitted to hospital",
                        "We reviewed 85 infants admitted with pertussis.")
    assert any("pertussis" in c for c in found)


# --- holdout fixes (session 28): two routes compared, two labels with no control ---

def test_two_routes_alone_are_the_compared_arms(read):
    p = _pico(read, "Oral or intravenous iron before bowel surgery",
              "Adults were randomly assigned to oral or intravenous iron for four weeks.")
    names = [t.lower() for t in _texts(p.interventions) + _texts(p.comparators)]
    assert len(names) == 2 and not any(" or " in n for n in names)


def test_two_labels_without_a_control_put_the_second_as_comparator(read):
    p = _pico(read, "Early or late tracheostomy in ventilated adults",
              "Adults were randomly assigned to tracheostomy within 4 days (early strategy) or after 10 days "
              "(late strategy).")
    assert _texts(p.interventions) == ["early strategy"]
    assert _texts(p.comparators) == ["late strategy"]
