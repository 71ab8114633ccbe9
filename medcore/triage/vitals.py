"""Measured vital signs written as numbers: "my blood pressure is 230 over 130", "BP 190/120", "temp 39.2",
"102F", "pulse 130", "sats 88%". Each reading is read against the bands of assets/kb/triage/vitals.yaml (the one
home of these thresholds, each with its source): a value inside a band says its finding is present, one outside
says it is absent, and a bound ("pulse over 100") says only what it decides.

Patterns are built from the data and stay linear: a cue, a bounded gap with no digit or sentence end, an optional
comparator and the number."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import jsonschema

from medcore import kbyaml

_EPS = 1e-6
_COMPARATORS = {"over": 1, "above": 1, "more than": 1, "greater than": 1, "higher than": 1, ">": 1,
                "under": -1, "below": -1, "less than": -1, "lower than": -1, "<": -1}
_OPS = {">=", ">", "<=", "<"}
_NUMBER = r"(?P<a>\d{1,3}(?:[.,]\d{1,2})?)(?![\d])"
_PAIR = r"\s{0,3}(?:/|over)\s{0,3}(?P<b>\d{2,3})(?![\d])"
# a number followed by a count or a time unit is no measurement ("my heart has been going 20 minutes", "pulse
# checked 3 times"); the vitals' own unit words are not in this list. An 'x' before a duration is the chart's 'for'
# ('HR 130 x 2/7', 'temp 39 x3 days'; session 24b), so the number before it stays a reading; a count of spoons or
# cups is no sugar reading ('sugar 2 spoons in my tea'; session 25)
_NOT_A_READING = r"(?!\s{0,3}(?:times?|x\b(?!\s*\d{1,2}\s*(?:/\s*(?:7|52|12)\b|(?:minute|min|hour|hr|day|night|week|fortnight|month|year)s?\b))|minutes?|mins?\b|seconds?|secs?\b|hours?|hrs?\b|days?|weeks?|months?|years?|yrs?\b|am\b|pm\b|o'clock|kg|mg\b|g\b|grams?|lbs?\b|stone|miles?|km|litres?|liters?|units?|spoons?|spoonfuls?|teaspoons?|tsp\b|sugars?\b|cups?\b|mugs?\b))"

_RANGE = {"type": "array", "items": {"type": "number"}, "minItems": 2, "maxItems": 2}
_WORDS = {"type": "array", "items": {"type": "string", "minLength": 1}}
SCHEMA = {
    "type": "object", "required": ["source", "vitals"],
    "properties": {
        "version": {"type": "integer"}, "source": {"type": "string", "minLength": 3},
        "max_gap": {"type": "integer", "minimum": 0, "maximum": 60},
        "vitals": {"type": "object", "additionalProperties": {
            "type": "object", "additionalProperties": False, "required": ["cues", "plausible", "bands"],
            "properties": {
                "cues": {**_WORDS, "minItems": 1}, "units_alone": _WORDS, "short_cues": _WORDS,
                "weak_cues": _WORDS, "context": _WORDS, "context_window": {"type": "integer", "minimum": 1, "maximum": 120},
                "pair": {"type": "array", "items": {"type": "string"}, "minItems": 2, "maxItems": 2},
                "scales": {"type": "object", "additionalProperties": _WORDS},
                # the scale the bands are written in, and how each other scale converts to it: [factor, offset]
                "base": {"type": "string"},
                "convert": {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "number"},
                                                                       "minItems": 2, "maxItems": 2}},
                "plausible": {"type": "object", "additionalProperties": _RANGE},
                "age_min": {"type": "number", "minimum": 0},
                "bands": {"type": "array", "minItems": 1, "items": {
                    "type": "object", "additionalProperties": False, "required": ["finding", "any", "source"],
                    "properties": {"finding": {"type": "string", "pattern": "^[a-z0-9_]+$"},
                                   "ages": {**_RANGE},
                                   # a band read only when this finding (or one of these) is also read present
                                   # ('known COPD', 'pregnant'), and whose conditions must all hold (a range: 88 to
                                   # 92); such a band replaces the general band of its finding (the person's state
                                   # sets the threshold: 140/90 in pregnancy, NICE NG133)
                                   "with": {"oneOf": [{"type": "string", "pattern": "^[a-z0-9_]+$"},
                                                      {"type": "array", "minItems": 1,
                                                       "items": {"type": "string", "pattern": "^[a-z0-9_]+$"}}]},
                                   "all": {"type": "boolean"},
                                   # when a reading outside the band says the finding is absent (any of these
                                   # holds); between the two the reading says nothing (a pulse of 45 is slow, but
                                   # not the 'very slow' of the band, nor proof against it)
                                   "absent": {"type": "array", "minItems": 1, "items": {
                                       "type": "array", "minItems": 3, "maxItems": 3,
                                       "prefixItems": [{"type": "string"}, {"enum": sorted(_OPS)}, {"type": "number"}]}},
                                   "source": {"type": "string", "minLength": 3},
                                   "any": {"type": "array", "minItems": 1, "items": {
                                       "type": "array", "minItems": 3, "maxItems": 3,
                                       "prefixItems": [{"type": "string"}, {"enum": sorted(_OPS)}, {"type": "number"}]}}}}},
            }}},
    },
}


@dataclass(frozen=True)
class Vital:
    name: str
    patterns: tuple[re.Pattern, ...]  # each with groups a (and b for a pair), cmp, unit
    pair: tuple[str, ...]  # component names of a and b ('systolic', 'diastolic'); one name for a single value
    scales: dict  # unit word -> scale (temperature); empty: one scale, 'value' or the pair's components
    plausible: dict
    age_min: float | None
    bands: tuple[tuple[str, tuple[tuple[str, str, float], ...]], ...]  # (finding, conditions)
    band_ages: tuple[tuple[float, float] | None, ...] = ()  # per band: [low, high) years it applies to, or None
    base: str = "celsius"  # the scale the bands use, when there are scales
    convert: dict = None  # scale -> (factor, offset) into the base scale
    weak_patterns: tuple[re.Pattern, ...] = ()  # a weak cue ('going 180'), read only after a context word
    context: re.Pattern | None = None  # the context words ('heart', 'pulse')
    context_window: int = 60  # how many characters before the weak cue, within its sentence, may hold the context
    band_with: tuple[tuple[tuple[str, ...], bool], ...] = ()  # per band: (findings one of which it needs, all conditions)
    band_absent: tuple[tuple[tuple[str, str, float], ...] | None, ...] = ()  # per band: when outside it is absent

    @property
    def findings(self) -> frozenset[str]:
        return frozenset(f for f, _ in self.bands)


@dataclass(frozen=True)
class Reading:
    vital: str
    start: int  # the cue (or the number, when a unit alone made the reading)
    end: int
    values: dict  # component -> (low, high)


def _alt(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s{1,3}") for w in sorted(set(words), key=len, reverse=True))


def _compile(name: str, spec: dict, gap: int) -> Vital:
    pair = tuple(spec.get("pair") or ())
    scales = {u.lower(): scale for scale, units in (spec.get("scales") or {}).items() for u in units}
    number = _NUMBER + (f"(?:{_PAIR})?" if pair else "")
    unit = rf"(?:\s{{0,3}}(?P<unit>{_alt(scales)})(?![a-z]))?" if scales else ""
    cmp = rf"(?:(?P<cmp>{_alt(_COMPARATORS)})\s{{0,3}})?"
    cue = rf"(?<![a-z0-9])(?P<cue>{_alt(w.lower() for w in spec['cues'])})(?![a-z0-9])"
    patterns = [re.compile(rf"{cue}[^\d.;!?\n]{{0,{gap}}}?{cmp}{number}{unit}{_NOT_A_READING}")]
    if spec.get("short_cues"):  # a chart's letter written onto its number ('T 39.2', 'T39', 'P: 120', 'sugar 28'):
        # the number must follow at once (one blank, a colon or '='), and no letter or apostrophe may stand before
        # the cue ("don't 39" has no 't' reading)
        short = rf"(?<![a-z0-9'])(?P<cue>{_alt(w.lower() for w in spec['short_cues'])})"
        patterns.append(re.compile(rf"{short}\s?[:=]?\s?{number}{unit}{_NOT_A_READING}"))
    weak_patterns = []
    if spec.get("weak_cues"):  # 'going 180' is a heart rate only after a context word ('my heart ... going 180')
        weak = rf"(?<![a-z0-9])(?P<cue>{_alt(w.lower() for w in spec['weak_cues'])})(?![a-z0-9])"
        # a paired vital read by a weak cue needs both numbers: 'the machine said 228 over 134' is a blood
        # pressure, 'the monitor said 88' may be oxygen saturation
        weak_number = _NUMBER + _PAIR if pair else number
        weak_patterns.append(re.compile(rf"{weak}\s{{0,3}}(?:(?:at|about|around|like|over)\s{{1,3}})?"
                                        rf"{weak_number}{_NOT_A_READING}"))
    if spec.get("units_alone"):
        alone = rf"(?<![\d.])(?P<a>\d{{2,3}})" + (_PAIR if pair else "") + \
            rf"\s{{0,3}}(?:{_alt(u.lower() for u in spec['units_alone'])})(?![a-z])"
        patterns.append(re.compile(alone))
    bands = tuple((b["finding"], tuple((c, op, float(t)) for c, op, t in b["any"])) for b in spec["bands"])
    ages = tuple(tuple(float(x) for x in b["ages"]) if "ages" in b else None for b in spec["bands"])
    context = re.compile(rf"(?<![a-z0-9])(?:{_alt(w.lower() for w in spec['context'])})(?![a-z0-9])") \
        if spec.get("context") else None
    return Vital(name, tuple(patterns), pair or (("value",) if not scales else ()), scales,
                 {k: tuple(v) for k, v in spec["plausible"].items()}, spec.get("age_min"), bands, ages,
                 spec.get("base", "celsius"), {k: (float(f), float(o)) for k, (f, o) in (spec.get("convert") or {}).items()},
                 tuple(weak_patterns), context, int(spec.get("context_window", 60)),
                 tuple((_with(b.get("with")), bool(b.get("all"))) for b in spec["bands"]),
                 tuple(tuple((c, op, float(t)) for c, op, t in b["absent"]) if "absent" in b else None
                       for b in spec["bands"]))


def _with(need) -> tuple[str, ...]:
    """A band's state findings as a tuple (none: the band holds in every state)."""
    return () if need is None else (need,) if isinstance(need, str) else tuple(need)


