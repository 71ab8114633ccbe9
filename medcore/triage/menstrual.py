"""The last menstrual period as a clinician writes it: 'LMP 7 weeks ago', 'her last menstrual period was 3 weeks
ago', 'last period about 6 weeks ago'. It dates the cycle, not the complaint, so it is never the complaint's
duration (durations.py skips these spans); and a first day longer ago than the longest normal cycle says the next
period is late, a missed period, while one shorter ago than the shortest normal cycle says none is missed yet
(bounds and their source: assets/kb/triage/menstrual.yaml)."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from medcore import kbyaml
from medcore.config import REPO_ROOT

_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
          "ten": 10, "eleven": 11, "twelve": 12, "a": 1}
_DAYS = {"day": 1.0, "week": 7.0, "month": 30.4}
_NUM = r"(\d{1,3}|" + "|".join(_WORDS) + r")"
# 'lmp', 'last menstrual period', 'last period', 'last menses', then up to two linking words, then 'N units ago'
LMP = re.compile(r"\b(?:lmp|last\s{1,3}menstrual\s{1,3}period|last\s{1,3}period|last\s{1,3}menses)\b[\s:]{0,3}"
                 r"(?:(?:was|began|started|about|around|approximately|roughly)\s{1,3}){0,2}"
                 + _NUM + r"\s{1,3}(day|week|month)s?\s{1,3}ago\b")


@lru_cache(maxsize=4)
def _bounds(triage_dir: str) -> tuple[float, float]:
    doc = kbyaml.load(Path(triage_dir) / "menstrual.yaml")
    return float(doc["not_due_before_days"]), float(doc["late_after_days"])


def lmp_spans(low: str) -> list[tuple[int, int, float]]:
    """(start, end, days since the first day of the last period) of each LMP phrase in lower-case text."""
    out = []
    for m in LMP.finditer(low):
        n = m.group(1)
        out.append((m.start(), m.end(), float(_WORDS.get(n) or n) * _DAYS[m.group(2)]))
    return out


def missed_period(low: str, triage_dir: str | Path | None = None) -> tuple[bool, str] | None:
    """(present, phrase) for the missed-period finding from the text's LMP, or None when it says nothing."""
    not_due, late = _bounds(str(triage_dir or REPO_ROOT / "assets" / "kb" / "triage"))
    for a, b, days in lmp_spans(low):
        if days > late:
            return True, low[a:b]
        if days < not_due:
            return False, low[a:b]
    return None
