"""The knowledge graph: a networkx MultiDiGraph built from the KBs at load time and cached.

The KB files stay the source of truth. `load_graph` keys its cache on a digest of the input files'
names and contents, so an edit to a YAML file shows up on the next load and the
graph never drifts from the data. The build time is kept on the graph and shown by `kg stats`."""

from __future__ import annotations

import functools
import logging
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from medcore.knowledge import graph_cache
from medcore.knowledge.concepts import Concept
from medcore.knowledge.graph_build import build
from medcore.knowledge.kbfiles import digest_files, graph_input_files

log = logging.getLogger(__name__)

RELATIONS = ("has_finding", "red_flag", "treated_by", "interacts_with", "interacts_in_group", "pgx_action",
             "contraindicated_in", "caution_in", "renal_dose", "hepatic_dose", "member_of", "tested_by",
             "has_ingredient", "subclass_of")
# Relations that hold between two drugs either way round: a query from either end finds them.
SYMMETRIC = frozenset({"interacts_with", "interacts_in_group"})


@dataclass(frozen=True)
class Edge:
    start: str
    relation: str
    end: str
    source: str
    attrs: dict = field(default_factory=dict)

    def other(self, node: str) -> str:
        return self.end if node == self.start else self.start

    def to_dict(self) -> dict:
        return {"start": self.start, "relation": self.relation, "end": self.end, "source": self.source,
                "attrs": dict(self.attrs)}


@dataclass
class KnowledgeGraph:
    g: nx.MultiDiGraph
    digest: str
    build_s: float
    files: tuple[str, ...]
    side: dict  # rules over several nodes: red_flag_rules, allergy_classes, cross_reactivity
    load_s: float = 0.0  # this process: the build, or reading the cached build
    from_cache: bool = False

    @functools.cached_property
    def aliases(self) -> dict[str, str]:
        """Terminology ids the graph holds under another id: a therapy condition merged into the triage
        concept with the same ICD-10-CM code (condition:cap -> condition:pneumonia)."""
        out = {}
        for n in self.nodes_of("condition"):
            tid = self.g.nodes[n]["attrs"].get("therapy_id")
            if tid and f"condition:{tid}" != n:
                out[f"condition:{tid}"] = n
        return out

    def graph_id(self, concept_id: str) -> str | None:
        return concept_id if concept_id in self.g else self.aliases.get(concept_id)

    def __contains__(self, node_id: str) -> bool:
        return node_id in self.g

    def node(self, node_id: str) -> dict:
        return self.g.nodes[node_id]

    def name(self, node_id: str) -> str:
        return self.g.nodes[node_id]["name"] if node_id in self.g else node_id

    def concept(self, node_id: str) -> Concept:
        d = self.g.nodes[node_id]
        return Concept(id=node_id, type=d["type"], name=d["name"], codes={k: tuple(v) for k, v in d["codes"].items()},
                       synonyms=tuple(d["synonyms"]), sources=tuple(d["sources"]), attrs=dict(d["attrs"]))

    def nodes_of(self, kind: str) -> list[str]:
        return [n for n, d in self.g.nodes(data=True) if d["type"] == kind]

    def edges(self, node_id: str, relation: str | None = None, direction: str = "out") -> list[Edge]:
        """direction: out (node is the start), in (node is the end) or both. A symmetric relation
        is found from either end whatever the direction asked."""
        out: list[Edge] = []
        if node_id not in self.g:
            return out
        want_out = direction in ("out", "both") or relation in SYMMETRIC
        want_in = direction in ("in", "both") or relation in SYMMETRIC
        if want_out:
            out += [_edge(u, v, d) for u, v, d in self.g.out_edges(node_id, data=True)
                    if relation is None or d["relation"] == relation]
        if want_in:
            out += [_edge(u, v, d) for u, v, d in self.g.in_edges(node_id, data=True)
                    if (relation is None or d["relation"] == relation)
                    and not (u == v and want_out)]
        return out

    def all_edges(self, relation: str | None = None) -> list[Edge]:
        return [_edge(u, v, d) for u, v, d in self.g.edges(data=True) if relation is None or d["relation"] == relation]

    def stats(self) -> dict:
        types = Counter(d["type"] for _, d in self.g.nodes(data=True))
        rels = Counter(d["relation"] for _, _, d in self.g.edges(data=True))
        return {"nodes": self.g.number_of_nodes(), "edges": self.g.number_of_edges(),
                "concepts_by_type": dict(sorted(types.items())), "relations": dict(sorted(rels.items())),
                "digest": self.digest, "build_s": round(self.build_s, 3), "load_s": round(self.load_s, 3),
                "from_cache": self.from_cache, "files": len(self.files)}

    def neighbourhood(self, node_id: str, radius: int = 1, relations: set[str] | None = None,
                      limit: int = 60) -> tuple[list[str], list[Edge]]:
        """The concept, its neighbours within `radius` hops (either direction) and the edges among
        them; capped at `limit` nodes, nearest first, so a hub (a common finding) stays readable."""
        seen = [node_id]
        frontier = [node_id]
        for _ in range(radius):
            nxt = []
            for n in frontier:
                for e in self.edges(n, direction="both"):
                    if relations and e.relation not in relations:
                        continue
                    m = e.other(n)
                    if m not in seen and len(seen) < limit:
                        seen.append(m)
                        nxt.append(m)
            frontier = nxt
        keep = set(seen)
        edges = [e for e in self.all_edges_among(keep) if not relations or e.relation in relations]
        return seen, edges

    def all_edges_among(self, nodes: set[str]) -> list[Edge]:
        return [_edge(u, v, d) for u, v, d in self.g.subgraph(nodes).edges(data=True)]


