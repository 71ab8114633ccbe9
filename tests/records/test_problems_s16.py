"""Issue 11, session 16 (records16; dev sets studied): examination findings and negatives without a vocabulary term
(clicks, rubs over the lungs, ptosis, exudate on the tonsils), imaging findings (sinus mucosal thickening, nuclear
sclerosis, a herniated nucleus pulposus or HNP by its level, stenosis at a spinal level, guttata, a hypoplastic
sinus), each with its ICD-10-CM code; words that must not read as them. Sentences written for these tests."""

from __future__ import annotations

import pytest

from ._read import problems as _problems


@pytest.mark.parametrize("text,word,code,assertion", [
    ("Heart: regular rhythm, no murmurs, gallops or clicks.", "clicks", "R01.2", "negated"),
    ("On listening over both lungs no rubs are heard.", "rubs", "R09.1", "negated"),
    ("Eyes: pupils reactive, there is no ptosis.", "ptosis", "H02.409", "negated"),
    ("Throat: tonsils enlarged without exudate.", "exudate", "J02.9", "negated"),
    ("CT: mild mucosal thickening in the left maxillary sinus.", "mucosal thickening", "J34.89", "present"),
    ("Slit lamp: clear cornea, 2+ nuclear sclerosis of both lenses.", "nuclear sclerosis", "H25.10", "present"),
    ("Endothelium of the cornea shows scattered guttata.", "guttata", "H18.519", "present"),
    ("The left frontal sinus is hypoplastic on this scan.", "hypoplastic", "Q30.8", "present"),
    ("Impression: herniated nucleus pulposus at L4-L5.", "herniated nucleus pulposus", "M51.26", "present"),
    ("MRI shows a right paracentral HNP at C6-7.", "hnp", "M50.223", "present"),  # session 21: by level
    # session 28: the level written with the bare word names its region (index: Stenosis, spinal, lumbar region M48.061)
    ("Severe stenosis at L3-4 with a disc bulge.", "stenosis", "M48.061", "present"),
    ("She denies any weight gain this year.", "weight gain", "R63.5", "negated"),
    ("Past medical history: Alzheimer's.", "alzheimer's", "G30.9", "present"),  # chronic in a past history
    ("Past medical history: solitary kidney.", "solitary kidney", "Q60.0", "present"),
])
def test_finding_is_read_with_its_code(kb, text, word, code, assertion):
    found = [(c, a) for w, c, a in _problems(kb, text) if w == word]
    assert found == [(code, assertion)], _problems(kb, text)


@pytest.mark.parametrize("text,word", [
    ("Timolol eye drops, one drop in each eye twice a day.", "eye drops"),  # a medicine's form, not ptosis
    ("The knee clicks on flexion without pain.", "clicks"),  # a joint, not the heart
    ("Endoscopy: mucosal thickening of the gastric antrum.", "mucosal thickening"),  # not a sinus
    ("Moderate aortic stenosis on the echo.", "stenosis"),  # a valve, named by its own term
    ("Guttate psoriasis with scattered plaques on the trunk.", "guttata"),
])
def test_words_in_another_sense_are_not_these_findings(kb, text, word):
    got = _problems(kb, text)
    assert not [c for w, c, _ in got if w == word and c in ("H02.409", "R01.2", "J34.89", "M48.00", "H18.51", "H18.519")], got


@pytest.mark.parametrize("text,word,code,assertion", [
    ("Ultrasound: no intratesticular masses are seen.", "intratesticular masses", "N50.89", "negated"),
    ("He went on to multi-organ system failure.", "multi-organ system failure", "R68.89", "present"),
    ("She has no flashing lights in either eye.", "flashing lights", "H53.19", "negated"),
    ("Labs show ongoing hemolysis after the transfusion.", "ongoing hemolysis", "D59.9", "present"),
    ("Gonioscopy: narrow angles in both eyes.", "narrow angles", "H40.039", "present"),
    ("Septum midline, there is no nasoseptal hematoma.", "nasoseptal hematoma", "J34.89", "negated"),
    ("Eyes: sclerae nonicteric.", "nonicteric", "R17", "negated"),
    ("Bronchoscopy found thick mucus impactions on the left.", "mucus impactions", "J98.09", "present"),
    ("CT chest: a large anterior mediastinal mass.", "mediastinal mass", "J98.59", "present"),
    ("The baby is teething and drooling a lot.", "drooling", "R68.2", "present"),
])
def test_more_findings_are_read_with_their_code(kb, text, word, code, assertion):
    found = [(c, a) for w, c, a in _problems(kb, text) if w == word]
    assert found == [(code, assertion)], _problems(kb, text)


def test_a_hemolysed_sample_is_not_hemolysis_in_the_patient(kb):
    got = _problems(kb, "Potassium 6.2 on a hemolyzed specimen, likely hemolysis in the tube; redraw sent.")
    assert not [w for w, c, _ in got if c == "D59.9"], got


def test_an_infant_gaining_weight_on_feeds_is_growth_not_a_problem(kb):
    got = _problems(kb, "The baby feeds on demand and is gaining weight.")
    assert not [w for w, c, _ in got if c == "R63.5"], got


@pytest.mark.parametrize("text,code", [
    ("Lungs: clear to auscultation, no wheezes and no rubs.", "R09.1"),  # over the lungs: pleural
    ("Heart: no murmurs, gallops or rubs.", "R01.2"),  # beside the heart sounds: pericardial
    ("Lungs clear, heart regular without murmurs or rubs.", "R01.2"),  # the heart sounds decide
])
def test_a_bare_rub_is_coded_by_the_organ_it_was_listened_for(kb, text, code):
    assert [(c, a) for w, c, a in _problems(kb, text) if w == "rubs"] == [(code, "negated")], _problems(kb, text)
