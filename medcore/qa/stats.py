"""Figures about the education pages (`python -m medcore eval qa-pages`): how many pages, which sections
have text, passages by origin, and the reading grade of every page (textstat Flesch-Kincaid)."""

from __future__ import annotations

import statistics
from collections import Counter

from medcore.qa.pages import build_pages
from medcore.qa.readability import GRADE_MAX, grade


def page_stats(settings, missing: bool = False) -> dict:
    """`missing`: also list, per kind and section, the pages whose section has no text (for whoever fills them)."""
    pages = build_pages(settings)
    by_kind = Counter(p.kind for p in pages.values())
    origins = Counter(x.origin for p in pages.values() for x in p.passages())
    filled: dict[str, Counter] = {}
    for p in pages.values():
        for s in p.sections:
            filled.setdefault(p.kind, Counter())[s.key] += bool(s.passages)
    grades = {cid: grade(p.text(), settings) for cid, p in pages.items()}
    values = sorted(grades.values())
    bands = Counter(min(int(g), 12) for g in values)
    curated_pages = Counter(p.kind for p in pages.values() if any(x.origin == "curated" for x in p.passages()))
    out = {
        "pages": dict(by_kind), "pages_total": len(pages),
        "pages_with_curated_text": dict(curated_pages),
        "passages_by_origin": dict(origins), "curated_passages": origins.get("curated", 0),
        "sections_with_text": {k: dict(v) for k, v in filled.items()},
        "reading_grade": {"max_allowed": GRADE_MAX, "min": round(values[0], 2), "median": round(statistics.median(values), 2),
                          "max": round(values[-1], 2), "over_max": sum(g > GRADE_MAX for g in values),
                          "distribution": {f"{b}-{b + 1}": bands[b] for b in sorted(bands)},
                          "hardest": sorted(grades, key=grades.get)[-5:][::-1]},
    }
    if missing:
        out["missing_sections"] = missing_sections(pages)
    return out


def missing_sections(pages: dict) -> dict[str, dict[str, list[str]]]:
    """kind -> section -> the page ids whose section has no text, sorted."""
    gaps: dict[str, dict[str, list[str]]] = {}
    for cid, p in sorted(pages.items()):
        for sec in p.sections:
            if not sec.passages:
                gaps.setdefault(p.kind, {}).setdefault(sec.key, []).append(cid)
    return gaps
