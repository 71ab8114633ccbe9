"""The authors' conclusion and their own stated limitations, as sentence indices."""

from __future__ import annotations

import re

from medcore.literature.model import Paper
from medcore.literature.roles import cue_pattern

_LIMITATION_HEADING = re.compile(r"limitation", re.I)


def limitations(settings, paper: Paper) -> list[int]:
    """Sentences where the authors state a limitation: under a 'Limitations' heading, or with a limitation cue
    outside the methods (a methods sentence saying 'we limited the sample' is not a confession)."""
    cues = cue_pattern(settings, "limitations")
    out = []
    for s in paper.sentences:
        if s.section and _LIMITATION_HEADING.search(s.section):
            out.append(s.idx)
        elif s.role in ("conclusions", "results", "") and cues.search(s.text):
            out.append(s.idx)
    return out[:6]


def conclusion(paper: Paper, exclude: set[int]) -> list[int]:
    """The conclusion sentences (role 'conclusions', limitations excepted); for a full text with a Discussion,
    the first and last few of them, where authors put their summary and their take-home message."""
    idx = [s.idx for s in paper.sentences if s.role == "conclusions" and s.idx not in exclude]
    if paper.is_full_text and len(idx) > 6:
        named = [s.idx for s in paper.sentences if s.idx in idx and s.section
                 and re.search(r"conclusion|interpretation", s.section, re.I)]
        return named[:4] or idx[:2] + idx[-2:]
    return idx[:4]
