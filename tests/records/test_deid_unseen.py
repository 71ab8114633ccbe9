"""De-identification rules found on notes the rules had not seen (issue 11, session 9, helper phi11b; the PHI-only
sample `dev_phi_s9`): facilities named by one word after a verb of moving that takes an object or an adverb,
camel-case names, institutions named only by generic words, names listed after a relative, country names that
GeoNames writes another way, and specialty departments that are not facilities. Sentences written for these tests."""

from __future__ import annotations

import pytest

from medcore.deid import deidentify


def _found(text: str) -> set[tuple[str, str]]:
    return {(s.type, s.text) for s in deidentify(text, shift_days=-40).spans}


@pytest.mark.parametrize("text, phi, kind", [
    ("After the fall she was flown directly to PeaceValley for surgery.", "PeaceValley", "HOSPITAL"),
    ("The team plans to transfer the patient to DEF once a bed opens.", "DEF", "HOSPITAL"),
    ("He will return to Bellhaven for his scan next week.", "Bellhaven", "HOSPITAL"),
    ("Initially treated at Regional Hospital, then moved.", "Regional Hospital", "HOSPITAL"),
    ("We sent him to University Hospital for a biopsy.", "University Hospital", "HOSPITAL"),
    ("Her sons, Tomas and Bertrand, visit daily.", "Bertrand", "NAME"),
    ("Her sons, Tomas and Bertrand, visit daily.", "Tomas", "NAME"),
    ("His nieces Odile, Marguerite and Ines were present.", "Ines", "NAME"),
    ("His nieces Odile, Marguerite and Ines were present.", "Marguerite", "NAME"),
    ("He served with the army in Korea long ago.", "Korea", "COUNTRY"),
    ("A long stay in Burma in her twenties.", "Burma", "COUNTRY"),
    ("She has lived in ABC since her stroke.", "ABC", "CITY"),
    ("Bloods were taken at ABCD last week.", "ABCD", "HOSPITAL"),
    ("Together beginning 1987, then apart.", "1987", "DATE"),
    ("Laminectomies from 1986 to 1991.", "1991", "DATE"),
    ("Two stents, the most recent in the calendar year 2012.", "2012", "DATE"),
    ("Warfarin since her 1979 surgery.", "1979", "DATE"),
    ("PMH: 1. Gout. 2. Hepatitis B - 1996. 3. Asthma.", "1996", "DATE"),
    ("Her closest friend, whose name is Philippa, visits.", "Philippa", "NAME"),
    ("Last spring he met Omar.", "Omar", "NAME"),
    ("REASON: Patient JT is a 71-year-old retired pilot.", "JT", "NAME"),
    ("Brought in by Fairview Police Department after a fall.", "Fairview Police Department", "ORGANIZATION"),
    ("Flares in October and November each year.", "November", "DATE"),
])
def test_identifiers_of_unseen_notes_are_found(text, phi, kind):
    assert (kind, phi) in _found(text), _found(text)


@pytest.mark.parametrize("text, kept", [
    ("Plan agreed with Dr. Q from Radiation Oncology.", "Radiation Oncology"),
    ("Seen in the General Hospital clinic last year.", "General Hospital"),
    ("Plan: transferred to ICU overnight, then referred to GYN for a smear.", "GYN"),
    ("He says he will go back to Narcotics Anonymous.", "Narcotics Anonymous"),
    ("Wife Mary, Denies tobacco.", "Denies"),
    ("Metoprolol 25 mg twice daily, BP 128/76, creatinine 1.1 mg/dL.", "128/76"),
    ("Vitamin B12 level above 2000, folate normal.", "2000"),
    ("Fluids: 2000 mL from 1990 hours to 2100 hours.", "2000"),
    ("Secured with a titanium ABC plate; airway, breathing, circulation (ABCs) intact.", "ABC"),
    ("Clinic follow-up on mm/dd/yy at XXX.", "XXX"),
    ("Clamped with a Kelly clamp; closed with Steven scissors.", "Kelly"),
    ("She was seen by Cardiology, and we told Neurology.", "Neurology"),
    ("Walks daily. May need a cane and a review in the spring.", "May"),
    ("Plan: refer to DBT, and review in clinic.", "DBT"),
])
def test_departments_units_and_ordinary_words_stay(text, kept):
    assert all(kept not in phi for _, phi in _found(text)), _found(text)
