"""The one entry point of the knowledge graph for the Knowledge page and the `kg` CLI.

Both call these functions with the same settings, so a question asked in the terminal and on the
page runs the same code and gives the same rows."""

from __future__ import annotations

import logging
import re
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Iterable

from medcore.controls import CONTROL_CHARS
from medcore.errors import DomainError
from medcore.knowledge import overlay as _overlay
from medcore.knowledge.answer import Answer
from medcore.knowledge.graph import RECHECK_S, Edge, KnowledgeGraph, load_graph
from medcore.knowledge.query import ask as _ask
from medcore.knowledge.resolve import Resolver

log = logging.getLogger(__name__)
MAX_QUESTION_CHARS = 500
# a question is one line: every control, bidi or zero-width character is a word break here (a note keeps its
# zero-width joiners, so `controls` leaves them); tab, newline and CR go with the whitespace
_CONTROL = re.compile(f"[{CONTROL_CHARS}\u200b-\u200f]")
_RESOLVERS: dict[int, tuple[Resolver, Resolver | None]] = {}
_TERMS: dict[str, tuple] = {}
_LOCK = threading.Lock()


class QueryError(DomainError):
    """A question, search text or concept id that is not text (the knowledge tool's domain error)."""


def clean_text(text: str | None, limit: int = MAX_QUESTION_CHARS) -> str:
    """Untrusted text from a user: control and bidi characters out, whitespace collapsed, length capped.
    Nothing asked (None) is empty text; a number or a list is refused rather than searched for as "7" or "None"."""
    if text is None:
        return ""
    if not isinstance(text, str):
        from medcore.kinds import kind_of

        raise QueryError(f"a question or search must be text, not {kind_of(text)}")
    return " ".join(_CONTROL.sub(" ", text).split())[:limit]


def graph(settings) -> KnowledgeGraph:
    return load_graph(settings)


def warm_worker(settings) -> None:
    """Called once in each engine worker when the server starts (workpool.warm): on a new install or after a KB
    edit the graph is built (seconds) into the data folder's cache, which the server process and every later start
    read, so the Knowledge page's first render loads it rather than building it (issue 14, 5 s)."""
    load_graph(settings)


def terminology(settings):
    """The shared terminology (ICD-10-CM, HPO, our KBs), or None where it cannot load here: the graph
    then answers from its own names, and the warning says why."""
    from medcore.knowledge.kbfiles import KnowledgeKBError
    from medcore.knowledge.terminology import load_terminology

    from medcore.knowledge.sources.local import kb_input_files

    key = _term_key(settings)
    now = time.monotonic()
    hit = _TERMS.get(key)
    if hit is not None and now - hit[2] < RECHECK_S:
        return hit[1]
    stamp = tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in kb_input_files(settings.kb_dir)
                  if p.exists())
    if hit is not None and hit[0] == stamp:
        _TERMS[key] = (stamp, hit[1], now)
        return hit[1]  # no input touched: skip load_terminology's content digest (tens of ms a call)
    try:
        term = load_terminology(settings)
        _TERMS[key] = (stamp, term, now)
        return term
    except (KnowledgeKBError, ImportError, OSError) as exc:
        log.warning("terminology unavailable, the graph uses its own names: %s", exc)
        return None


def terminology_loaded(settings) -> bool:
    """Whether this process holds the terminology already (a search or question loaded it). The Knowledge
    page's first render draws from the graph alone until then: a fresh data folder builds the terminology
    (ICD-10-CM, HPO: seconds of CPU), which that page builds on the first search or question, behind a spinner."""
    return _term_key(settings) in _TERMS


def _term_key(settings) -> str:
    return str(Path(settings.kb_dir).resolve()) + "|" + str(settings.data_dir)


def _resolvers(settings, kg: KnowledgeGraph | None = None) -> tuple[Resolver, Resolver | None]:
    """(every graph node, with the terminology's names added; only the nodes the terminology lacks)."""
    kg = kg or load_graph(settings)
    with _LOCK:
        r = _RESOLVERS.get(id(kg))
        if r is not None and r[0].kg is kg:
            return r
    term = terminology(settings)
    extra: dict[str, list[str]] = {}
    known: set[str] = set()
    if term is not None:
        for tid, gid in [(n, n) for n in kg.g.nodes] + list(kg.aliases.items()):
            c = term.get(tid)
            if c is not None:
                known.add(gid)
                extra.setdefault(gid, []).extend([c.name, *c.synonyms])
    only = Resolver(kg, nodes=set(kg.g.nodes) - known) if term is not None else None
    r = (Resolver(kg, extra), only)
    with _LOCK:
        _RESOLVERS.clear()  # one graph is current; its index replaces the older one
        _RESOLVERS[id(kg)] = r
    return r


def prepare(settings) -> dict:
    """Load everything a question needs (graph, terminology, name index) and return the graph's stats."""
    kg = load_graph(settings)
    _resolvers(settings, kg)
    return kg.stats()


def resolver(settings) -> Resolver:
    return _resolvers(settings)[0]


