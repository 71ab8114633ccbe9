"""Session 27 review fixes (issue 15): a reviewer's probes of lit27's readers, as regression tests, each with the
opposite case that must keep working. Guiding rule: never show a share of women, an N or a design that the
abstract does not support; when unsure, read nothing. Own sentences only."""

from __future__ import annotations

import pytest


def _abs(title: str, obj: str, methods: str, results: str, concl: str = "These findings need confirmation.") -> str:
    return f"{title}\nOBJECTIVE: {obj}\nMETHODS: {methods}\nRESULTS: {results}\nCONCLUSIONS: {concl}"


def _read(read, *parts):
    r = read(_abs(*parts))[0]
    sex = r.pico.population.sex
    return r.design.kind, r.pico.population.n, (sex.get("female_pct") if sex else None), r


# --- 1. a count of one sex among responders is a share of the responders, not all of one sex ---

def test_women_among_responders_is_their_share(read):
    _, n, f, _ = _read(read, "Views on influenza vaccination among ward staff", "To assess views.",
                       "A questionnaire went to 120 staff members.", "Of the 40 who responded, 25 were women.")
    assert f == 62.5


def test_all_responders_women_still_read(read):
    _, _, f, _ = _read(read, "Views on influenza vaccination among ward staff", "To assess views.",
                       "We surveyed 60 women working on the wards.", "Most answered every question.")
    assert f == 100.0


# --- 2. one-sex conditions: both sexes' cues, or the condition not the counted people's ---

@pytest.mark.parametrize("title, methods, results", [
    ("Pelvic floor symptoms after hysterectomy or prostatectomy", "We surveyed 300 patients after pelvic surgery.", "Symptoms were common."),
    ("Gonadal tumours in children", "We reviewed 60 patients with ovarian or testicular tumours.", "Most were benign."),
    ("Uptake of HPV vaccine to prevent cervical cancer in schools", "We studied 2,000 adolescents aged 12-13 years offered the vaccine.", "Uptake was 80%."),
    ("Endometriosis-like lesions in colorectal surgery specimens", "We reviewed 500 colorectal resections.", "Lesions were found in 12."),
    ("Incidental prostate findings on abdominal CT in the emergency department", "We reviewed 900 abdominal CT scans of adults.", "Enlargement was reported in 40."),
    ("Pelvic MRI for prostate and rectal cancer staging", "We included 150 patients who had pelvic MRI for rectal or prostate cancer.", "Accuracy was 85%."),
])
def test_one_sex_cue_not_of_the_counted_people_reads_no_share(read, title, methods, results):
    assert _read(read, title, "To describe findings.", methods, results)[2] is None


@pytest.mark.parametrize("title, methods, pct", [
    ("Continence after radical prostatectomy", "A total of 160 patients were studied after radical prostatectomy.", 0.0),
    ("Bleeding after abdominal hysterectomy", "We reviewed 240 patients who had a hysterectomy between 2004 and 2009.", 100.0),
    ("Ovarian torsion in adolescents", "We reviewed 48 adolescents with ovarian torsion.", 100.0),
])
def test_one_sex_condition_of_the_counted_people_still_gives_the_share(read, title, methods, pct):
    assert _read(read, title, "To describe outcomes.", methods, "Outcomes were recorded.")[2] == pct


def test_fournier_gangrene_is_not_one_sex(read):
    _, _, f, _ = _read(read, "Necrotising infection of the perineum", "To describe our experience.",
                       "We describe the features and outcome of 21 patients with Fournier gangrene treated in our unit.", "Six patients died.")
    assert f is None


# --- 3. others counted: parents, children, pupils, readers, specimens, images ---

@pytest.mark.parametrize("title, methods", [
    ("Depression in the antenatal period among expectant parents", "We surveyed 300 expectant parents attending antenatal classes."),
    ("Caesarean section and asthma at school age", "A total of 5,200 schoolchildren were followed from birth; 1,100 were delivered by caesarean section."),
    ("Mammography reading accuracy among radiologists", "Thirty-two radiologists read 200 screening mammograms each."),
    ("Mammographic density: agreement between readers", "Four readers independently rated 500 mammograms."),
    ("Uterine fibroid specimens in a pathology archive", "We examined 300 hysterectomy specimens from the archive."),
    ("Ovarian cyst appearance on ultrasound", "Two raters scored 250 ultrasound images of adnexal masses."),
])
def test_others_counted_read_no_share(read, title, methods):
    assert _read(read, title, "To measure accuracy.", methods, "Results varied.")[2] is None


# --- 4. the small opening count only for a case report or case series, from the methods ---

