"""The reviewer's own probe abstracts (session 28 review of lit28). Written for this review; none is taken from
any data set. (id, text): the id names the rule probed."""


def _a(title: str, methods: str, results: str = "The groups did not differ.") -> str:
    return f"{title}\nMETHODS: {methods}\nRESULTS: {results}\nCONCLUSIONS: Further study is needed."


PROBES = [
    # --- European numbers vs US text ---
    ("eu_thousands", _a("Salt intake in a national cohort", "We followed 5.400 adults for ten years.")),
    ("eu_dose_not_people", _a("Drug X for gout", "We enrolled 210 patients; each took 5.4 mg of drug X daily.")),
    ("us_hr_three_decimals", _a("Statins and falls: a cohort", "We followed 3,120 adults, 52% women, for five years.",
                                "The hazard ratio was 0.845 in women and 0.912 in men.")),
    ("us_p_three_decimals", _a("Statins and falls: a cohort", "We followed 3,120 adults for five years.",
                               "Falls were fewer (p = 0.004 among women) but not among men.")),
    ("us_mean_of_visits", _a("Clinic use in diabetes", "A total of 812 patients were studied; they made a mean of 3.125 "
                             "visits per patient.")),
    ("eu_decimal_comma_women", _a("Asthma in teachers", "We surveyed 1.240 teachers; 61,5% were women.")),
    ("us_thousands_comma_women", _a("Asthma in teachers", "We surveyed 1,240 teachers; 61% were women.")),
    ("us_version_number", _a("A scoring tool for delirium", "Version 2.100 of the tool was used in 96 patients.")),
    ("eu_cases_rate", _a("Measles incidence", "There were 1.200 cases per 100 000 children in 2019 among 4 regions.")),
    ("us_ci_ratio_in_women", _a("Aspirin and stroke: a cohort", "We followed 9,870 adults for eight years.",
                                "The rate ratio was 1.125 in women (95% CI 0.950 to 1.332).")),
    # --- age ---
    ("age_or_more_min", _a("Vision screening in older drivers", "We enrolled 330 drivers aged 70 years or more.")),
    ("age_or_more_excluded", _a("Vision screening in drivers", "We enrolled 330 drivers; those aged 70 years or more "
                                "were excluded.")),
    ("age_mean_and_or_more", _a("Vision screening in older drivers", "We enrolled 330 drivers aged 70 years or more; "
                                "their mean age was 76 years.")),
    ("age_older_than_min", _a("Hip protectors in nursing homes", "We enrolled 450 residents older than 80 years.")),
    ("age_younger_than_excluded", _a("Knee surgery outcomes", "We enrolled 210 adults aged 18 to 65 years; those "
                                     "younger than 18 were not eligible.")),
    ("age_on_average_children_of", _a("Maternal depression and infant sleep", "We interviewed 200 mothers; their "
                                      "infants were 2 years old on average.")),
    ("age_on_average_people", _a("Exercise in older adults", "The 150 participants were 71.4 years old on average.")),
    ("age_were_range", _a("Acne in students", "We surveyed 400 students. They were 18 to 24 years old.")),
    ("age_were_range_at_exposure", _a("Childhood lead and later IQ", "The 300 children were 1 to 3 years old when "
                                      "exposed; they were tested at 10 years.")),
    ("age_at_diagnosis_mean", _a("Crohn disease in a register", "We studied 520 patients; mean age at diagnosis was 31 years.")),
    ("age_onset_then_range", _a("Migraine in adolescents", "We enrolled 120 adolescents aged 12-17 years; median age "
                                "at onset was 10 years.")),
    ("age_bands_results", _a("Flu vaccine uptake", "We surveyed 2,000 adults aged 18 years or older.",
                             "Uptake was lower among those younger than 65 years than among those aged 65 or over.")),
    # --- dose and schedule arms ---
    ("dose_two_arms", _a("Vitamin D doses in older adults", "Adults were randomly assigned to cholecalciferol 800 or "
                         "2000 IU daily.")),
    ("dose_escalation_single_arm", _a("Drug Y in advanced melanoma: a phase 1 dose-escalation study", "Patients "
                                      "received drug Y 100 or 200 mg daily in successive cohorts; there was no control "
                                      "group.")),
    ("dose_by_renal_function_cohort", _a("Apixaban in older adults with atrial fibrillation: a cohort", "We followed "
                                         "900 adults who took apixaban 5 or 2.5 mg twice daily according to kidney "
                                         "function.")),
    ("dose_by_renal_vs_warfarin", _a("Apixaban or warfarin in frail adults", "Adults were randomly assigned to "
                                     "apixaban (5 or 2.5 mg twice daily by kidney function) or warfarin.")),
    ("dose_rescue_in_both_arms", _a("Physiotherapy for knee pain", "Adults were randomly assigned to physiotherapy or "
                                    "usual care; either group could take paracetamol 500 or 1000 mg as needed.")),
    ("dose_pair_plus_placebo", _a("Drug Z for migraine", "Adults were randomly assigned to drug Z (50 or 100 mg) or "
                                  "placebo.")),
    ("dose_deescalation", _a("Reduced-dose aspirin after stenting", "Patients were randomly assigned to continue "
                             "aspirin 300 or reduce to 75 mg daily.")),
    ("dose_low_noninferior", _a("Low-dose versus standard-dose methotrexate: a noninferiority trial",
                                "Adults were randomly assigned to methotrexate 7.5 or 15 mg weekly.")),
    ("freq_same_total", _a("Once or twice daily dosing of drug W", "Patients were randomly assigned to the same total "
                           "daily dose of drug W given once daily or twice daily.")),
    ("freq_extended_interval", _a("Extended interval dosing of natalizumab", "Patients were randomly assigned to "
                                  "natalizumab every 4 weeks or every 6 weeks.")),
    ("rt_hypofractionation", _a("Hypofractionated radiotherapy for prostate cancer", "Men were randomly assigned to "
                                "60 Gy in 20 fractions or 74 Gy in 37 fractions.")),
    ("rt_single_fraction", _a("Single-fraction radiotherapy for painful bone metastases", "Patients were randomly "
                              "assigned to 8 Gy in 1 fraction or 30 Gy in 10 fractions.")),
    ("dose_equal", _a("Two brands of levothyroxine", "Patients were randomly assigned to levothyroxine 100 or 100 "
                      "micrograms from another maker.")),
    ("dose_volumes_sampled", _a("Blood sampling in neonates", "Neonates were randomly assigned to a heel prick or "
                                "venepuncture; 0.5 or 1 ml of blood was taken.")),
    ("dose_in_objective_only", _a("Iron in pregnancy", "Women with anaemia were randomly assigned to iron or placebo.",
                                  "Those who took 60 or 120 mg of iron had higher haemoglobin.")),
    ("freq_in_two_drugs", _a("Inhaled steroids in asthma", "Children were randomly assigned to budesonide twice daily "
                             "or montelukast once daily.")),
    # --- bracketed labels ---
    ("label_two_neither_control", _a("Fluids in sepsis", "Adults were randomly assigned to 30 ml/kg (early bolus) or "
                                     "fluids as needed (late bolus).")),
    ("label_abbrev_like", _a("Surgery in hernia", "Patients were randomly assigned to mesh repair (open technique) or "
                             "laparoscopic repair (keyhole technique).")),
    ("label_not_arms", _a("Exercise in heart failure", "Patients were randomly assigned to exercise or usual care "
                          "(both groups) after discharge (in hospital).")),
    # --- "is B necessary?" ---
    ("necessary_drain", _a("Is a drain necessary after thyroidectomy?", "Patients were randomly assigned to a drain "
                           "or no drain.")),
    ("necessary_other_order", _a("Is a drain necessary after thyroidectomy?", "Patients were randomly assigned to no "
                                 "drain or a drain.")),
    ("necessary_not_about_arms", _a("Is antibiotic prophylaxis necessary in clean surgery?", "Patients were randomly "
                                    "assigned to cefazolin or no cefazolin.")),
    ("necessary_statement", _a("Drains are necessary after thyroidectomy: a randomised trial", "Patients were "
                               "randomly assigned to a drain or no drain.")),
    # --- title "X and Y" exposures ---
    ("title_and_statin", _a("Statin use and dementia in older adults: a cohort", "We followed 40,000 adults for ten years.")),
    ("title_and_two_conditions", _a("Diabetes and dementia in older adults: a cohort", "We followed 40,000 adults for ten years.")),
    ("title_and_diet", _a("Diet and dementia in older adults: a cohort", "We followed 40,000 adults for ten years.")),
    ("title_and_income", _a("Income and cancer survival: a cohort", "We followed 40,000 adults for ten years.")),
    ("title_and_rct", _a("Aspirin and dementia in older adults: a randomised trial", "Adults were randomly assigned "
                         "to aspirin or placebo.")),
    ("title_and_air", _a("Air pollution and asthma in children: a cohort", "We followed 4,000 children for ten years.")),
    ("title_and_surgery_outcome", _a("Bariatric surgery and fracture risk: a cohort", "We followed 12,000 adults for "
                                     "ten years.")),
    # --- N ---
    ("n_stopped_early", _a("Drug V in sepsis", "The trial stopped after 1200 of a planned 2000 adults had been "
                           "randomised.")),
    ("n_questionnaire_subset", _a("Sleep in nurses: a cohort", "We enrolled 3,000 nurses; 450 nurses later "
                                  "completed a follow-up questionnaire.")),
    ("n_and_were_excluded", _a("Gallstones", "Adults with gallstones were screened, and 40 were excluded.")),
    ("n_cases_controls", _a("Risk factors for hip fracture", "We studied 300 patients with hip fracture, 200 women "
                            "and 100 men, and 600 controls.")),
    ("n_after_time_clause", _a("Heat illness in soldiers", "During July 2019, three soldiers were treated for heat "
                               "stroke at one hospital.")),
    ("n_after_time_clause_results", _a("Heat illness in soldiers: a cohort", "We followed 2,400 soldiers for one year.",
                                       "During July, three soldiers were admitted with heat stroke.")),
    # --- design ---
    ("design_matched_in_cohort", _a("Statins and cataract: a cohort", "Each patient was matched with four controls "
                                   "of the same age, and all were followed for ten years.")),
    ("design_matched_trial", _a("Drug U in sepsis", "Patients were randomly assigned to drug U or placebo; for each "
                               "patient a control of the same sex was drawn from the register.")),
    ("design_series_with_comparison", _a("Heat stroke", "Between May and July, five soldiers were treated with cold "
                                         "water and compared with earlier soldiers.")),
    ("design_repeated_cross_sectional", _a("Smoking in teenagers", "We ran a survey of 3,000 teenagers in 2010 and a "
                                           "new survey in 2015.")),
    ("design_resurvey_followed", _a("Smoking in teenagers", "We ran a survey of 3,000 teenagers; the same teenagers "
                                    "were surveyed again after 2 years.")),
    ("design_sensitivity_analysis", _a("Statins and cataract: a cohort", "We followed 9,000 adults.", "A sensitivity "
                                       "analysis gave a specificity of the finding.")),
    ("design_specificity_in_trial", _a("Drug T for urinary infection", "Women were randomly assigned to drug T or "
                                       "placebo.", "The dipstick had a specificity of 80% for infection.")),
    # --- blinding ---
    ("blind_readers_open_label", _a("Drug S in heart failure: an open-label trial", "Patients were randomly assigned "
                                    "to drug S or usual care; the echo readers were unaware of group.")),
    ("blind_readers_not", _a("Capsule versus colonoscopy", "We studied 200 adults; the endoscopists were not blinded "
                             "to capsule findings.")),
    # --- conditions ---
    ("cond_vaccine", _a("Influenza vaccination in older adults", "We followed 8,000 adults who had influenza "
                        "vaccination.")),
    ("cond_screened_with_disease", _a("Colorectal cancer screening outcomes", "We studied 500 patients with "
                                      "colorectal cancer found by screening.")),
]
