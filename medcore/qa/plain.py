"""Small helpers that keep generated sentences short and plain."""

from __future__ import annotations

import re


def join(items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def lower_first(name: str) -> str:
    """'Cough' -> 'cough', but 'COPD' and 'HbA1c' keep their capitals."""
    if len(name) > 1 and name[0].isupper() and name[1].islower():
        return name[0].lower() + name[1:]
    return name


def chunks(items: list, n: int) -> list[list]:
    return [items[i:i + n] for i in range(0, len(items), n)] or [[]]


_PATTERNS: dict[int, tuple[dict, re.Pattern]] = {}


def _pattern(glossary: dict) -> re.Pattern:
    hit = _PATTERNS.get(id(glossary))
    if hit is None or hit[0] is not glossary:
        terms = sorted(glossary, key=len, reverse=True)  # the longest term first: 'qt prolongation' before 'qt'
        hit = (glossary, re.compile(r"(?<![a-z])(" + "|".join(map(re.escape, terms)) + r")(?![a-z])"))
        _PATTERNS[id(glossary)] = hit
    return hit[1]


def explain(name: str, glossary: dict[str, tuple[str, str]]) -> tuple[str, str | None]:
    """`name` with the plain meaning of the first glossary term it contains ('hyperkalaemia (too much
    potassium in the blood)'), and that entry's source; unchanged (and None) when no term is in it."""
    if not glossary:
        return name, None
    low = name.lower()
    for m in _pattern(glossary).finditer(low):
        meaning, source = glossary[m.group(1)]
        if meaning.lower() not in low:
            return f"{name} ({meaning})", source
    return name, None
