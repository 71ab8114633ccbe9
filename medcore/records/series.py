"""Further readings of one measurement written after its value (moved out of records/measure.py, session 28, which
was at its 400-line limit):
- a trend told with a verb of change: "high at 15.2, later rose to 19.0 and then fell to 12.4";
- (session 28) a series of bare numbers after a lab's value, as a glucose log or serial results are written:
  "morning sugars 104, 98, 121, 110.". A series is read only for a lab (a vitals line "pulse 72, 16, 98.6" lists other
  vitals), only when it holds at least three numbers, ends its clause, and every number is plausible for the lab
  and within threefold of the others (a shorthand panel "hemoglobin 12, 36, 210" is not one lab's series)."""

from __future__ import annotations

import re

from medcore.records.entities import Measurement
from medcore.records.kb import Range

NUM = r"\d+(?:,\d{3})*(?:\.\d+)?"

# a later reading told after the value, as a trend goes on (a verb of change, then "to" and the number; matched right
# after a number: no blank before the start, so a search over a long blank run does not rescan it from every blank)
_LATER = re.compile(rf"(?<!\s)\s*+,?\s*+(?:and\s++)?(?:(?:then|subsequently|later|further|again)\s++){{0,3}}(?:increased|decreased|rose|"
                    rf"fell|improved|dropped|climbed|worsened|declined|peaked|went\s+(?:up|down)|came\s+down)\s++"
                    rf"(?:again\s++)?(?:to|at)\s++({NUM}(?:/\d{{2,3}})?)(?![\w/]|\.\d)", re.I)
# the next number of a series: a comma (or "and") and a bare number, nothing else (no thousands groups: "98, 121" is
# two readings, so a series number is digits with an optional decimal)
_NEXT = re.compile(r"(?<!\s)[ \t]*+(?:,[ \t]*+(?:and[ \t]++)?|[ \t]++and[ \t]++)(\d{1,4}(?:\.\d+)?)(?![\w/%]|\.\d)")
_CLAUSE_END = re.compile(r"(?<![ \t])[ \t]*+(?:[.;)\n]|$)")
_MAX_SERIES = 12


def _plausible(number: float, rng: Range) -> bool:
    return (rng.plausible_low is None or number >= rng.plausible_low) and \
           (rng.plausible_high is None or number <= rng.plausible_high)


def _reading(s: str, a: int, b: int, rng: Range, unit: str, m, judge) -> Measurement:
    """`judge` is records/measure's (unit_range, flag): passed in, as measure imports this module."""
    unit_range, flag = judge
    a_unit, judged = unit_range(rng, s[a:b], unit, (m.unit_ranges or {}).get(rng.name.lower()))
    again = Measurement(s[a:b], a, b, 0, rng.name, s[a:b], a_unit)
    again.flag, again.reference, again.source = flag(s[a:b], a_unit, judged)
    return again


def later_readings(s: str, pos: int, value: str, rng: Range, unit: str, m, kind: str, used, judge) -> list:
    """The later readings chained after a measurement's value (see _LATER), or else its series (see the module's
    doc), in time order; their spans are added to `used`."""
    out = []
    for _ in range(6):
        later = _LATER.match(s, pos)
        if later is None or ("/" in later.group(1)) != ("/" in value) or \
                not _plausible(float(later.group(1).split("/")[0].replace(",", "")), rng):
            break
        out.append((_reading(s, *later.span(1), rng, unit, m, judge), kind))
        used.append(later.span(1))
        pos = later.end()
    if out or kind != "lab" or "/" in value:
        return out
    return _series(s, pos, value, rng, unit, m, kind, used, judge)


def _series(s: str, pos: int, value: str, rng: Range, unit: str, m, kind: str, used, judge) -> list:
    spans = []
    while len(spans) < _MAX_SERIES and (nxt := _NEXT.match(s, pos)):
        spans.append(nxt.span(1))
        pos = nxt.end()
    try:
        numbers = [float(value.replace(",", ""))] + [float(s[a:b]) for a, b in spans]
    except ValueError:
        return []
    if len(numbers) < 3 or not _CLAUSE_END.match(s, pos) or not all(_plausible(n, rng) for n in numbers) \
            or min(numbers) <= 0 or max(numbers) > 3 * min(numbers):
        return []
    used.extend(spans)
    return [(_reading(s, a, b, rng, unit, m, judge), kind) for a, b in spans]
