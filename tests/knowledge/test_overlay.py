"""Edges from a user's read papers laid over the cached graph: shown beside the guideline rows, marked
literature, each with its citation; the cached graph itself is never changed."""

from __future__ import annotations

from medcore.knowledge import overlay, service

CITATION = "Doe J et al. A trial of metformin. J Test Med 2020. PMID 123"
EDGE = {"start": "drug:metformin", "relation": "studied_for", "end": "condition:type2_diabetes", "source": CITATION,
        "attrs": {"origin": "literature", "outcome": "HbA1c", "effect": "MD -0.9 (95% CI -1.2 to -0.6)",
                  "direction": "decrease", "paper_id": 7}}


def test_ask_shows_literature_beside_guideline_rows(settings):
    edges = overlay.edges_from_dicts([EDGE])
    ans = service.ask(settings, "First-line treatment of type 2 diabetes", overlay=edges)
    assert ans.ok and ans.rows, "the guideline rows are still there"
    assert all(r.detail.get("origin") != "literature" for r in ans.rows), "literature never mixes into rows"
    assert any(r.target == "drug:metformin" for r in ans.rows)
    [lit] = ans.literature
    assert (lit.concept, lit.relation, lit.target) == ("drug:metformin", "studied_for", "condition:type2_diabetes")
    assert lit.source == CITATION and lit.detail["origin"] == "literature"
    assert "From your read papers (literature, not guidelines)" in ans.text and "HbA1c" in ans.text
    assert ans.to_dict()["literature"][0]["source"] == CITATION


def test_question_the_forms_cannot_map_is_answered_from_the_literature(settings):
    edges = overlay.edges_from_dicts([EDGE])
    without = service.ask(settings, "What was metformin studied for?")
    assert not without.ok and not without.literature
    ans = service.ask(settings, "What was metformin studied for?", overlay=edges)
    assert ans.ok and ans.literature[0].target == "condition:type2_diabetes" and "type 2" in ans.literature[0].target_name


def test_unrelated_overlay_edges_and_edges_without_citation_are_left_out(settings):
    no_source = dict(EDGE, source="")
    other = dict(EDGE, start="drug:warfarin", end="condition:atrial_fibrillation")
    edges = overlay.edges_from_dicts([no_source, other, "not a dict"])
    assert len(edges) == 1
    ans = service.ask(settings, "What was metformin studied for?", overlay=edges)
    assert ans.literature == []


def test_show_and_neighbourhood_carry_the_overlay_without_changing_the_graph(settings):
    edges = overlay.edges_from_dicts([EDGE])
    before = service.stats(settings)["edges"]
    view = service.show(settings, "drug:metformin", overlay=edges)
    [row] = view["relations"]["studied_for"]
    assert row["other"] == "condition:type2_diabetes" and row["attrs"]["origin"] == "literature"
    net = service.neighbourhood(settings, "drug:metformin", overlay=edges)
    assert any(e["relation"] == "studied_for" and e["source"] == CITATION for e in net["edges"])
    assert service.stats(settings)["edges"] == before
    assert "studied_for" not in (service.show(settings, "drug:metformin") or {})["relations"]


def test_stored_edges_belong_to_their_owner(store):
    from medcore.auth import User

    store.save_work("paper", {"graph_edges": [EDGE]}, title="mine", user="alice")
    store.save_work("paper", {"graph_edges": [dict(EDGE, source="B's paper")]}, title="theirs", user="bob")
    gone = store.save_work("paper", {"graph_edges": [dict(EDGE, source="deleted")]}, user="alice")
    store.set_work_status(gone, overlay.DELETED)
    assert [e.source for e in overlay.stored_edges(store, user="alice")] == [CITATION]
    alice = store.as_user(User("alice", "clinician"))
    assert [e.source for e in overlay.stored_edges(alice)] == [CITATION]
