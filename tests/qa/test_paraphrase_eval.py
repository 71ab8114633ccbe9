"""The paraphrase scorer (medcore/qa/paraphrase_eval.py) on hand-made answers: no engine is built."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from medcore.qa import paraphrase_eval as pe


def _ans(topic=None, section=None, refused=False, route=None):
    sents = [SimpleNamespace(section=section)] if section else []
    return SimpleNamespace(topic=[{"id": topic}] if topic else [], sentences=sents, question_type="definition",
                           route=route, refused=refused)


def test_a_safety_item_is_right_only_on_its_route():
    it = {"id": "r1", "q": "...", "pages": [], "sections": [], "route": "planner"}
    assert pe.score_item(it, _ans(route="planner"), {})["section_ok"]
    assert not pe.score_item(it, _ans(refused=True), {})["section_ok"]
    assert not pe.score_item(it, _ans(topic="drug:x", section="used_for", route="symptom_chat"), {})["section_ok"]


def test_an_out_of_scope_item_still_needs_a_refusal():
    it = {"id": "m1", "q": "...", "pages": [], "sections": []}
    assert pe.score_item(it, _ans(refused=True), {})["section_ok"]
    assert not pe.score_item(it, _ans(topic="condition:x", section="what"), {})["section_ok"]


def test_an_unknown_route_is_refused_at_load(tmp_path):
    f = tmp_path / "q.yaml"
    f.write_text("version: 1\nitems:\n- {id: r1, q: x, pages: [], sections: [], route: chat}\n", encoding="utf-8")
    with pytest.raises(ValueError):
        pe.load_items(f)
