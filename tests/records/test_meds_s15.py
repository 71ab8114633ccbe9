"""Medications and allergies, session 15 (issue 11): what is read as a medicine and what is not (skin antiseptics
in a procedure, a fluid that fills a device, a test named after its drug, a vaccine's status, a drug to avoid or
ruled out), the dose (a strength in per cent before the name, weight-based rates per minute, a bolus volume, a dose
before a route word, a daily amount, "gm"), schedules ("q.  8 hours" with its stop, evening doses, "every four to
six hours", "2-3 times daily", "for breakthrough pain") and "no known medical allergies". Sentences in our own words."""

import pytest

from medcore.records.pipeline import analyze
from medcore.records.real_eval import norm_dose


def meds(kb, text):
    return analyze(text, kb).extraction.medications


def names(kb, text):
    return [m.name for m in meds(kb, text)]


def one(kb, text):
    out = meds(kb, text)
    assert len(out) == 1, [m.name for m in out]
    return out[0]


# --- precision: names that are not the patient's medicine ----------------------------------------------------------

def test_a_skin_antiseptic_in_a_procedure_is_no_medicine(kb):
    assert names(kb, "Betadine was painted on the left flank before the drapes went on.") == []
    assert names(kb, "Chlorhexidine solution was wiped off the skin at the end.") == []


def test_a_skin_antiseptic_in_a_medication_list_stays_a_medicine(kb):
    text = "MEDICATIONS:\nBetadine swabs to the wound daily.\n"
    assert "povidone-iodine" in names(kb, text)


@pytest.mark.parametrize("text", [
    "Each implant was filled with 80 cc of saline before closure.",
    "The sizers were then overfilled to 300 cc of saline apiece.",
])
def test_a_fluid_that_fills_a_device_is_no_medicine(kb, text):
    assert names(kb, text) == []


def test_a_test_named_after_its_drug_is_no_medicine(kb):
    assert names(kb, "IMPRESSION: A normal dobutamine stress echocardiogram with no ischemia.") == []


def test_a_vaccine_up_to_date_is_no_dose_given(kb):
    assert names(kb, "His tetanus immunization is up to date.") == []


@pytest.mark.parametrize("text", [
    "The family was told to avoid Pepto-Bismol until the bleeding is explained.",
    "Her liver disease, precluding the use of Coumadin, was discussed.",
    "Given the pancreatitis we are hesitant to use Nexium or Protonix.",
])
def test_a_drug_avoided_or_ruled_out_is_not_listed(kb, text):
    assert names(kb, text) == []


def test_a_drug_named_beside_an_avoided_one_stays(kb):
    assert names(kb, "Avoid ibuprofen; keep taking Tylenol as needed.") == ["acetaminophen"]


# --- recall: a nasal wash, a strength word in a list ---------------------------------------------------------------

def test_a_saline_nasal_wash_is_a_medicine_with_its_range_of_doses(kb):
    m = one(kb, "For the crusting she rinses with saline nasal wash 2-3 times a day.")
    assert (m.name, m.frequency) == ("sodium chloride", "2 to 3 times daily")


def test_a_class_word_after_a_strength_word_in_a_list(kb):
    assert names(kb, "She went home on Reglan and high-dose PPI last week.") == ["metoclopramide", "ppi"]


# --- dose ------------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, dose", [
    ("The field block used 15 cc of 0.25% Marcaine.", "0.25"),
    ("Then 3 cc of 2% lidocaine went down the tube.", "2"),
])
def test_a_strength_in_per_cent_before_the_name_is_the_dose(kb, text, dose):
    m = one(kb, text)
    assert (m.dose, m.unit) == (dose, "%")


@pytest.mark.parametrize("text, dose, unit", [
    ("A dobutamine drip began in the standard way at 20 mcg/kg per minute.", "20", "mcg/kg per minute"),
    ("He was stressed with adenosine, 140 mcg/kg/minute over four minutes.", "140", "mcg/kg/minute"),
])
def test_a_weight_based_rate_per_minute(kb, text, dose, unit):
    m = one(kb, text)
    assert (m.dose, m.unit) == (dose, unit)


def test_a_bolus_volume_before_the_name(kb):
    m = one(kb, "A 15 mL bolus of Omnipaque 350 IV timed the scan.")
    assert (m.dose, m.unit) == ("15", "mL")


