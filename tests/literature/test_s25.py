"""Session 25 (issue 15): general causes of arm, design and N misses on all dev extraction splits (blind_s24 dev
since this session): operations and drug classes named without a cue word, a one-treatment series said without a
count or with the ages between, a yes/no title asking whether either of two treatments changes an outcome, how a
case-control study's controls are drawn, dated periods written with days, a registry queried for its patients, and
a count of people broken down in brackets. Every sentence here is written for the test."""

from __future__ import annotations

import pytest

from medcore.config import Settings
from medcore.literature import population_size
from medcore.literature.model import Sentence
from medcore.literature.roles import cue_pattern

def _arms(read, text: str) -> tuple[list[str], list[str]]:
    p = read(text)[0].pico
    return [i.text for i in p.interventions], [c.text for c in p.comparators]

def _s(idx: int, text: str, role: str = "methods") -> Sentence:
    return Sentence(idx, text, 0, len(text), None, role)

@pytest.mark.parametrize("name", [
    "shoulder reconstruction", "hip replacement", "ankle arthrodesis", "spinal decompression", "herniorrhaphy",
    "cervical cerclage", "caesarean delivery", "brachytherapy", "whole-brain irradiation", "shock wave lithotripsy",
    "variceal banding", "root canal", "ACE inhibitors", "beta blockers", "GnRH agonists", "statins",
    "antibiotics", "inhaled corticosteroids", "hearing aids", "cardioversion", "thrombolysis",
])
def test_treatments_named_without_a_cue_word(name):
    treat = cue_pattern(Settings.load(), "treatment")
    assert treat.search(name), name

@pytest.mark.parametrize("name", ["knee pain", "blood pressure", "serum sodium", "quality of life", "mortality"])
def test_outcomes_and_measures_are_no_treatment(name):
    treat = cue_pattern(Settings.load(), "treatment")
    assert not treat.search(name), name

def test_a_series_said_without_a_count_is_its_operation(read):
    text = ("Is early mobilisation safe after shoulder reconstruction?\n"
            "BACKGROUND: Stiffness is common after shoulder surgery.\n"
            "METHODS: Patients who underwent shoulder reconstruction at two county hospitals between 2012 and 2016 "
            "were reviewed. Range of motion was recorded at six weeks.\n"
            "RESULTS: Stiffness was rare.")
    interventions, comparators = _arms(read, text)
    assert interventions == ["shoulder reconstruction"] and comparators == []

def test_a_series_with_the_ages_between_count_and_verb(read):
    text = ("Does hip arthrodesis last in young farmers?\n"
            "METHODS: Twelve patients, aged 18-40 years (mean 29), were treated by hip arthrodesis and were seen "
            "yearly for ten years.\n"
            "RESULTS: Ten fusions held.")
    interventions, _ = _arms(read, text)
    assert interventions == ["hip arthrodesis"]

def test_an_operation_the_title_does_not_name_stays_unread(read):
    text = ("Serum lactate in acute abdominal pain.\n"
            "METHODS: Forty patients who underwent laparotomy were tested on arrival.\n"
            "RESULTS: Lactate was high in ten.")
    interventions, _ = _arms(read, text)
    assert interventions == []

def test_a_title_asking_whether_either_treatment_changes_an_outcome(read):
    text = ("Does chemotherapy or radiation therapy improve survival in adults with thymic carcinoma?\n"
            "OBJECTIVE: To describe survival by the treatment given.\n"
            "METHODS: A national cancer registry was queried for adults with thymic carcinoma.\n"
            "RESULTS: Survival was longer with either treatment.")
    interventions, comparators = _arms(read, text)
    assert interventions == ["chemotherapy", "radiation therapy"] and comparators == []

def test_a_title_choosing_between_two_treatments_keeps_its_comparator(read):
    text = ("Ibuprofen or paracetamol for sore throat in students?\n"
            "METHODS: 80 students with a sore throat were enrolled.\n"
            "RESULTS: Pain scores fell in both groups.")
    interventions, comparators = _arms(read, text)
    assert interventions == ["Ibuprofen"] and comparators == ["paracetamol"]

def _design(read, methods: str, title: str = "Serum zinc in psoriasis.") -> object:
    return read(f"{title}\nOBJECTIVE: To compare serum zinc.\nMETHODS: {methods}\nRESULTS: Zinc was lower.")[0].design

@pytest.mark.parametrize("methods", [
    "Sixty adults with psoriasis were taken as cases, and sixty healthy blood donors were taken as controls.",
    "Serum zinc of 45 adults with psoriasis and 45 matched control patients was measured.",
    "Adults with psoriasis (n = 40) and control subjects (n = 40) were recruited from one town.",
])
def test_controls_drawn_for_cases_say_case_control(read, methods):
    d = _design(read, methods)
    assert d.kind == "case_control" and d.kind_inferred

@pytest.mark.parametrize("methods", [
    "We studied 900 adults with psoriasis seen between March 3, 2008, and October 12, 2013.",
    "We studied 900 adults with psoriasis seen from 3 March 2008 to 12 October 2013.",
    "A national prescribing database was queried for adults treated with biologic agents.",
    "Data were extracted from the regional prescribing database for adults with psoriasis.",
])
def test_a_period_with_days_or_a_queried_registry_says_cohort(read, methods):
    d = _design(read, methods, title="Biologic agents and infections in psoriasis.")
    assert d.kind == "cohort" and d.kind_inferred

