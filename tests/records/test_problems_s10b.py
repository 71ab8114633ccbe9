"""Coordinator decisions of session 10 (issue 11, records11b) and the long tail after them: a problem that has
resolved is historical (it happened), diverticulosis is not diverticulitis. Sentences written for these tests."""

from __future__ import annotations

import pytest

from ._read import problems as _problems


def _assertion(kb, text, word):
    found = [a for w, _c, a in _problems(kb, text) if w == word]
    assert found, (word, _problems(kb, text))
    return found[0]


@pytest.mark.parametrize("text,word", [
    ("His cough resolved by the second week.", "cough"),
    ("Her headache has resolved with rest and fluids.", "headache"),
    ("Her stay was complicated by delirium, which has since resolved.", "delirium"),
    ("Vomiting, which resolved overnight, did not recur.", "vomiting"),
    ("The wheeze has now completely resolved.", "wheeze"),
])
def test_a_resolved_problem_is_historical(kb, text, word):
    assert _assertion(kb, text, word) == "historical"


@pytest.mark.parametrize("text,word,assertion", [
    ("His cough resolved but the fever persists.", "fever", "present"),   # "but" ends the scope
    ("No fever; the rash resolved last week.", "fever", "negated"),       # the denial stays a denial
    ("Rash resolved. Now has a new headache.", "headache", "present"),    # the next sentence is not touched
])
def test_resolved_does_not_reach_other_problems(kb, text, word, assertion):
    assert _assertion(kb, text, word) == assertion


@pytest.mark.parametrize("text,word,code", [
    ("Colonoscopy last year showed extensive diverticulosis.", "diverticulosis", "K57.90"),
    ("CT: acute diverticulitis with pericolic stranding.", "diverticulitis", "K57.92"),
])
def test_diverticulosis_is_not_diverticulitis(kb, text, word, code):
    assert [c for w, c, _a in _problems(kb, text) if w == word] == [code]


def test_diverticulosis_is_its_own_concept():
    import yaml
    from pathlib import Path

    rows = yaml.safe_load((Path(__file__).resolve().parents[2] / "assets/kb/knowledge/conditions.yaml").read_text())
    by_id = {r["id"]: r for r in rows["conditions"]}
    assert "diverticulosis" not in by_id["diverticulitis"].get("synonyms", [])
    assert by_id["diverticulosis"]["icd10cm"] == "K57.90"


@pytest.mark.parametrize("text,word,assertion", [
    # "did resolve" is "resolved"
    ("Her cough and wheeze did resolve during the stay.", "wheeze", "historical"),
    # a sentence that opens with its year tells a past episode; a chronic condition stays the patient's
    ("In 2015, an ultrasound showed gallstones.", "gallstones", "historical"),
    ("In March 2011, he was found to have diabetes.", "diabetes", "present"),
    ("She says that in 2015, she had a rash.", "rash", "present"),     # not the opening of the sentence
    ("In 4/03 she fractured her left wrist in a fall.", "fractured", "historical"),
    # "previously had" an episode is the past; the current complaint is not
    ("At church she previously had a brief syncope.", "syncope", "historical"),
    ("He has chest pain today and previously had a similar episode.", "chest pain", "present"),
    # a comparison with a past episode leaves the current problem present
    ("She still has nausea similar to her migraine attacks in the past.", "nausea", "present"),
])
def test_past_episodes_told_in_the_story(kb, text, word, assertion):
    assert _assertion(kb, text, word) == assertion


@pytest.mark.parametrize("text,word,code", [
    ("CHEST: Air entry is reduced at both bases.", "air entry is reduced", "R09.89"),
    ("Abdomen soft; bowel sounds were diminished.", "bowel sounds were diminished", "R19.15"),  # session 26b: diminished is R19.15, not hyperactive R19.12
    ("On palpation her liver is mildly enlarged.", "liver is mildly enlarged", "R16.0"),
])
def test_a_finding_told_as_a_predicate(kb, text, word, code):
    assert (word, code, "present") in _problems(kb, text)


@pytest.mark.parametrize("text", [
    # (session 14: one high reading is a raised reading, R03.0, never hypertension:
    # tests/records/test_problems_s14.py::test_a_high_blood_pressure_reading_is_not_hypertension)
    "The risk of bleeding is low.",                   # not a finding at all
])
def test_predicates_that_name_no_problem(kb, text):
    assert not any(a == "present" for _w, _c, a in _problems(kb, text)), _problems(kb, text)


@pytest.mark.parametrize("text,word,code", [
    ("X-ray today confirms a fractured right humerus.", "fractured", "S42.309A"),   # the site beside it codes it
    ("He lacerated his scalp on a cupboard door.", "lacerated", "S01.01XA"),
])
def test_injury_participles_name_the_injury(kb, text, word, code):
    assert (word, code, "present") in _problems(kb, text)


@pytest.mark.parametrize("text,word,code,assertion", [
    ("Review of systems: no eye or ear pain.", "eye", "H57.10", "negated"),
    ("Social: she has never had drug or alcohol abuse.", "drug", "F19.10", "negated"),
    ("She reports back and chest pain since the fall.", "back", "M54.9", "present"),
])
def test_a_head_noun_shared_by_a_list_of_sites(kb, text, word, code, assertion):
    assert (word, code, assertion) in _problems(kb, text)


def test_a_shared_head_needs_a_known_term(kb):
    # "fever pain" and "nausea pain" are no terms: only the named pain is read
    found = _problems(kb, "Denies fever, nausea or chest pain.")
    assert [w for w, _c, _a in found] == ["fever", "nausea", "chest pain"]


@pytest.mark.parametrize("text,found", [
    ("Renal ultrasound: left kidney stone without obstruction.", ("obstruction", "N13.9", "negated")),
    ("Nuclear renal scan shows no evidence of obstruction.", ("obstruction", "N13.9", "negated")),
])
def test_a_bare_obstruction_beside_kidney_words(kb, text, found):
    assert found in _problems(kb, text)


def test_a_bare_obstruction_elsewhere_is_not_urinary(kb):
    found = _problems(kb, "CT: dilated bowel loops beside the kidney, no obstruction.")
    assert not any(c == "N13.9" for _w, c, _a in found), found


@pytest.mark.parametrize("text,word,code", [
    ("Rectal exam: soft brown stool that is guaiac positive.", "guaiac positive", "R19.5"),
    ("Echocardiogram: normal LV function and left atrial enlargement.", "left atrial enlargement", "I51.7"),
])
def test_stool_blood_and_atrial_enlargement(kb, text, word, code):
    assert (word, code, "present") in _problems(kb, text)


def test_the_stool_blood_test_is_no_problem(kb):
    assert _problems(kb, "A fecal occult blood test was sent.") == []


def test_a_negated_predicate_is_read_over_its_adjective_and_negated(kb):
    assert ("enlarged", "I51.7", "negated") in _problems(kb, "The heart is not enlarged on this film.")
