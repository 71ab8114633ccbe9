"""A vital-signs line of bare numbers with no name before each ("Vitals: 132/84, 16, 72."): each number is read
by its shape, the way a clinician reads such a line. A pair over a slash is the blood pressure; a percentage the
oxygen saturation; a number with one decimal in a body temperature's span the temperature (Fahrenheit 93-107.9 or
Celsius 34-42.9); a whole number up to 40 the respiratory rate and one above it the pulse. Two numbers of one kind are
both left unread (which is which is not known), and so is a number beside a word (a named reading is measure.py's)."""

from __future__ import annotations

import re

# the label of the line, then a comma list of two or more bare numbers (possessive blanks: matched by search over
# whole sentences, a long blank run must not be split every way)
_LINE = re.compile(r"\b(?:vital\s+signs|vitals|VS)\b\s*+(?:(?:are|were|show|showed|as\s+follows)\s++)?[:=-]?\s*+"
                   r"(?P<list>\d{1,3}(?:\.\d)?(?:/\d{2,3})?%?(?:\s*+,\s*+\d{1,3}(?:\.\d)?(?:/\d{2,3})?%?)+)"
                   r"(?=\s*+(?:[.;]|$))", re.I)
_ITEM = re.compile(r"\d{1,3}(?:\.\d)?(?:/\d{2,3})?%?")


def _kind(item: str) -> str:
    if "/" in item:
        return "blood pressure"
    if item.endswith("%"):
        return "oxygen saturation"
    number = float(item)
    if "." in item:
        return "temperature" if 93 <= number < 108 or 34 <= number < 43 else ""
    return "respiratory rate" if number <= 40 else "heart rate" if number <= 250 else ""


def readings(s: str) -> list[tuple[int, int, str]]:
    """(start, end, vital name) of each bare number of a vital-signs line in sentence `s`."""
    out: list[tuple[int, int, str]] = []
    for line in _LINE.finditer(s):
        items = [(item, _kind(item.group())) for item in _ITEM.finditer(s, line.start("list"), line.end("list"))]
        kinds = [kind for _, kind in items]
        out += [(item.start(), item.end(), kind) for item, kind in items if kind and kinds.count(kind) == 1]
    return out