def test_a_survey_with_no_such_cue_is_not_a_cohort(read):
    d = _design(read, "In one week, 300 adults with psoriasis answered a questionnaire about their diet.")
    assert d.kind != "cohort"

@pytest.mark.parametrize("text, n", [
    ("We reviewed 1,420 patients (800 men and 620 women) who underwent knee replacement.", 1420),
    ("We studied 310 children (150 boys) who received a booster dose.", 310),
    ("Of 64 women (32 smokers), all were included.", 64),
])
def test_a_count_broken_down_in_brackets_is_no_n(text, n):
    assert population_size.pick_n([_s(0, text)])[0] == n

def test_a_bracketed_count_of_its_own_still_counts():
    assert population_size.pick_n([_s(0, "A total of 96 patients were enrolled (two sites).")])[0] == 96

def test_breakdown_pattern_is_anchored_at_the_count():
    assert population_size._BREAKDOWN.search("We saw 50 adults (", 0, len("We saw 50 adults ("))
    assert not population_size._BREAKDOWN.search("We saw 50 adults. Then (", 0, len("We saw 50 adults. Then ("))


@pytest.mark.parametrize("text, n", [
    ("Of the first 240 referrals, 198 patients met the inclusion criteria.", 198),
    ("We screened 500 charts; 312 patients fulfilled the eligibility criteria.", 312),
    ("The questionnaire was completed by 1,150 practice nurses in three regions.", 1150),
    ("The analysis is based on 88 of 104 consecutive patients treated in one unit.", 88),
    ("In all, 40 adults with gout and 40 healthy volunteers were included.", 80),
    ("Of 90 pharmacists invited, 61 took part.", 90),
])
def test_n_said_in_other_forms(text, n):
    assert population_size.pick_n([_s(0, text)])[0] == n


@pytest.mark.parametrize("aim", [
    "To relate insulin resistance to liver fat in obese teenagers.",
    "To count oestrogen receptors in breast biopsies from young women.",
    "To measure the share of urinary isolates with resistance to ciprofloxacin in nursing homes.",
    "To describe adults with allergy to penicillin referred for skin testing.",
])
def test_a_drug_named_as_a_target_or_a_reaction_is_no_intervention(read, aim):
    text = f"A clinic survey.\nOBJECTIVE: {aim}\nMETHODS: We studied 120 adults in 2019.\nRESULTS: Half were affected."
    interventions, _ = _arms(read, text)
    assert interventions == [], interventions


def test_a_drug_given_is_still_read(read):
    text = ("Metformin and liver fat in obese teenagers.\n"
            "OBJECTIVE: To relate metformin use to liver fat in obese teenagers.\n"
            "METHODS: We studied 120 teenagers in 2019.\nRESULTS: Liver fat was lower.")
    interventions, _ = _arms(read, text)
    assert [i.lower() for i in interventions] == ["metformin"]


def test_a_title_naming_the_comparative_safety_of_two_drugs(read):
    text = ("Comparative effectiveness of adalimumab and etanercept on the risk of hospital admission\n"
            "METHODS: We identified 900 adults with psoriasis who started either drug in 2015-2019.\n"
            "RESULTS: Admissions were fewer with adalimumab.")
    interventions, comparators = _arms(read, text)
    assert [i.lower() for i in interventions] == ["adalimumab"] and [c.lower() for c in comparators] == ["etanercept"]


@pytest.mark.parametrize("name, short", [
    ("no transcutaneous electrical nerve stimulation (TENS) unit", "no TENS unit"),
    ("continuous subcutaneous insulin infusion (CSII)", "continuous subcutaneous insulin infusion"),
    ("early goal-directed therapy", "early goal-directed therapy"),
])
def test_an_arm_defining_an_abbreviation_is_named_as_the_abstract_then_names_it(name, short):
    from medcore.literature.model import Pico, PicoItem
    from medcore.literature.treated_groups import short_names
    pico = Pico()
    pico.comparators.append(PicoItem(text=name, sentence_idx=0))
    short_names(pico)
    assert pico.comparators[0].text == short


def test_a_title_asking_whether_a_programme_can_lead_to_an_outcome(read):
    text = ("Can school-based hand-washing training lead to lasting control of diarrhoea?\n"
            "METHODS: A survey of 2,000 children in 30 villages was done in 2018.\n"
            "RESULTS: Diarrhoea was still common.")
    interventions, _ = _arms(read, text)
    assert interventions == ["school-based hand-washing training"]


def test_an_aim_naming_the_arm_after_its_verb_and_the_other_after_instead_of(read):
    text = ("Timing of hip surgery in frail adults\n"
            "OBJECTIVE: To compare walking in frail adults who undergo delayed hip surgery instead of early hip "
            "surgery.\n"
            "METHODS: We reviewed 150 frail adults treated in 2016-2020.\n"
            "RESULTS: Walking was similar.")
    interventions, comparators = _arms(read, text)
    assert interventions == ["delayed hip surgery"] and comparators == ["early hip surgery"]
