"""The second group a study's counted people are compared with: the controls drawn for each case, and the group the
next sentence compares "these" people with (moved out of population_size.py in session 27; rules of sessions 16,
17 and 27)."""

from __future__ import annotations

import re

from medcore.literature.model import Sentence
from medcore.literature.numwords import digits_for_words
from medcore.literature.people_words import PEOPLE_WORDS as _PEOPLE, count_of


# the number of controls drawn for each case (STROBE 6b), stated beside the count of cases (session 17): "for each
# case (n=125), 2 referent patients", "each case was matched with three controls", "two controls per case"
_CONTROL_WORDS = r"(?:controls?|referents?|control\s+(?:subjects|patients|participants)|referent\s+(?:subjects|patients))"
_PER_CASE = re.compile(r"\bfor\s+(?:each|every)\s+case\b[^.;]{0,160}?(?<![\w.=])(?P<a>\d{1,2})\s+(?:[\w\-]+\s+){0,3}?"
                       + _CONTROL_WORDS + r"\b"
                       r"|\beach\s+case\s+(?:was\s+|were\s+)?matched\s+(?:with|to)\s+(?P<b>\d{1,2})\s+(?:[\w\-]+\s+){0,3}?"
                       + _CONTROL_WORDS + r"\b"
                       r"|(?<![\w.=])(?P<c>\d{1,2})\s+(?:[\w\-]+\s+){0,3}?" + _CONTROL_WORDS
                       + r"\s+(?:per|for\s+(?:each|every))\s+case\b", re.I)


def controls_per_case(text: str, n: int) -> int | None:
    """How many controls each case has, when the sentence that gave N says it and N is a count written there (the
    cases'), not a sum of its groups; else None."""
    text = digits_for_words(text)[0] if text else ""
    m = _PER_CASE.search(re.sub(r"\b(one|two|three|four|five|six)\b", lambda w: str(_SMALL[w.group(1).lower()]), text,
                                flags=re.I))
    if not m:
        return None
    k = int(m.group("a") or m.group("b") or m.group("c"))
    counts = [int(x.replace(",", "")) for x in re.findall(r"(?<![\w.])\d{1,3}(?:,\d{3})+|(?<![\w.])\d+", text)]
    return k if 1 <= k <= 10 and n in counts else None


_SMALL = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


# the sentence after the count compares those people with another counted group (session 16)
# "The three groups were compared with one another and with 40 open operations (group D)": a further labelled group
# of operations counts its patients, one operation each (session 17)
_COMPARED_NEXT = re.compile(r"^(?:these|those|they|the(?:se)?\s+[\w\-]+)\b(?:[^.;]|\.(?=\d)){0,100}?\b(?:were|was)\s+compared\s+"
                            r"(?:(?:with|to)\s+(?:each\s+other|one\s+another)\s+and\s+)?"
                            r"(?:with|to|against)\s+(?:the\s+|a\s+(?:group\s+of\s+)?)?(?:first\s+|last\s+|next\s+)?(?P<n>\d{1,3}(?:,\d{3})+|\d+)\s+"
                            r"(?:(?:[\w\-]+\s+){0,3}?(?:controls|" + _PEOPLE + r")\b|(?:[\w\-]+\s+){0,4}?(?:resections|operations|procedures)"
                            r"\b[^.;]{0,80}?[(\[]\s*group\s+(?:[IVX]{1,4}|\d|[A-D])\s*[)\]])", re.I)


# (session 27) the controls counted in the next sentence: "Placentas without the finding (n = 52) served as controls",
# "Forty healthy volunteers served as controls" (STROBE 6a: a case-control study's cases and controls are its people)
_CONTROLS_NEXT = re.compile(r"^(?:(?P<k>\d{1,3}(?:,\d{3})+|\d+)\s+(?:[\w\-]+\s+){0,3}?|[^.;]{0,80}?\(\s*n\s*=\s*(?P<n>\d{1,3}(?:,\d{3})+|\d+)\s*\)\s+)"
                            r"(?:served|were\s+(?:used|taken|selected|included|recruited|enrolled|studied))\s+as\s+(?:the\s+)?(?:[\w\-]+\s+)?controls\b", re.I)


def compared_next(sentences: list[Sentence], idx: int) -> int | None:
    """The size of the group that the sentence after sentence `idx` compares "these" people with, else None."""
    nxt = next((s for s in sentences if s.idx == idx + 1), None)
    if nxt is None or nxt.role not in ("methods", ""):
        return None
    c = _CONTROLS_NEXT.match(digits_for_words(nxt.text)[0])
    if c:
        return count_of(c.group("n") or c.group("k"))
    m = _COMPARED_NEXT.match(digits_for_words(nxt.text)[0])
    return int(m.group("n").replace(",", "")) if m else None