@functools.lru_cache(maxsize=4)
def _load(path: str, mtime_ns: int) -> tuple[Vital, ...]:
    doc = kbyaml.load(path)
    jsonschema.validate(doc, SCHEMA)
    gap = int(doc.get("max_gap", 30))
    return tuple(_compile(name, spec, gap) for name, spec in doc["vitals"].items())


def load(kb_dir: str | Path) -> tuple[Vital, ...]:
    """The vitals of a triage KB folder (none when it has no vitals.yaml)."""
    p = Path(kb_dir) / "vitals.yaml"
    return _load(str(p), p.stat().st_mtime_ns) if p.is_file() else ()


def _value(v: Vital, m: re.Match) -> dict | None:
    """The reading's components as intervals, or None when a number is not plausible."""
    direction = _COMPARATORS.get(re.sub(r"\s+", " ", m.group("cmp") or "")) if "cmp" in m.re.groupindex else None
    a = float(m.group("a").replace(",", "."))
    b = m.group("b") if "b" in m.re.groupindex else None
    if v.scales:  # temperature: the unit's scale, else the plausible range the number falls in
        unit = m.group("unit") if "unit" in m.re.groupindex else None
        scale = v.scales.get(re.sub(r"\s+", " ", unit)) if unit else None
        scale = scale or next((s for s, (lo, hi) in v.plausible.items() if lo <= a <= hi), None)
        if scale is None or not v.plausible[scale][0] <= a <= v.plausible[scale][1]:
            return None
        factor, offset = (v.convert or {}).get(scale, (1.0, 0.0))
        comps = {v.base: a * factor + offset}
    else:
        comps = {v.pair[0]: a}
        if b is not None and len(v.pair) > 1:
            comps[v.pair[1]] = float(b)
        if any(not v.plausible.get(c, (-1e9, 1e9))[0] <= x <= v.plausible.get(c, (-1e9, 1e9))[1]
               for c, x in comps.items()):
            return None
        if b is not None and comps[v.pair[0]] <= comps[v.pair[1]]:  # systolic above diastolic, or no reading
            return None
    if direction == 1:
        return {c: (x + _EPS, float("inf")) for c, x in comps.items()}
    if direction == -1:
        return {c: (float("-inf"), x - _EPS) for c, x in comps.items()}
    return {c: (x, x) for c, x in comps.items()}


