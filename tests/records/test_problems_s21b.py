"""Issue 11, session 21b (records22): a spinal disc disorder told with the myelopathy or radiculopathy it causes, in
one phrase, is one problem with the ICD-10-CM combination code (M50.0-/M50.1- cervical by level, M51.0-/M51.1-
thoracic, thoracolumbar, lumbar, lumbosacral); separate list items keep two codes. And a degenerative disc disease with
its level after a comma ('..., C5-6') takes the level's code, as a disc herniation does. Sentences written for these
tests."""

from __future__ import annotations

import pytest

from ._read import problems as _problems


def _codes(kb, text):
    return [c for _, c, _ in _problems(kb, text)]


@pytest.mark.parametrize("text,code", [
    # M50.02-: cervical disc disorder with myelopathy, mid-cervical by level (C5-C6 M50.022)
    ("MRI: C5-6 disc herniation with myelopathy.", "M50.022"),
    ("Degenerative disc disease at C6-C7 with early myelopathy.", "M50.023"),
    # M50.1-: with radiculopathy (C4-C5 M50.121; no level: unspecified cervical region M50.10)
    ("She has a C4-5 disc bulge causing left C5 radiculopathy.", "M50.121"),
    ("Cervical disc herniation with radiculopathy.", "M50.10"),
    # the diagnosis-list form with its level after a comma
    ("HNP, C5-C6 with right arm radiculopathy.", "M50.122"),
    # M51.1-: lumbar M51.16, lumbosacral M51.17; M51.0-: thoracic with myelopathy M51.04
    ("Herniated disc at L4-L5 causing radiculopathy.", "M51.16"),
    ("Disc extrusion at L5-S1 with radiculopathy.", "M51.17"),
    ("Disc herniation at T8-9 with myelopathy.", "M51.04"),
])
def test_a_disc_disorder_with_its_myelopathy_or_radiculopathy_is_one_combination_code(kb, text, code):
    got = _problems(kb, text)
    assert [c for _, c, _ in got] == [code], got
    assert "myelopathy" in got[0][0] or "radiculopathy" in got[0][0]  # the one problem names both


@pytest.mark.parametrize("text,codes", [
    # separate list items, 'and', a comma, or another problem between: two problems, each with its own code
    ("Impression: 1. C5-6 disc herniation. 2. Myelopathy.", ["M50.222", "G95.9"]),
    ("C5-6 disc herniation, myelopathy.", ["M50.222", "G95.9"]),
    ("C5-6 disc herniation and cervical myelopathy.", ["M50.222", "G95.9"]),
    ("Disc herniation at C5-6 with cord compression and myelopathy.", ["M50.222", "G95.20", "G95.9"]),
    # no region, no combination code to take; lumbosacral has no myelopathy code (the cord ends above it)
    ("Disc herniation with radiculopathy.", ["M51.9", "M54.10"]),
    ("Degenerative disc disease at L5-S1 with myelopathy.", ["M51.379", "G95.9"]),
])
def test_a_disc_disorder_and_a_separate_nerve_problem_keep_their_own_codes(kb, text, codes):
    assert _codes(kb, text) == codes, _problems(kb, text)


def test_a_denied_myelopathy_is_not_folded_into_the_disc_code(kb):
    got = _problems(kb, "There is a C5-6 disc herniation with no myelopathy.")
    assert [(c, a) for _, c, a in got] == [("M50.222", "present"), ("G95.9", "negated")], got


@pytest.mark.parametrize("text,code", [
    # index: Degeneration, intervertebral disc, cervical M50.3- (C5-C6 M50.322); lumbosacral M51.37-
    ("Degenerative disc disease, C5-6.", "M50.322"),
    ("Assessment: degenerative disc disease, C6-C7 and C7-T1.", "M50.323"),
    ("Degenerative disc disease, L5-S1.", "M51.379"),
])
def test_degenerative_disc_disease_takes_the_level_after_a_comma(kb, text, code):
    assert _codes(kb, text) == [code], _problems(kb, text)


@pytest.mark.parametrize("text,codes", [
    ("Degenerative disc disease, hypertension.", ["M51.9", "I10"]),  # no level after the comma: no region
    ("Swelling, C5-6 disc bulge.", ["R60.9", "M50.222"]),  # a level read for a disc problem only, not a swelling
])
def test_a_comma_level_is_read_only_for_a_disc_problem(kb, text, codes):
    assert _codes(kb, text) == codes, _problems(kb, text)
