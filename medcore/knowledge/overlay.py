"""Edges from outside the knowledge bases, laid over the cached graph at query time.

The graph is built from the KB files and cached; it is never edited. A user's read papers add
"drug X was studied for condition Y" edges that belong to that user alone, so they are not built into
the graph: the caller passes them to `service.ask` / `service.show` / `service.neighbourhood`, which
show them BESIDE the guideline edges, each marked with its origin and citation.

The format is plain data, so the knowledge layer never imports the tool that made the edges
(medcore.literature sits above it):
    {"start": "drug:metformin", "relation": "studied_for", "end": "condition:type_2_diabetes",
     "source": "<citation>", "attrs": {"origin": "literature", "outcome": ..., "measure": ..., ...}}
A read paper saved in the store (work kind `paper`) keeps its edges under data["graph_edges"];
`stored_edges` reads them for one user, for the CLI and the Knowledge page alike."""

from __future__ import annotations

import logging
from typing import Iterable

from medcore.knowledge.answer import Row
from medcore.knowledge.graph import Edge, KnowledgeGraph

log = logging.getLogger(__name__)

PAPER_KIND = "paper"  # the store's work kind for a read paper (medcore.literature.library writes it)
EDGES_KEY = "graph_edges"
DELETED = "deleted"  # a paper removed from the library keeps its versions but is no longer shown
ORIGIN = "origin"
RELATION_STUDIED_FOR = "studied_for"
MAX_PAPERS = 5000


def edge_from_dict(d: dict) -> Edge | None:
    """One overlay edge, or None (logged) when the dict lacks an end, a relation or its source: an edge
    without a citation is never shown."""
    try:
        start, relation, end, source = (str(d[k]).strip() for k in ("start", "relation", "end", "source"))
    except (KeyError, TypeError):
        log.warning("overlay edge without start/relation/end/source skipped")
        return None
    if not (start and relation and end and source):
        log.warning("overlay edge with an empty start/relation/end/source skipped")
        return None
    attrs = dict(d.get("attrs") or {})
    attrs.setdefault(ORIGIN, "external")
    return Edge(start, relation, end, source, attrs)


def edges_from_dicts(items: Iterable[dict]) -> list[Edge]:
    return [e for e in (edge_from_dict(d) for d in items if isinstance(d, dict)) if e is not None]


def stored_edges(store, user: str | None = None) -> list[Edge]:
    """The overlay edges of the papers saved in the store. A store acting for a user (`store.as_user`)
    already shows only that user's papers; the system store (the CLI) is narrowed to `user`."""
    out: list[Edge] = []
    for rec in store.list_work(kind=PAPER_KIND, limit=MAX_PAPERS):
        if rec.status == DELETED or (user is not None and store.principal is None and rec.user != user):
            continue
        out += edges_from_dicts(rec.data.get(EDGES_KEY) or [])
    return out


def _name(kg: KnowledgeGraph, node: str, fallback: str) -> str:
    return kg.name(node) if node in kg else (fallback or node)


def _resolve(kg: KnowledgeGraph, node: str) -> str:
    """A terminology id the graph holds under another id (condition:cap -> condition:pneumonia)."""
    return kg.graph_id(node) or node


def rows(kg: KnowledgeGraph, edges: Iterable[Edge], concept_ids: Iterable[str]) -> list[Row]:
    """The overlay edges touching any of the concepts, as answer rows (origin kept in the detail)."""
    wanted = {_resolve(kg, c) for c in concept_ids}
    out: list[Row] = []
    for e in edges:
        start, end = _resolve(kg, e.start), _resolve(kg, e.end)
        if start in wanted or end in wanted:
            out.append(Row(start, e.relation, end, e.source, _name(kg, start, e.attrs.get("start_name", "")),
                           _name(kg, end, e.attrs.get("end_name", "")), dict(e.attrs)))
    return out


def relations_view(kg: KnowledgeGraph, edges: Iterable[Edge], node_id: str) -> dict[str, list[dict]]:
    """For `service.show`: the overlay edges of one concept, grouped by relation like the graph's own."""
    out: dict[str, list[dict]] = {}
    for e in edges:
        start, end = _resolve(kg, e.start), _resolve(kg, e.end)
        if node_id not in (start, end):
            continue
        other = end if start == node_id else start
        other_name = _name(kg, other, e.attrs.get("end_name" if other == end else "start_name", ""))
        out.setdefault(e.relation, []).append({
            "relation": e.relation, "direction": "out" if start == node_id else "in", "other": other,
            "other_name": other_name, "other_type": kg.node(other)["type"] if other in kg else other.split(":")[0],
            "source": e.source, "attrs": dict(e.attrs)})
    return out


def summary(r: Row) -> str:
    """One line for a literature row: "metformin studied for type 2 diabetes: HbA1c, MD -0.5 (95% CI ...)"."""
    d = r.detail
    parts = [f"{r.concept_name} {r.relation.replace('_', ' ')} {r.target_name}"]
    if d.get("outcome"):
        parts.append(f": {d['outcome']}")
    if d.get("effect"):
        parts.append(f"{',' if d.get('outcome') else ':'} {d['effect']}")
    if d.get("direction"):
        parts.append(f" ({d['direction']})")
    return "".join(parts)
