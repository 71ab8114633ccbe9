"""Injuries coded by the body site named near them (knowledge/body_site.py). Sentences written for these tests."""

from __future__ import annotations

import pytest

from medcore.knowledge.body_site import InjurySiteError, build
from medcore.records.pipeline import analyze
from tests.records.conftest import problem


@pytest.mark.parametrize("note,text,category", [
    ("Two lacerations of the penile shaft were closed.", "lacerations", "S31"),
    ("Contusion over the right forearm after the fall.", "Contusion", "S50"),
    ("Abrasion to the left knee, cleaned.", "Abrasion", "S80"),
    ("X-ray: fracture of the distal fibula.", "fracture", "S82"),
    ("Scalp laceration, 3 cm, stapled.", "laceration", "S01"),
])
def test_injury_takes_the_code_of_the_site_named_near_it(kb, note, text, category):
    p = problem(analyze(note, kb), text)
    assert p.icd10cm.startswith(category), (p.concept_id, p.icd10cm)


def test_without_a_site_the_injury_stays_unspecified(kb):
    p = problem(analyze("No fracture was seen.", kb), "fracture")
    assert p.icd10cm.startswith("T14")


def test_the_nearest_site_wins():
    # session 21c: only the kinds the table names as injuries fall back to a site's unspecified injury
    sites = build({"generic_codes": ["T14.8"], "kinds": {"laceration": ["laceration"]}, "injury_kinds": ["laceration"],
                   "sites": [{"site": "hand", "words": ["hand"], "codes": {"laceration": "S61.419A"}, "source": "x"},
                             {"site": "foot", "words": ["foot"], "codes": {"injury": "S99.929A"}, "source": "x"}]})
    s = "Hand intact; laceration of the foot."
    i = s.index("laceration")
    assert sites.code(s, i, i + len("laceration"), "T14.8") == "S99.929A"  # foot has no laceration code: its injury
    assert sites.code(s, i, i + len("laceration"), "S61.419A") is None  # already site-specific


def test_every_site_needs_a_source():
    with pytest.raises(InjurySiteError):
        build({"generic_codes": [], "kinds": {}, "sites": [{"site": "hand", "words": ["hand"], "codes": {}}]})


# ---- session 11: bleeding, infection and swelling coded by the site they name --------------------------------
@pytest.mark.parametrize("note,text,code", [
    ("He has had some bleeding from the rectum since Friday.", "bleeding", "K62.5"),
    ("Endoscopy showed gastric bleeding from an ulcer.", "bleeding", "K92.2"),
    ("There is no urethral bleeding after the catheter change.", "bleeding", "N36.8"),
    ("The left great toe is red and there is infection of the toe.", "infection", "L08.9"),
    ("She reports some facial swelling since the dental work.", "facial swelling", "R22.0"),
    ("He denies any tongue swelling after the sting.", "swelling", "K14.8"),
])
def test_bleeding_infection_and_swelling_take_their_sites_code(kb, note, text, code):
    p = problem(analyze(note, kb), text)
    assert p.icd10cm == code, (p.concept_id, p.icd10cm)


@pytest.mark.parametrize("note,text,category", [
    ("Leg swelling is worse in the evenings.", "Leg swelling", "R60"),  # the leg has no swelling code: oedema
    ("She had chest pain, cough and some bleeding.", "bleeding", "R58"),  # no site beside the bleeding
])
def test_no_site_of_its_own_keeps_the_general_code(kb, note, text, category):
    p = problem(analyze(note, kb), text)
    assert p.icd10cm.startswith(category), (p.concept_id, p.icd10cm)
