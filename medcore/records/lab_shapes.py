"""Readings written in shapes the name-then-value reader (records/measure.py) would misread or miss (issue 11,
session 29), each read only where it is unambiguous, and never given a number the note did not write:

- a pair of labs with their values joined by slashes or "and": "BUN/creatinine 18/1.1", "BUN and creatinine 30/1.4".
  Each value goes to its own lab, in the order written, only when both are plausible for their labs (where the tables
  give bounds) and the pair cannot be a date ("12/14"); otherwise the pair is left unread (it is no longer read as
  "creatinine 18", which had flagged a creatinine of 18 as high);
- a decade: "systolic pressure in the 70s", "sugars in the high 200s", "heart rate in the 120s": the value is kept as
  written ("70s", "high 200s"), flagged only when the whole band lies on one side of the reference range;
- a glucose log told by time slot: "sugars: fasting 110s, post-lunch 150s, bedtime 130s", "pre-supper 90, 101": one
  reading per number (a decade kept as written), only after a glucose word and only for slot words of a log.
"""

from __future__ import annotations

import re

from medcore.records.entities import Measurement, overlaps

NUM = r"\d+(?:\.\d+)?"
_JOIN = re.compile(r"(?<![ \t])[ \t]*+(?:/|&|and\b)[ \t]*+")
# after the second name: a verb or a colon, then the two values joined by a slash (not a date: "18/1.1", "30/1.4")
_SLASH_VALUES = re.compile(rf"(?<![ \t])[ \t]*+(?:(?:is|are|was|were|of|at|today|now|on\s+admission)[ \t]++){{0,2}}[:=]?[ \t]*+"
                           rf"(?<![\d.])({NUM})[ \t]*+/[ \t]*+({NUM})(?![\w/]|\.\d)", re.I)
# a decade after a name: "in the 70s", "have been in the high 200s", "running in the low 90's"; review fix (rec29fix):
# also without "in the" ("glucose 110s", "BP 150s/90s", which had read 110 and 150), a unit digit after "in the"
# ("potassium in the 3s" is 3.0-3.9, it had read 3 and flagged it low), and a pressure's two decades
_DECADE = re.compile(r"(?<![ \t])[ \t]*+(?:(?:has|have|had|been|was|were|is|are|remained|remains|running|ranging|ranged|mostly|"
                     r"usually|generally|consistently|all|always|still|mainly|typically)[ \t]++){0,3}[:=]?[ \t]*+"
                     r"(?:in[ \t]++the[ \t]++)?((?:(?:high|low|mid|upper|lower)[ \t-]*+)?(?<!\d)(\d{1,2}0|(?<=the )\d{3}0|(?<=the )\d)['’]?s"
                     r"(?:/\d{1,3}0['’]?s)?)\b", re.I)
_SLOT = (r"fasting|morning|am|a\.m\.|pm|p\.m\.|evening|bedtime|nighttime|(?:pre|post)[- ]?(?:breakfast|lunch|supper|dinner|meals?|prandial)|"
         r"before\s+(?:breakfast|lunch|supper|dinner|meals?|bed)|after\s+(?:breakfast|lunch|supper|dinner|meals?)|"
         r"(?:2|two)[- ]hours?\s+(?:post[- ]?prandial|after\s+meals?)")
_LOG_OPEN = re.compile(r"(?<![ \t])(?:[ \t]++(?:have|has|had|been|were|are|was|is|running|recorded|at\s+home)\b){0,3}[ \t]*+[:=]?[ \t]*+",
                       re.I)
_SLOT_VALUE = re.compile(rf"(?:(?<![ \t])[ \t]*+[,;][ \t]*+|(?<![ \t])[ \t]++)?(?:and[ \t]++)?(?:{_SLOT})[ \t]*+[:=]?[ \t]*+(\d{{2,3}}(?:['’]?s)?)"
                         rf"(?![\w/%]|\.\d)", re.I)
