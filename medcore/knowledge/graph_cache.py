"""The built graph on disk, as JSON (never pickle), so a new process (the CLI, a second server)
loads it instead of rebuilding. The file name carries the digest of the KB files and of the code
that builds the graph: a changed input gives a new file, and older ones are removed."""

from __future__ import annotations

import json
import logging
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # networkx is imported where a graph is made (load); status reads code_files() without it
    import networkx as nx

log = logging.getLogger(__name__)

FORMAT = 1  # [[id, data], ...] and [[start, end, key, data], ...]: half the load time of node_link_graph


def code_files() -> list[Path]:
    here = Path(__file__).parent
    names = ("graph.py", "graph_build.py", "graph_cache.py", "interaction_rules.py", "drugs.py", "drug_lexicon.py",
             "concepts.py")
    return [here / n for n in names if (here / n).exists()]


def path_for(cache_dir: Path, digest: str) -> Path:
    return Path(cache_dir) / f"graph-{digest}.json"


def save(cache_dir: Path, digest: str, g: nx.MultiDiGraph, side: dict, build_s: float) -> Path:
    cache_dir = Path(cache_dir)
    cache_dir.mkdir(parents=True, exist_ok=True)
    doc = {"format": FORMAT, "digest": digest, "build_s": build_s, "side": side,
           "nodes": [[n, d] for n, d in g.nodes(data=True)],
           "edges": [[u, v, k, d] for u, v, k, d in g.edges(keys=True, data=True)]}
    target = path_for(cache_dir, digest)
    fd, tmp = tempfile.mkstemp(dir=cache_dir, prefix=".graph-", suffix=".json")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        # dumps, not dump: json.dump streams through the pure-Python encoder (10x slower on this graph); same text
        fh.write(json.dumps(doc, ensure_ascii=False, separators=(",", ":")))
    os.replace(tmp, target)  # atomic: a reader never sees half a file
    for old in cache_dir.glob("graph-*.json"):
        if old != target:
            old.unlink(missing_ok=True)
    return target


def load(cache_dir: Path, digest: str) -> tuple[nx.MultiDiGraph, dict, float] | None:
    path = path_for(cache_dir, digest)
    if not path.is_file():
        return None
    import networkx as nx

    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
        if doc.get("format") != FORMAT:
            raise ValueError(f"format {doc.get('format')!r}")
        g = _fill(nx.MultiDiGraph(), doc["nodes"], doc["edges"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.warning("knowledge graph cache %s unreadable, rebuilding: %s", path.name, exc)
        return None
    return g, doc["side"], float(doc["build_s"])


def _fill(g: nx.MultiDiGraph, nodes: list, edges: list) -> nx.MultiDiGraph:
    """The graph's adjacency written straight from the file: add_edges_from spends most of the knowledge page's
    first render (about 0.3 s of 0.55 s) checking, per edge, things a file this module wrote already guarantees
    (issue 14, a first render within 5 s of CPU). The layout is networkx's own (node -> neighbour -> key -> data,
    one key dict shared by the successor and predecessor views); tests/knowledge/test_graph_cache.py compares the
    result with add_edges_from's, so a networkx that changes it fails there, not here."""
    if not (hasattr(g, "_succ") and hasattr(g, "_pred") and hasattr(g, "_node")):
        g.add_nodes_from((n, d) for n, d in nodes)
        g.add_edges_from((u, v, k, d) for u, v, k, d in edges)
        return g
    succ, pred, node = g._succ, g._pred, g._node
    for n, d in nodes:
        node[n] = d
        succ[n] = {}
        pred[n] = {}
    for u, v, k, d in edges:
        for n in (u, v):
            if n not in node:
                node[n] = {}
                succ[n] = {}
                pred[n] = {}
        keydict = succ[u].get(v)
        if keydict is None:
            keydict = succ[u][v] = pred[v][u] = {}
        keydict.setdefault(k, {}).update(d)
    return g
