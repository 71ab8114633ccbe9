"""Medications, session 17 (issue 11): dose and schedule shapes by class rather than by note. A count of tablets
before the name times the strength after it; liquids measured in spoons; drops after a per-cent strength; a dose
per square metre written out; ranges of hours and of doses a day written with a hyphen; "everyday"; one schedule
for two bare names joined by "and" even when a verb gave them a status; a plan that rules a drug out ("should not
be used"). Sentences in our own words."""

import pytest

from medcore.records.pipeline import analyze
from medcore.records.real_eval import frequency_agrees, frequency_names, norm_dose


def meds(kb, text):
    return analyze(text, kb).extraction.medications


def one(kb, text):
    out = meds(kb, text)
    assert len(out) == 1, [m.name for m in out]
    return out[0]


@pytest.mark.parametrize("text, want", [
    ("Take one half tablet of warfarin 5 mg daily.", "2.5 mg"),
    ("Take 2 tablets of Tylenol 500 mg every 6 hours.", "1000 mg"),
    ("She takes Lortab Elixir, 2 to 4 teaspoons when the pain is bad.", "2 to 4 teaspoons"),
    ("Give Omnicef 250 mg/5 mL one teaspoon by mouth daily.", "1 teaspoon"),
    ("Timolol 0.25% solution, 2 drops to the left eye twice a day.", "2 drops"),
    ("Temodar 150 mg/sq m by mouth for five days.", "150 mg/sq m"),
])
def test_the_dose_taken_is_read_in_its_written_form(kb, text, want):
    m = one(kb, text)
    assert norm_dose(f"{m.dose} {m.unit}") == norm_dose(want)


@pytest.mark.parametrize("text", [
    "A 3 mL of 1% lidocaine was injected.",  # a volume of a per-cent solution keeps the strength (session 15)
    "Elocon cream 0.1% twice daily.",
])
def test_a_per_cent_strength_without_counted_drops_stays_the_dose(kb, text):
    assert one(kb, text).unit == "%"


@pytest.mark.parametrize("text, gold", [
    ("Percocet 5/325 mg, one tablet every 6-8 hours if needed.", "every 6-8 hours as needed"),
    ("Ibuprofen 200 mg 3-4 times a day with food.", "3-4 times daily"),
    ("Ibuprofen 400 mg once or twice a day.", "1-2 times daily"),
    ("Temodar 150 mg/sq m everyday this week.", "once daily"),
])
def test_ranges_and_everyday_agree_with_the_gold_form(kb, text, gold):
    assert frequency_agrees(gold, one(kb, text), frequency_names(kb))


def test_two_bare_names_joined_by_and_share_the_schedule_under_one_verb(kb):
    out = {m.name: m for m in meds(kb, "We start Motrin and Tylenol as needed for the aches.")}
    assert out["acetaminophen"].prn and out["ibuprofen"].prn


def test_a_drug_the_plan_rules_out_is_not_current(kb):
    assert one(kb, "Given the bleed, heparin should not be used for now.").status == "stopped"
    assert one(kb, "Heparin 5000 units twice daily was given.").status != "stopped"
