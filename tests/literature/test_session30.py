"""Session 30 (issue 15): ranked outcomes named only with their result, factorial trials of two active pairs,
duration arms, a review's placebo comparator, and the causes of the misses of blind_s29 (dev since session 30):
N forms, % women forms, ages, blinding in words, designs, a case-control study's exposures, a dose's timing. Own
sentences only, one table row per case; each rule has its opposite case (a neighbour one word away that keeps its
old reading)."""

from __future__ import annotations

import pytest


def _field(result, field: str):
    p, pop = result.pico, result.pico.population
    return {
        "I": lambda: [i.text.lower() for i in p.interventions],
        "C": lambda: [i.text.lower() for i in p.comparators],
        "I_inferred": lambda: ["inferred" in (i.detail or "") for i in p.interventions + p.comparators],
        "O1": lambda: [o.text.lower() for o in p.outcomes_primary],
        "O2": lambda: [o.text.lower() for o in p.outcomes_secondary],
        "n": lambda: pop.n,
        "female": lambda: (pop.sex or {}).get("female_pct"),
        "age": lambda: {k: v for k, v in pop.age.items() if k in ("stat", "value", "low", "high")} or None,
        "design": lambda: result.design.kind,
        "blinding": lambda: result.design.blinding or None,
    }[field]()


