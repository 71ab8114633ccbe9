"""Medications, session 16 (issue 11): schedules written as any interval ("every 10 minutes", "every 72 hours",
"every 2 to 4 hours"), a bare time of day after the dose, "each morning"; combination strengths with a unit on each
part; a count of tablets after the strength (half tablets, "two by mouth"); a count of sprays; courses ended by a
reaction, by a switch after "and", by "instead of", by "will not restart". Sentences in our own words."""

import pytest

from medcore.records.pipeline import analyze
from medcore.records.real_eval import norm_dose


def meds(kb, text):
    return analyze(text, kb).extraction.medications


def one(kb, text):
    out = meds(kb, text)
    assert len(out) == 1, [m.name for m in out]
    return out[0]


def by_name(kb, text):
    return {m.name: m for m in meds(kb, text)}


# --- schedules -------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, want", [
    ("Patient-controlled morphine 1 mg every 8 minutes with a lockout.", "every 8 minutes"),
    ("A fentanyl patch 25 mcg is changed every 72 hours.", "every 3 days"),
    ("Fentanyl patch 75 mcg every three days.", "every 3 days"),
    ("Give morphine 4 mg IV every 3 to 4 hours as needed for pain.", "every 3 to 4 hours as needed"),
    ("Cefazolin 1 g IV every 24 hours.", "once daily"),
    ("Vancomycin 1 g q.36h. by level.", "every 36 hours"),
])
def test_an_interval_the_vocabulary_does_not_list_is_read(kb, text, want):
    assert one(kb, text).frequency == want


@pytest.mark.parametrize("text", [
    "Omeprazole 20 mg a.m. before food.",
    "Sertraline 100 mg p.o. in the a.m. with breakfast.",
    "Please take 5 mg of amlodipine each morning.",
])
def test_a_time_of_day_after_the_dose_is_once_daily(kb, text):
    assert one(kb, text).frequency == "once daily"


def test_a_clock_time_after_the_dose_is_no_schedule(kb):
    assert one(kb, "Furosemide 40 mg was given at 9 a.m. in clinic.").frequency == ""


# --- doses -----------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, dose, written", [
    ("Hyzaar 100 mg/25 mg p.o. daily.", "100/25 mg", "100 mg/25 mg"),
    ("Augmentin 500 mg-125 mg tablet three times a day.", "500/125 mg", "500 mg-125 mg"),
    ("Augmentin suspension 200 mg-28.5 mg/5 mL by mouth twice daily.", "200/28.5 mg/5 mL", "200 mg-28.5 mg/5 mL"),
])
def test_combination_strengths_with_a_unit_on_each_part(kb, text, dose, written):
    med = one(kb, text)
    assert f"{med.dose} {med.unit}" == dose
    assert norm_dose(dose) == norm_dose(written)  # the scorer reads both spellings as one dose


@pytest.mark.parametrize("text, dose", [
    ("Metoprolol 50 mg, one half tablet twice daily.", "25"),
    ("Gabapentin 300 mg capsules two by mouth three times a day.", "600"),
    ("Famotidine 20 mg 1 tab orally b.i.d.", "20"),
])
def test_a_count_of_tablets_after_the_strength_sets_the_dose_taken(kb, text, dose):
    med = one(kb, text)
    assert (med.dose, med.unit) == (dose, "mg")


def test_a_count_of_sprays_is_the_dose(kb):
    med = one(kb, "Nasonex two sprays to each nostril at bedtime.")
    assert norm_dose(f"{med.dose} {med.unit}") == norm_dose("2 sprays")


# --- courses that ended ----------------------------------------------------------------------------------------------

def test_a_drug_that_gave_a_reaction_is_not_current(kb):
    got = by_name(kb, "She was started on levofloxacin, but had a reaction, and is now on doxycycline.")
    assert got["levofloxacin"].status == "stopped"
    assert got["doxycycline"].status != "stopped"


def test_a_drug_that_caused_a_side_effect_in_a_relative_clause_is_not_current(kb):
    got = by_name(kb, "He was moved to clindamycin, which caused diarrhea, and then to doxycycline.")
    assert got["clindamycin"].status == "stopped"


def test_a_switch_said_after_and_ends_the_first_drug(kb):
    got = by_name(kb, "She stayed on cefepime, and was later switched to ciprofloxacin by mouth.")
    assert got["cefepime"].status == "stopped"
    assert got["ciprofloxacin"].status != "stopped"


def test_a_drug_replaced_instead_of_is_not_current(kb):
    got = by_name(kb, "Instead of atenolol, she will now take carvedilol 12.5 mg twice daily.")
    assert got["atenolol"].status == "stopped"
    assert got["carvedilol"].status != "stopped"


def test_a_drug_not_to_be_restarted_is_not_current(kb):
    assert one(kb, "We will not restart her warfarin until the bleeding has settled.").status == "stopped"


# --- lists and cycles ------------------------------------------------------------------------------------------------

def test_one_schedule_said_for_a_whole_list_reaches_every_item(kb):
    got = by_name(kb, "Continue atenolol 50 mg, simvastatin 20 mg, and clopidogrel 75 mg, all once a day.")
    assert {n: m.frequency for n, m in got.items()} == {"atenolol": "once daily", "simvastatin": "once daily",
                                                        "clopidogrel": "once daily"}


def test_a_list_without_a_shared_schedule_keeps_each_its_own(kb):
    got = by_name(kb, "Atenolol 50 mg, simvastatin 20 mg at night, and clopidogrel 75 mg daily.")
    assert got["atenolol"].frequency == ""
    assert got["simvastatin"].frequency == "at bedtime"


def test_a_unit_written_after_the_schedule_belongs_to_the_dose(kb):
    med = one(kb, "Levemir 18 at bedtime units.")
    assert (med.dose, med.unit) == ("18", "units")


def test_a_day_named_after_except_leaves_the_schedule_daily(kb):
    assert one(kb, "Warfarin 5 mg daily except 7.5 mg on Fridays.").frequency == "once daily"


def test_a_dose_per_body_surface_in_a_cycle_of_days(kb):
    med = one(kb, "Carboplatin 300 mg/m2 IV for 3 days every 21 days.")
    assert f"{med.dose} {med.unit}" == "300 mg/m2"
    assert med.frequency == "3 days every 21 days"


def test_a_premixed_insulin_ratio_is_no_dose(kb):
    med = one(kb, "Humulin 70/30 24 units before breakfast and 12 units before supper.")
    assert (med.dose, med.unit, med.frequency) == ("24", "units", "twice daily")
