"""Session 29 (issue 15): outcomes of unheaded abstracts, factorial trials, a cohort's exposure and outcome kept out
of the population's conditions, "continue X or reduce to Y" dose arms, an age at an event, and a share of women
said of one group. Own sentences only; each rule has its opposite case."""

from __future__ import annotations


def _p(read, text: str):
    return read(text)[0].pico


def _texts(items):
    return [i.text for i in items]


def _low(items):
    return [i.text.lower() for i in items]


# --- outcomes of an abstract pasted without headings ---

def test_generic_subject_assessed_with_instruments_names_the_instruments(read):
    p = _p(read, "Knee brace after ligament repair\nWe randomly assigned 90 athletes after ligament repair to a brace "
                 "or no brace. Functional outcomes were assessed with the Tegner activity scale and the single-leg hop "
                 "test. At two years the brace group did no better (p = 0.4). Braces are not needed.")
    assert _low(p.outcomes_primary) == ["tegner activity scale", "single-leg hop test"]


def test_measured_subject_alone_is_no_stated_outcome(read):
    p = _p(read, "Hand strength in women\nCross-sectional study of 500 women in a town. Grip strength was measured "
                 "with a dynamometer. Stronger grip went with younger age (p < 0.001). Grip falls with age.")
    assert p.outcomes_primary == []  # a measure described, not stated as the outcome (the dev gold's rule)
    p = _p(read, "Memory after stroke\nCohort study of 300 adults after stroke in a rehabilitation unit. Cognitive "
                 "assessment was by the Montreal Cognitive Assessment. Scores improved (p < 0.001). Memory recovers.")
    assert _low(p.outcomes_primary) == ["cognitive assessment"]


def test_people_assessed_or_baseline_measures_are_no_outcome(read):
    p = _p(read, "Hip surgery approaches\nWe reviewed 200 patients after hip replacement in a retrospective cohort. "
                 "Blood pressure was measured at baseline by a nurse. Patients were assessed by a physiotherapist. "
                 "Pain was lower after the anterior approach (p = 0.01). The approach matters.")
    assert p.outcomes_primary == []


def test_verbless_outcome_list_before_the_results_is_read(read):
    p = _p(read, "Sauna and death\nProspective cohort study of 3000 men in Norway. Weekly sauna sessions and "
                 "minutes per session. Cardiac death, stroke and death from any cause. During 15 years, 400 men "
                 "died (12%). Saunas may help.")
    assert _low(p.outcomes_primary) == ["cardiac death", "stroke", "death from any cause"]


def test_verbless_exposure_line_is_no_outcome(read):
    p = _p(read, "Sauna habits\nProspective cohort study of 3000 men in Norway. Weekly sauna sessions and minutes "
                 "per session. During 15 years, 400 men died (12%). Saunas may help.")
    assert p.outcomes_primary == []


def test_measuring_words_after_the_results_begin_are_not_read(read):
    p = _p(read, "Weight loss drug\nWe randomised 120 adults with obesity to drug A or placebo. Weight fell by 5% "
                 "with drug A (p < 0.01). Blood pressure was measured with a cuff. Drug A helps.")
    assert p.outcomes_primary == []


def test_headed_abstract_is_not_read_by_the_unheaded_cues(read):
    p = _p(read, "Grip strength\nMETHODS: Cross-sectional study of 500 women. Grip strength was measured with a "
                 "dynamometer.\nRESULTS: Grip fell with age (p < 0.001).\nCONCLUSIONS: Grip falls with age.")
    assert p.outcomes_primary == []


def test_ranked_outcome_keeps_a_composite_whole_and_drops_its_appositive(read):
    p = _p(read, "Fluids in sepsis\nWe randomised 400 adults with sepsis to buffered fluid or saline. The primary "
                 "outcome was acute kidney failure within 14 days (AKF14), the composite of dialysis, doubling of "
                 "creatinine or death, whichever came first.")
    assert _texts(p.outcomes_primary) == ["acute kidney failure within 14 days"]
    p = _p(read, "Ward rounds\nWe randomised 300 wards to daily or weekly rounds. The primary outcome was a composite "
                 "of falls, pressure ulcers and infections within 60 days.")
    assert len(p.outcomes_primary) == 1 and p.outcomes_primary[0].text.startswith("a composite of falls")


