"""A problem named again by its abbreviation in brackets ("cerebrovascular accident (CVA)", "chronic obstructive
pulmonary disease (COPD) exacerbation") is one problem: the bracketed repeat is dropped, so the summary lists it
once (issue 11, session 13)."""

from __future__ import annotations

import re

from medcore.records.entities import Problem

_OPEN = re.compile(r"\s*\(\s*")
_CLOSE = re.compile(r"\s*\)")


def _category(code: str) -> str:
    return (code or "").replace(".", "")[:3].upper()


def drop_bracketed_repeats(text: str, problems: list[Problem]) -> list[Problem]:
    """The problems less each one written in brackets straight after a problem of the same concept or the same
    ICD-10-CM category."""
    ordered = sorted(problems, key=lambda p: (p.start, p.end))
    drop: set[int] = set()
    for first, second in zip(ordered, ordered[1:]):
        if second.start < first.end or not _OPEN.fullmatch(text, first.end, second.start):
            continue
        if not _CLOSE.match(text, second.end):
            continue
        if first.concept_id == second.concept_id or (first.icd10cm and _category(first.icd10cm) == _category(second.icd10cm)):
            drop.add(id(second))
    return [p for p in problems if id(p) not in drop]