_MORE_VALUE = re.compile(r"(?<![ \t])[ \t]*+(?:,|and)[ \t]*+(\d{2,3}(?:['’]?s)?)(?![\w/%]|\.\d)(?![ \t]*+[a-z])", re.I)


_BAND = re.compile(r"(?<!\d)(\d+)['’]?s\b")  # the first decade as written ("70s", "high 200's", "150s/90s": the systolic)


def _plausible(number: float, rng) -> bool:
    return (rng.plausible_low is None or number >= rng.plausible_low) and \
           (rng.plausible_high is None or number <= rng.plausible_high)


def _band(written: str) -> tuple[float, float] | None:
    """The numbers a decade covers: "70s" 70-79, "110s" 110-119, "200s" 200-299 (a round hundred is its hundreds),
    "3s" 3.0-3.9."""
    m = _BAND.search(written)
    if not m:
        return None
    n = int(m.group(1))
    if n < 10:
        return float(n), n + 0.9
    width = 100 if n >= 100 and n % 100 == 0 else 10
    return float(n), float(n + width - 1)


def _reading(s, a, b, text_start, rng, m, judge) -> Measurement | None:
    """One measurement of the value at s[a:b] (a decade keeps its band; flagged only if both ends agree)."""
    unit_range, flag = judge
    value = s[a:b]
    band = _band(value)
    first = band[0] if band else float(value.split("/")[0])  # a pressure's systolic
    if not _plausible(first, rng):
        return None
    unit, judged = unit_range(rng, str(int(first)) if band else value, "", (m.unit_ranges or {}).get(rng.name.lower()))
    meas = Measurement(s[text_start:b], text_start, b, 0, rng.name, value, unit)
    if band:
        low, high = (flag(f"{x:g}", unit, judged) for x in band)
        meas.flag, meas.reference, meas.source = (low if low[0] == high[0] else ("",) + low[1:])
    else:
        meas.flag, meas.reference, meas.source = flag(value, unit, judged)
    return meas


def readings(s: str, m, taken, used, judge) -> list:
    """(Measurement, kind) of the shapes above in one sentence; their spans are added to `used` (a pair left unread
    is reserved too, so no other reader takes one of its numbers)."""
    out: list = []
    for kind, pat, lookup in (("lab", m.lab, m.lab_lookup), ("vital", m.vital, m.vital_lookup)):
        for hit in pat.finditer(s):
            if overlaps(taken, hit.start(), hit.end()) or overlaps(used, hit.start(), hit.end()):
                continue
            rng = lookup.get(hit.group().lower())
            if rng is None:
                continue
            if kind == "lab" and (pair := _pair(s, hit, m, rng, judge, used)) is not None:
                out += [(x, kind) for x in pair]
                continue
            if kind == "vital" and (pair := _vital_pair(s, hit, m, rng, judge, used)) is not None:
                out += [(x, kind) for x in pair]
                continue
            if len(hit.group()) > 1 and (d := _DECADE.match(s, hit.end())) and ("/" not in d.group(1) or kind == "vital") \
                    and (meas := _reading(s, d.start(1), d.end(1), hit.start(), rng, m, judge)) is not None:
                out.append((meas, kind))
                used.append((hit.start(), d.end()))
                if kind == "lab" and rng.name.lower() == "glucose":  # "sugars 110s, post-lunch 150s": the log goes on
                    out += [(x, kind) for x in _log(s, hit, rng, m, judge, used, d.end())]
                continue
            if kind == "lab" and rng.name.lower() == "glucose":
                out += [(x, kind) for x in _log(s, hit, rng, m, judge, used)]
    return out