def readings(text: str, vitals: tuple[Vital, ...]) -> list[Reading]:
    """The vital-sign readings in a lower-cased text, in order; a number claimed by two cues ('pulse ox 88%')
    belongs to the nearer one."""
    best: dict[int, tuple[int, Reading]] = {}
    for v in vitals:
        for pat, weak in [(p, False) for p in v.patterns] + [(p, True) for p in v.weak_patterns]:
            for m in pat.finditer(text):
                if weak and not _in_context(v, text, m.start()):
                    continue
                values = _value(v, m)
                if values is None:
                    continue
                # characters between the cue and the number; a reading made by its unit alone loses to a cue's
                closeness = m.start("a") - m.end("cue") if "cue" in pat.groupindex else 10**6
                got = best.get(m.start("a"))
                if got is None or closeness < got[0]:
                    best[m.start("a")] = (closeness, Reading(v.name, m.start(), m.end(), values))
    return [r for _, (_, r) in sorted(best.items())]


def _in_context(v: Vital, text: str, at: int) -> bool:
    """Whether a context word ('heart') stands before position `at` in the same sentence, within the window."""
    before = text[max(0, at - v.context_window):at]
    before = re.split(r"[.;!?\n]", before)[-1]
    return v.context is not None and v.context.search(before) is not None


