"""The reviewer's own probe abstracts (session 30 review of lit30). Written for this review, in the reviewer's own
words; none is taken from any data set or blind set. (id, text): the id's prefix names the rule probed (res_ results-
only ranked outcomes, fac_ factorial pairs, dur_ duration arms, rev_ a review's placebo, n_ / sex_ / age_ / bl_ /
des_ / arm_ the blind_s29 causes)."""


def _a(title: str, methods: str, results: str = "The groups did not differ.") -> str:
    return f"{title}\nMETHODS: {methods}\nRESULTS: {results}\nCONCLUSIONS: Further study is needed."


def _u(title: str, *sentences: str) -> str:
    """An abstract pasted without headings."""
    return f"{title}\n" + " ".join(sentences)


_RCT = "We randomly assigned 600 adults with heart failure to spironolactone or placebo."

PROBES = [
    # --- 1. ranked outcomes named only in the results ---
    ("res_appositive", _a("Spironolactone in heart failure", _RCT,
                          "The primary outcome, admission for heart failure, occurred in 14% and 19% (hazard ratio "
                          "0.72, 95% CI 0.55 to 0.94).")),
    ("res_however", _a("Spironolactone in heart failure", _RCT,
                       "The primary outcome, however, did not differ between the groups (p = 0.41).")),
    ("res_adjusted", _a("Spironolactone in heart failure", _RCT,
                        "The primary outcome, adjusted for age and sex, was 20% lower with spironolactone (95% CI 5 to "
                        "33%).")),
    ("res_at_time", _a("Spironolactone in heart failure", _RCT,
                       "The primary outcome, at 12 months, occurred in 30 patients (10%) and 45 patients (15%).")),
    ("res_in_both_groups", _a("Spironolactone in heart failure", _RCT,
                              "The primary outcome, in both groups, was rare (2% and 3%; p = 0.5).")),
    ("res_which_was", _a("Spironolactone in heart failure", _RCT,
                         "The primary outcome, which was death from any cause, occurred in 9% and 12% (p = 0.04).")),
    ("res_bracket_table", _a("Spironolactone in heart failure", _RCT,
                             "The primary outcome (Table 2) occurred in 9% and 12% (p = 0.04).")),
    ("res_bracket_n", _a("Spironolactone in heart failure", _RCT,
                         "The primary outcome (n = 84 events) was less frequent with spironolactone (p = 0.02).")),
    ("res_bracket_itt", _a("Spironolactone in heart failure", _RCT,
                           "The primary outcome (intention-to-treat analysis) favoured spironolactone (hazard ratio "
                           "0.8, 95% CI 0.66 to 0.97).")),
    ("res_bracket_name", _a("Spironolactone in heart failure", _RCT,
                            "The primary outcome (death or admission) fell with spironolactone (hazard ratio 0.8, 95% "
                            "CI 0.66 to 0.97).")),
    ("res_for_population", _a("Spironolactone in heart failure", _RCT,
                              "For the primary outcome, in the per-protocol population, 11% and 16% had an event "
                              "(p = 0.03).")),
    ("res_for_those_given", _a("Spironolactone in heart failure", _RCT,
                               "For the primary outcome, those given spironolactone fared better, with a hazard ratio "
                               "of 0.78 (95% CI 0.62 to 0.98).")),
    ("res_for_name", _a("Spironolactone in heart failure", _RCT,
                        "For the primary outcome, death from cardiovascular causes, the hazard ratio was 0.81 (95% CI "
                        "0.67 to 0.98).")),
    ("res_of_name_verb", _a("Spironolactone in heart failure", _RCT,
                            "The primary outcome of stroke occurred in 2.1% and 3.4% (p = 0.02).")),
    ("res_of_study_was", _a("Spironolactone in heart failure", _RCT,
                            "The primary outcome of the study was mortality at 1 year, which was 12% and 15% "
                            "(p = 0.2).")),
    ("res_of_interest", _a("Spironolactone in heart failure", _RCT,
                           "The primary outcome of interest, stroke, occurred in 2% and 3% (p = 0.3).")),
    ("res_methods_wins", _a("Spironolactone in heart failure", _RCT + " The primary outcome was death at one year.",
                            "The primary outcome, admission for heart failure, occurred in 14% and 19% (p = 0.01).")),
    ("res_no_figures", _a("Spironolactone in heart failure", _RCT,
                          "The primary outcome, admission for heart failure, was less common with spironolactone.")),
    ("res_secondary_only", _a("Spironolactone in heart failure", _RCT + " The primary outcome was death at one year.",
                              "Death occurred in 8% and 9%. The secondary outcome, walking distance, rose by 30 m "
                              "(95% CI 10 to 50).")),
    ("res_plural_list", _a("Physiotherapy for knee pain", "We randomly assigned 200 adults with knee pain to "
                           "physiotherapy or advice.", "The primary outcomes (pain and function) improved more with "
                           "physiotherapy (p < 0.01 for both).")),
    ("res_unheaded", _u("Spironolactone in heart failure", _RCT, "The primary outcome, admission for heart failure, "
                        "occurred in 14% and 19% (hazard ratio 0.72, 95% CI 0.55 to 0.94).", "It was safe.")),
    # colon list and participle details (neighbours)
    ("res_colon_list_comma", _a("Induction of labour", "We randomly assigned 800 women to induction or expectant "
                                "care. The primary outcomes were: caesarean birth, and admission of the baby to "
                                "neonatal care.")),
    ("res_participle_measured_by_name", _a("Splints for thumb pain", "We randomly assigned 120 adults to a splint or "
                                           "advice. The primary outcome was grip strength measured with a dynamometer.")),
    ("res_participle_as_assessed", _a("Splints for thumb pain", "We randomly assigned 120 adults to a splint or advice. "
                                      "The primary outcome was pain, as rated by the patient on a 10-point scale, at 6 "
                                      "weeks.")),
    # --- 2. factorial trials of two active pairs ---
    ("fac_active_pairs", _a("Two questions in hip fracture: a 2x2 factorial trial", "In a factorial design, 900 older "
                            "adults were randomly assigned to spinal or general anaesthesia, and to early or delayed "
                            "mobilisation.")),
    ("fac_active_drugs", _a("Gout flares: a factorial trial", "Using a 2 by 2 factorial design, 400 adults with gout "
                            "were randomly assigned to allopurinol or febuxostat, and to colchicine or naproxen.")),
    ("fac_placebo_and_active", _a("Tranexamic acid and blood pressure targets in surgery: a factorial trial", "In a "
                                  "2x2 factorial design, 3000 adults were randomly assigned to tranexamic acid or "
                                  "placebo, and to a hypotension-avoidance or hypertension-avoidance strategy.")),
    ("fac_usual_care_first", _a("Exercise and diet for knee pain: a factorial trial", "In a factorial trial, 400 adults "
                                "were randomly assigned to usual care or exercise, and to no advice or diet advice.")),
    ("fac_colon_outcomes", _a("Vitamin D and exercise for falls: a factorial trial", "In a factorial trial, 500 older "
                              "adults were randomly assigned to vitamin D, exercise, both, or neither. Co-primary "
                              "outcomes: falls or fractures, and pain or disability at 12 months.")),
    ("fac_not_factorial_two_pairs", _a("Anaesthesia and mobilisation after hip fracture", "900 older adults were "
                                       "randomly assigned to spinal or general anaesthesia, and to early or delayed "
                                       "mobilisation.")),
    ("fac_oral_iv", _a("Antibiotic route and duration in bone infection: a factorial trial", "In a 2x2 factorial "
                       "trial, adults were randomly assigned to oral or intravenous antibiotics, and to a short or "
                       "long course.")),
    ("fac_hospital_home", _a("Rehabilitation after stroke: a factorial trial", "In a factorial trial, 300 adults were "
                             "randomly assigned to hospital or home rehabilitation, and to robot or therapist training.")),
    # --- 3. duration arms ---
    ("dur_continue_stop", _a("Shorter antibiotics for cellulitis", "Adults improving on day 5 were randomly assigned "
                             "to continue flucloxacillin for 10 days or stop at 5 days.")),
    ("dur_years", _a("Tamoxifen after breast cancer", "Women who had taken tamoxifen for 5 years were randomly assigned "
                     "to continue tamoxifen to 10 years or stop at 5 years.")),
    ("dur_listed_years", _a("Bisphosphonate duration", "Women were randomly assigned to alendronate for 5 or 10 "
                            "years.")),
    ("dur_months_listed", _a("Anticoagulation after a first clot", "Adults with a first venous clot were randomly "
                             "assigned to warfarin for 3 or 6 months.")),
    ("dur_shorter_aim", _a("Shorter steroid courses in asthma attacks", "Children were randomly assigned to "
                           "prednisolone for 3 or 5 days.")),
    ("dur_extended_title", _a("Extended varenicline for smoking cessation", "Smokers were randomized to varenicline "
                              "for 12 or 24 weeks.")),
    ("dur_drug_or_placebo_for", _a("Aspirin in older adults", "Adults aged 70 or more were randomly assigned to aspirin "
                                   "or placebo for 2 or 3 years, as they joined.")),
    ("dur_follow_up", _a("Aspirin in older adults", "Adults were randomly assigned to aspirin or placebo and were "
                         "followed for 5 or 10 years.")),
    ("dur_symptoms_recorded", _a("Zinc for colds", "Children were randomly assigned to zinc or placebo; symptoms were "
                                 "recorded for 7 or 14 days.")),
    ("dur_not_allocated", _a("Antibiotic courses in practice", "We reviewed 2000 records of children given amoxicillin "
                             "for 5 or 10 days.")),
    ("dur_course_words", _a("Short courses for urinary infection", "Women were randomly assigned to a 3-day or 7-day "
                            "course of nitrofurantoin.")),
    ("dur_days_of_drug", _a("Short courses for pneumonia", "Children were randomly assigned to 3 days or 7 days of "
                            "amoxicillin.")),
    ("dur_dose_and_placebo", _a("Antibiotic duration for pneumonia", "Children were randomly assigned to amoxicillin "
                                "for 3 days followed by placebo for 4 days, or amoxicillin for 7 days.")),
    # --- 4. a review's placebo comparator ---
    ("rev_placebo_excluded", _a("Head-to-head trials of antidepressants: a systematic review", "We included randomised "
                                "trials comparing two antidepressants directly; trials comparing an antidepressant "
                                "with placebo were excluded.", "Sertraline was better tolerated than paroxetine (RR "
                                "0.8, 95% CI 0.7 to 0.9).")),
    ("rev_usual_care_or_placebo", _a("Exercise for back pain: a meta-analysis", "We pooled randomised trials of exercise "
                                     "against usual care or placebo in adults with back pain.", "Pain fell (SMD -0.4, "
                                     "95% CI -0.6 to -0.2).")),
    ("rev_observational_no_placebo", _a("Statins and cancer: a meta-analysis of cohort studies", "We pooled cohort "
                                        "studies of statin users and non-users.", "Cancer risk was similar (RR 0.98, "
                                        "95% CI 0.9 to 1.07).")),
    ("rev_nocebo_words", _a("Statins and muscle pain: a meta-analysis", "We pooled placebo-controlled trials of statins "
                            "to estimate the nocebo share of muscle pain.", "Most pain was also reported on placebo.")),
    ("trial_placebo_not_review", _a("Statins after stroke", "We randomly assigned 800 adults to atorvastatin; the "
                                    "control group had no statin.")),
    # --- 5. blind_s29 causes: N ---
    ("n_year_like", _a("Induction at 39 weeks", "We randomised 2010 women at 39 weeks to induction or expectant care.")),
    ("n_year_in", _a("Falls in homes", "In 2012 patients of 30 care homes were asked to take part. We studied 410 "
                     "residents.")),
    ("n_survey_year", _a("Smoking in teenagers", "Data from the 2016 survey participants were analysed; 3200 "
                         "teenagers answered all questions.")),
    ("n_responded_treatment", _a("Ketamine for depression", "We enrolled 300 adults with depression and gave each "
                                 "ketamine.", "After 8 weeks, 120 of them responded to treatment (40%).")),
    ("n_took_part_later", _a("Loneliness in older adults", "We surveyed 1500 older adults by post.", "Of those who "
                             "answered, 320 of them took part in a later interview.")),
    ("n_of_split_each_screened", _a("Two doses of vitamin D", "Of 1200 screened patients, 300 were randomly assigned "
                                    "to each group.")),
    ("n_of_split_arms", _a("Two doses of vitamin D", "Of 1200 patients, 598 were randomly assigned to high dose and "
                           "602 to low dose.")),
    ("n_long_relative", _a("Diet in pregnancy", "Of the 4000 women who attended the clinic during the five-year "
                           "period, mostly first-time mothers referred by their midwives for weight gain and tiredness "
                           "at booking, 350 were randomized.")),
    ("n_compared_long_neighbour", _a("Hip fracture outcomes", "We compared 300 patients treated at night, mostly older "
                                     "women with falls at home, with 20 of the same surgeons' day cases.")),
    ("n_died_pair", _a("Surgery for obesity", "We followed 2000 obese adults, half of them operated.", "Over 10 years, "
                       "60 patients and 40 controls developed diabetes.")),
    ("n_aged_then_count", _a("Screening for colon cancer", "Adults aged 50 to 74 years were invited; 60 000 took part.")),
    # --- % women, age, blinding, design ---
    ("sex_percent_of_the_women", _a("Smoking in pregnancy", "We studied 900 pregnant women; 12 percent of the women "
                                    "smoked.")),
    ("sex_of_them_were", _a("Glaucoma drops", "We randomly assigned 400 adults, 52% of them women, to drops or laser.")),
    ("sex_women_and_babies_later", _a("Breech birth", "We randomised 1200 women with a breech baby to caesarean or "
                                      "vaginal birth. Women and their babies were followed for two years.")),
    ("age_months_to", _a("Vitamin A in infants", "We randomly assigned 800 infants aged 6 to 11 months to vitamin A or "
                         "placebo.")),
    ("age_who_were_when_vaccinated", _a("Vaccination and asthma", "We followed 5000 children who were 1 to 2 years old "
                                        "when vaccinated, until age 10.")),
    ("age_or_younger", _a("Surgery in young adults", "Patients 45 years of age or younger were randomly assigned to "
                          "surgery or a brace.")),
    ("bl_neither_knew_result", _a("Genetic testing before warfarin", "We randomly assigned 400 adults to genotype-guided "
                                  "or standard dosing. Neither the patients nor the doctors knew the genotype results "
                                  "in the standard group.")),
    ("des_more_sensitive_trial", _a("Pain after surgery in women and men", "In a cross-sectional study of 600 adults "
                                    "after surgery, women were more sensitive than men to pain on movement.")),
    ("des_review_one_trial", _a("Antibiotics for acne: a systematic review", "We searched for randomised trials of "
                                "doxycycline in acne.", "One trial met the criteria (RR 0.8, 95% CI 0.6 to 1.1; one "
                                "trial, 200 people).")),
    ("arm_nested_case_control", _a("Aspirin and bleeding: a nested case-control study within a randomised trial",
                                   "Within a trial of aspirin versus placebo, 120 participants with bleeding were "
                                   "matched to 480 without.")),
    # --- second round: neighbours of the review's fixes (names that look like the refused words, forms kept) ---
    ("r2_res_overall_survival", _a("Chemotherapy in lung cancer", "We randomly assigned 500 adults with lung cancer to "
                                   "chemotherapy or best supportive care.", "The primary outcome, overall survival, was "
                                   "longer with chemotherapy (hazard ratio 0.71, 95% CI 0.58 to 0.87).")),
    ("r2_res_all_cause", _a("Spironolactone in heart failure", _RCT, "The primary outcome, all-cause death, occurred in "
                            "9% and 12% (p = 0.04).")),
    ("r2_res_in_hospital", _a("Spironolactone in heart failure", _RCT, "The primary outcome, in-hospital death, occurred "
                              "in 4% and 6% (p = 0.2).")),
    ("r2_res_adjusted_name", _a("Spironolactone in heart failure", _RCT, "The primary outcome, adjusted mortality, was "
                                "lower with spironolactone (hazard ratio 0.8, 95% CI 0.7 to 0.95).")),
    ("r2_res_of_trial_no_verb", _a("Spironolactone in heart failure", _RCT, "The primary outcome of the trial occurred "
                                   "in 9% and 12% (p = 0.04).")),
    ("r2_res_of_study_no_figures", _a("Spironolactone in heart failure", _RCT + " The primary outcome of the study was "
                                      "death from any cause at one year.")),
    ("r2_fac_surgery_physio", _a("Knee surgery and exercise: a factorial trial", "In a 2x2 factorial trial, 300 adults "
                                 "were randomly assigned to surgery or physical therapy, and to a brace or no brace.")),
    ("r2_fac_design_colon", _a("Oxygen and fluids after surgery", "Design: 2x2 factorial. Interventions: high versus low "
                               "oxygen, and restrictive versus liberal fluids, in 2000 adults.")),
    ("r2_fac_low_high_dose", _a("Aspirin dose and a polypill: a factorial trial", "In a factorial trial, 4000 adults were "
                                "randomly assigned to low-dose or high-dose aspirin, and to a polypill or usual care.")),
    ("r2_dur_two_drugs_for", _a("Antiplatelets after stenting", "Adults were randomly assigned to aspirin or clopidogrel "
                                "for 6 or 12 months.")),
    ("r2_dur_one_drug_for_months", _a("Antiplatelets after stenting", "Adults were randomly assigned to clopidogrel for "
                                      "6 or 12 months.")),
    ("r2_dur_follow_up_months", _a("Exercise in older adults", "Adults were randomly assigned to exercise or usual care, "
                                   "with 6 months or 12 months of follow-up.")),
    ("r2_rev_excluded_other", _a("Statins for prevention: a meta-analysis", "We excluded crossover trials and pooled "
                                 "trials comparing statins with placebo.", "Events fell (RR 0.75, 95% CI 0.7 to 0.8).")),
    ("r2_rev_excluded_before", _a("Two statins compared: a meta-analysis", "We excluded trials comparing statins with "
                                  "placebo and pooled trials comparing two statins.", "Events were similar (RR 0.95, "
                                  "95% CI 0.8 to 1.1).")),
    ("r2_n_year_count_plain", _a("Vitamin D in children", "We enrolled 2015 children from 40 schools.")),
    ("r2_n_cohort_year", _a("Growth in children", "In the 2004 birth cohort, 800 children were studied.")),
    ("r2_n_screened_long", _a("Diet in pregnancy", "Overall, 2400 women who had been screened at 12 antenatal clinics "
                              "between 2010 and 2014, and who met all entry criteria for the trial, were randomized.")),
    ("r2_n_responded_survey", _a("Burnout in nurses", "A questionnaire was sent to 3000 nurses.", "In all, 2100 of them "
                                 "responded to the survey (70%).")),
    ("r2_n_responded_bare", _a("Burnout in nurses", "A questionnaire was sent to 3000 nurses; 2100 nurses responded.")),
    ("r2_n_cases_controls_enrolled", _a("Diet and gout: a case-control study", "We enrolled 60 patients with gout and "
                                        "120 controls from the same practices.")),
    ("r2_bl_neither_knew_treatment", _a("Statin before surgery", "We randomly assigned 400 adults to atorvastatin or "
                                        "placebo. Neither the patients nor the doctors knew which treatment was "
                                        "given.")),
    ("r2_bl_neither_aware_group", _a("Statin before surgery", "We randomly assigned 400 adults to atorvastatin or "
                                     "placebo. Neither the participants nor the nurses were aware of group "
                                     "assignment.")),
    ("r2_des_test_more_sensitive", _a("Ultrasound or X-ray for wrist fracture", "Each child had ultrasound and X-ray, "
                                      "with CT as the reference.", "Ultrasound was more sensitive than X-ray (92% "
                                      "against 80%).")),
]
