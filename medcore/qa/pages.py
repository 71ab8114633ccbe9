"""Health-education pages: one per triage condition and per listed common drug, generated from the
knowledge graph and the triage KB (so they agree with the symptom chat and the planner), with curated
plain-language text (assets/kb/qa/) where the graph has nothing to say.

`build_pages(settings)` builds every page once per KB digest (a changed KB file gives new pages);
`get_page(settings, concept_id)` returns one. Concept ids are the graph's: `condition:<triage id>`,
`drug:<lexicon id>`.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from pathlib import Path

from medcore.qa.model import (CONDITION_SECTIONS, DRUG_SECTIONS, MACHINE_NOTE, ORIGINS, REQUIRED, EducationPage,
                              Passage, Section)

__all__ = ["CONDITION_SECTIONS", "DRUG_SECTIONS", "MACHINE_NOTE", "ORIGINS", "REQUIRED", "EducationPage", "Passage",
           "Section", "build_pages", "build_pages_from", "find_page", "get_page"]
log = logging.getLogger(__name__)

_CACHE: dict[str, dict[str, EducationPage]] = {}
_LOCK = threading.Lock()


def _digest(kb_dir: Path, graph_digest: str) -> str:
    h = hashlib.sha256(graph_digest.encode())
    for p in sorted((Path(kb_dir) / "qa").glob("*.yaml")):
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()


def build_pages(settings) -> dict[str, EducationPage]:
    """Every education page, keyed by concept id; cached per KB digest (graph inputs and qa/ files)."""
    from medcore.knowledge.graph import load_graph

    kg = load_graph(settings)
    return build_pages_from(Path(settings.kb_dir), kg)


def build_pages_from(kb_dir: Path, kg) -> dict[str, EducationPage]:
    from medcore.qa import condition_pages, curated, drug_pages, first_aid_pages, overview_pages

    key = f"{Path(kb_dir).resolve()}|{_digest(kb_dir, kg.digest)}"
    with _LOCK:
        hit = _CACHE.get(key)
        if hit is not None:
            return hit
        t0 = time.perf_counter()
        content = curated.load(kb_dir)
        pages = condition_pages.build_all(kb_dir, kg, content)
        pages.update(drug_pages.build_all(kb_dir, kg, content))
        pages.update(overview_pages.build_all(kb_dir))
        pages.update(first_aid_pages.build_all(kb_dir, set(pages)))
        for old in [k for k in _CACHE if k.startswith(f"{Path(kb_dir).resolve()}|")]:
            del _CACHE[old]
        _CACHE[key] = pages
        log.info("education pages built in %.2f s: %d pages", time.perf_counter() - t0, len(pages))
        return pages


def get_page(settings, concept_id: str) -> EducationPage | None:
    """The page for a concept id (`condition:asthma`, `drug:metformin`); a therapy alias of a triage
    condition finds the triage page. None when we have no page."""
    pages = build_pages(settings)
    if concept_id in pages:
        return pages[concept_id]
    from medcore.knowledge.graph import load_graph

    gid = load_graph(settings).graph_id(concept_id)
    return pages.get(gid) if gid else None


def find_page(settings, text: str) -> EducationPage | None:
    """A page by concept id, or by a drug name or brand the drug lexicon resolves (`Glucophage`)."""
    text = text.strip()
    page = get_page(settings, text) if ":" in text else None
    if page is None and ":" not in text:
        page = get_page(settings, f"condition:{text}")
    if page is None:
        from medcore.knowledge import drugs

        r = drugs.resolve(text.split(":", 1)[-1], kb_dir=settings.kb_dir)
        if len(r.ingredients) == 1:
            page = get_page(settings, f"drug:{r.ingredients[0]}")
    return page
