"""The body-site table of the knowledge layer (assets/kb/knowledge/body_sites.yaml), shared by the record
summarizer and the literature reader."""

from __future__ import annotations

import pytest

from medcore.knowledge import body_site
from medcore.knowledge.drug_lexicon import DEFAULT_KB_DIR


def test_the_shipped_table_codes_a_site():
    sites = body_site.load(DEFAULT_KB_DIR)
    s = "She has a carcinoma of the pancreas."
    i = s.index("carcinoma")
    assert sites.code(s, i, i + len("carcinoma"), "C80.1") == "C25.9"
    assert sites.code(s, i, i + len("carcinoma"), "C25.9") is None  # already site-specific


def test_the_table_needs_a_source(tmp_path):
    (tmp_path / "knowledge").mkdir()
    (tmp_path / "knowledge" / body_site.DATA_FILE).write_text("generic_codes: [T14.8]\nkinds: {}\nsites: []\n")
    with pytest.raises(body_site.InjurySiteError, match="source"):
        body_site.load(tmp_path)


def _code(sites, sentence, word, generic):
    i = sentence.index(word)
    return sites.code(sentence, i, i + len(word), generic)


@pytest.mark.parametrize("sentence,word,generic,code", [
    # session 17: an examination sign with no site beside it takes the site its clause describes
    ("Tonsils show no exudate or erythema.", "erythema", "L53.9", "J35.8"),
    ("Gums look healthy, with no erythema, swelling or infection.", "infection", "B99.9", "K05.10"),
    ("Left TM with an effusion.", "effusion", "R68.89", "H65.90"),
    ("The right tympanic membrane shows no perforation.", "perforation", "K63.1", "H72.90"),
    # a sign joined to another by 'or'/'and' shares the site named after the list
    ("She had erythema and edema on the left soft palate.", "erythema", "L53.9", "K13.79"),
    # the new kinds by the site beside them
    ("Second degree burns on her right forearm.", "burns", "T30.0", "T22.019A"),
    ("Calcium score 79: mild atherosclerosis within the coronary vessels.", "atherosclerosis", "I70", "I25.10"),
])
def test_a_sign_takes_the_site_its_clause_describes(sentence, word, generic, code):
    assert _code(body_site.load(DEFAULT_KB_DIR), sentence, word, generic) == code


@pytest.mark.parametrize("sentence,word,generic", [
    ("Chest pain, cough or swelling of the legs.", "swelling", "R60"),  # the chest is another symptom's site
    ("Throat clear, but she did have erythema today.", "erythema", "L53.9"),  # 'but' opens a new clause
    ("The patient reports that her leg was examined and showed erythema.", "erythema", "L53.9"),  # not the subject
    ("The abdomen is soft and she has pain.", "pain", "R52"),  # pain is not read from the clause subject
])
def test_a_sign_without_a_described_site_keeps_its_generic_code(sentence, word, generic):
    assert _code(body_site.load(DEFAULT_KB_DIR), sentence, word, generic) is None


def test_a_sign_at_a_site_falls_back_to_the_sites_code_of_a_related_kind():
    sites = body_site.load(DEFAULT_KB_DIR)
    assert sites.sign_code("foot", "tender") == "M79.673"  # tenderness: the site's pain code
    assert sites.sign_code("abdomen", "tenderness") == "R10.819"  # the site's own tenderness code first
    assert sites.sign_code("neck", "masses") == "R22.1"  # a mass: the site's localized swelling
    assert sites.sign_code("thyroid", "tenderness") == "E07.89"  # the thyroid's own pain code
    assert sites.sign_code("colon", "tenderness") is None  # no pain code there: not read
    assert sites.sign_code("gland", "masses") is None  # not a site word


@pytest.mark.parametrize("sentence,word,generic,code", [
    ("Osteoarthritis of the right knee.", "Osteoarthritis", "M19.90", "M17.9"),
    ("She has degenerative joint disease of the hip.", "degenerative joint disease", "M19.90", "M16.9"),
    ("CT shows a fracture of the nasal bones.", "fracture", "T14.8XXA", "S02.2XXA"),  # the nose is its own site
    ("He has cellulitis of the left leg.", "cellulitis", "L03.90", "L03.119"),
    # a long site word right before the sign counts whole, though it starts before the window
    ("Supraglottitis and parapharyngeal cellulitis.", "cellulitis", "L03.90", "J39.0"),
    ("A small aneurysm of the middle cerebral artery.", "aneurysm", "I71.40", "I67.1"),
    ("Rule out intra-abdominal injury.", "injury", "T14.90", "S36.90XA"),  # the organs inside, not the wall
])
def test_osteoarthritis_and_the_nose_by_site(sentence, word, generic, code):
    assert _code(body_site.load(DEFAULT_KB_DIR), sentence, word, generic) == code


def test_a_part_of_the_face_counts_for_the_face_as_the_notes_topic():
    sites = body_site.load(DEFAULT_KB_DIR)
    assert sites.region_of["nose"] == "face" and sites.region_of["nasal septum"] == "face"
    assert sites.codes["nose"]["fracture"] == "S02.2XXA" and sites.codes["face"]["fracture"] == "S02.92XA"
