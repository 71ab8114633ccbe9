"""`python -m medcore kg ...`: the same service as the page, printed as text or JSON."""

from __future__ import annotations

import json

import networkx as nx

from medcore.cli import main


def _run(capsys, *argv) -> tuple[int, str]:
    rc = main(list(argv))
    return rc, capsys.readouterr().out


def test_kg_ask_json(settings, capsys):
    rc, out = _run(capsys, "kg", "ask", "What can cause chest pain?", "--json")
    data = json.loads(out)
    assert rc == 0 and data["ok"] and data["understood"]["intent"] == "causes"
    row = data["rows"][0]
    assert set(row) >= {"concept", "relation", "target", "source"} and row["source"]


def test_kg_ask_unmapped_exits_nonzero(settings, capsys):
    rc, out = _run(capsys, "kg", "ask", "tell me a joke")
    assert rc == 1 and "I understood" in out


def test_kg_search_json_ranks_concepts(settings, capsys):
    rc, out = _run(capsys, "kg", "search", "pneumonia", "--json")
    hits = json.loads(out)
    assert rc == 0 and hits[0]["id"] == "condition:pneumonia"
    assert hits[0]["codes"]["icd10cm"] == ["J18.9"] and hits[0]["matched"] == "pneumonia"


def test_kg_show_and_unknown_id(settings, capsys):
    rc, out = _run(capsys, "kg", "show", "drug:warfarin", "--json")
    view = json.loads(out)
    assert rc == 0 and view["concept"]["name"] == "warfarin" and view["counts"]["interacts_with"] > 10
    assert all(r["source"] for rows in view["relations"].values() for r in rows)
    rc, _ = _run(capsys, "kg", "show", "drug:no_such_drug")
    assert rc == 1


def test_kg_stats_json(settings, capsys):
    rc, out = _run(capsys, "kg", "stats", "--json")
    st = json.loads(out)
    assert rc == 0 and st["concepts_by_type"]["drug"] > 100 and st["relations"]["interacts_with"] > 100
    assert st["build_s"] >= 0 and st["digest"]


def test_kg_export_graphml(settings, capsys, tmp_path):
    rc, out = _run(capsys, "kg", "export", "--format", "graphml", str(tmp_path / "g.graphml"))
    assert rc == 0
    assert nx.read_graphml(out.strip()).number_of_nodes() > 900