def test_withdrawals_in_a_trial_are_no_n(read):
    _, n, _, _ = _read(read, "A trial of drug Y in migraine", "To test drug Y.", "Patients were randomised to drug Y or placebo.",
                       "Two patients withdrew because of nausea.")
    assert n is None


def test_two_cases_in_a_registry_cohort_are_no_n(read):
    _, n, _, _ = _read(read, "Statin use and rhabdomyolysis in a national cohort",
                       "To estimate the risk of rhabdomyolysis among statin users in a national database.",
                       "Data were drawn from the national prescribing register, 2005 to 2015.", "Two cases of fatal rhabdomyolysis were identified.")
    assert n is None


def test_small_series_still_counted(read):
    _, n, _, _ = _read(read, "Three cases of Whipple disease", "To describe a rare infection.",
                       "Three cases of Whipple disease were identified in our unit.", "All responded to antibiotics.")
    assert n == 3


# --- 5. shares of a subgroup ---

@pytest.mark.parametrize("methods, results", [
    ("A total of 300 patients were included.", "Thirty patients developed a wound infection. Eighteen patients were male."),
    ("We studied 500 statin users.", "Among those with myalgia, the majority were women (70%)."),
    ("We studied 500 statin users.", "Myalgia was reported mostly by women (60%)."),
    ("We studied 200 patients with gout.", "Of those admitted, all were men."),
])
def test_subgroup_shares_are_not_the_population(read, methods, results):
    assert _read(read, "Outcomes in a clinic", "To describe outcomes.", methods, results)[2] is None


@pytest.mark.parametrize("methods, results, pct", [
    ("A total of 300 patients were included.", "Overall, 120 patients were female.", 40.0),
    ("A survey was conducted among 210 general practitioners.", "The majority were men (64%).", 36.0),
    ("We studied 45 patients (all males) with haemophilia A.", "Joint bleeds were common.", 0.0),
])
def test_population_shares_still_read(read, methods, results, pct):
    assert _read(read, "Outcomes in a clinic", "To describe outcomes.", methods, results)[2] == pct


# --- 6. N counted in other units ---

@pytest.mark.parametrize("methods, results", [
    ("We examined 120 eyes after cataract surgery.", "32 patients were female."),
    ("Capsule endoscopy was performed in 120 procedures.", "In total, 32 patients were female."),
])
def test_count_of_women_over_a_count_of_eyes_or_procedures_is_no_share(read, methods, results):
    assert _read(read, "Eye and gut procedures", "To describe outcomes.", methods, results)[2] is None


# --- 7. sex ratio of babies or embryos ---

@pytest.mark.parametrize("methods, results", [
    ("We studied 1,200 births after IVF.", "The male to female ratio of newborns was 1.06:1."),
    ("We reviewed 60 IVF cycles.", "The male:female embryo ratio was 1:1."),
])
def test_sex_ratio_of_babies_is_no_share(read, methods, results):
    assert _read(read, "Sex of babies after IVF", "To assess the sex ratio.", methods, results)[2] is None


def test_sex_ratio_of_patients_still_read(read):
    assert _read(read, "Lupus nephritis in a clinic", "To describe.", "We studied 90 patients with lupus nephritis.",
                 "The F:M ratio was 8:1.")[2] == 88.9


# --- 8. a part named after the whole is not added ---

def test_part_among_them_is_not_summed(read):
    _, n, _, _ = _read(read, "Diabetes and foot ulcers", "To describe ulcers.",
                       "A total of 300 patients with diabetes and 45 patients with foot ulcers among them were examined.", "Ulcers healed in 60%.")
    assert n == 300


def test_two_groups_still_summed(read):
    _, n, _, _ = _read(read, "Memory in mild impairment", "To compare memory.",
                       "Forty patients with mild impairment and 35 healthy adults were assessed.", "Scores differed.")
    assert n == 75


# --- 9. design ---

@pytest.mark.parametrize("methods", [
    "We describe two-year outcomes of 640 patients followed prospectively after hip arthroscopy.",
    "This study reports the outcomes of 1,500 patients operated between 2000 and 2010 and followed for five years.",
])
def test_followed_series_is_not_an_unnamed_case_series(read, methods):
    assert _read(read, "Outcomes after surgery", "To assess outcomes.", methods, "Scores improved.")[0] != "case_series"


def test_small_described_series_still_a_case_series(read):
    assert _read(read, "Perineal infection", "To describe our experience.",
                 "We describe the features and outcome of 21 patients with Fournier gangrene treated in our unit.",
                 "Six patients died.")[0] == "case_series"


def test_kappa_of_a_measurement_does_not_make_a_cohort_cross_sectional(read):
    kind = _read(read, "Delirium after cardiac surgery", "To assess the incidence of delirium.",
                 "We followed 300 patients for 30 days after cardiac surgery; delirium was assessed daily, and agreement "
                 "between nurses was checked (kappa 0.8).", "Delirium occurred in 25%.")[0]
    assert kind != "cross_sectional"


