"""Session 30 review of lit30 (issue 15, helper litrev30): the wrong readings the review's probes found, each with its
opposite case (a neighbour one word away that keeps its reading). Own sentences only; one table row per case."""

from __future__ import annotations

import pytest

from tests.literature.test_session30 import _field

_RCT = "Spironolactone in heart failure\nMETHODS: We randomly assigned 600 adults with heart failure to spironolactone " \
       "or placebo.\nRESULTS: "

CASES = [
    # --- a results sentence's ranked outcome: what stands in the name's place is often no name ---
    ("res-however", _RCT + "The primary outcome, however, did not differ between the groups (p = 0.41).", "O1", []),
    ("res-adjusted-for", _RCT + "The primary outcome, adjusted for age and sex, was 20% lower (95% CI 5 to 33%).",
     "O1", []),
    ("res-adjusted-name-kept", _RCT + "The primary outcome, adjusted mortality, was lower with spironolactone (hazard "
     "ratio 0.8, 95% CI 0.7 to 0.95).", "O1", ["adjusted mortality"]),
    ("res-at-time", _RCT + "The primary outcome, at 12 months, occurred in 30 patients (10%) and 45 patients (15%).",
     "O1", []),
    ("res-in-both-groups", _RCT + "The primary outcome, in both groups, was rare (2% and 3%; p = 0.5).", "O1", []),
    ("res-in-hospital-kept", _RCT + "The primary outcome, in-hospital death, occurred in 4% and 6% (p = 0.2).", "O1",
     ["in-hospital death"]),
    ("res-per-protocol-population", _RCT + "For the primary outcome, in the per-protocol population, 11% and 16% had "
     "an event (p = 0.03).", "O1", []),
    ("res-those-given", _RCT + "For the primary outcome, those given spironolactone fared better, with a hazard ratio "
     "of 0.78 (95% CI 0.62 to 0.98).", "O1", []),
    ("res-all-cause-kept", _RCT + "The primary outcome, all-cause death, occurred in 9% and 12% (p = 0.04).", "O1",
     ["all-cause death"]),
    ("res-overall-survival-kept", _RCT + "The primary outcome, overall survival, was longer (hazard ratio 0.71, 95% CI "
     "0.58 to 0.87).", "O1", ["overall survival"]),
    ("res-which-was", _RCT + "The primary outcome, which was death from any cause, occurred in 9% and 12% (p = 0.04).",
     "O1", ["death from any cause"]),
    ("res-bracket-table", _RCT + "The primary outcome (Table 2) occurred in 9% and 12% (p = 0.04).", "O1", []),
    ("res-bracket-count", _RCT + "The primary outcome (n = 84 events) was less frequent (p = 0.02).", "O1", []),
    ("res-bracket-itt", _RCT + "The primary outcome (intention-to-treat analysis) favoured spironolactone (hazard ratio "
     "0.8, 95% CI 0.66 to 0.97).", "O1", []),
    ("res-bracket-name-kept", _RCT + "The primary outcome (death or admission) fell with spironolactone (hazard ratio "
     "0.8, 95% CI 0.66 to 0.97).", "O1", ["death or admission"]),
    ("res-of-interest", _RCT + "The primary outcome of interest, stroke, occurred in 2% and 3% (p = 0.3).", "O1",
     ["stroke"]),
    ("res-of-the-study-was", _RCT + "The primary outcome of the study was mortality at 1 year, which was 12% and 15% "
     "(p = 0.2).", "O1", ["mortality at 1 year"]),
    ("res-of-the-trial-occurred-no-name", _RCT + "The primary outcome of the trial occurred in 9% and 12% (p = 0.04).",
     "O1", []),
    ("methods-of-the-study-was", "Spironolactone in heart failure\nMETHODS: We randomly assigned 600 adults to "
     "spironolactone or placebo. The primary outcome of the study was death from any cause at one year.\nRESULTS: "
     "Deaths were few.", "O1", ["death from any cause at one year"]),
    ("participle-as-rated-keeps-time", "Splints for thumb pain\nMETHODS: We randomly assigned 120 adults to a splint "
     "or advice. The primary outcome was pain, as rated by the patient on a 10-point scale, at 6 weeks.\nRESULTS: Pain "
     "fell.", "O1", ["pain at 6 weeks"]),
    # --- factorial pairs: a colon after outcomes opens no arms; articles and compounds of the levels ---
    ("factorial-colon-after-outcomes", "Vitamin D and exercise for falls: a factorial trial\nMETHODS: In a factorial "
     "trial, 500 older adults were randomly assigned to vitamin D, exercise, both, or neither. Co-primary outcomes: "
     "falls or fractures, and pain or disability at 12 months.\nRESULTS: Falls were similar.", "C", []),
    ("factorial-colon-after-interventions", "Oxygen and fluids after surgery\nMETHODS: Design: 2x2 factorial. "
     "Interventions: high versus low oxygen, and restrictive versus liberal fluids, in 2000 adults.\nRESULTS: Deaths "
     "were similar.", "C", ["low oxygen", "liberal fluids"]),
    ("factorial-article-level", "Antibiotics for bone infection: a factorial trial\nMETHODS: In a 2x2 factorial trial, "
     "adults were randomly assigned to oral or intravenous antibiotics, and to a short or long course.\nRESULTS: Cure "
     "was similar.", "I", ["oral antibiotics", "short course"]),
    ("factorial-compound-levels", "Tranexamic acid and pressure targets: a factorial trial\nMETHODS: In a 2x2 factorial "
     "design, 3000 adults were randomly assigned to tranexamic acid or placebo, and to a hypotension-avoidance or "
     "hypertension-avoidance strategy.\nRESULTS: Bleeding fell.", "I",
     ["tranexamic acid", "hypotension-avoidance strategy"]),
    ("factorial-noun-levels-unchanged", "Knee surgery and braces: a factorial trial\nMETHODS: In a 2x2 factorial trial, "
     "300 adults were randomly assigned to surgery or physical therapy, and to a brace or no brace.\nRESULTS: Function "
     "was similar.", "C", ["physical therapy", "no brace"]),
    # --- duration arms: years; "N days or N days of X"; two treatments given for as long are no course of one ---
    ("duration-years", "Tamoxifen after breast cancer\nMETHODS: Women who had taken tamoxifen for 5 years were randomly "
     "assigned to continue tamoxifen to 10 years or stop at 5 years.\nRESULTS: Recurrence was lower.", "C",
     ["tamoxifen for 10 years"]),
    ("duration-listed-years", "Bisphosphonate duration\nMETHODS: Women were randomly assigned to alendronate for 5 or 10 "
     "years.\nRESULTS: Fractures were similar.", "I", ["alendronate for 5 years"]),
    ("duration-days-of", "Short courses for pneumonia\nMETHODS: Children were randomly assigned to 3 days or 7 days of "
     "amoxicillin.\nRESULTS: Failure was similar.", "I", ["amoxicillin for 3 days"]),
    ("duration-months-of-follow-up-no-arm", "Exercise in older adults\nMETHODS: Adults were randomly assigned to "
     "exercise or usual care, with 6 months or 12 months of follow-up.\nRESULTS: Falls were fewer.", "C",
     ["usual care"]),
    ("duration-two-treatments-for", "Antiplatelets after stenting\nMETHODS: Adults were randomly assigned to aspirin or "
     "clopidogrel for 6 or 12 months.\nRESULTS: Bleeding was similar.", "C", ["clopidogrel"]),
    ("duration-one-treatment-for", "Antiplatelets after stenting\nMETHODS: Adults were randomly assigned to clopidogrel "
     "for 6 or 12 months.\nRESULTS: Bleeding was similar.", "C", ["clopidogrel for 12 months"]),
    ("duration-placebo-for", "Aspirin in older adults\nMETHODS: Adults aged 70 or more were randomly assigned to "
     "aspirin or placebo for 2 or 3 years, as they joined.\nRESULTS: Events were similar.", "C", ["placebo"]),
    # --- a review's placebo: trials against placebo that were excluded are no comparator ---
    ("review-placebo-excluded-after", "Head to head antidepressants: a systematic review\nMETHODS: We included trials "
     "comparing two antidepressants; trials comparing an antidepressant with placebo were excluded.\nRESULTS: "
     "Sertraline was better tolerated (RR 0.8, 95% CI 0.7 to 0.9).", "C", []),
    ("review-placebo-excluded-before", "Two statins compared: a meta-analysis\nMETHODS: We excluded trials comparing "
     "statins with placebo and pooled trials comparing two statins.\nRESULTS: Events were similar (RR 0.95, 95% CI 0.8 "
     "to 1.1).", "C", []),
    ("review-other-trials-excluded-keeps-placebo", "Statins for prevention: a meta-analysis\nMETHODS: We excluded "
     "crossover trials and pooled trials comparing statins with placebo.\nRESULTS: Events fell (RR 0.75, 95% CI 0.7 to "
     "0.8).", "C", ["placebo"]),
    # --- N ---
    ("n-allocated-count-after-long-clause", "Diet in pregnancy\nMETHODS: Of the 4000 women who attended the clinic "
     "during the five-year period, mostly first-time mothers referred by their midwives for weight gain and tiredness "
     "at booking, 350 were randomized.\nRESULTS: Weight gain was similar.", "n", 350),
    ("n-long-clause-no-later-count", "Diet in pregnancy\nMETHODS: Overall, 2400 women who had been screened at 12 "
     "antenatal clinics between 2010 and 2014, and who met all entry criteria for the trial, were randomized.\nRESULTS: "
     "Weight gain was similar.", "n", 2400),
    ("n-survey-year-is-a-year", "Smoking in teenagers\nMETHODS: Data from the 2016 survey participants were analysed."
     "\nRESULTS: Smoking fell.", "n", None),
    ("n-year-like-count-kept", "Vitamin D in children\nMETHODS: We enrolled 2015 children from 40 schools.\nRESULTS: "
     "Levels rose.", "n", 2015),
    ("n-responded-to-treatment", "Ketamine for depression\nMETHODS: We enrolled 300 adults with depression and gave "
     "each ketamine.\nRESULTS: After 8 weeks, 120 of them responded to treatment (40%).", "n", 300),
    ("n-responded-to-the-survey", "Burnout in nurses\nMETHODS: A questionnaire was sent to 3000 nurses.\nRESULTS: In "
     "all, 2100 of them responded to the survey (70%).", "n", 2100),
    ("n-groups-with-events", "Surgery for obesity\nMETHODS: We followed 2000 obese adults, half of them operated.\n"
     "RESULTS: Over 10 years, 60 patients and 40 controls developed diabetes.", "n", 2000),
    ("n-cases-and-controls-enrolled", "Diet and gout: a case-control study\nMETHODS: We enrolled 60 patients with gout "
     "and 120 controls from the same practices.\nRESULTS: Meat was commoner.", "n", 180),
    # --- blinding said with "neither ... nor ... knew": of the allocation, not of a test's result ---
    ("blinding-knew-test-results", "Genetic testing before warfarin\nMETHODS: We randomly assigned 400 adults to "
     "genotype-guided or standard dosing. Neither the patients nor the doctors knew the genotype results in the "
     "standard group.\nRESULTS: Bleeding was similar.", "blinding", None),
    ("blinding-knew-which-treatment", "Statin before surgery\nMETHODS: We randomly assigned 400 adults to atorvastatin "
     "or placebo. Neither the patients nor the doctors knew which treatment was given.\nRESULTS: Events were few.",
     "blinding", "double-blind"),
    ("blinding-aware-of-group-assignment", "Statin before surgery\nMETHODS: We randomly assigned 400 adults to "
     "atorvastatin or placebo. Neither the participants nor the nurses were aware of group assignment.\nRESULTS: Events "
     "were few.", "blinding", "double-blind"),
    # --- design: "more sensitive than" of people is no accuracy study ---
    ("design-people-more-sensitive", "Pain after surgery in women and men\nMETHODS: In a cross-sectional study of 600 "
     "adults after surgery, women were more sensitive than men to pain on movement.\nRESULTS: Pain was common.",
     "design", "cross_sectional"),
    ("design-test-more-sensitive", "Ultrasound or X-ray for wrist fracture\nMETHODS: Each child had ultrasound and "
     "X-ray, with CT as the reference.\nRESULTS: Ultrasound was more sensitive than X-ray (92% against 80%).", "design",
     "diagnostic_accuracy"),
]


@pytest.mark.parametrize("text,field,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_review_s30(read, text, field, expected):
    assert _field(read(text)[0], field) == expected
