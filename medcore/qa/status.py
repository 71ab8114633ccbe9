"""Tool status for Home: the education pages, the question cues and the retrieval package.

Building the education pages loads the knowledge graph and takes seconds; what they hold is read from
`medcore.status_cache` instead (once per version of the KB files and the code that builds them, kept on disk), so
Home and the page's first render build nothing (issue 14, speed). The retrieval package is looked up, not imported
(bm25s pulls in scipy): the page imports it when it builds its index, on the first question."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from medcore import status_cache
from medcore.status import Component


def _files(kb_dir) -> list[str]:
    # the pages come from the graph (every tool's KB) and the curated qa/ texts
    return status_cache.files_under(Path(kb_dir)) + status_cache.code_files("qa", "knowledge", "triage", "therapy")


def page_counts(settings) -> dict:
    """{'condition': n, 'drug': n, 'cues': question types}; raises what building the pages or the cues raises."""

    def count() -> dict:
        from medcore.qa.cues import load_cues
        from medcore.qa.pages import build_pages

        pages = build_pages(settings)
        got = {k: sum(p.kind == k for p in pages.values()) for k in ("condition", "drug")}
        return got | {"pages": len(pages), "cues": len(load_cues(settings.kb_dir).types)}

    return status_cache.cached("qa-pages", settings.data_dir, _files(settings.kb_dir), count, ship=settings.status_ship)


def check(settings) -> list[Component]:
    from medcore.knowledge.kbfiles import KnowledgeKBError
    from medcore.qa.cues import CuesError

    out = []
    try:
        n = page_counts(settings)
        out.append(Component("education pages", "knowledge base", n["pages"] > 0,
                             f"{n['condition']} conditions, {n['drug']} medicines"))
        out.append(Component("question cues", "knowledge base", True, f"{n['cues']} question types"))
    except CuesError as exc:
        out.append(Component("question cues", "knowledge base", False, str(exc)))
    except (KnowledgeKBError, OSError, ValueError) as exc:
        out.append(Component("education pages", "knowledge base", False, str(exc)))
    if importlib.util.find_spec("bm25s") is not None:
        out.append(Component("bm25s", "package", True, "passage retrieval"))
    else:
        out.append(Component("bm25s", "package", False, "pip install bm25s==0.3.16"))
    return out


def engine_ready(settings) -> bool:
    comps = check(settings)
    return len(comps) == 3 and all(c.ok for c in comps)


def demo_payload(settings) -> dict:
    return {"question": "Can I take ibuprofen with warfarin?"}
