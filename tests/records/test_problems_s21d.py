"""Issue 11, session 21d: an aortic aneurysm takes the code of the part of the aorta written with it (ICD-10-CM
FY2023 I71.2x thoracic, I71.60 thoracoabdominal); the bare "aortic" was the nearer site word, so "thoracic aortic
aneurysm" had the unspecified-site I71.9. Sentences written for these tests."""

from __future__ import annotations

import pytest

from ._read import problems as _problems


@pytest.mark.parametrize("text,code", [
    ("History of thoracic aortic aneurysm.", "I71.20"),
    ("Ascending aortic aneurysm, followed by cardiology.", "I71.21"),
    ("CT: aneurysm of the aortic arch.", "I71.22"),
    ("Descending thoracic aortic aneurysm, 5 cm.", "I71.23"),
    ("Known thoracoabdominal aortic aneurysm.", "I71.60"),
    # guards: the bare aorta and the abdominal aneurysm keep their codes
    ("Known aortic aneurysm, 4.2 cm.", "I71.9"),
    ("Abdominal aortic aneurysm repaired in 2015.", "I71.40"),
])
def test_an_aortic_aneurysm_takes_the_part_of_the_aorta_written_with_it(kb, text, code):
    got = [c for t, c, _ in _problems(kb, text) if "aneurysm" in t]
    assert got == [code], _problems(kb, text)