def test_ranked_outcome_stops_at_a_new_clause_but_keeps_a_list(read):
    p = _p(read, "Anticoagulant trial\nWe randomised 900 adults with atrial fibrillation to drug A or warfarin. The "
                 "primary outcome was stroke or bleeding, and the non-inferiority margin for the hazard ratio was 1.3.")
    assert _texts(p.outcomes_primary) == ["stroke or bleeding"]
    p = _p(read, "Two outcomes\nWe randomised 300 adults with asthma to drug A or placebo. The primary outcomes were "
                 "exacerbations, and lung function at 12 weeks.")
    assert _texts(p.outcomes_primary) == ["exacerbations", "lung function at 12 weeks"]


# --- factorial trials ---

def test_factorial_opening_sentence_gives_both_drugs_against_placebo(read):
    p = _p(read, "Two supplements in older adults\nThis factorial trial compared vitamin D with placebo and omega-3 "
                 "fatty acids with placebo in 2157 older adults. Neither supplement reduced falls.")
    assert _low(p.interventions) == ["vitamin d", "omega-3 fatty acids"]
    assert _texts(p.comparators) == ["placebo"]


def test_factorial_four_arm_list_and_title_or(read):
    p = _p(read, "Hydrocortisone or doxycycline in sepsis: a factorial trial\nPatients were randomly assigned to "
                 "placebo plus placebo, hydrocortisone plus placebo, doxycycline plus placebo, or both drugs. "
                 "Mortality at 28 days was the primary outcome.")
    assert _low(p.interventions) == ["hydrocortisone", "doxycycline"]
    assert _texts(p.comparators) == ["placebo"]


def test_non_factorial_head_to_head_keeps_its_comparator(read):
    p = _p(read, "Hydrocortisone or doxycycline in sepsis\nPatients were randomly assigned to hydrocortisone or "
                 "doxycycline. Mortality at 28 days was the primary outcome.")
    assert _low(p.comparators) == ["doxycycline"]


def test_factorial_analysis_is_no_factorial_trial(read):
    p = _p(read, "Drug A for gout\nWe randomly assigned 200 adults with gout to drug A or placebo. A factorial "
                 "analysis of variance was used. Flares were fewer with drug A.")
    assert _low(p.interventions) == ["drug a"] or "placebo" in _low(p.comparators)
    assert "drug a" not in _low(p.comparators)


# --- a cohort's exposure and outcome are not the population's condition ---

def test_condition_with_and_without_is_the_exposure(read):
    p = _p(read, "Hepatitis C infection and later kidney disease\nIn this prospective cohort, 5000 adults with "
                 "hepatitis C infection and 10000 without it were followed for chronic kidney disease. Kidney "
                 "disease was more common with infection (HR 1.5, 95% CI 1.2 to 1.9).")
    assert p.population.conditions == []


def test_cohort_title_outcome_is_no_condition(read):
    p = _p(read, "Statin use and dementia\nWe followed 5000 adults taking statins and 5000 not taking statins for "
                 "ten years in a population cohort. Statin users had a lower rate of dementia.")
    assert p.population.conditions == []


def test_associated_with_names_the_outcome(read):
    p = _p(read, "Night shift work and diabetes\nWe followed 20000 nurses in a cohort study to find out whether night "
                 "shift work is associated with type 2 diabetes. Night work raised the risk.")
    assert p.population.conditions == []


def test_cohort_of_patients_keeps_their_condition(read):
    p = _p(read, "Readmission after heart failure\nWe followed 900 adults with heart failure in a cohort for "
                 "hospital readmission. Readmission was common.")
    assert [c.code.split()[-1][:3] for c in p.population.conditions] == ["I50"]


