"""The one entry point of the knowledge graph for the Knowledge page and the `kg` CLI.

Both call these functions with the same settings, so a question asked in the terminal and on the
page runs the same code and gives the same rows."""

from __future__ import annotations

import re
import threading
from collections import Counter
from pathlib import Path

from medcore.knowledge.answer import Answer
from medcore.knowledge.graph import Edge, KnowledgeGraph, load_graph
from medcore.knowledge.query import ask as _ask
from medcore.knowledge.resolve import Resolver

MAX_QUESTION_CHARS = 500
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
_RESOLVERS: dict[int, Resolver] = {}
_LOCK = threading.Lock()


def clean_text(text: str, limit: int = MAX_QUESTION_CHARS) -> str:
    """Untrusted text from a user: control and bidi characters out, whitespace collapsed, length capped."""
    return " ".join(_CONTROL.sub(" ", str(text)).split())[:limit]


def graph(settings) -> KnowledgeGraph:
    return load_graph(settings)


def resolver(settings) -> Resolver:
    kg = load_graph(settings)
    with _LOCK:
        r = _RESOLVERS.get(id(kg))
        if r is None or r.kg is not kg:
            _RESOLVERS.clear()  # one graph is current; its index replaces the older one
            r = _RESOLVERS[id(kg)] = Resolver(kg)
        return r


def ask(settings, question: str) -> Answer:
    return _ask(load_graph(settings), clean_text(question), resolver(settings))


def search(settings, text: str, limit: int = 10, types: set[str] | None = None) -> list[dict]:
    kg = load_graph(settings)
    out = []
    for h in resolver(settings).search(clean_text(text, 200), limit=limit, types=types):
        d = kg.node(h.concept_id)
        out.append({"id": h.concept_id, "type": h.type, "name": h.name, "codes": d["codes"],
                    "matched": h.synonym, "score": round(h.score, 3)})
    return out


def _edge_view(kg: KnowledgeGraph, node_id: str, e: Edge) -> dict:
    outgoing = e.start == node_id
    other = e.other(node_id)
    return {"relation": e.relation, "direction": "out" if outgoing else "in", "other": other,
            "other_name": kg.name(other), "other_type": kg.node(other)["type"], "source": e.source,
            "attrs": dict(e.attrs)}


def show(settings, concept_id: str) -> dict | None:
    """A concept and its relations (both directions, grouped by relation), or None if unknown."""
    kg = load_graph(settings)
    concept_id = clean_text(concept_id, 200)
    if concept_id not in kg:
        return None
    relations: dict[str, list[dict]] = {}
    for e in kg.edges(concept_id, direction="both"):
        relations.setdefault(e.relation, []).append(_edge_view(kg, concept_id, e))
    for rows in relations.values():
        rows.sort(key=lambda r: (r["direction"], -_weight(r["attrs"]), r["other_name"]))
    return {"concept": kg.concept(concept_id).to_dict(), "relations": relations,
            "counts": {k: len(v) for k, v in sorted(relations.items())}}


def _weight(attrs: dict) -> float:
    for k in ("likelihood", "p_abnormal"):
        if k in attrs:
            return float(attrs[k])
    return 0.0


def stats(settings) -> dict:
    return load_graph(settings).stats()


def export(settings, fmt: str, out: str | Path) -> list[Path]:
    from medcore.knowledge.export import export as _export

    return _export(load_graph(settings), fmt, Path(out))


def neighbourhood(settings, concept_id: str, radius: int = 1, relations: set[str] | None = None,
                  limit: int = 60) -> dict:
    """Nodes (id, name, type, triage level) and edges around a concept, for the page's network."""
    kg = load_graph(settings)
    nodes, edges = kg.neighbourhood(concept_id, radius=radius, relations=relations, limit=limit)
    return {"center": concept_id,
            "nodes": [{"id": n, "name": kg.name(n), "type": kg.node(n)["type"],
                       "triage": kg.node(n)["attrs"].get("triage")} for n in nodes],
            "edges": [{"start": e.start, "end": e.end, "relation": e.relation, "source": e.source,
                       "attrs": dict(e.attrs)} for e in edges]}


def answer_graph(settings, answer: Answer, limit: int = 60) -> dict:
    """The rows of an answer as a small network (what causes chest pain, coloured by triage level)."""
    kg = load_graph(settings)
    ids: list[str] = []
    for r in answer.rows[:limit]:
        for n in (r.concept, r.target):
            if n in kg and n not in ids:
                ids.append(n)
    counts = Counter(n for r in answer.rows[:limit] for n in (r.concept, r.target) if n in kg)
    center = max(ids, key=lambda n: counts[n]) if ids else ""  # the concept the question was about
    return {"center": center,
            "nodes": [{"id": n, "name": kg.name(n), "type": kg.node(n)["type"],
                       "triage": kg.node(n)["attrs"].get("triage")} for n in ids],
            "edges": [{"start": r.concept, "end": r.target, "relation": r.relation, "source": r.source,
                       "attrs": {k: v for k, v in r.detail.items() if isinstance(v, (str, int, float, bool))}}
                      for r in answer.rows[:limit] if r.concept in kg and r.target in kg]}
