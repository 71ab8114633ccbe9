"""Tool status for Home: the education pages, the question cues and the retrieval package."""

from __future__ import annotations

from medcore.status import Component


def check(settings) -> list[Component]:
    from medcore.knowledge.kbfiles import KnowledgeKBError
    from medcore.qa.cues import CuesError, load_cues

    out = []
    try:
        from medcore.qa.pages import build_pages

        pages = build_pages(settings)
        kinds = {k: sum(p.kind == k for p in pages.values()) for k in ("condition", "drug")}
        out.append(Component("education pages", "knowledge base", bool(pages),
                             f"{kinds['condition']} conditions, {kinds['drug']} medicines"))
    except (KnowledgeKBError, OSError, ValueError) as exc:
        out.append(Component("education pages", "knowledge base", False, str(exc)))
    try:
        cues = load_cues(settings.kb_dir)
        out.append(Component("question cues", "knowledge base", True, f"{len(cues.types)} question types"))
    except CuesError as exc:
        out.append(Component("question cues", "knowledge base", False, str(exc)))
    try:
        import bm25s  # noqa: F401

        out.append(Component("bm25s", "package", True, "passage retrieval"))
    except ImportError as exc:
        out.append(Component("bm25s", "package", False, f"pip install bm25s==0.3.16 ({exc})"))
    return out


def engine_ready(settings) -> bool:
    return all(c.ok for c in check(settings))


def demo_payload(settings) -> dict:
    return {"question": "Can I take ibuprofen with warfarin?"}