def test_case_control_cases_keep_their_disease_with_controls_without(read):
    p = _p(read, "Hair dye and bladder cancer: a case-control study\nWe enrolled 300 patients with bladder cancer "
                 "and 600 people without cancer as controls. Hair dye use was more common in cases.")
    assert [c.code.split()[-1][:3] for c in p.population.conditions] == ["C67"]


# --- "continue X or change the dose" arms ---

def test_continue_or_reduce_gives_the_reduced_dose_as_intervention(read):
    p = _p(read, "Aspirin dose after stroke\nPatients with ischaemic stroke were randomised to continue aspirin 300 "
                 "or reduce to 75 mg daily. Bleeding was less common after dose reduction.")
    assert _texts(p.interventions) == ["aspirin 75 mg"]
    assert _texts(p.comparators) == ["aspirin 300 mg"]
    assert "inferred" in p.interventions[0].detail


def test_remain_on_or_reduce_the_dose(read):
    p = _p(read, "Statin dose\nWe randomised 300 adults to remain on atorvastatin 80 mg or reduce the dose to 20 mg.")
    assert _texts(p.interventions) == ["atorvastatin 20 mg"]
    assert _texts(p.comparators) == ["atorvastatin 80 mg"]


def test_continuing_a_drug_without_doses_is_no_dose_pair(read):
    p = _p(read, "Aspirin and bleeding\nPatients who continued aspirin had more bleeding than those who stopped it. "
                 "We studied 300 patients taking aspirin 75 mg.")
    assert not any("300" in t for t in _texts(p.interventions) + _texts(p.comparators))


# --- an age at an event is not the people's age ---

def test_age_when_exposed_is_not_the_people_age(read):
    p = _p(read, "Maternal smoking and asthma\nWe followed 800 children whose mothers smoked. The children were 1 "
                 "to 3 years old when exposed to smoke at home, and were assessed for asthma at age 10.")
    assert p.population.age == {}


def test_age_measured_when_they_were_is_not_the_people_age(read):
    p = _p(read, "Lead and school grades\nWe studied 400 adolescents whose blood lead had been measured when they "
                 "were 1 to 3 years old. Higher lead went with lower grades.")
    assert p.population.age == {}


def test_age_at_baseline_or_when_seen_is_the_people_age(read):
    p = _p(read, "Exercise in older adults\nWe enrolled 300 adults aged 65 to 80 years at baseline in a cohort.")
    assert (p.population.age["low"], p.population.age["high"]) == (65.0, 80.0)
    p = _p(read, "Toddler clinic\nWe enrolled 120 children aged 1 to 3 years when they were first seen in clinic.")
    assert (p.population.age["low"], p.population.age["high"]) == (1.0, 3.0)


# --- a share of women said of one group ---

def test_share_of_cases_alone_is_not_the_people_share(read):
    for sentence in ("Of the cases, 60 (20%) were women.", "Cases were 20% women.", "Of the 300 cases, 60 were women."):
        p = _p(read, "Hair dye and bladder cancer: a case-control study\nWe enrolled 300 cases with bladder cancer "
                     f"and 600 controls. {sentence}")
        assert p.population.sex == {}, sentence


def test_share_of_all_people_in_a_case_control_study_is_read(read):
    p = _p(read, "Hair dye and bladder cancer: a case-control study\nWe enrolled 300 cases with bladder cancer and "
                 "600 controls; 180 (20%) were women.")
    assert p.population.sex["female_pct"] == 20.0


def test_case_series_cases_are_all_the_people(read):
    p = _p(read, "Gout in the young\nWe describe 40 cases of gout in adults under 30. Of the 40 cases, 10 were women.")
    assert p.population.sex["female_pct"] == 25.0


def test_share_of_one_arm_is_not_the_people_share(read):
    p = _p(read, "Exercise for back pain\nWe randomised 200 adults with back pain to exercise or usual care. In the "
                 "exercise group 55% were women. Pain fell more with exercise.")
    assert p.population.sex == {}
    p = _p(read, "Exercise for back pain\nWe randomised 200 adults with back pain to exercise or usual care; 55% were "
                 "women. Pain fell more with exercise.")
    assert p.population.sex["female_pct"] == 55.0


