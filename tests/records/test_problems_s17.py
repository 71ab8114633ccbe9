"""Issue 11, session 17 (records17): bare examination signs coded by the body site the note names (the largest
false-positive bucket of the session-16 precision study) and signs read only with their site (tenderness, masses).
Sentences written for these tests."""

from __future__ import annotations

import pytest

from ._read import problems as _problems


@pytest.mark.parametrize("text,word,code,assertion", [
    # the site is the subject of the sentence, the sign later in a list
    ("ORAL CAVITY: Tonsils show no exudate or erythema.", "erythema", "J35.8", "negated"),
    ("Mouth: gums look healthy, with no erythema, swelling or infection.", "swelling", "K06.8",
     "negated"),
    ("Ears: Left TM with an effusion. Right TM normal.", "effusion", "H65.90", "present"),
    ("Septum has a large perforation in its front part.", "perforation", "J34.89", "present"),
    ("Nares without turbinate edema.", "edema", "J34.89", "negated"),
    ("There are second degree burns on the left forearm.", "burns", "T22.019A", "present"),
])
def test_a_bare_sign_takes_the_code_of_its_site(kb, text, word, code, assertion):
    got = _problems(kb, text)
    assert (word, code, assertion) in got, got


@pytest.mark.parametrize("text,word,code,assertion", [
    # a sign the matcher does not read alone, read with the site named before it or after a preposition
    ("Genitalia: descended testes without tenderness or masses.", "tenderness", "N50.819", "negated"),
    ("Tender over the dorsum of the foot.", "tender", "M79.673", "present"),
    ("Examination of the thyroid reveals a smooth gland with no masses.", "masses", "E04.1", "negated"),
    ("There is a firm mass in the left breast.", "mass", "N63.0", "present"),
    ("No tenderness over either of the sinuses.", "tenderness", "J34.89", "negated"),
])
def test_a_sign_with_its_site_is_read(kb, text, word, code, assertion):
    got = _problems(kb, text)
    assert (word, code, assertion) in got, got


@pytest.mark.parametrize("text,word", [
    ("There was tenderness.", "tenderness"),  # no site: not a problem on its own
    ("The colon is without tenderness.", "tenderness"),  # a site without a pain code: not guessed
    # the nearest site has no code for the sign: the heading's site is not used instead
    ("Neck: the colon feels normal, no tenderness.", "tenderness"),
])
def test_a_sign_without_a_coded_site_is_not_read(kb, text, word):
    assert not [w for w, _, _ in _problems(kb, text) if w == word], _problems(kb, text)


def test_a_sign_of_a_site_without_that_kind_keeps_its_generic_code(kb):
    got = _problems(kb, "Chest pain, cough or swelling of the legs.")
    assert ("swelling", "R60.9", "present") in got, got


def test_a_bare_sign_in_a_note_about_the_nose_is_the_faces(kb):
    # the septum and the nose are parts of the face: the note's topic stays the face (records/note_site.py)
    text = ("CT of the facial bones. FINDINGS: Fracture through the frontal process of the maxilla. The nasal "
            "septum and the nasal bones are intact. The nose is otherwise normal. IMPRESSION: Fractures as "
            "described.")
    got = _problems(kb, text)
    assert ("fracture", "S02.92XA", "present") in got, got


@pytest.mark.parametrize("text,word,code", [
    ("PAST MEDICAL HISTORY: Anxiety; arthritis in her knee.", "arthritis", "M17.9"),
    ("She had minimal incisional wound tenderness.", "tenderness", "G89.18"),
])
def test_a_joint_or_incision_names_the_code(kb, text, word, code):
    got = _problems(kb, text)
    assert [c for w, c, _ in got if w == word] == [code], got


def test_a_newborns_problems_take_their_perinatal_codes(kb):
    text = ("NICU ADMISSION NOTE: Baby boy is a 2-day-old born at 34 weeks. He is slightly jaundiced and in mild "
            "respiratory distress. Blood culture sent to rule out sepsis.")
    got = {w: c for w, c, _ in _problems(kb, text)}
    assert got.get("jaundiced") == "P59.9" and got.get("sepsis") == "P36.9", got


def test_a_mothers_note_keeps_the_adult_codes(kb):
    # an obstetric note names the newborn, but its patient is the mother, aged in years
    text = "This 31-year-old G2P2 delivered a healthy newborn yesterday. Today she is jaundiced with sepsis."
    got = {w: c for w, c, _ in _problems(kb, text)}
    assert got.get("jaundiced") == "R17" and got.get("sepsis") == "A41.9", got


def test_pe_as_school_physical_education_is_not_an_embolism(kb):
    got = _problems(kb, "Right ankle sprain. She should skip PE at school for a week.")
    assert not [c for _, c, _ in got if c.startswith("I26")], got
    got = _problems(kb, "CT angiogram confirmed a PE in the right lower lobe.")
    assert [c for _, c, _ in got if c.startswith("I26")], got
