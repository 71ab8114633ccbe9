"""The graph cache's fast loader writes networkx's adjacency directly; it must give exactly the graph
add_edges_from gives (nodes, edges with keys and data, both directions), or a networkx upgrade has changed the
layout it relies on."""

from __future__ import annotations

import networkx as nx

from medcore.knowledge import graph_cache


def _slow(nodes, edges):
    g = nx.MultiDiGraph()
    g.add_nodes_from((n, d) for n, d in nodes)
    g.add_edges_from((u, v, k, d) for u, v, k, d in edges)
    return g


def _same(a: nx.MultiDiGraph, b: nx.MultiDiGraph) -> None:
    assert dict(a.nodes(data=True)) == dict(b.nodes(data=True))
    assert sorted(map(repr, a.edges(keys=True, data=True))) == sorted(map(repr, b.edges(keys=True, data=True)))
    for n in a:
        assert dict(a.pred[n]) == dict(b.pred[n]) and dict(a.succ[n]) == dict(b.succ[n])
    assert a.number_of_edges() == b.number_of_edges() and a.number_of_nodes() == b.number_of_nodes()


def test_fast_fill_equals_add_edges_from_on_parallel_edges_self_loops_and_unlisted_nodes():
    nodes = [["a", {"kind": "drug"}], ["b", {}], ["c", {"name": "C"}]]
    edges = [["a", "b", 0, {"rel": "x"}], ["a", "b", 1, {"rel": "y"}], ["b", "a", 0, {"rel": "z"}],
             ["c", "c", 0, {}], ["a", "d", 0, {"rel": "new node"}], ["a", "b", 1, {"w": 2}]]
    fast = graph_cache._fill(nx.MultiDiGraph(), nodes, edges)
    _same(fast, _slow(nodes, edges))
    assert fast["a"]["b"][1] == {"rel": "y", "w": 2}  # a repeated key updates, as add_edge does
    fast.add_edge("b", "c", rel="later")  # the graph stays a normal, mutable networkx graph
    assert fast.has_edge("b", "c") and "b" in fast.pred["c"]


def test_the_cached_real_graph_loads_equal_to_the_built_one(tmp_path):
    from medcore.knowledge.graph import build
    from medcore.config import Settings

    g, side = build(Settings.load(env={}).kb_dir)
    graph_cache.save(tmp_path, "d1", g, side, 1.0)
    loaded, side2, build_s = graph_cache.load(tmp_path, "d1")
    assert side2 == side and build_s == 1.0
    _same(loaded, g)