def test_agreement_as_the_aim_is_cross_sectional(read):
    assert _read(read, "Agreement between two scores", "To assess the agreement between two delirium scores.",
                 "Two nurses scored 80 patients on one day.", "Kappa was 0.7.")[0] == "cross_sectional"


def test_drug_given_to_both_groups_is_not_case_control(read):
    kind, n, _, _ = _read(read, "Pharmacokinetics of drug X in renal impairment", "To compare pharmacokinetics.",
                          "Drug X 10 mg was given to 12 patients with renal impairment and 12 healthy volunteers.", "Clearance was halved.")
    assert kind != "case_control"


def test_patients_and_healthy_controls_compared_still_case_control(read):
    assert _read(read, "Serum marker in psoriasis", "To compare a serum marker.",
                 "We measured the marker in 50 patients with psoriasis and 50 healthy controls.", "Levels were higher.")[0] == "case_control"


# --- 10. card: an inferred share says so ---

def test_inferred_share_is_shown_as_inferred(read):
    from medcore.literature.card import build_card
    r = read(_abs("Continence after radical prostatectomy", "To describe.", "A total of 160 patients were studied after radical prostatectomy.",
                  "Most were continent."))[0]
    lines = [l for l in build_card(r, r.design.kind).population if "women" in l.text]
    assert lines and "inferred" in lines[0].text and "prostatectomy" in lines[0].text.lower()


def test_stated_share_is_not_marked_inferred(read):
    from medcore.literature.card import build_card
    r = read(_abs("Outcomes in a clinic", "To describe.", "We studied 100 patients (40 women and 60 men).", "Most did well."))[0]
    lines = [l for l in build_card(r, r.design.kind).population if "women" in l.text]
    assert lines and "inferred" not in lines[0].text and lines[0].text.startswith("40% women")


# --- 11. pre-existing ---

def test_breast_cancer_including_some_men_is_not_zero_women(read):
    f = _read(read, "Breast cancer survival in a regional registry", "To describe survival.",
              "We identified 1,240 patients with breast cancer registered between 2000 and 2010, including 18 in men.",
              "Five-year survival was 82%.")[2]
    assert f is None or abs(f - 98.5) < 0.1


def test_follow_up_part_does_not_replace_n(read):
    _, n, f, _ = _read(read, "Knee replacement outcomes", "To describe outcomes.",
                       "We studied 500 patients; follow-up was completed in 208 men and 149 women.", "Pain improved.")
    assert n == 500 and f is None


def test_sex_pair_as_the_people_still_summed(read):
    _, n, f, _ = _read(read, "Knee replacement outcomes", "To describe outcomes.",
                       "There were 208 men and 149 women in the study.", "Pain improved.")
    assert n == 357 and f == 41.7


def test_cases_matched_with_controls_are_summed(read):
    _, n, _, _ = _read(read, "Risk factors for neonatal sepsis", "To identify risk factors.",
                       "Forty cases of neonatal sepsis were identified and matched with 80 controls.", "Rupture of membranes was linked.")
    assert n == 120


def test_treated_and_untreated_groups_are_summed(read):
    _, n, _, _ = _read(read, "Outcome after stroke thrombolysis", "To compare outcomes.",
                       "We describe 340 patients who received thrombolysis and 500 who did not, followed for one year.",
                       "Mortality was lower with thrombolysis.")
    assert n == 840


# --- opposite cases of the guards above ---

def test_children_who_have_the_condition_are_not_others(read):
    assert _read(read, "Ovarian torsion in children", "To describe outcomes.", "We reviewed 40 children with ovarian torsion.",
                 "Most ovaries were saved.")[2] == 100.0


def test_multiparametric_mri_is_no_female_cue(read):
    assert _read(read, "Fusion biopsy for prostate cancer", "To describe detection.",
                 "We analysed 300 patients who had multiparametric MRI before prostate biopsy.", "Cancer was found in half.")[2] == 0.0


def test_majority_of_the_whole_population_named_with_its_age_is_read(read):
    assert _read(read, "Asthma control in a city", "To describe control.", "Patients were recruited from clinics.",
                 "Of 250 subjects with a mean age of 50 years, the majority were women (75%).")[2] == 75.0


def test_agreement_named_in_the_title_is_the_aim(read):
    text = ("Agreement of two ultrasound scores for fatty liver\nMETHODS: Two sonographers scored the same 60 livers with "
            "kappa measured.\nRESULTS: Agreement was good.")
    assert read(text)[0].design.kind == "cross_sectional"

