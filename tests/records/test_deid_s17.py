"""De-identification, session 17 (issue 11): classes of identifier rather than single forms. People named by their
role (clergy, midwife, PCP, social worker, a parent "of the baby", a relative as a label), surname-first names after a
label in any case, given names as an instruction's object or in quotation marks, credentials with stops, towns as an
area or a trip's goal, named streets whose word is also clinical, longer facility heads, firms with ", Inc.",
congregations, prisons, a holiday's year; and the guards that keep clinical text. Sentences in our own words."""

import pytest

from medcore.deid import find_phi


def covered(text: str, phrase: str) -> bool:
    spans = find_phi(text)
    i = text.index(phrase)
    return all(any(s <= j < e for s, e, _ in spans) for j in range(i, i + len(phrase)) if text[j].isalnum())


def found(text: str) -> list[str]:
    return [text[s:e] for s, e, _ in find_phi(text)]


@pytest.mark.parametrize("text, phrase", [
    ("Family meeting with pastor Gideon Ashworth this afternoon.", "Gideon Ashworth"),
    ("Her PCP is Bartholomew Finch.", "Bartholomew Finch"),
    ("Reviewed with Ximena Castellanos (social work).", "Ximena Castellanos"),
    ("Case discussed with Ines Szymanska, pharmacist.", "Ines Szymanska"),
    ("FATHER:,  Orrin Talbergh is 70 and well.", "Orrin Talbergh"),
    ("Father of the baby, Desmond Okafor-Lyle, is present.", "Desmond Okafor-Lyle"),
    ("She lives with her parents Walter and Agnes Thornquist in town.", "Walter"),
    ("Attending: VANTERPOOL, HELGA", "VANTERPOOL, HELGA"),
    ("Patient: quillfeather, dorothy", "quillfeather, dorothy"),
    ("Instructed Isaac to avoid caffeine.", "Isaac"),
    ("We rebuilt the forehead for Isaac.", "Isaac"),
    ('The form was filled in by "Edna" at the front desk.', "Edna"),
    ("Evaluated by Jorge A. Mendez-Ruiz, M.D.", "Jorge A. Mendez-Ruiz"),
])
def test_a_person_named_by_role_label_or_instruction_is_removed(text, phrase):
    assert covered(text, phrase)


@pytest.mark.parametrize("text, phrase", [
    ("She would rather have surgery in the Harwick area, closer to home.", "Harwick"),
    ("He had just come back from a trip to Tahomish in Nevada.", "Tahomish"),
    ("He lives outside of Tampoville with his daughter.", "Tampoville"),
    ("Her dentist in Marlowby before the holiday gave her antibiotics.", "Marlowby"),
    ("He strained his back at the depot on Canal Street.", "Canal Street"),
    ("Moving next week to Evergreen Hospice House in Kalispell.", "Evergreen Hospice House"),
    ("The survey was paid for by Brightwell Review Panel, Inc. last year.", "Brightwell Review Panel, Inc"),
    ("She sings at the Greenfield Baptist Church.", "Greenfield Baptist Church"),
    ("He came from the Riverside Correctional Facility.", "Riverside Correctional Facility"),
    ("Employer contact: Hartley Logistics Group, by e-mail.", "Hartley Logistics Group"),
    ("Christmas 2019 she first felt the lump.", "2019"),
])
def test_a_place_firm_or_dated_holiday_is_removed(text, phrase):
    assert covered(text, phrase)


@pytest.mark.parametrize("text", [
    "Tenderness in the epigastric area, worse after meals.",
    "Pain in the Lumbar area radiating to the leg.",
    "Her sponsor is helping her stay sober.",
    "He had gunshot wounds back in Europe after the war.",
    "Take 2 tablets with Tylenol as needed.",
    "Results with Kelly clamp placement were good.",
    "She was told to follow up for Crohn disease.",
    "Mother: diabetes, hypertension.",
])
def test_clinical_words_and_large_regions_stay(text):
    assert found(text) == []
