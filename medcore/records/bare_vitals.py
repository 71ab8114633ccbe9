"""A vital-signs line of bare numbers with no name before each ("Vitals: 132/84, 16, 72."): each number is read
by its shape, the way a clinician reads such a line. A pair over a slash is the blood pressure; a percentage the
oxygen saturation; a number with one decimal in a body temperature's span the temperature (Fahrenheit 93-107.9 or
Celsius 34-42.9); a whole number up to 40 the respiratory rate and one above it the pulse. Two numbers of one kind are
both left unread (which is which is not known), and so is a number beside a word (a named reading is measure.py's).

A vital written value first, its name after it ("92% sat", "59/28 mmHg blood pressure", "18 respiratory rate"), and a
fever's peak ("fever as high as 103.1 degrees F"): `value_first` reads these, the number's shape checked as above."""

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


# a value, then the vital's name: a pair over a slash before "blood pressure"; a percentage before a saturation word;
# two digits before "respiratory rate"/"respirations"; two or three before "heart rate"/"pulse rate" (a bare "pulse"
# is left: "2+ pulses" grades a pulse). The number stands alone (not the end of a date or a dose)
_VALUE_FIRST = re.compile(
    r"(?<![\w./-])(?:(?P<bp>\d{2,3}/\d{2,3})(?:\s*+(?P<bpu>mm\s?Hg))?\s++(?:blood\s+pressure|BP)\b"
    r"|(?P<sat>\d{2,3})\s*+%\s*+(?:(?:oxygen|O2)\s++)?(?:sat|sats|saturations?)\b"
    r"|(?P<rr>\d{1,2})\s++(?:respiratory\s+rate|respirations)\b"
    r"|(?P<hr>\d{2,3})\s++(?:heart\s+rate|pulse\s+rate)\b)", re.I)
# a fever's peak: "fever up to 102.5", "febrile to 39.2 C", "a fever reaching as high as 101.9 F" (the
# number must have one decimal and fall in a body temperature's span, see _kind)
_FEVER = re.compile(r"\b(?:fevers?|febrile|temperatures?\s+spikes?)\b[^.;\d]{0,40}?\b(?:to|of|at|as\s+high\s+as)\s++"
                    r"(?P<t>\d{2,3}\.\d)(?![\d.])(?:\s*+(?P<tu>degrees?\s+(?:F|C|fahrenheit|celsius)\b|°\s?[FC]\b))?", re.I)
_SCALE = {"f": "F", "fahrenheit": "F", "c": "C", "celsius": "C"}


def value_first(s: str) -> list[tuple[int, int, str, str]]:
    """(start, end, vital name, unit as written or '') of each value-first vital of sentence `s`."""
    out: list[tuple[int, int, str, str]] = []
    for m in _VALUE_FIRST.finditer(s):
        if m.group("bp"):
            out.append((m.start("bp"), m.end("bpu") if m.group("bpu") else m.end("bp"), "blood pressure",
                        "mmHg" if m.group("bpu") else ""))
        elif m.group("sat") and 50 <= int(m.group("sat")) <= 100:
            out.append((m.start("sat"), m.start("sat") + len(m.group("sat")) + 1 if s[m.end("sat")] == "%"
                        else m.end("sat"), "oxygen saturation", "%"))
        elif m.group("rr") and 4 <= int(m.group("rr")) <= 80:
            out.append((m.start("rr"), m.end("rr"), "respiratory rate", ""))
        elif m.group("hr") and 20 <= int(m.group("hr")) <= 300:
            out.append((m.start("hr"), m.end("hr"), "heart rate", ""))
    for m in _FEVER.finditer(s):
        if _kind(m.group("t")) == "temperature":
            unit = _SCALE.get(m.group("tu").split()[-1].lower().lstrip("°").strip(), "") if m.group("tu") else ""
            out.append((m.start("t"), m.end("tu") if m.group("tu") else m.end("t"), "temperature", unit))
    return out
