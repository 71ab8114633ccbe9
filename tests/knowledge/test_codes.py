"""Every ICD-10-CM code cited anywhere in our knowledge bases exists in the shipped ICD-10-CM list, and
every HPO id exists in the shipped hp.obo."""

from __future__ import annotations

import re

import pytest

from tests.knowledge._term import KB

_ICD_FIELD = re.compile(r"\bicd10(?:cm)?:\s*['\"]?([A-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{1,4})?)")
_HPO = re.compile(r"\bHP:[0-9]{7}\b")


def _cited(pattern) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for path in sorted(KB.rglob("*.yaml")):
        for code in pattern.findall(path.read_text(encoding="utf-8")):
            out.setdefault(code, set()).add(str(path.relative_to(KB)))
    return out


def test_every_cited_icd10cm_code_exists():
    icd = pytest.importorskip("simple_icd_10_cm")
    cited = _cited(_ICD_FIELD)
    assert len(cited) > 300
    bad = {code: files for code, files in cited.items() if not icd.is_valid_item(code)}
    assert not bad, f"codes that are not ICD-10-CM (WHO ICD-10?): {bad}"


def test_every_cited_hpo_id_exists():
    from medcore.knowledge.sources import hpo

    cited = _cited(_HPO)
    assert len(cited) > 100
    assert not [h for h in cited if not hpo.exists(h)]


def test_our_reading_of_the_tabular_list_equals_the_package():
    icd = pytest.importorskip("simple_icd_10_cm")
    from medcore.knowledge.sources.icd10cm import read_tabular

    rows = {code: (title, inc) for code, title, inc, _ in read_tabular()}
    theirs = [c for c in icd.get_all_codes(True) if not icd.is_chapter_or_block(c)]
    assert set(theirs) <= set(rows)
    for code in theirs[::97]:
        assert rows[code] == (icd.get_description(code), icd.get_inclusion_term(code))
