"""Issue 11, session 29 (phi29): de-identification of given names that are English words, facility acronyms after a
consult, hospitals named with their campus, ages over 89 told as a birthday, fractions that are amounts; medications
not taken (a drug level, a tracer's test, a vitamin's deficiency, a drug screen, ASA the anaesthesia class, a heparin
lock, a medicine only offered) and sig shapes. Every sentence is our own, written for these tests (none from a note
set), each rule with its opposite case."""

from __future__ import annotations

import pytest

from medcore.deid import deidentify
from medcore.records.pipeline import analyze
from medcore.records.real_eval import norm_dose, split_frequency


def _covered(text: str, want: str) -> bool:
    spans = deidentify(text, shift_days=-40).spans
    i = text.index(want)
    return all(any(s.start <= k < s.end for s in spans) for k in range(i, i + len(want)) if text[k].isalnum())


def _phi(text: str) -> list[str]:
    return [s.text for s in deidentify(text, shift_days=-40).spans]


def _meds(kb, text):
    return {m.name: m for m in analyze(text, kb).extraction.medications}


# --- PHI -----------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("Grace then underwent an uneventful colonoscopy.", "Grace"),
    ("Hope was seen in the clinic on a Tuesday.", "Hope"),
    ("Since the fall, Mark has been followed by neurology.", "Mark"),
    ("Ivy denies any fever. Ivy is eating well.", "Ivy"),
    ("We will consult KRH to evaluate her for a bed.", "KRH"),
    ("He was discharged from Lindell Hospital at Westbrook after a week.", "Lindell Hospital at Westbrook"),
    ("She had surgery at Corrin Medical Center at Oakdale last year.", "Corrin Medical Center at Oakdale"),
    ("Her mother turns 93 next week and lives alone.", "93"),
    ("He is turning 91 this spring.", "91"),
])
def test_phi_found(text, want):
    assert _covered(text, want)


@pytest.mark.parametrize("text, word", [
    ("Hope is low that the graft will take.", "Hope"),
    ("Faith in her surgeon helped her through.", "Faith"),
    ("Will follow up in two weeks with labs.", "Will"),
    ("May return to work on light duty.", "May"),
    ("Frank blood was seen in the stool.", "Frank"),
    ("Mark the site before the block.", "Mark"),
    ("We will consult ENT for the airway and GI to scope.", "ENT"),
    ("Consult NSGY regarding the shunt.", "NSGY"),
    ("She was admitted to Lindell Hospital at Christmas.", "at Christmas"),  # the holiday is a date of its own
    ("The head was turned 90 degrees to the left.", "90"),
    ("Overnight she needed 3/4 L of oxygen by cannula.", "3/4"),
])
def test_phi_left(text, word):
    assert not any(word in p for p in _phi(text))


def test_date_after_on_still_a_date():
    assert "3/4" in _phi("She was last seen on 3/4 for a rash.")


# --- medications not taken ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, drug", [
    ("Digoxin was 1.3 this morning.", "digoxin"),
    ("A lithium level was drawn before the dose.", "lithium"),
    ("Lithium was checked this morning.", "lithium"),
    ("Resting Myoview SPECT showed no perfusion defect.", "technetium tc 99m tetrofosmin"),
    ("She has a B12 deficiency on recent labs.", "cyanocobalamin"),
    ("His urine drug screen was positive for opiates and benzodiazepines.", "opioid"),
    ("ASA score was 2 and she tolerated sedation.", "aspirin"),
    ("Standard ASA monitors were applied.", "aspirin"),
    ("I will heparin lock her IV and advance her diet.", "heparin"),
    ("We could try imiquimod cream if it persists.", "imiquimod"),
    ("She might get a flu shot at her next visit.", "influenza vaccine"),
])
def test_not_a_medication(kb, text, drug):
    assert drug not in _meds(kb, text)


@pytest.mark.parametrize("text, drug", [
    ("Coumadin was 5 mg daily until last week.", "warfarin"),
    ("He takes aspirin 81 mg daily.", "aspirin"),
    ("Ferrous sulfate 325 mg daily for iron deficiency anemia.", "ferrous sulfate"),
    ("Heparin 5000 units subcutaneously every 8 hours.", "heparin"),
    ("She uses imiquimod cream three times a week.", "imiquimod"),
    ("He could use Tylenol up to 3 grams a day for the pain.", "acetaminophen"),  # a permission: as needed
    ("Then 8 mg of dexamethasone was drawn up into the syringe and injected.", "dexamethasone"),
])
def test_still_a_medication(kb, text, drug):
    assert drug in _meds(kb, text)