def _edge(u: str, v: str, d: dict) -> Edge:
    return Edge(u, d["relation"], v, d.get("source", ""),
                {k: x for k, x in d.items() if k not in ("relation", "source")})


_CACHE: dict[str, KnowledgeGraph] = {}
_STAMPS: dict[str, tuple[tuple, str, float]] = {}  # kb root -> (sizes and mtimes, cache key, when looked)


def _stamp(paths: list[Path]) -> tuple:
    out = []
    for p in paths:
        try:
            st = p.stat()
            out.append((str(p), st.st_size, st.st_mtime_ns))
        except FileNotFoundError:
            out.append((str(p), -1, -1))
    return tuple(out)
_LOCK = threading.Lock()


RECHECK_S = 1.0  # the app and CLI look at the KB files at most once a second: an edit shows up within it


def load_graph(settings) -> KnowledgeGraph:
    return load_graph_dir(settings.kb_dir, cache_dir=Path(settings.data_dir) / "knowledge", recheck_s=RECHECK_S)


def load_graph_dir(kb_dir: Path, cache_dir: Path | None = None, recheck_s: float = 0.0) -> KnowledgeGraph:
    """Built on first use and whenever an input file changes; otherwise the graph from memory, or
    from `cache_dir` in a new process. Files whose sizes and times are unchanged are not re-read;
    otherwise their content digest decides. Graphs of older digests are dropped: only the current
    data is served. Within `recheck_s` of the last look the files are not looked at again."""
    root = str(Path(kb_dir).resolve())
    now = time.monotonic()
    with _LOCK:
        last = _STAMPS.get(root)
        if last is not None and now - last[2] < recheck_s and last[1] in _CACHE:
            return _CACHE[last[1]]
    files = graph_input_files(kb_dir)
    inputs = [*files, *graph_cache.code_files()]
    stamp = _stamp(inputs)
    with _LOCK:
        last = _STAMPS.get(root)
        if last is not None and last[0] == stamp and last[1] in _CACHE:
            _STAMPS[root] = (stamp, last[1], now)
            return _CACHE[last[1]]  # no file touched since the last load: skip reading them for the digest
    digest = digest_files(inputs)
    key = f"{root}|{digest}"
    with _LOCK:
        hit = _CACHE.get(key)
        if hit is not None:
            _STAMPS[root] = (stamp, key, now)
            return hit
        t0 = time.perf_counter()
        cached = graph_cache.load(cache_dir, digest) if cache_dir else None
        if cached is not None:
            g, side, build_s = cached
            how = "loaded from the cache"
        else:
            g, side = build(Path(kb_dir))
            build_s = time.perf_counter() - t0
            how = "built"
            if cache_dir:
                graph_cache.save(cache_dir, digest, g, side, build_s)
        kg = KnowledgeGraph(g=g, digest=digest, build_s=build_s, files=tuple(str(f) for f in files), side=side,
                            load_s=time.perf_counter() - t0, from_cache=cached is not None)
        for old in [k for k in _CACHE if k.startswith(root + "|")]:
            del _CACHE[old]
        _CACHE[key] = kg
        _STAMPS[root] = (stamp, key, now)
        if log.isEnabledFor(logging.INFO):  # counting the edges walks the whole graph (60 ms)
            log.info("knowledge graph %s in %.2f s (build %.2f s): %d nodes, %d edges", how, kg.load_s, build_s,
                     g.number_of_nodes(), g.number_of_edges())
        return kg


def clear_cache() -> None:
    with _LOCK:
        _CACHE.clear()
        _STAMPS.clear()
