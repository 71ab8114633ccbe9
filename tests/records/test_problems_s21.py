"""Issue 11, session 21 (records21): a spinal disc problem coded by the level written with it (ICD-10-CM M50.2-/M50.3-
by cervical level, M51.2-/M51.3- by region: thoracic, thoracolumbar T12-L1, lumbar, lumbosacral L5-S1), 'DDD' read
as degenerative disc disease only beside spine words, and the side written with an elbow, wrist, hand, finger,
ankle, foot or toe problem carried into its code (M25.52-/53-/57-, M79.64-/67-, M19.02-/03-/04-/07-, M25.42-/43-/47-).
Sentences written for these tests."""

from __future__ import annotations

import pytest

from medcore.knowledge import body_site

from ._read import problems as _problems


def _codes(kb, text):
    return [c for _, c, _ in _problems(kb, text)]


@pytest.mark.parametrize("text,code", [
    # tabular M50.22-: displacement at C4-C5 M50.221, C5-C6 M50.222, C6-C7 M50.223
    ("The scan shows a C5-6 disc herniation.", "M50.222"),
    ("She has a herniated disc at C6-C7.", "M50.223"),
    ("Cervical disc displacement C4-5.", "M50.221"),
    ("Disc herniation at the C5/6 level.", "M50.222"),
    # high cervical (C2-C3, C3-C4) M50.21; cervicothoracic (C7-T1) M50.23
    ("A small disc protrusion at C3-4.", "M50.21"),
    ("There is a mild disc bulge at C7-T1.", "M50.23"),
    # degeneration: M50.32- by level
    ("Degenerative disc disease at C5-C6.", "M50.322"),
    # lumbar M51.26, lumbosacral M51.27, thoracolumbar M51.25, thoracic M51.24
    ("Bulging disc at L4-5.", "M51.26"),
    ("Disc herniation at L5-S1.", "M51.27"),
    ("Herniated disc at T12-L1.", "M51.25"),
    ("Small disc herniation at T7-8.", "M51.24"),
    # degeneration: lumbar M51.369, lumbosacral M51.379, thoracic M51.34
    ("Degenerative disc disease at L4-5.", "M51.369"),
    ("Lumbar degenerative disc disease at L5-S1.", "M51.379"),
    ("Degenerative disc disease at T8-9.", "M51.34"),
])
def test_a_disc_problem_takes_the_code_of_its_level(kb, text, code):
    assert code in _codes(kb, text), _problems(kb, text)


@pytest.mark.parametrize("text,code", [
    # levels listed together: the most superior (tabular note at M50: code to the most superior level)
    ("C5-6 and C6-7 disc herniations.", "M50.222"),
    ("Herniated disc at C5-C6 and C6-C7.", "M50.222"),
    ("MRI showed degenerative disc disease at L4-5 and L5-S1.", "M51.369"),
])
def test_listed_levels_take_the_most_superior(kb, text, code):
    assert _codes(kb, text) == [code], _problems(kb, text)


@pytest.mark.parametrize("text,code", [
    # a level told for another problem or an operation is not the disc's own
    ("A disc herniation at L4-5 and a disc bulge at C5-6.", ["M51.26", "M50.222"]),
    ("Status post C5-6 fusion for disc herniation.", ["M50.20"]),
])
def test_a_level_of_something_else_is_not_taken(kb, text, code):
    assert _codes(kb, text) == code, _problems(kb, text)


@pytest.mark.parametrize("text,code", [
    # a diagnosis-list form: the level after a comma
    ("Diagnosis before surgery: herniated nucleus pulposus, C5-C6.", "M50.222"),
    # index: Degeneration, intervertebral disc NOS M51.9, cervical M50.3-, thoracic M51.34, lumbosacral M51.37-
    ("Cervical degenerative disc disease with foraminal narrowing.", "M50.30"),
    ("Cervical DDD with foraminal narrowing.", "M50.30"),
    ("Thoracic degenerative disc disease on the scan.", "M51.34"),
    ("Lumbosacral degenerative disc disease.", "M51.379"),
    ("Cervical disc degeneration at C5-6.", "M50.322"),
    ("Disc degeneration at L4-5.", "M51.369"),
    ("Degenerated disc at L5-S1.", "M51.379"),
    ("The MRI shows disc degeneration.", "M51.9"),
])
def test_disc_degeneration_by_region_and_level(kb, text, code):
    assert code in _codes(kb, text), _problems(kb, text)