def ask(settings, question: str, overlay: Iterable[Edge] = ()) -> Answer:
    """`overlay`: edges from outside the KBs (a user's read papers, see `overlay.py`); those touching the
    concepts of the question come back in `answer.literature`, beside the graph's rows."""
    kg = load_graph(settings)
    answer = _ask(kg, clean_text(question), _resolvers(settings, kg)[0])
    overlay = list(overlay)
    if overlay:
        ids = [c["id"] for c in answer.understood.get("concepts", [])]
        answer.literature = _overlay.rows(kg, overlay, ids)
        if answer.literature:
            lines = "; ".join(_overlay.summary(r) for r in answer.literature[:5])
            more = f" (and {len(answer.literature) - 5} more)" if len(answer.literature) > 5 else ""
            lit = f"From your read papers (literature, not guidelines): {lines}{more}."
            if answer.ok:
                answer.text = f"{answer.text} {lit}"
            else:  # a question the graph's forms cannot map ("what was metformin studied for?")
                answer.text, answer.ok = lit, True
    return answer


def search(settings, text: str, limit: int = 10, types: set[str] | None = None) -> list[dict]:
    """Ranked concepts: the terminology's (every ICD-10-CM code, HPO term, drug, problem) and the graph's
    own (genes, patient states), each once, with `graph_id` where the graph holds relations for it."""
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= 1000:
        raise ValueError("limit must be a whole number from 1 to 1000")
    kg = load_graph(settings)
    text = clean_text(text, 200)
    out: dict[str, dict] = {}
    term = terminology(settings)
    if term is not None:
        for h in term.search(text, k=limit, types=types):
            d = h.to_dict()
            d["graph_id"] = kg.graph_id(d["id"])
            out.setdefault(d["id"], d)
    full, graph_only = _resolvers(settings, kg)
    # the terminology already did typos; the graph-only index adds genes and patient states
    for h in (graph_only or full).search(text, limit=limit, types=types, fuzzy=graph_only is None):
        if h.concept_id in out or any(d["graph_id"] == h.concept_id for d in out.values()):
            continue
        out[h.concept_id] = {"id": h.concept_id, "type": h.type, "name": h.name,
                             "codes": {k: list(v) for k, v in kg.node(h.concept_id)["codes"].items()},
                             "matched": h.synonym, "score": round(h.score, 4), "graph_id": h.concept_id}
    ranked = sorted(out.values(), key=lambda d: (-d["score"], d["graph_id"] is None))
    return ranked[:limit]


def _edge_view(kg: KnowledgeGraph, node_id: str, e: Edge) -> dict:
    outgoing = e.start == node_id
    other = e.other(node_id)
    return {"relation": e.relation, "direction": "out" if outgoing else "in", "other": other,
            "other_name": kg.name(other), "other_type": kg.node(other)["type"], "source": e.source,
            "attrs": dict(e.attrs)}


def show(settings, concept_id: str, overlay: Iterable[Edge] = (), with_terminology: bool = True) -> dict | None:
    """A concept and its relations (both directions, grouped by relation), or None if unknown. Overlay
    edges (read papers) join under their own relation, each marked by attrs["origin"].
    `with_terminology=False`: a graph concept is shown from the graph alone (its KB codes and synonyms, without
    the terminology's HPO/ICD-10-CM additions), so nothing builds the terminology; a concept the graph lacks
    still loads it (the terminology is the only place it can come from)."""
    kg = load_graph(settings)
    asked = clean_text(concept_id, 200)
    gid = kg.graph_id(asked)
    term = terminology(settings) if with_terminology or gid is None else None
    tc = term.get(asked) if term is not None else None
    if gid is None and tc is None:
        return None
    if gid is None:  # a terminology concept the graph has no relations for (an ICD-10-CM code, an HPO term)
        return {"concept": tc.to_dict(), "relations": {}, "counts": {}, "in_graph": False}
    concept = kg.concept(gid).to_dict()
    if tc is not None:  # the terminology's codes and synonyms (HPO, ICD-10-CM) join the KB's
        for k, v in tc.codes.items():
            concept["codes"][k] = list(dict.fromkeys([*concept["codes"].get(k, []), *v]))
        concept["synonyms"] = list(dict.fromkeys(x for x in [*concept["synonyms"], *tc.synonyms]
                                                 if x != concept["name"]))
        concept["sources"] = list(dict.fromkeys([*concept["sources"], *tc.sources]))
    relations: dict[str, list[dict]] = {}
    for e in kg.edges(gid, direction="both"):
        relations.setdefault(e.relation, []).append(_edge_view(kg, gid, e))
    for rel, rows in _overlay.relations_view(kg, overlay, gid).items():
        relations.setdefault(rel, []).extend(rows)
    for rows in relations.values():
        rows.sort(key=lambda r: (r["direction"], -_weight(r["attrs"]), r["other_name"]))
    return {"concept": concept, "relations": relations, "in_graph": True,
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
                  limit: int = 60, overlay: Iterable[Edge] = ()) -> dict:
    """Nodes (id, name, type, triage level) and edges around a concept, for the page's network. Overlay
    edges between nodes in view, or from the concept to another graph node, are drawn too."""
    kg = load_graph(settings)
    nodes, edges = kg.neighbourhood(concept_id, radius=radius, relations=relations, limit=limit)
    for e in overlay:
        start, end = kg.graph_id(e.start), kg.graph_id(e.end)
        if start is None or end is None or (relations and e.relation not in relations):
            continue
        if concept_id in (start, end) or (start in nodes and end in nodes):
            nodes += [n for n in (start, end) if n not in nodes]
            edges.append(Edge(start, e.relation, end, e.source, e.attrs))
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