# --- blind_s28 (dev since session 29) causes, own sentences ---

def test_count_of_men_after_in_all_is_the_people_share(read):
    p = _p(read, "Drug A after cardiac arrest\nThis placebo-controlled randomised trial ran in three emergency "
                 "departments. In all, 900 people took part; 600 were men, with a mean age of 68 years.")
    assert p.population.sex["female_pct"] == 33.3


def test_count_of_a_subgroup_clause_is_not_the_people_share(read):
    p = _p(read, "Cardiac arrest drug\nWe did a randomised trial of drug A or placebo in 900 patients. Of those who "
                 "survived, 60 were men.")
    assert p.population.sex == {}


def test_k_of_them_women_without_a_verb(read):
    p = _p(read, "Living with chronic fatigue\nWe held interviews and drew themes. In all, 60 adults aged 30 to 70 "
                 "years took part, 40 of them women; themes were drawn.")
    assert p.population.sex["female_pct"] == 66.7


def test_saline_placebo_is_the_placebo_arm(read):
    p = _p(read, "Vasopressin in septic shock\nThis double-blind randomised trial ran in six intensive care units. "
                 "Adults in septic shock received vasopressin by infusion or a saline placebo in look-alike bags. "
                 "Death at 28 days was the primary outcome.")
    assert _low(p.interventions) == ["vasopressin"]
    assert _texts(p.comparators) == ["placebo"]


def test_saline_as_an_arm_of_its_own_stays(read):
    p = _p(read, "Nebulised saline in bronchiolitis\nInfants with bronchiolitis were randomly assigned to nebulised "
                 "hypertonic saline or salbutamol. Length of stay was the primary outcome.")
    assert "saline" in " ".join(_low(p.interventions + p.comparators))
    assert "placebo" not in _low(p.comparators)


def test_prevalence_survey_title_conditions_stay(read):
    p = _p(read, "Is there a link between psoriasis and depression?\nWe surveyed 2000 adults attending skin clinics for "
                 "the prevalence of psoriasis and depression. Depression was more common with psoriasis.")
    codes = [c.code.split()[-1][:3] for c in p.population.conditions]
    assert "L40" in codes


def test_pooled_people_with_a_space_between_thousands(read):
    p = _p(read, "Statins for stroke prevention: a meta-analysis\nWe searched databases for randomised trials "
                 "of statins. Data came from 45 trials with 86 210 participants in all. Statins lowered stroke.")
    assert p.population.n == 86210
    p = _p(read, "Exercise for back pain: a meta-analysis\nWe searched databases for randomised trials. We included 12 "
                 "trials with 1450 participants. Exercise helped.")
    assert p.population.n == 1450


def test_title_against_names_the_comparator(read):
    p = _p(read, "Apixaban at a low and a standard dose against warfarin after valve repair\nWe randomised 900 adults "
                 "after mitral valve repair to apixaban 2.5 mg, apixaban 5 mg, or warfarin. Valve thrombosis was the "
                 "primary outcome.")
    assert _low(p.comparators) == ["warfarin"]
    assert "warfarin" not in _low(p.interventions)


def test_protection_against_a_disease_moves_no_arm(read):
    p = _p(read, "Protection against influenza with oseltamivir and zanamivir: a randomised trial\nWe randomised 900 "
                 "adults to oseltamivir or zanamivir. Influenza was the primary outcome.")
    assert _low(p.interventions) == ["oseltamivir", "zanamivir"]


def _codes(p):
    return [c.code.split()[-1][:3] for c in p.population.conditions]


def test_denied_conditions_are_not_the_people_conditions(read):
    p = _p(read, "Hormone therapy after menopause and ovarian cancer: a registry cohort\nWe followed 400 000 women "
                 "past the menopause who had no cancer, liver disease or hysterectomy at entry. Users had a higher "
                 "risk of ovarian cancer.")
    assert _codes(p) == []