def _holds(interval: tuple[float, float], op: str, t: float) -> bool | None:
    lo, hi = interval
    yes = {">=": lo >= t, ">": lo > t, "<=": hi <= t, "<": hi < t}[op]
    no = {">=": hi < t, ">": hi <= t, "<=": lo > t, "<": lo >= t}[op]
    return True if yes else False if no else None


def _absent(v: Vital, i: int, reading: Reading) -> bool:
    """Whether a reading outside band i says its finding is absent: always, unless the band names when (`absent`)."""
    conds = v.band_absent[i] if i < len(v.band_absent) else None
    return conds is None or any(_holds(reading.values[c], op, t) is True for c, op, t in conds if c in reading.values)


def findings(reading: Reading, vitals: tuple[Vital, ...], age: float | None = None,
             present: frozenset[str] = frozenset()) -> dict[str, bool]:
    """What a reading decides: finding id -> present (True) or absent (False); undecided bands are left out,
    and a vital with adult thresholds says nothing for a younger child. A band `with` a finding is read only when
    that finding is in `present` ('SpO2 89%' with known COPD: the BTS target range; 'BP 150/98' when pregnant:
    NICE NG133's 140/90), and it outranks the general band of the same finding."""
    v = next(x for x in vitals if x.name == reading.vital)
    out: dict[str, bool] = {}
    by_state: dict[str, bool] = {}  # what a band of the person's state decides; it outranks the general band
    for i, (fid, conds) in enumerate(v.bands):
        need, every = v.band_with[i] if i < len(v.band_with) else ((), False)
        if need and not present.intersection(need):
            continue
        into = by_state if need else out
        if every:
            said = [_holds(reading.values[c], op, t) if c in reading.values else None for c, op, t in conds]
            if all(s is True for s in said) or any(s is False for s in said):
                into[fid] = all(s is True for s in said)
            continue
        ages = v.band_ages[i] if i < len(v.band_ages) else None
        if ages is not None:  # a band for an age group (a child's own thresholds) needs the age to be known
            if age is None or not ages[0] <= age < ages[1]:
                continue
        elif v.age_min is not None and age is not None and age < v.age_min:
            continue  # adult thresholds, not for a younger child
        said = [_holds(reading.values[c], op, t) if c in reading.values else None for c, op, t in conds]
        if any(s is True for s in said):
            into[fid] = True
        elif all(s is False for s in said) and _absent(v, i, reading):
            into[fid] = False
    out.update(by_state)
    return out
