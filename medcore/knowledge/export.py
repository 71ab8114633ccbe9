"""Export the graph for teams that outgrow one machine: GraphML, and node/edge CSVs for Neo4j.

The CSVs follow `neo4j-admin database import` headers: nodes.csv has `id:ID`, `:LABEL` and the
properties; edges.csv has `:START_ID`, `:END_ID`, `:TYPE` and the properties. Lists and mappings
become JSON strings (`;`-separated arrays would break on our free-text sources)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import networkx as nx

from medcore.knowledge.graph import KnowledgeGraph

NODE_FIELDS = ("id:ID", ":LABEL", "name", "synonyms", "codes", "sources", "attrs")
EDGE_FIELDS = (":START_ID", ":END_ID", ":TYPE", "source", "attrs")


def _text(v) -> str:
    if isinstance(v, (dict, list, tuple)):
        return json.dumps(v, ensure_ascii=False, sort_keys=True)
    return "" if v is None else str(v)


def flat_graph(kg: KnowledgeGraph) -> nx.MultiDiGraph:
    """A copy with scalar attributes only, which is what GraphML can hold."""
    flat = nx.MultiDiGraph()
    for n, d in kg.g.nodes(data=True):
        flat.add_node(n, type=d["type"], name=d["name"], synonyms=_text(d["synonyms"]), codes=_text(d["codes"]),
                      sources=_text(d["sources"]), attrs=_text(d["attrs"]))
    for u, v, k, d in kg.g.edges(keys=True, data=True):
        attrs = {a: x for a, x in d.items() if a not in ("relation", "source")}
        flat.add_edge(u, v, key=k, relation=d["relation"], source=d.get("source", ""), attrs=_text(attrs))
    flat.graph.update({"digest": kg.digest, "built_from": _text([Path(f).name for f in kg.files])})
    return flat


def export_graphml(kg: KnowledgeGraph, out: Path) -> list[Path]:
    out = Path(out)
    if out.suffix.lower() != ".graphml":
        out.mkdir(parents=True, exist_ok=True)
        out = out / "knowledge_graph.graphml"
    else:
        out.parent.mkdir(parents=True, exist_ok=True)
    nx.write_graphml(flat_graph(kg), out)
    return [out]


def export_csv(kg: KnowledgeGraph, out_dir: Path) -> list[Path]:
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    nodes, edges = out_dir / "nodes.csv", out_dir / "edges.csv"
    with open(nodes, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(NODE_FIELDS)
        for n, d in kg.g.nodes(data=True):
            # Neo4j labels are identifiers: the concept type capitalised (Condition, Drug, ...)
            w.writerow([n, d["type"].capitalize(), d["name"], _text(d["synonyms"]), _text(d["codes"]),
                        _text(d["sources"]), _text(d["attrs"])])
    with open(edges, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(EDGE_FIELDS)
        for u, v, d in kg.g.edges(data=True):
            attrs = {a: x for a, x in d.items() if a not in ("relation", "source")}
            w.writerow([u, v, d["relation"].upper(), d.get("source", ""), _text(attrs)])
    return [nodes, edges]


def export(kg: KnowledgeGraph, fmt: str, out: Path) -> list[Path]:
    if fmt == "graphml":
        return export_graphml(kg, out)
    if fmt == "csv":
        return export_csv(kg, out)
    raise ValueError(f"unknown export format {fmt!r} (graphml or csv)")