def test_a_dose_before_a_route_word_and_the_name(kb):
    m = one(kb, "He took 0.4 milligrams of sublingual nitroglycerin beforehand.")
    assert (m.dose, m.unit) == ("0.4", "milligrams")


def test_a_daily_amount_is_the_dose_taken_once_daily(kb):
    m = one(kb, "She wears an Estraderm 0.1 mg/day patch on her abdomen.")
    assert (m.dose, m.unit, m.frequency) == ("0.1", "mg", "once daily")


def test_gm_is_grams(kb):
    m = one(kb, "Tylenol 1 gm four times a day as needed.")
    assert (m.dose, m.unit) == ("1", "gm")
    assert norm_dose("1 gm") == norm_dose("1 g")


# --- frequency -------------------------------------------------------------------------------------------------------

def test_a_spaced_q_before_the_hours_does_not_end_the_sentence(kb):
    m = one(kb, "I phoned in Norco 1 by mouth q.  6 hrs p.r.n., thirty tablets.")
    assert (m.frequency, m.prn) == ("every 6 hours as needed", True)


@pytest.mark.parametrize("text, freq", [
    ("Levemir 30 units q.p.m. with his supper.", "once daily"),
    ("Norco 5/325 mg: a tablet every four to six hours, at most six daily.", "every 4 to 6 hours"),
    ("He left with a prescription for Norco for any breakthrough pain.", "as needed"),
])
def test_schedules(kb, text, freq):
    assert one(kb, text).frequency == freq


# --- allergies -------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["ALLERGIES:  No known medical allergies.\n", "ALLERGIES: No known drug sensitivities.\n"])
def test_no_known_medical_allergies(kb, text):
    ex = analyze(text, kb).extraction
    assert ex.no_known_allergies and not ex.allergies


def test_a_dose_before_a_semicolon_stays_with_its_drug(kb):
    out = [(m.name, m.dose, m.unit) for m in meds(kb, "MEDICATIONS: Diastat 10 mg; Keppra 250 mg twice daily.\n")]
    assert out == [("diazepam", "10", "mg"), ("levetiracetam", "250", "mg")]


def test_a_dose_right_before_the_next_drug_is_that_drugs(kb):
    out = [(m.name, m.dose) for m in meds(kb, "She had heparin, then 250 mg of aminophylline.")]
    assert out == [("heparin", ""), ("aminophylline", "250")]


def test_a_dose_changed_from_one_amount_to_another_is_the_new_one(kb):
    m = one(kb, "We lowered her Lantus insulin from around 70 units down to 52 units this week.")
    assert (m.dose, m.unit) == ("52", "units")


def test_a_class_word_after_a_brand_of_its_class_is_the_same_medicine(kb):
    m = one(kb, "Please trim the Humalog sliding scale insulin before each meal by two units.")
    assert (m.name, m.frequency) == ("insulin lispro", "with meals")


def test_a_class_word_joined_by_and_is_its_own_item(kb):
    assert names(kb, "She takes Lantus and an insulin pump bolus.")[:1] == ["insulin glargine"]
    assert len(names(kb, "She takes Lantus and an insulin pump bolus.")) == 2


def test_a_reaction_in_a_relative_clause_is_an_intolerance_and_the_course_stays(kb):
    ex = analyze("She began on Levaquin, moved to Augmentin, which caused loose stools, then to Bactrim.", kb).extraction
    assert [(a.substance, a.kind) for a in ex.allergies] == [("amoxicillin/clavulanate", "intolerance")]
    assert "amoxicillin/clavulanate" in [m.name for m in ex.medications]


def test_a_good_effect_in_a_relative_clause_is_no_intolerance(kb):
    assert analyze("He was moved to Lasix, which caused a brisk diuresis.", kb).extraction.allergies == []


@pytest.mark.parametrize("text", [
    "If still blocked by morning, consider a Fleet enema as we discussed.",
    "Next visit we may think about it and consider agents such as Neurontin or Lyrica.",
    "After the baby she desires to be on NuvaRing.",
])
def test_a_medicine_only_thought_about_is_not_listed(kb, text):
    assert names(kb, text) == []


def test_a_change_considered_to_a_drug_taken_keeps_it(kb):
    assert names(kb, "We will consider increasing the Lasix to 40 mg.") == ["furosemide"]
