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
    ("He was on 3/4 L of oxygen overnight.", "3/4"),
    ("A bone scan was done at the outside Hospital.", "Hospital"),
])
def test_phi_left(text, word):
    assert not any(word in p for p in _phi(text))


def test_date_after_on_still_a_date():
    assert "3/4" in _phi("She was last seen on 3/4 for a rash.")


# --- medications not taken ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, drug", [
    ("Digoxin was 1.3 this morning.", "digoxin"),
    ("A lithium level was drawn before the dose.", "lithium"),
    ("Resting Myoview SPECT showed no perfusion defect.", "technetium tc 99m tetrofosmin"),
    ("She has a B12 deficiency on recent labs.", "cyanocobalamin"),
    ("His urine drug screen was positive for opiates and benzodiazepines.", "opioid"),
    ("ASA score was 2 and she tolerated sedation.", "aspirin"),
    ("Standard ASA monitors were applied.", "aspirin"),
    ("I will heparin lock her IV and advance her diet.", "heparin"),
    ("We could apply a cream of imiquimod if it persists.", "imiquimod"),
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
