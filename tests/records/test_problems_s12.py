"""Issue 11, session 12 (records12): problem words with their organ named beside them, on the examination line or in
the sentence, and matched terms that no ICD-10-CM title names. Sentences written for these tests."""

from __future__ import annotations

import pytest

from ._read import problems as _problems


def _code_of(kb, text, word):
    found = [c for w, c, _a in _problems(kb, text) if w == word]
    assert found, (word, _problems(kb, text))
    return found[0]


@pytest.mark.parametrize("text,word,code", [
    ("Since Tuesday she has had tingling in both hands.", "tingling", "R20.2"),
    ("He describes paresthesias along the outer thigh.", "paresthesias", "R20.2"),
    ("Her fingertips go numb when she types.", "numb", "R20.2"),
    ("The scan showed a brain tumor near the midline.", "brain tumor", "D49.6"),
    ("Clumsiness and incoordination of the left hand.", "incoordination", "R27.8"),
    ("Walking is slow with a gait disturbance.", "gait disturbance", "R26.9"),
    ("Wasting with muscle atrophy of the calves.", "muscle atrophy", "M62.50"),
    ("A known coagulopathy complicates surgery.", "coagulopathy", "D68.9"),
])
def test_matched_terms_without_an_icd_title_take_the_curated_code(kb, text, word, code):
    assert _code_of(kb, text, word) == code


@pytest.mark.parametrize("text,word,code", [
    ("The abdominal CT found a small pancreatic lesion.", "pancreatic lesion", "K86.9"),
    ("Imaging found a 2 cm lesion of the right adrenal gland.", "lesion", "E27.9"),
    ("There is also a left adrenal nodule.", "adrenal nodule", "E27.9"),
    ("An MRI of the brain shows an infiltrating neoplasm of the left temporal lobe.", "neoplasm", "D49.6"),
    ("At the tail of the pancreas a neoplasm cannot be excluded.", "neoplasm", "D49.0"),
])
def test_a_lesion_or_neoplasm_takes_the_code_of_the_organ_beside_it(kb, text, word, code):
    assert _code_of(kb, text, word) == code


def test_the_first_organ_of_a_list_shares_the_lesion_head(kb):
    found = {w: c for w, c, _a in _problems(kb, "The CT found pancreatic and left adrenal lesions.")}
    assert found.get("pancreatic") == "K86.9"
    assert found.get("adrenal lesions") == "E27.9"


@pytest.mark.parametrize("text,word,code", [
    ("HEAD: Atraumatic. No masses.", "masses", "R22.0"),
    ("HEAD: Atraumatic. No lesions.", "lesions", "L98.9"),
    ("SKIN: Warm and dry, no masses.", "masses", "R22.9"),
])
def test_a_mass_sought_on_an_examination_line_takes_the_line_organ(kb, text, word, code):
    found = [(c, a) for w, c, a in _problems(kb, text) if w == word]
    assert found == [(code, "negated")], _problems(kb, text)


@pytest.mark.parametrize("text", [
    "The lesion in the liver and the pancreatic duct were both reviewed.",  # another organ beside it
    "A skin lesion was removed; the pancreas was normal.",
])
def test_an_organ_lesion_needs_its_own_organ_alone(kb, text):
    assert not any(c in ("K86.9", "E27.9") for _w, c, _a in _problems(kb, text)), _problems(kb, text)


@pytest.mark.parametrize("text,code", [
    ("She came in after several falls at home.", "R29.6"),
    ("No falls since the last visit.", "R29.6"),
    ("She had a fall on the ice yesterday.", "W19.XXXA"),
])
def test_falls_in_the_plural_are_repeated_falls(kb, text, code):
    codes = [c for w, c, _a in _problems(kb, text) if "fall" in w]
    assert codes == [code], _problems(kb, text)


@pytest.mark.parametrize("text,code", [
    ("He has had pain in his big toes for a week.", "M79.676"),
    ("Since the fall she has pain in her left thumb.", "M79.645"),  # session 21: the written side (M79.64-)
    ("There is pain in both knees on stairs.", "M25.569"),
])
def test_a_bare_pain_takes_the_code_of_the_site_beside_it(kb, text, code):
    assert [c for w, c, _a in _problems(kb, text) if w.startswith("pain")] == [code], _problems(kb, text)


@pytest.mark.parametrize("text", [
    "Her pain is much better today.",                  # no site beside it
    # (session 14: an as-needed order's indication, "as needed for pain", is read as hypothetical pain, R52:
    # tests/records/test_problems_s14.py)
])
def test_a_bare_pain_without_a_site_stays_unread(kb, text):
    assert not [w for w, _c, _a in _problems(kb, text) if w == "pain"], _problems(kb, text)


def test_a_site_named_after_pain_keeps_its_own_term(kb):
    assert ("pain in the chest", "R07.9") in [(w, c) for w, c, _a in _problems(kb, "Pain in the chest on exertion.")]


@pytest.mark.parametrize("text,word,code", [
    ("Two days of scrotal swelling and fever.", "swelling", "N50.89"),
    ("Exploration found a testicular abscess on the left.", "abscess", "N45.4"),
    ("Ultrasound showed an abscess of the liver, 4 cm across.", "abscess", "K75.0"),
])
def test_an_abscess_or_swelling_of_a_named_organ_takes_the_organ_code(kb, text, word, code):
    assert _code_of(kb, text, word) == code


def test_an_abscess_of_no_named_organ_stays_cutaneous(kb):
    assert _code_of(kb, "The abscess was drained and packed.", "abscess") == "L02.91"


@pytest.mark.parametrize("text,word,code", [
    ("Endoscopy showed a small hiatal hernia.", "hiatal hernia", "K44.9"),     # not hernia NOS, K46.9
    ("Background of Alzheimer's dementia.", "alzheimer's dementia", "G30.9"),  # not dementia NOS, F03.90
    ("Old third and fourth metatarsal head fractures, healing.", "fractures", "S92.909A"),  # a bone's head is not the head
])
def test_a_specific_kind_is_not_coded_to_its_general_entry(kb, text, word, code):
    assert _code_of(kb, text, word) == code


def test_alzheimer_dementia_in_a_past_history_is_a_present_chronic_problem(kb):
    got = [(c, a) for w, c, a in _problems(kb, "Past history of Alzheimer's dementia.") if "alzheimer" in w]
    assert got == [("G30.9", "present")]


@pytest.mark.parametrize("text,word,code", [
    ("The scan shows a disc protrusion at the L4-L5 level.", "disc protrusion", "M51.26"),
    ("There is a small disc bulge at C5-C6 without cord contact.", "disc bulge", "M50.222"),  # session 21: by level
    ("An old herniated disc, level not recorded.", "herniated disc", "M51.9"),
    ("Some neuroforaminal narrowing on the left.", "neuroforaminal narrowing", "M48.00"),
    ("A disk-osteophyte complex indents the thecal sac.", "disk-osteophyte complex", "M47.819"),
])
def test_spine_imaging_words_take_the_region_of_the_level_beside_them(kb, text, word, code):
    assert _code_of(kb, text, word) == code


def test_a_consent_list_opened_by_risks_of_is_hypothetical(kb):
    text = "The risks of sedation, bleeding, infection and stroke were explained and she agreed."
    got = {w: a for w, _c, a in _problems(kb, text)}
    assert got.get("bleeding") == "hypothetical" and got.get("stroke") == "hypothetical", got
    assert {w: a for w, _c, a in _problems(kb, "Her course was marked by bleeding, infection and stroke.")}.get(
        "bleeding") == "present"