CASES = [
    # --- 1. primary outcomes told only in the results ---
    ("results-appositive", "Ticagrelor after hip fracture surgery\nMETHODS: We randomly assigned 1200 adults to "
     "ticagrelor or placebo for 30 days. RESULTS: The primary outcome, myocardial injury after surgery, occurred in 8.1% "
     "and 10.4% (hazard ratio 0.77, 95% CI 0.60 to 0.99).", "O1", ["myocardial injury after surgery"]),
    ("results-for-the-end-point-of", "Early mobilisation after knee replacement\nMETHODS: 400 patients were randomly "
     "assigned to early mobilisation or usual care. RESULTS: For the primary end point of length of hospital stay, the "
     "mean difference was -1.2 days (95% CI -1.8 to -0.6).", "O1", ["length of hospital stay"]),
    ("results-bracket", "Telemonitoring of blood pressure\nWe randomised 622 adults with hypertension to "
     "telemonitoring or usual care. The primary outcome (systolic pressure at 12 months) fell more with telemonitoring "
     "(difference -5.1 mm Hg, 95% CI -7.2 to -3.0). Adverse events were rare.", "O1", ["systolic pressure at 12 months"]),
    ("results-secondary-too", "Zinc for colds\nMETHODS: 300 adults were randomised to zinc or placebo. RESULTS: The "
     "secondary outcome, days off work, was 2.1 and 2.9 (p = 0.03).", "O2", ["days off work"]),
    # opposite: the methods statement wins over a results mention; a result with no name is no outcome
    ("methods-statement-wins", "Iron for anaemia\nMETHODS: 200 women were randomised to iron or placebo. The primary "
     "outcome was haemoglobin at 12 weeks. RESULTS: The primary outcome, anaemia at 6 weeks, occurred in 12% and 20% "
     "(p = 0.04).", "O1", ["haemoglobin at 12 weeks"]),
    ("results-reached-is-no-name", "Steroids in septic shock\nMETHODS: Patients were randomly assigned to "
     "hydrocortisone or placebo. RESULTS: The primary outcome was reached by 30% and 33% (p = 0.4).", "O1", []),
    ("results-of-this-trial-is-no-name", "Steroids in pneumonia\nMETHODS: Adults were randomly assigned to "
     "prednisone or placebo. RESULTS: For the primary outcome of this trial, 12% and 15% had died (p = 0.3).", "O1", []),
    ("no-figures-stays-methods-form", "Gel for burns\nMETHODS: 80 children were randomised to gel or dressing. The "
     "primary outcome, time to healing, was recorded daily by nurses. RESULTS: Healing was faster with gel.", "O1", []),
    # an outcome detail after the name and a colon list joined by semicolons
    ("participle-detail-dropped", "Splints for wrist pain\nMETHODS: 150 adults were randomised to a splint or advice. "
     "The primary outcome was pain on movement, scored from 0 to 100. RESULTS: Pain fell more with the splint.", "O1",
     ["pain on movement"]),
    ("participle-keeps-time", "Early peanut in infants\nMETHODS: 300 infants were randomised to eat egg or avoid it. The "
     "primary outcome was egg allergy, confirmed by a food challenge, at 5 years of age. RESULTS: Allergy was rarer.",
     "O1", ["egg allergy at 5 years of age"]),
    ("colon-semicolon-list", "Planned birth methods\nMETHODS: 900 women were randomised to planned induction or "
     "expectant care. There were two primary outcomes: neonatal death, or serious neonatal illness, up to 4 weeks; and "
     "maternal infection over the same period. RESULTS: Outcomes were similar.", "O1",
     ["neonatal death, or serious neonatal illness, up to 4 weeks", "maternal infection over the same period"]),
    ("among-the-secondary", "Beta-blockers before surgery\nMETHODS: Adults were randomised to bisoprolol or placebo. "
     "The primary outcome was cardiac death at 30 days; stroke, delirium and kidney injury were among the secondary "
     "outcomes. RESULTS: Deaths were few.", "O2", ["stroke", "delirium", "kidney injury"]),
    ("heading-semicolon-list", "Vitamins for the eye\nDESIGN: Randomised trial. MAIN OUTCOME MEASURES: Progression to "
     "late glaucoma; a loss of visual field of 5 decibels or more from baseline. RESULTS: Progression was slower.", "O1",
     ["progression to late glaucoma", "a loss of visual field of 5 decibels or more from baseline"]),
    # --- 2. factorial trials of two active pairs ---
    ("factorial-two-active-pairs", "Anticoagulation and rhythm in atrial fibrillation: a factorial trial\nMETHODS: In "
     "a 2x2 factorial design, 3000 patients were randomly assigned to apixaban or warfarin, and to rhythm control or "
     "rate control. RESULTS: Stroke was rare.", "I", ["apixaban", "rhythm control"]),
    ("factorial-two-active-pairs-comparators", "Anticoagulation and rhythm in atrial fibrillation: a factorial trial\n"
     "METHODS: In a 2x2 factorial design, 3000 patients were randomly assigned to apixaban or warfarin, and to rhythm "
     "control or rate control. RESULTS: Stroke was rare.", "C", ["warfarin", "rate control"]),
    ("factorial-colon-and-shared-head", "Oxygen and fluids in sepsis\nMETHODS: 2-by-2 factorial trial: conservative "
     "versus liberal oxygen, and restrictive versus liberal fluids, in 1500 adults. RESULTS: Mortality was similar.",
     "C", ["liberal oxygen", "liberal fluids"]),
    ("factorial-placebo-pairs-unchanged", "Two supplements in pregnancy: a factorial trial\nMETHODS: In a factorial "
     "design, 800 women were randomly assigned to iron or placebo and to zinc or placebo. RESULTS: Anaemia fell.", "C",
     ["placebo"]),
    ("not-factorial-keeps-first-pair", "Apixaban or warfarin after valve repair\nMETHODS: 600 patients were randomly "
     "assigned to apixaban or warfarin, and to early or late review. RESULTS: Bleeding was similar.", "C", ["warfarin"]),
    # --- 3. duration arms ---
    ("duration-continue-or-stop", "Short antibiotic courses for pneumonia in children\nMETHODS: Children improving "
     "on day 5 were randomly assigned to continue amoxicillin for 10 days or stop at 5 days. RESULTS: Failure was "
     "similar.", "I", ["amoxicillin for 5 days"]),
    ("duration-continue-or-stop-comparator", "Short antibiotic courses for pneumonia in children\nMETHODS: Children "
     "improving on day 5 were randomly assigned to continue amoxicillin for 10 days or stop at 5 days. RESULTS: Failure "
     "was similar.", "C", ["amoxicillin for 10 days"]),
    ("duration-marked-inferred", "Short antibiotic courses for pneumonia in children\nMETHODS: Children improving on "
     "day 5 were randomly assigned to continue amoxicillin for 10 days or stop at 5 days. RESULTS: Failure was similar.",
     "I_inferred", [True, True]),
    ("duration-stop-or-continue", "Stopping antibiotics in pyelonephritis\nMETHODS: Women were randomised to stop "
     "ciprofloxacin after 7 days or continue it for 14 days. RESULTS: Cure was similar.", "C", ["ciprofloxacin for 14 days"]),
    ("duration-listed", "Cellulitis courses\nMETHODS: 248 adults were randomly allocated to flucloxacillin for 5 or 10 "
     "days. RESULTS: Cure was similar.", "I", ["flucloxacillin for 5 days"]),
    ("duration-extended-aim", "Extended anticoagulation after pulmonary embolism\nMETHODS: Adults were randomised to "
     "warfarin for 6 or 18 months. RESULTS: Recurrence was lower.", "I", ["warfarin for 18 months"]),
    ("follow-up-is-no-duration-arm", "Inhaled steroid in mild asthma\nMETHODS: Adults with asthma were randomly "
     "assigned to budesonide or placebo and followed for 6 or 12 months. RESULTS: Attacks were fewer.", "C", ["placebo"]),
    # --- 4. a review's placebo comparator ---
    ("review-compared-with-placebo", "Statins for primary prevention: a meta-analysis\nMETHODS: We searched databases "
     "for randomised trials comparing statins with placebo in adults. RESULTS: Statins reduced events (RR 0.75, 95% CI "
     "0.70 to 0.81).", "C", ["placebo"]),
    ("review-placebo-controlled", "Antidepressants in back pain: systematic review and meta-analysis\nOBJECTIVE: To "
     "assess antidepressants for back pain. DESIGN: Systematic review and meta-analysis of placebo-controlled trials. "
     "RESULTS: Pain fell slightly (MD -4, 95% CI -7 to -1).", "C", ["placebo"]),
    ("review-of-placebo-response", "The placebo response in trials of antidepressants: a meta-analysis\nMETHODS: We "
     "pooled trials of antidepressants against placebo. RESULTS: The placebo response grew over time (RR 1.2, 95% CI 1.1 "
     "to 1.3).", "C", []),
    ("review-usual-care-no-placebo", "Exercise for depression: a meta-analysis\nMETHODS: We pooled randomised trials "
     "of exercise against usual care in adults with depression. RESULTS: Symptoms improved (SMD -0.6, 95% CI -0.8 to "
     "-0.4).", "C", []),
    # --- blind_s29 causes: N ---
    ("n-year-like-count", "Caesarean for twins\nMETHODS: We randomised 2088 women with twin pregnancies. RESULTS: "
     "Outcomes were similar.", "n", 2088),
    ("n-year-stays-a-year", "Falls in care homes\nMETHODS: In 2005 residents of 40 homes were enrolled. We studied 360 "
     "residents. RESULTS: Falls were common.", "n", 360),
    ("n-arms-make-the-whole", "Tranexamic acid in hip surgery\nMETHODS: Adults were randomised. RESULTS: Of 3100 "
     "patients, 1549 were allocated tranexamic acid and 1551 placebo. Bleeding fell.", "n", 3100),
    ("n-each-arm", "Oral antibiotics for abscess\nMETHODS: Randomised trial. RESULTS: Of 820 participants, 410 were "
     "assigned to each route, and follow-up was complete. Cure was similar.", "n", 820),
    ("n-funnel-keeps-its-step", "Vitamin D in asthma\nMETHODS: Randomised trial. RESULTS: Of 900 patients, 600 were "
     "randomised and 150 were excluded. Attacks were fewer.", "n", 600),
    ("n-events-are-no-people", "Surgery for obesity\nMETHODS: Cohort study of 3100 obese adults. RESULTS: Over 8 years, "
     "90 controls and 61 operated subjects died. Mortality was lower.", "n", 3100),
    ("n-cases-and-control-people", "Statins in pregnancy and cleft lip\nIn a case-control study we enrolled 250 mothers "
     "whose infants had a cleft lip and 700 control mothers and their infants. Statins were rare.", "n", 950),
    ("n-compared-long", "Hormones and migraine\nIn a case-control study we compared 140 women aged 20 to 45 years who "
     "had migraine with aura, confirmed by a neurologist, with 210 women of the same ages. Use was commoner.", "n", 350),
    ("n-respondents-of-a-mailing", "Burnout in surgeons\nA questionnaire was posted to 6,200 surgeons in one country, "
     "and 4100 of them (66%) replied. Burnout was common.", "n", 4100),
    ("n-census-count-not-villages", "Mass ivermectin for children\nMETHODS: Villages were randomised. RESULTS: 420 "
     "villages were randomised, and the census counted 52 300 children. Deaths fell.", "n", 52300),
    ("n-series-described", "First cases of a new fever\nIn March a new fever appeared. We describe the first 28 patients "
     "admitted to one hospital. Most had a rash (70%).", "n", 28),
    ("n-count-after-aged-is-no-people", "Diet and heart disease\nMETHODS: Men aged 55 to 80 years and women aged 60 to "
     "80 years who had diabetes were assigned to one of two diets. RESULTS: We included 5100 participants. Events "
     "were fewer.", "n", 5100),
    # --- blind_s29 causes: % women, age, blinding, design ---
    ("female-percent-word", "Kidney function and death\nWe followed 90,000 adults of one health system. Their mean age "
     "was 50 years and 48 percent were women. Death rose as function fell.", "female", 48.0),
    ("female-of-them", "Eye vitamins\nDESIGN: Randomised trial. PARTICIPANTS: 2100 people aged 60 to 80 years, 58% of "
     "them women, with early disease. RESULTS: Progression slowed.", "female", 58.0),
    ("women-and-their-infants-not-one-sex", "SSRIs and newborn lungs\nIn a case-control study we enrolled 300 women "
     "whose infants had respiratory distress and 600 control women and their infants. Exposure was commoner.",
     "female", None),
    ("women-alone-one-sex", "Breech birth\nMETHODS: We randomised 1200 women with a breech baby to planned caesarean "
     "or planned vaginal birth. RESULTS: Outcomes differed.", "female", 100.0),
    ("age-band-in-months-not-years", "Peanut in infants\nMETHODS: We randomly assigned 500 infants aged between 4 and 11 "
     "months to eat peanut or avoid it. RESULTS: Allergy was rarer.", "age", None),
    ("age-band-in-years-kept", "Sport injuries\nMETHODS: We randomly assigned 500 children aged between 4 and 11 years "
     "to a warm-up or none. RESULTS: Injuries were fewer.", "age", {"stat": "range", "low": 4.0, "high": 11.0}),
    ("age-or-older-of-age", "Beta-blockers before surgery\nMETHODS: Patients 50 years of age or older were randomised "
     "to bisoprolol or placebo. RESULTS: Deaths were few.", "age", {"stat": "min", "low": 50.0}),
    ("age-who-were", "HPV vaccine and cancer\nMETHODS: We followed 900,000 girls and women who were 12 to 28 years old "
     "in the registers. RESULTS: Cancer was rarer.", "age", {"stat": "range", "low": 12.0, "high": 28.0}),
    ("blinding-neither-nor-knew", "Statin before surgery\nMETHODS: Adults were randomised to statin or placebo. Neither "
     "the patients nor the clinicians caring for them knew which tablets were given. RESULTS: Events were few.",
     "blinding", "double-blind"),
    ("blinding-neither-nor-blinded-is-open", "Surgery or splint\nMETHODS: Adults were randomised to surgery or a "
     "splint. Neither the patients nor the surgeons were blinded. RESULTS: Function was similar.", "blinding", "open-label"),
    ("blinding-readers-did-not-know", "Ultrasound and CT for appendicitis\nMETHODS: Each child had ultrasound and CT. "
     "The scans were reported independently, each by radiologists who did not know the results of the other test. "
     "RESULTS: Ultrasound missed some cases.", "blinding", "single-blind"),
    ("design-reference-test", "Two tests for gout\nMETHODS: Each patient had ultrasound and dual-energy CT, with joint "
     "aspiration as the reference test. RESULTS: Ultrasound was more sensitive than CT (90% against 70%).", "design",
     "diagnostic_accuracy"),
    ("design-nonrandomised-intervention", "Surgery for obesity\nSTUDY DESIGN: Prospective, controlled, "
     "non-randomised intervention study of 3100 obese adults. RESULTS: Mortality was lower.", "design",
     "nonrandomised_trial"),
    ("design-review-pooling-is-meta", "Steroids before preterm birth\nSearch methods: We searched the Cochrane trials "
     "register.\nMain results: Twelve studies were included. Steroids lowered neonatal death (relative risk 0.70, 95% "
     "CI 0.58 to 0.84; 10 studies, 2900 infants).", "design", "meta_analysis"),
    ("design-review-without-pooling-stays", "Steroids before preterm birth\nSearch methods: We searched the Cochrane "
     "trials register.\nMain results: Twelve studies were included. Most found fewer neonatal deaths, but none pooled "
     "their data.", "design", "systematic_review"),
    # --- blind_s29 causes: arms ---
    ("case-control-exposure-is-no-arm", "Antibiotics in pregnancy and childhood asthma\nIn a case-control study we "
     "compared 300 children with asthma with 600 children without it from the same practices. Mothers of cases had more "
     "often taken amoxicillin in pregnancy (odds ratio 1.4, 95% CI 1.1 to 1.8).", "I", []),
    ("cohort-exposure-stays", "Amoxicillin in pregnancy and childhood asthma\nIn a cohort study we followed 9000 "
     "children whose mothers had or had not taken amoxicillin in pregnancy. Asthma was commoner after exposure (hazard "
     "ratio 1.3, 95% CI 1.1 to 1.6).", "I", ["amoxicillin"]),
    ("dose-timing-is-no-arm", "Bisoprolol before surgery\nMETHODS: Adults were randomly assigned to bisoprolol or to "
     "a matching placebo, the first dose taken 3 hours before the operation. RESULTS: Deaths were few.", "I",
     ["bisoprolol"]),
]


@pytest.mark.parametrize("text,field,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_session30(read, text, field, expected):
    assert _field(read(text)[0], field) == expected
