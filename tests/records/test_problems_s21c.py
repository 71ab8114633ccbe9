"""Issue 11, session 21c (records23): a thoracic disc disorder is the thoracic spine's, never a chest injury; a
radiculopathy takes the ICD-10-CM code of the region or root level written with it (M54.12-M54.17, unspecified
M54.10) while sciatica keeps its own code; a cervical spondylotic myelopathy is M47.12. Sentences written for these
tests."""

from __future__ import annotations

import pytest

from ._read import problems as _problems


def _codes(kb, text):
    return [c for _, c, _ in _problems(kb, text)]


@pytest.mark.parametrize("text,codes", [
    # index: Displacement, intervertebral disc, thoracic M51.24; with myelopathy M51.04, with radiculopathy M51.14
    ("MRI shows a thoracic disc herniation.", ["M51.24"]),
    ("Known thoracic disc herniation with myelopathy.", ["M51.04"]),
    ("She has a thoracic disc bulge with radiculopathy.", ["M51.14"]),
    ("Imaging: thoracic disc degeneration.", ["M51.34"]),
    # the junctional regions
    ("Lumbosacral disc herniation on the scan.", ["M51.27"]),
])
def test_a_thoracic_disc_disorder_is_the_spines_not_a_chest_injury(kb, text, codes):
    got = _codes(kb, text)
    assert got == codes, _problems(kb, text)
    assert not any(c.startswith("S2") for c in got)


def test_a_thoracic_injury_is_still_the_chests(kb):
    assert _codes(kb, "He came in after a thoracic injury.") == ["S29.9XXA"]


@pytest.mark.parametrize("text,code", [
    ("Assessment: cervical radiculopathy.", "M54.12"),
    ("Assessment: cervicothoracic radiculopathy.", "M54.13"),
    ("Assessment: thoracic radiculopathy.", "M54.14"),
    ("Assessment: thoracolumbar radiculopathy.", "M54.15"),
    ("Assessment: lumbar radiculopathy.", "M54.16"),
    ("Assessment: lumbosacral radiculopathy.", "M54.17"),
    ("Assessment: radiculopathy.", "M54.10"),
    # by the root or the level written with it
    ("Exam fits a left C6 radiculopathy.", "M54.12"),
    ("Exam fits a right L5 radiculopathy.", "M54.16"),
    ("He has radiculopathy at L4-5 on the left.", "M54.16"),
    ("He has radiculopathy at L5-S1.", "M54.17"),
])
def test_a_radiculopathy_takes_its_regions_code(kb, text, code):
    assert _codes(kb, text) == [code], _problems(kb, text)


def test_sciatica_keeps_its_own_code_beside_a_lumbar_radiculopathy(kb):
    assert _codes(kb, "Lumbar radiculopathy with sciatica.") == ["M54.16", "M54.30"]


def test_a_negated_regional_radiculopathy_keeps_its_code_and_assertion(kb):
    got = _problems(kb, "There is no cervical radiculopathy.")
    assert [(c, a) for _, c, a in got] == [("M54.12", "negated")], got


@pytest.mark.parametrize("text,code", [
    # index: Spondylosis, with myelopathy NEC M47.1-: cervical M47.12
    ("Diagnosis: cervical spondylotic myelopathy.", "M47.12"),
    ("Diagnosis: cervical spondylosis with myelopathy.", "M47.12"),
])
def test_cervical_spondylotic_myelopathy_is_spondylosis_with_myelopathy(kb, text, code):
    assert _codes(kb, text) == [code], _problems(kb, text)


def test_spinal_words_must_name_a_known_site_and_carry_a_source():
    from medcore.knowledge import body_site

    doc = {"generic_codes": ["M51.9"], "kinds": {"disc": ["herniation"]},
           "sites": [{"site": "neck", "words": ["neck"], "codes": {"disc": "M50.20"}, "source": "s"}]}
    with pytest.raises(body_site.InjurySiteError):
        body_site.build({**doc, "spinal": {"source": "s", "kinds": ["disc"], "words": {"cervical": "nowhere"}}})
    with pytest.raises(body_site.InjurySiteError):
        body_site.build({**doc, "spinal": {"kinds": ["disc"], "words": {"cervical": "neck"}}})
    sites = body_site.build({**doc, "spinal": {"source": "s", "kinds": ["disc"], "words": {"cervical": "neck"}}})
    assert sites.code("cervical herniation", 9, 19, "M51.9") == "M50.20"