def test_suspected_disease_of_a_diagnostic_study_is_no_condition(read):
    p = _p(read, "A bedside test for malaria\nFebrile travellers with suspected falciparum malaria at two clinics "
                 "gave a finger-prick sample. Sensitivity was 92%.")
    assert _codes(p) == []


def test_condition_after_but_had_is_kept(read):
    p = _p(read, "Diet in diabetes\nAdults who had no heart disease but had type 2 diabetes were randomised to diet A "
                 "or usual diet.")
    assert _codes(p) == ["E11"]
    p = _p(read, "Diet in diabetes\nWe randomised 300 adults with type 2 diabetes to diet A or usual diet. No serious "
                 "events occurred.")
    assert _codes(p) == ["E11"]


def test_people_protected_from_a_disease_keep_their_own(read):
    p = _p(read, "Drug A in atrial fibrillation\nWe asked if drug A can protect patients with atrial fibrillation "
                 "from stroke. We randomised 9000 adults to drug A or warfarin.")
    assert "I48" in _codes(p)


def test_suspected_disease_of_a_trial_is_its_condition(read):
    p = _p(read, "Drug A in suspected myocardial infarction\nPatients with suspected acute myocardial infarction were "
                 "randomised to drug A or placebo. Death at 35 days was the primary outcome.")
    assert _codes(p) == ["I21"]


def test_k_of_them_women_of_another_count_is_not_the_share(read):
    p = _p(read, "Anaesthetist experience and outcomes\nWe reviewed 50 000 operations in 50 000 patients, cared for by "
                 "2000 anaesthetists, 500 of them women. Outcomes were similar.")
    assert p.population.sex == {}


def test_with_x_and_without_y_describes_the_same_people(read):
    p = _p(read, "Diet in diabetes\nWe randomised 300 adults with type 2 diabetes and without heart disease to diet A "
                 "or usual diet.")
    assert _codes(p) == ["E11"]


def test_count_of_four_digits_without_a_comma_is_read(read):
    p = _p(read, "Drug A after cardiac arrest\nThis placebo-controlled randomised trial ran in three emergency "
                 "departments. In all, 6000 people took part; 3600 were men, with a mean age of 68 years.")
    assert p.population.sex["female_pct"] == 40.0


def test_case_groups_and_controls_are_summed(read):
    p = _p(read, "Night work and brain tumours: a case-control study\nA case-control study in eight countries. "
                 "Interviews came from 2100 stroke cases, 1900 migraine cases and 4000 controls.")
    assert p.population.n == 8000
    p = _p(read, "Antacid use and wrist fracture\nWe did a nested case-control study in a primary care database. Cases "
                 "were 12 400 adults with a first wrist fracture; 98 200 controls were matched to them on age and sex.")
    assert p.population.n == 110600


def test_cases_of_one_kind_with_controls_stay_summed_once(read):
    p = _p(read, "Hair dye and bladder cancer: a case-control study\nWe enrolled 300 cases with bladder cancer and 600 "
                 "controls.")
    assert p.population.n == 900


def test_review_of_double_blind_trials_has_no_blinding_of_its_own(read):
    r = read("Statins for stroke prevention: a meta-analysis\nWe searched databases for double-blind randomised trials "
             "of statins against placebo. Data came from 45 trials with 86 210 participants in all. Statins lowered "
             "stroke (OR 0.80, 95% CI 0.70 to 0.90).")[0]
    assert r.design.kind == "meta_analysis" and not r.design.blinding
    r = read("Drug A for gout\nWe did a double-blind randomised trial of drug A against placebo in 200 adults with "
             "gout. Flares were fewer with drug A.")[0]
    assert r.design.blinding == "double-blind"


def test_age_range_without_years_before_when_exposed(read):
    p = _p(read, "Smoke at home and asthma\nWe enrolled 90 children aged 1 to 3 when exposed to smoke at home, and "
                 "followed them to school age.")
    assert p.population.age == {}