def _pair(s, hit, m, rng, judge, used) -> list | None:
    """Two labs, then two values joined by a slash: each value to its lab in order (None: not this shape)."""
    j = _JOIN.match(s, hit.end())
    second = m.lab.match(s, j.end()) if j else None
    if second is None or (rng2 := m.lab_lookup.get(second.group().lower())) is None or rng2.name == rng.name:
        return None
    v = _SLASH_VALUES.match(s, second.end())
    if v is None:
        return None
    used.append((hit.start(), v.end()))
    a, b = v.group(1), v.group(2)
    if "." not in a + b and int(a) <= 12 and int(b) <= 31:
        return []  # "BUN/creatinine 12/14" may be the date they were drawn: not read (nor as "creatinine 12")
    first = _reading(s, *v.span(1), v.start(1), rng, m, judge)
    other = _reading(s, *v.span(2), v.start(2), rng2, m, judge)
    if first is None or other is None:
        return []  # a number not plausible for its lab: the pair is not what it seems, so nothing is read
    first.text, first.start = s[hit.start():v.end(1)], hit.start()
    return [first, other]


# two vitals' values after "BP/HR": a pressure is two numbers ("130/80"), any other vital one ("72")
_PRESSURE = r"\d{2,3}[ \t]*+/[ \t]*+\d{2,3}"
_OPEN = r"(?<![ \t])[ \t]*+(?:(?:is|are|was|were|of|at|today|now)[ \t]++){0,2}[:=]?[ \t]*+(?<![\d.])"
_END = r"(?![\w/]|\.\d)"
_VITAL_VALUES = {  # which of the two names is the pressure: its values' shape
    0: re.compile(rf"{_OPEN}({_PRESSURE})[ \t]*+/[ \t]*+({NUM}){_END}"),
    1: re.compile(rf"{_OPEN}({NUM})[ \t]*+/[ \t]*+({_PRESSURE}){_END}"),
    None: re.compile(rf"{_OPEN}({NUM})[ \t]*+/[ \t]*+({NUM}){_END}"),
}
_PRESSURE_ONLY = re.compile(rf"{_OPEN}({_PRESSURE}){_END}")


def _vital_pair(s, hit, m, rng, judge, used) -> list | None:
    """Two vitals, then their values joined by slashes (session 30): "BP/HR 130/80/72" is a pressure of 130/80 and a
    rate of 72, "HR/BP 72/130/80" the same the other way round, "HR/RR 72/16" a rate and a breathing rate; each value
    to its vital in order, only when each is plausible. "BP/HR 130/80" is the pressure alone (the rate was not
    written); any other value shape after the two names reads nothing (it was read as a rate of 130/80). None: not
    this shape."""
    j = _JOIN.match(s, hit.end())
    second = m.vital.match(s, j.end()) if j and "/" in j.group() else None
    if second is None or (rng2 := m.vital_lookup.get(second.group().lower())) is None or rng2.name == rng.name:
        return None
    bp = [r.name.lower() == "blood pressure" for r in (rng, rng2)]
    v = _VITAL_VALUES[0 if bp[0] else 1 if bp[1] else None].match(s, second.end())
    if v is None:
        alone = _PRESSURE_ONLY.match(s, second.end()) if bp[0] else None
        if alone is None:
            used.append((hit.start(), second.end()))
            return []
        used.append((hit.start(), alone.end()))
        only = _reading(s, *alone.span(1), hit.start(), rng, m, judge)
        return [only] if only is not None else []
    used.append((hit.start(), v.end()))
    first = _reading(s, *v.span(1), hit.start(), rng, m, judge)
    other = _reading(s, *v.span(2), v.start(2), rng2, m, judge)
    return [first, other] if first is not None and other is not None else []


def _log(s, hit, rng, m, judge, used, start=None) -> list:
    """A glucose log by slot after the glucose word (or after its first reading, `start`): every number of every slot
    (at least one slot)."""
    pos = _LOG_OPEN.match(s, hit.end()).end() if start is None else start
    out = []
    while (slot := _SLOT_VALUE.match(s, pos)) is not None:
        spans = [slot.span(1)]
        pos = slot.end()
        while (more := _MORE_VALUE.match(s, pos)) is not None:
            spans.append(more.span(1))
            pos = more.end()
        for a, b in spans:
            meas = _reading(s, a, b, a, rng, m, judge)
            if meas is not None:
                out.append(meas)
                used.append((a, b))
    if out:
        used.append((hit.start(), hit.end()))
    return out
