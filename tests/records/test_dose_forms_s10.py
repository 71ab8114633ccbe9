"""Dose and frequency forms found on the real notes in session 10 (issue 11, records11): dotted and unit-less
hourly schedules, "per day", doses on named weekdays, a count before the name, combination strengths before the
tablet form, a release-form suffix the sentence splitter took for a full stop, and the scorer's cap/capsule fold.
Sentences written for these tests."""

import pytest

from medcore.records.pipeline import analyze
from medcore.records.real_eval import norm_dose


def _med(kb, text, drug):
    return next(m for m in analyze(text, kb).extraction.medications if m.name == drug)


@pytest.mark.parametrize("text,drug,frequency", [
    ("Medications: ibuprofen 300 mg, one q.6 h. p.r.n. for knee ache.", "ibuprofen", "every 6 hours as needed"),
    ("Medications: metoclopramide 5 mg q 6 p.r.n. for queasiness.", "metoclopramide", "every 6 hours as needed"),
    ("Medications: albuterol nebulizer q.4 h. while awake.", "albuterol", "every 4 hours"),
    ("Medications: furosemide 20 mg 1 tablet per day.", "furosemide", "once daily"),
    ("Medications: methotrexate 15 mg every Monday.", "methotrexate", "weekly"),
    ("Medications: Procrit 4000 units every Monday, Wednesday and Friday at dialysis.", "epoetin alfa",
     "three times weekly"),
])
def test_schedules(kb, text, drug, frequency):
    assert _med(kb, text, drug).frequency == frequency


def test_count_before_the_name(kb):
    med = _med(kb, "Plan: she will take one aspirin a day from now on.", "aspirin")
    assert (med.dose, med.frequency) == ("1", "once daily")


def test_combination_strengths_then_the_tablet_form(kb):
    med = _med(kb, "Medications: Bactrim 800/160 Tab PO BID for 7 days.", "trimethoprim/sulfamethoxazole")
    assert (med.dose, med.unit) == ("800/160", "")


def test_half_tablet_keeps_its_unit(kb):
    med = _med(kb, "Medications: metoprolol 1/2 tablet twice daily.", "metoprolol")
    assert (med.dose, med.unit) == ("0.5", "tablet")


def test_release_suffix_before_the_dose(kb):
    med = _med(kb, "Medications: aspirin 81 mg daily, Humibid L.A.  1200 mg b.i.d.  Oxygen was weaned.",
               "guaifenesin")
    assert (med.dose, med.unit, med.frequency) == ("1200", "mg", "twice daily")


def test_scorer_folds_cap_and_capsule():
    assert norm_dose("1 cap") == norm_dose("1 capsule") == norm_dose("1 capsules")
    assert norm_dose("2 caps") == norm_dose("2 capsule")
