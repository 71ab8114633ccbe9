"""The reviewer's own probe abstracts (session 29 review of lit29). Written for this review; none is taken from
any data set. (id, text): the id names the rule probed."""


def _a(title: str, methods: str, results: str = "The groups did not differ.") -> str:
    return f"{title}\nMETHODS: {methods}\nRESULTS: {results}\nCONCLUSIONS: Further study is needed."


def _u(title: str, *sentences: str) -> str:
    """An abstract pasted without headings."""
    return f"{title}\n" + " ".join(sentences)


PROBES = [
    # --- factorial trials ---
    ("fact_two_placebo", _a("Vitamin D and fish oil in older adults: a 2x2 factorial trial",
                            "We randomly assigned 4000 adults to vitamin D or placebo and to fish oil or placebo.")),
    ("fact_placebo_and_active_control", _a("Metoprolol and intensive blood pressure control: a factorial trial",
                                           "In a 2x2 factorial design, 3000 adults with diabetes were randomly assigned "
                                           "to metoprolol or placebo and to intensive or standard blood pressure control.")),
    ("fact_no_placebo", _a("Exercise and diet advice for knee pain: a factorial trial",
                           "In a 2x2 factorial trial, 400 adults with knee pain were randomly assigned to exercise or "
                           "usual care and to diet advice or no advice.")),
    ("fact_analysis_only", _a("Aspirin for migraine prevention", "We randomly assigned 300 adults with migraine to "
                              "aspirin or placebo; a factorial analysis of age and sex was planned.")),
    ("fact_unheaded_opening", _u("Folic acid and vitamin B12 for cognition",
                                 "In this factorial trial, 800 older adults were randomly assigned to folic acid plus "
                                 "placebo, vitamin B12 plus placebo, both, or placebo plus placebo.",
                                 "Cognitive decline did not differ between the groups.")),
    ("nonfact_two_placebo", _a("Zinc for colds", "We randomly assigned 300 children to zinc or placebo; a second "
                               "sample of 200 was assigned to vitamin C or placebo.")),
    ("fact_double_dummy", _a("Apixaban or warfarin in atrial fibrillation", "Adults with atrial fibrillation were "
                             "randomly assigned to apixaban plus warfarin placebo or warfarin plus apixaban placebo.")),
    ("fact_psychometric", _a("Validity of a fatigue scale in multiple sclerosis", "We studied 250 adults with multiple "
                             "sclerosis; the factorial structure of the scale was tested.")),
    # --- cohort exposure / population condition ---
    ("coh_people_with_dm_followed", _a("Dementia in type 2 diabetes: a cohort study", "Patients with type 2 "
                                       "diabetes were followed for 10 years for dementia.")),
    ("coh_with_and_without", _a("Diabetes and dementia: a cohort study", "Adults with and without diabetes were "
                                "followed for ten years.")),
    ("coh_with_and_without_case_control", _a("Diabetes and dementia: a case-control study", "We compared 300 cases "
                                             "with dementia and 600 controls with and without diabetes.")),
    ("coh_without_prior_and_with", _a("Anticoagulation in older adults", "We enrolled 500 adults without prior stroke "
                                      "and with atrial fibrillation.")),
    ("coh_no_age_limit", _a("Inhaled steroids in adults", "We enrolled adults with no upper age limit and with severe "
                            "asthma.")),
    ("coh_no_smoking_asthma", _a("Air pollution and lung function", "We followed 800 never-smokers who had no "
                                 "occupational exposure and had asthma.")),
    ("coh_assoc_within_people", _a("Anaemia in heart failure: a cohort", "Among 1200 patients with heart failure, we "
                                   "examined whether anaemia is associated with death.")),
    ("coh_title_second_named", _a("Metformin and survival in diabetes: a cohort study", "We followed 2000 adults with "
                                  "type 2 diabetes for five years.")),
    ("coh_title_exposure_condition", _a("Psoriasis and myocardial infarction: a cohort study", "We followed 3000 "
                                        "adults with psoriasis and 9000 without it for myocardial infarction.")),
    ("coh_title_survey", _a("Asthma and obesity in schoolchildren: a cross-sectional survey", "We surveyed 900 "
                            "schoolchildren once.")),
    ("coh_test_for", _a("Hepatitis C testing in people who inject drugs", "We followed 400 people who inject drugs; "
                        "a test for hepatitis C was offered every year.")),
    ("coh_test_for_people_with", _a("Kidney function in HIV", "We followed 400 adults with HIV who had a test for "
                                    "kidney function every year.")),
    ("coh_suspected_trial", _a("Early aspirin in suspected myocardial infarction", "We randomly assigned 1000 adults "
                               "with suspected myocardial infarction to aspirin or placebo.")),
    ("coh_suspected_accuracy", _a("Ultrasound for appendicitis", "We studied 300 children with suspected "
                                  "appendicitis; sensitivity and specificity of ultrasound were calculated.")),
    ("coh_free_of_then_with", _a("Coffee and liver disease", "We followed 5000 adults free of liver disease; all had "
                                 "obesity.")),
    ("coh_protects", _a("Statins in kidney disease", "We examined whether statin use protects adults with chronic "
                        "kidney disease from stroke in a cohort of 3000.")),
    ("coh_but_had", _a("Exercise after cancer", "We enrolled 200 women who had no heart disease but had breast "
                       "cancer.")),
    # --- case-control and % women ---
    ("sex_cases_only", _a("Smoking and bladder cancer: a case-control study", "We studied 400 cases and 800 "
                          "controls. Of the cases, 100 (25%) were women.")),
    ("sex_all_cc", _a("Smoking and bladder cancer: a case-control study", "We studied 400 cases and 800 controls; "
                      "of all 1200 participants, 30% were women.")),
    ("sex_cases_older_all_women", _a("Smoking and bladder cancer: a case-control study", "We studied 400 cases and "
                                     "800 controls. Cases were older than controls, and 30% of all participants "
                                     "were women.")),
    ("sex_cases_and_controls", _a("Coffee and gout: a case-control study", "We studied 300 cases and 300 matched "
                                  "controls; cases and controls were 40% women.")),
    ("sex_arm_only", _a("Exercise for back pain", "We randomly assigned 200 adults to exercise or usual care. In the "
                        "exercise group 55% were women.")),
    ("sex_case_series", _a("Snake bites in one hospital", "We describe 40 cases of snake bite seen over five years; "
                           "of the 40 cases, 10 (25%) were women.")),
    ("sex_of_them_women", _a("Back pain in nurses", "We surveyed 1500 nurses, 1200 of them women.")),
    ("sex_of_them_other_count", _a("Burnout in hospital staff", "We surveyed 40 hospitals with 1500 staff, 300 of "
                                   "them women, and 1200 of them men.")),
    ("sex_control_group_trial", _a("Yoga for anxiety", "We randomly assigned 120 adults to yoga or a control group; "
                                   "overall 70% were women.")),
    # --- age at an event vs at enrolment ---
    ("age_at_exposure", _a("Lead and IQ: a cohort", "We followed 300 children aged 1 to 3 years at exposure.")),
    ("age_at_enrolment", _a("Falls in older adults: a cohort", "We followed 600 adults aged 70 to 85 years at "
                            "enrolment.")),
    ("age_when_began", _a("Sleep in older adults", "The 400 participants were 65 to 80 years old when the study "
                          "began.")),
    ("age_when_joined", _a("Sleep in older adults", "The 400 participants were 65 to 80 years old when they joined "
                           "the study.")),
    ("age_mean_at_surgery", _a("Knee replacement outcomes", "We studied 500 patients; their mean age at surgery was 68 "
                               "years.")),
    ("age_when_surgery", _a("Knee replacement outcomes", "We studied 500 patients who were aged 60 to 80 years when "
                            "they had surgery.")),
    ("age_at_vaccination", _a("Measles vaccine response", "We studied 300 infants; mean age at vaccination was 9 "
                              "months.")),
    ("age_at_baseline_mean", _a("Gait speed and death: a cohort", "We followed 900 adults (mean age 74 years at "
                                "baseline) for eight years.")),
    ("age_at_birth_of", _a("Maternal age and preterm birth", "We studied 2000 women who were 35 years or older at "
                           "first birth.")),
    ("age_when_interviewed", _a("Hearing loss survey", "Participants were aged 60 to 90 years when interviewed.")),
    # --- dose change arms ---
    ("dose_continue_or_switch_drug", _a("Switching anticoagulants in atrial fibrillation", "Patients taking warfarin "
                                        "were randomly assigned to continue warfarin or switch to apixaban.")),
    ("dose_continue_or_switch_dose", _a("Statin de-escalation", "Patients on atorvastatin were randomly assigned to "
                                        "continue atorvastatin 80 mg or switch to 20 mg.")),
    ("dose_continue_it", _a("Statin de-escalation", "Patients on atorvastatin 80 mg were randomly assigned to continue "
                            "it at 80 mg or reduce to 20 mg daily.")),
    ("dose_continue_taper", _a("Prednisolone tapering", "Patients were randomly assigned to continue prednisolone 10 "
                               "mg or taper to 5 mg.")),
    ("dose_continue_increase", _a("Metformin dose in diabetes", "Adults were randomly assigned to continue metformin "
                                  "1000 mg or increase to 2000 mg daily.")),
    ("dose_chose_cohort", _a("Aspirin dose after stenting: a cohort", "We followed 500 patients who chose to continue "
                             "aspirin 300 mg or reduce to 75 mg.")),
    ("dose_results_continue", _a("Exercise for heart failure", "Adults were randomly assigned to exercise or usual "
                                 "care.", "Those randomly assigned to exercise who continue aspirin 300 mg or reduce "
                                 "to 75 mg had fewer events.")),
    ("dose_continue_weeks", _a("Duration of antibiotics in pneumonia", "Children were randomly assigned to continue "
                               "amoxicillin for 10 days or stop at 5 days.")),
    # --- unheaded outcomes ---
    ("unh_outcomes_by_assessors", _u("Exercise for knee pain in older adults",
                                     "We randomly assigned 200 adults with knee pain to exercise or usual care.",
                                     "Outcomes were assessed by blinded assessors at 12 weeks.",
                                     "Pain fell by 30% with exercise and by 10% with usual care.")),
    ("unh_outcomes_by_phone", _u("Smoking cessation by text message",
                                 "We randomly assigned 800 smokers to text messages or leaflets.",
                                 "Outcomes were assessed by telephone at six months.",
                                 "Quit rates were 12% and 8%.")),
    ("unh_results_by_test", _u("Vitamin D in winter", "We randomly assigned 300 adults to vitamin D or placebo.",
                               "Results were evaluated using the chi-square test.",
                               "Colds were 20% fewer with vitamin D.")),
    ("unh_quality_assessment", _u("Probiotics for diarrhoea: a systematic review",
                                  "We searched five databases for randomised trials of probiotics in children.",
                                  "Quality assessment was by two independent reviewers.",
                                  "Twelve trials with 2000 children were included; probiotics shortened diarrhoea by "
                                  "a day (95% CI 0.5 to 1.5).")),
    ("unh_baseline_assessment", _u("Yoga for back pain", "We randomly assigned 150 adults to yoga or stretching.",
                                   "Baseline assessment was by a research nurse.",
                                   "Disability improved by 20% with yoga.")),
    ("unh_baseline_with", _u("Yoga for back pain", "We randomly assigned 150 adults to yoga or stretching.",
                             "Baseline characteristics were assessed with a questionnaire.",
                             "Disability improved by 20% with yoga.")),
    ("unh_eligibility", _u("Yoga for back pain", "We randomly assigned 150 adults to yoga or stretching.",
                           "Eligibility assessment was by a physiotherapist.",
                           "Disability improved by 20% with yoga.")),
    ("unh_outcomes_with_scores", _u("Physiotherapy after stroke", "We randomly assigned 200 adults after stroke to "
                                    "physiotherapy or usual care.",
                                    "Functional outcomes were assessed with the Barthel index and the Rankin scale.",
                                    "Scores improved by 15% with physiotherapy.")),
    ("unh_verbless_people", _u("Exercise for chronic back pain", "Randomised controlled trial.",
                               "Adults with chronic low back pain.", "Exercise classes or usual care.",
                               "Disability scores at 12 months.", "Disability fell by 20% with exercise.")),
    ("unh_verbless_fractures", _u("Vitamin D for falls", "Randomised controlled trial.",
                                  "Older women with hip fractures.", "Vitamin D or placebo.",
                                  "Falls at one year.", "Falls were 15% fewer with vitamin D.")),
    ("unh_verbless_setting", _u("Vitamin D for falls", "Randomised controlled trial.",
                                "Care homes in the north of England.", "Falls and fractures.",
                                "Falls were 15% fewer with vitamin D.")),
    ("unh_cognitive_assessment", _u("Statins and memory", "We followed 900 adults aged 65 or older for five years.",
                                    "Cognitive assessment was by the Mini-Mental State Examination.",
                                    "Scores fell by 10% in both groups.")),
    # --- vehicle placebo / title against ---
    ("veh_hypertonic", _a("Hypertonic saline for bronchiolitis", "Infants were randomly assigned to nebulised 3% "
                          "hypertonic saline or 0.9% saline placebo.")),
    ("veh_double_dummy_named", _a("Drug A or drug B for gout", "Adults were randomly assigned to allopurinol plus "
                                  "febuxostat placebo or febuxostat plus allopurinol placebo.")),
    ("title_against_disease", _a("Vaccination against influenza in older adults: high-dose or standard-dose "
                                 "vaccine", "Adults aged 65 or older were randomly assigned to a high-dose or a "
                                 "standard-dose vaccine.")),
    ("title_against_drug", _a("Apixaban against aspirin after stroke", "Adults were randomly assigned to apixaban or "
                              "aspirin.")),
    # --- second round: the neighbours of the review fixes ---
    ("r2_cohort_switch", _a("Switching anticoagulants: a cohort", "We followed 900 adults who continued warfarin or "
                            "switched to apixaban.")),
    ("r2_fact_two_active", _a("Two drugs for gout: a factorial trial", "In a 2x2 factorial trial, adults were "
                              "randomly assigned to allopurinol or febuxostat and to colchicine or naproxen.")),
    ("r2_unh_instrument_and_assessor", _u("Physiotherapy for back pain", "We randomly assigned 160 adults to "
                                          "physiotherapy or advice.", "Outcomes were assessed with the Oswestry "
                                          "index by blinded assessors.", "Disability fell by 20% with physiotherapy.")),
    ("r2_unh_committee_score", _u("Knee surgery outcomes", "We randomly assigned 100 adults to repair or "
                                  "reconstruction.", "Outcomes were assessed with the International Knee "
                                  "Documentation Committee score.", "Scores rose by 20% after repair.")),
    ("r2_unh_allcause", _u("Statins in older adults", "Cohort study of 5000 adults.", "All-cause mortality and "
                           "stroke.", "Mortality was 12% lower with statins.")),
    ("r2_sex_of_cases_and_controls", _a("Coffee and gout: a case-control study", "We studied 300 cases and 300 "
                                        "controls; of the cases and controls, 40% were women.")),
    ("r2_sex_half_of_all", _a("Falls in older adults", "We enrolled 400 adults; half of all participants were "
                              "women.")),
    ("r2_denied_no_history_and", _a("Aspirin in older adults", "We enrolled 1000 adults with no history of stroke "
                                    "and heart attack.")),
    ("r2_n_dose_units", _a("Vitamin D dose", "Adults taking 1000 IU were randomly assigned to continue or stop.")),
]
