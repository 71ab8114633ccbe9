"""A line that says only that something resolved ("1. Urinary tract infection.  Resolved.") speaks of the problem
just before it: the sentence splitter cuts at the full stop, so the assertion rule "X, resolved" (historical, see
assets/kb/knowledge/assertion_rules.yaml) never sees the two together. Only within one line and one list item."""

from __future__ import annotations

import re
from dataclasses import replace

from medcore.records.entities import Problem
from medcore.records.text import Sentence

# the whole sentence: "Resolved.", "Now resolved.", "This has since resolved.", "All resolved."
_RESOLVED_ONLY = re.compile(r"\s*(?:(?:this|it|which|now|has|have|had|is|was|since|all|completely|fully|then)\s+){0,3}"
                            r"resolved\s*[.!]?\s*", re.I)


def apply(text: str, sentences: list[Sentence], problems: list[Problem]) -> list[Problem]:
    """The problems with those of a sentence followed, on the same line, by a "Resolved." sentence made
    historical (present ones only: a negated or possible problem is not said to have resolved)."""
    before: set[int] = set()
    for prev, sent in zip(sentences, sentences[1:]):
        if _RESOLVED_ONLY.fullmatch(sent.text) and "\n" not in text[prev.end:sent.start]:
            before.add(prev.index)
    return [replace(p, assertion="historical") if p.sentence in before and p.assertion == "present" else p
            for p in problems]
