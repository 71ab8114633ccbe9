"""Tool status for Home: the knowledge graph (built from the KBs) and what it holds."""

from __future__ import annotations

from medcore.status import Component


def check(settings) -> list[Component]:
    from medcore.knowledge.graph import load_graph
    from medcore.knowledge.kbfiles import KnowledgeKBError

    try:
        st = load_graph(settings).stats()
    except (KnowledgeKBError, OSError) as exc:
        return [Component("knowledge graph", "knowledge base", False, str(exc))]
    types = ", ".join(f"{v} {k}" for k, v in st["concepts_by_type"].items())
    return [Component("knowledge graph", "knowledge base", True,
                      f"{st['nodes']} concepts ({types}), {st['edges']} relations with sources; "
                      f"built from {st['files']} KB files in {st['build_s']} s")]


def engine_ready(settings) -> bool:
    from medcore.knowledge.graph import load_graph
    from medcore.knowledge.kbfiles import KnowledgeKBError

    try:
        load_graph(settings)
        return True
    except (KnowledgeKBError, OSError):
        return False


def demo_payload(settings) -> dict:
    return {"question": "What can cause chest pain?", "concept": "finding:chest_pain"}