def test_levels_come_from_the_table():
    sites = body_site.build({"generic_codes": [], "kinds": {"disc": ["herniation"]},
                             "sites": [{"site": "neck", "words": ["c5-c6"], "codes": {"disc": "M50.20"}, "source": "t"}],
                             "levels": {"M50.20": {"c4-c5": "M50.221", "c5-c6": "M50.222"}}})
    s = "herniation at C5-6"
    assert sites.leveled(s, 0, len("herniation"), "M50.20") == "M50.222"
    assert sites.leveled(s, 0, len("herniation"), "M51.26") == "M51.26"  # not a levelled code
    s = "herniation at C6-7"
    assert sites.leveled(s, 0, len("herniation"), "M50.20") == "M50.20"  # a level the table does not list


@pytest.mark.parametrize("text,code", [
    ("MRI showed DDD at C6-7.", "M50.323"),
    ("DDD of the lumbar spine at L5-S1.", "M51.379"),
])
def test_ddd_beside_spine_words_is_degenerative_disc_disease(kb, text, code):
    assert code in _codes(kb, text), _problems(kb, text)


@pytest.mark.parametrize("text", [
    "He has a DDD pacemaker implanted in 2019.",
    "Paced rhythm, DDD mode.",
    # session 20: 'degenerative disease' with no disc or joint word stays unread
    "Degenerative disease at C5-6.",
])
def test_ddd_of_a_pacemaker_and_bare_degenerative_disease_stay_unread(kb, text):
    assert not [c for c in _codes(kb, text) if c and c.startswith(("M50", "M51"))], _problems(kb, text)


@pytest.mark.parametrize("text,code", [
    # Pain, joint: elbow M25.52-, wrist M25.53-, ankle M25.57- (no bilateral codes)
    ("Right elbow pain for two weeks.", "M25.521"),
    ("She has elbow pain.", "M25.529"),
    ("Left wrist pain since the fall.", "M25.532"),
    ("Pain in his right wrist.", "M25.531"),
    ("She has wrist pain.", "M25.539"),
    ("Left ankle pain when walking.", "M25.572"),
    ("Pain in the right ankle.", "M25.571"),
    # Pain, limb: hand M79.64-, finger M79.64-, foot M79.67-
    ("Pain in the left hand.", "M79.642"),
    ("Right hand pain since Monday.", "M79.641"),
    ("Left finger pain.", "M79.645"),
    ("Left foot pain.", "M79.672"),
    # Osteoarthritis: elbow M19.02-, wrist M19.03-, hand M19.04-, ankle and foot M19.07-
    ("Left elbow osteoarthritis.", "M19.022"),
    ("Right wrist osteoarthritis.", "M19.031"),
    ("Right hand osteoarthritis.", "M19.041"),
    ("Osteoarthritis of the left ankle.", "M19.072"),
    # Effusion, joint: elbow M25.42-
    ("Effusion of the right elbow.", "M25.421"),
    # both sides where the family has no bilateral code: the unspecified code
    ("Bilateral wrist pain.", "M25.539"),
])
def test_elbow_wrist_hand_ankle_foot_codes_take_the_written_side(kb, text, code):
    assert code in _codes(kb, text), _problems(kb, text)


def test_a_side_before_another_site_is_not_the_joints(kb):
    # the side belongs to the knee named before it, not to the wrist's osteoarthritis
    got = _codes(kb, "Left knee replacement; wrist osteoarthritis.")
    assert "M19.039" in got and "M19.032" not in got, got
