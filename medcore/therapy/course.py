"""How long a drug is taken, and how long an interaction outlasts a stopped drug.

- `course_days`: the course of a medicine or planned component from its text ('5 days', 'for 2 weeks',
  'x 10 days', '7-day course', 'long-term', 'regular', 'single dose'), read by the interaction rules whose
  severity depends on duration (`duration` contexts in assets/kb/therapy/interactions.yaml).
- `after_stop`: the interactions a stopped medicine still has with a drug (rules with `persists`: an inducer's
  effect wears off over about two to four weeks, so the interaction is not over the day it is stopped).
"""

from __future__ import annotations

from collections.abc import Callable
import math
import re

from medcore.therapy.dose_checks import course_weeks
from medcore.therapy.issues import Issue
from medcore.therapy.kb import KnowledgeBase
from medcore.therapy.profile import UNIT_DAYS

_EMBEDDED = re.compile(r"(?:\b(?:for|over|during|at least)|\bx|×)\s*(\d+(?:\.\d+)?)\s*(day|week|month)s?\b", re.I)
_TRAILING = re.compile(r"\b(\d+(?:\.\d+)?)\s*(day|week|month)s?\s*$", re.I)  # "ibuprofen 400 mg tid 3 days"
_COURSE = re.compile(r"\b(\d+(?:\.\d+)?)[- ](day|week|month)s?\s+course\b", re.I)
_LONG = re.compile(r"\b(long[- ]term|chronic|regular(?:ly)?|ongoing|indefinite(?:ly)?|lifelong|maintenance)\b", re.I)
_ONCE = re.compile(r"\b(single[- ]dose|one dose|once only|one[- ]off|stat|occasional(?:ly)?)\b", re.I)


def course_days(text: str | None) -> float | None:
    """Days of a course (math.inf for long-term or regular use, 1 for a single or occasional dose); None when
    the text does not say. Phases joined by 'then' add up ('7 days, then 5 mg twice daily for at least 3
    months' is 7 days plus 3 months); one phase without a length makes the whole course unknown."""
    total = 0.0
    for phase in re.split(r"\bthen\b", str(text or ""), flags=re.I):
        days = _phase_days(phase)
        if days is None:  # a phase without a length ('1 week, then 60 mg daily'): the course is not known
            return None
        total += days
    return total


def _phase_days(t: str) -> float | None:
    weeks = course_weeks(t.strip(" ,;"))
    if weeks is not None:
        return weeks * 7
    for rx in (_EMBEDDED, _COURSE, _TRAILING):
        m = rx.search(t)
        if m:
            return float(m.group(1)) * UNIT_DAYS[m.group(2).lower()]
    if _LONG.search(t):
        return math.inf
    if _ONCE.search(t):
        return 1.0
    return None


def after_stop(kb: KnowledgeBase, drug_id: str, stopped: list[tuple[str, str, float]], crcl: float | None = None,
               label: str = "", kidney_where: Callable[[float], str] | None = None) -> list[Issue]:
    """Issues for `drug_id` from medicines stopped recently: (text, stopped drug id, days ago). Only rules whose
    effect persists after the stopped drug ends, and only within that time."""
    out = []
    for text, sid, ago in stopped:
        if sid == drug_id:
            continue
        for rule in kb.pairs.get(frozenset((sid, drug_id)), ()):
            per = next((p for p in rule.persists if p.drug == sid), None)
            if per is None or ago >= per.days:
                continue
            r = rule.in_context(crcl, kidney_where=kidney_where)
            left = per.days - ago
            out.append(Issue(r.severity, "interaction",
                             f"{label or kb.drug_name(drug_id)} + {kb.drug_name(sid)} stopped {ago:g} days ago "
                             f"('{text}'): {r.effect}; the interaction lasts about {per.days:g} days after stopping "
                             f"it, so about {left:g} more days. {per.management}", r.source, [drug_id, sid],
                             avoid=r.avoid and r.severity == "major"))
            break
    return out
