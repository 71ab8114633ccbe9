"""Vitals written in words or in mixed units, which the name-then-value reader (records/measure.py) cannot read
(session 28, issue 11):
- a height in feet and inches, kept as written ("5 feet 6 inches tall", "is 190 pounds, 6 feet, 1 inch",
  "height 5 ft 1 in", "5'6\""): feet 3-7 with inches 0-11 after a stature word, or feet alone before "tall"; never a
  distance or a size ("fell 6 feet", "a 5 foot 2 inch laceration");
- an oxygen saturation written as a number in words ("sats ninety-four percent", "ninety one percent on room air"),
  read as its digits;
- a heart rate told as the rate of a rhythm ("sinus rhythm at a rate of 64 per minute", "atrial fibrillation with a
  ventricular rate of 110"): the rate of the rhythm the heart is in, paced or not.
Every quantifier is bounded."""

from __future__ import annotations

import re

from medcore.records.entities import Measurement, overlaps

_FEET = r"(?:feet|foot|ft\.?|')"
_INCHES = r"(?:inches|inch|in\b\.?|\"|'')"
# (group 1) the height as written: feet, then inches, perhaps after a comma or "and"
_HEIGHT = re.compile(rf"(?<![\w.'/-])([3-7][ \t]*+{_FEET}(?:[ \t]*+,?[ \t]*+(?:and[ \t]++)?(?:1[01]|\d)(?:\.5)?[ \t]*+{_INCHES})?)"
                     rf"(?![\w'\"-])", re.I)
_INCH_PART = re.compile(r"\d[ \t]*+(?:inches|inch|in\b|\"|'')", re.I)
# a stature word in the few words before the height, or "tall" / "in height" after it
_STATURE_BEFORE = re.compile(r"\b(?:height|ht|stands?|measures?|measuring|is|was|he's|she's|patient's|pounds|lbs?|kg|weighs?"
                             r"|weight)\b[^.;\n\d]{0,12}$", re.I)
_HEIGHT_NAME = re.compile(r"\b(?:height|ht)\b[ \t]*+(?::[ \t]*+|(?:is|was|of)[ \t]++)?$", re.I)
_TALL_AFTER = re.compile(r"(?<![ \t])[ \t]*+(?:tall\b|in[ \t]+height\b)", re.I)
# a distance or a size, not a stature: "fell 6 feet", "a 5 foot 2 inch laceration", "from a height of"
_NOT_STATURE = re.compile(r"\b(?:fell|fall|falls|falling|dropped|jumped|ladder|roof|from|distance|walked|walk|"
                          r"laceration|wound|incision|cut|long|wide|deep)\b[^.;\n]{0,20}$", re.I)
_SIZE_AFTER = re.compile(r"(?<![ \t])[ \t]*+(?:long|wide|deep|high|laceration|wound|incision|cut|fall|drop|step|wall|fence|ladder|"
                         r"away|of\b)", re.I)
# a size is told with an article ("a 3 foot drop", "an 8 foot fall"); a stature never is ("she is 5 feet 2 inches")
_ARTICLE_BEFORE = re.compile(r"\b(?:a|an)[ \t]+$", re.I)

_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_WORD_NUMBER = (rf"(?:one[ \t]+hundred|(?:{'|'.join(_TENS)})(?:[ \t]*+-?[ \t]*+(?:{'|'.join(_UNITS)}))?)")
_SAT_NAMES = r"(?:o2[ \t]+sats?|oxygen[ \t]+saturations?|saturations?|sats?|saturating|spo2|sao2|pulse[ \t]+ox(?:imetry)?)"
_SPOKEN_SAT = re.compile(
    rf"\b(?:{_SAT_NAMES}[ \t]+(?:(?:of|was|is|were|at|about|around|only|in[ \t]+the)[ \t]+){{0,2}}({_WORD_NUMBER})[ \t]*+(?:percent|%)|"
    rf"({_WORD_NUMBER})[ \t]*+(?:percent|%)[ \t]+(?:(?:sat|sats|saturation|saturating|o2[ \t]+sat)[ \t]+)?on[ \t]+(?:room[ \t]+air|RA\b))", re.I)
_RHYTHM_RATE = re.compile(r"\b(?:rhythm|fibrillation|flutter|tachycardia|bradycardia)\b[ \t,]+(?:(?:at|with)[ \t]+)?(?:a[ \t]+)?"
                          r"(?:(?:ventricular|heart|mean|average)[ \t]+)?rate[ \t]+(?:of[ \t]+|at[ \t]+)?(\d{2,3})"
                          r"(?:[ \t]*+(?:per[ \t]+minute|/min|beats[ \t]+per[ \t]+minute|bpm))?(?![\w/%]|\.\d)", re.I)


def spoken_number(words: str) -> int:
    """'ninety-four' -> 94, 'one hundred' -> 100 (the _WORD_NUMBER forms only)."""
    low = re.sub(r"[ \t-]+", " ", words.lower()).strip()
    if low == "one hundred":
        return 100
    parts = low.split()
    return _TENS[parts[0]] + (_UNITS[parts[1]] if len(parts) > 1 else 0)


def _stature(s: str, m: re.Match) -> bool:
    before = s[max(0, m.start() - 40):m.start()]
    if _NOT_STATURE.search(before) or _SIZE_AFTER.match(s, m.end()) or _ARTICLE_BEFORE.search(before):
        return False
    tall = _TALL_AFTER.match(s, m.end()) is not None
    return tall or (_INCH_PART.search(m.group(1)) is not None and _STATURE_BEFORE.search(before) is not None)


def readings(s: str, m, taken, used, flag) -> list[tuple[Measurement, str]]:
    """(measurement, 'vital') for each reading above in sentence `s`; their spans are added to `used`."""
    out = []

    def keep(a: int, b: int, name: str, value: str, unit: str) -> None:
        rng = m.vital_lookup.get(name)
        if rng is None or overlaps(taken, a, b) or overlaps(used, a, b):
            return
        meas = Measurement(s[a:b], a, b, 0, rng.name, value, unit)
        meas.flag, meas.reference, meas.source = flag(value, unit, rng) if unit == rng.unit else ("", "", rng.source)
        out.append((meas, "vital"))
        used.append((a, b))

    for h in _HEIGHT.finditer(s):
        if _stature(s, h):
            # the height's name before it is part of the reading ("Height: 5 feet 2 inches"), so the name-then-value
            # reader does not read "Height: 5" again; the value is kept as written: feet and inches are no one unit
            named = _HEIGHT_NAME.search(s, max(0, h.start() - 30), h.start())
            keep(named.start() if named else h.start(1), h.end(1), "height", h.group(1), "")
    for r in _SPOKEN_SAT.finditer(s):
        g = 1 if r.group(1) else 2
        keep(r.start(g), r.end(), "oxygen saturation", str(spoken_number(r.group(g))), "%")
    for r in _RHYTHM_RATE.finditer(s):
        if 20 <= int(r.group(1)) <= 300:
            keep(r.start(1), r.end(), "heart rate", r.group(1), "beats/min")
    return out
