"""A problem coded at an ICD-10-CM code that has subdivisions takes its unspecified subdivision (issue 11, session 24b).

Curated terms and ICD-10-CM category titles name codes that later releases subdivided: 'headache' is R51, split in
FY2021 into R51.0 (with orthostatic component) and R51.9 'Headache, unspecified'; cough R05 into R05.1-R05.9;
multiple sclerosis G35 into G35.A-G35.D in FY2026. The ICD-10-CM Official Guidelines (section I.A.6, I.B.1) code to
the highest specificity documented, and a code with subdivisions is not a valid code to report; when the note names
no subtype, the subdivision the tabular list titles 'unspecified' is the code. Chosen only when it is one: the single
child titled 'unspecified', else the one such child ending in 9, else in 0 (K25 -> K25.9, not K25.4 'Chronic or
unspecified gastric ulcer with hemorrhage'; E05.9 -> E05.90 'without thyrotoxic crisis'); two equal candidates (I48.9:
unspecified fibrillation, unspecified flutter) or none (M51.36: by pain) leave the code as it is."""

from __future__ import annotations

import logging
from dataclasses import replace

log = logging.getLogger(__name__)

_cache: dict[tuple[str, str], tuple[str, str]] = {}  # (terminology folder, code) -> (leaf code, its title)
MAX_DEPTH = 3  # R11 -> R11.1 -> R11.10: a code descends at most this many levels


def _unspecified_child(term, code: str):
    kids = [c for c in term.icd10cm_children(code) if not c.attrs.get("extension")]
    unspec = [c for c in kids if "unspecified" in c.name.lower()]
    if len(unspec) == 1:
        return unspec[0]
    for last in "90":
        ending = [c for c in unspec if c.id.endswith(last)]
        if len(ending) == 1:
            return ending[0]
    return None


def leaf(term, code: str) -> tuple[str, str]:
    """(code, title): the unspecified subdivision of `code` when it has subdivisions and one is the unspecified one,
    else `code` and '' (the caller keeps its own title)."""
    key = (str(getattr(term, "folder", "")), code)
    got = _cache.get(key)
    if got is None:
        got, title = code, ""
        for _ in range(MAX_DEPTH):
            child = _unspecified_child(term, got)
            if child is None:
                break
            got, title = child.id.split(":", 1)[1], child.name
        got = _cache[key] = (got, title)
    return got


def apply(problems: list, term) -> list:
    """Each problem with a subdivided code recoded to its unspecified subdivision; the concept and name stay."""
    if term is None or not hasattr(term, "icd10cm_children"):
        return problems
    out = []
    for p in problems:
        code, title = leaf(term, p.icd10cm) if p.icd10cm else (p.icd10cm, "")
        out.append(replace(p, icd10cm=code, icd10cm_display=title) if code != p.icd10cm else p)
    return out
