"""Tool status for Home: the knowledge graph (built from the KBs) and what it holds.

The graph's counts are read from `medcore.status_cache` (once per version of the graph's input files and code,
kept on disk): Home and the Knowledge page's frame do not load the graph for them (issue 14, speed)."""

from __future__ import annotations

from medcore import status_cache
from medcore.status import Component, kb_loads


def graph_stats(settings) -> dict:
    """KnowledgeGraph.stats() of the graph the KBs give now; raises KnowledgeKBError (or OSError) when it does
    not build."""
    from medcore.knowledge.kbfiles import graph_input_files

    # the graph's code (graph_cache.code_files) is all in medcore/knowledge; graph_cache itself imports networkx
    files = [*graph_input_files(settings.kb_dir), *status_cache.code_files("knowledge")]

    def count() -> dict:
        from medcore.knowledge.graph import load_graph

        return _stats(load_graph(settings))

    return status_cache.cached("knowledge-graph", settings.data_dir, files, count, ship=settings.status_ship)


def check(settings) -> list[Component]:
    from medcore.knowledge.kbfiles import KnowledgeKBError

    try:
        st = graph_stats(settings)
    except (KnowledgeKBError, OSError) as exc:
        return [Component("knowledge graph", "knowledge base", False, str(exc))]
    types = ", ".join(f"{v} {k}" for k, v in st["concepts_by_type"].items())
    return [Component("knowledge graph", "knowledge base", True,
                      f"{st['nodes']} concepts ({types}), {st['edges']} relations with sources; "
                      f"built from {st['files']} KB files in {st['build_s']} s")]


def engine_ready(settings) -> bool:
    from medcore.knowledge.kbfiles import KnowledgeKBError

    return kb_loads(graph_stats, settings, (KnowledgeKBError, OSError))


def demo_payload(settings) -> dict:
    return {"question": "What can cause chest pain?", "concept": "finding:chest_pain"}


def _stats(graph) -> dict:
    """The graph's counts (counting its 31,000 edges takes 0.16 s; the graph is never edited after it is built)."""
    return graph.stats()
