"""Lay vocabulary breadth (issue 12, session 12): every phrasing of tests/triage/data/lay_phrases_s12.yaml, one chat
turn each, reads the findings it names (with what they imply, as the engine sees them) and none of its `not` ones.
The phrasings were written for this test in NHS.uk symptom-page style; at the session's base (eb539af) the chat's
exact reading (synonyms and the shared terminology, no embeddings) got 138 of these 241 right. It is a dev list: its
misses were fixed, so it measures nothing about unseen wording; it keeps the fixes from regressing."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

_DATA = yaml.safe_load((Path(__file__).parent / "data" / "lay_phrases_s12.yaml").read_text(encoding="utf-8"))
_ITEMS = _DATA["phrases"]


def test_the_list_is_broad():
    assert len(_ITEMS) >= 240
    assert len({f for it in _ITEMS for f in it["expect"]}) >= 180  # distinct findings


@pytest.mark.parametrize("item", _ITEMS, ids=[it["text"][:40] for it in _ITEMS])
def test_lay_phrase_reads_its_findings(lexical_engine, item):
    _, ex = lexical_engine.read_text(item["text"])
    ev = lexical_engine.closure({k: "yes" if v else "no" for k, v in ex.evidence().items()})
    assert [f for f in item["expect"] if ev.get(f) is not True] == []
    assert [f for f in item.get("not", []) if ev.get(f) is True] == []