# --- sig shapes -----------------------------------------------------------------------------------------------------
def test_patch_on_in_the_morning_off_at_night_is_once_daily(kb):
    m = _meds(kb, "Apply a nitroglycerin patch 0.4 mg every morning and take it off in the evening.")
    assert m["nitroglycerin"].frequency == "once daily"


def test_split_dose_morning_and_evening_stays_twice_daily(kb):
    m = _meds(kb, "Metoprolol 25 mg in the morning and 25 mg in the evening.")
    assert m["metoprolol"].frequency == "twice daily"


def test_percent_before_a_preparation_word(kb):
    m = _meds(kb, "The skin was infiltrated with 1% plain lidocaine.")
    assert (m["lidocaine"].dose, m["lidocaine"].unit) == ("1", "%")


def test_bare_count_range_before_schedule(kb):
    m = _meds(kb, "He takes Tylenol 1-2 daily as needed for knee pain.")
    assert m["acetaminophen"].dose == "1-2"


def test_before_bed_is_bedtime(kb):
    m = _meds(kb, "Melatonin 3 mg before bed.")
    assert m["melatonin"].frequency == "at bedtime"


# --- the scorer's equivalences ---------------------------------------------------------------------------------------
def test_strength_times_count_is_the_amount():
    assert norm_dose("500 mg 2 tablets") == norm_dose("1000 mg")
    assert norm_dose("20 mg 1 cap") == norm_dose("20 mg")
    assert norm_dose("500 mg 2 tablets") != norm_dose("500 mg")
    assert norm_dose("1 pill") == norm_dose("1 tablet")


def test_dotted_schedule_is_its_abbreviation():
    names = {"qhs": "at bedtime", "q8h": "three times daily"}
    assert split_frequency("q.h.s.", names) == ("at bedtime", False)
    assert split_frequency("q. 8 h. p.r.n.", names) == ("three times daily", True)


# --- status and allergies --------------------------------------------------------------------------------------------
def test_relative_clause_status_is_the_earlier_drugs(kb):
    m = _meds(kb, "Aspirin 325 mg daily, which is currently stopped, and lisinopril 10 mg daily.")
    assert m["aspirin"].status == "stopped"
    assert m["lisinopril"].status != "stopped"


def test_relative_clause_without_status_keeps_current(kb):
    m = _meds(kb, "Lasix 40 mg daily, which is working well, and aspirin 81 mg daily.")
    assert m["furosemide"].status == "" and m["aspirin"].status == ""


def test_has_not_had_denies_the_list(kb):
    assert not {"methotrexate", "azathioprine"} & set(_meds(kb, "She has not had methotrexate or azathioprine."))
    assert "methotrexate" in _meds(kb, "She has had methotrexate in the past.")


def test_after_discontinuing_is_stopped(kb):
    assert _meds(kb, "Her joints flared after discontinuing the methotrexate.")["methotrexate"].status == "stopped"


def test_weight_based_daily_dose(kb):
    m = _meds(kb, "Amoxicillin 45 mg/kg/day divided b.i.d. for ten days.")
    assert (m["amoxicillin"].dose, m["amoxicillin"].unit) == ("45", "mg/kg/day")


def test_antibiotic_class_allergy(kb):
    ex = analyze("ALLERGIES: Allergic to codeine and cephalosporins (hives).", kb).extraction
    assert "cephalosporins" in {a.substance for a in ex.allergies}
    ex = analyze("He was treated with cephalosporins for the cellulitis.", kb).extraction
    assert not ex.allergies and not ex.medications


def test_bare_adverb_participle_after_item(kb):
    m = _meds(kb, "Estradiol 1 mg daily, currently stopped, fish oil daily.")
    assert m["estradiol"].status == "stopped"
    assert m["omega-3 fatty acids (fish oil)"].status != "stopped"


def test_imperative_after_comma_is_the_next_drugs(kb):
    m = _meds(kb, "Continue aspirin, now stop Plavix.")
    assert m["aspirin"].status != "stopped" and m["clopidogrel"].status == "stopped"
