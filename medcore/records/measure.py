"""Vitals and labs: a name from the reference-range tables, then its value and unit, flagged against the
shipped range (in the same unit only) with the range's source."""

from __future__ import annotations

import re

from medcore.knowledge.normalize import LATER_THOUSANDS_GROUP
from medcore.records import bare_vitals, lab_shapes, spoken_readings
from medcore.records.series import later_readings
from medcore.records.entities import Measurement, overlaps
from medcore.records.kb import Range, UnitRange
from medcore.records.units import unit_key
from medcore.records.value_first import readings as value_first_readings

NUM = r"\d+(?:,\d{3})*(?:\.\d+)?"

# words between a name and its value: "was", "is down from", "recorded at", "of about", "increased from 70 to 72"
_FILLER = (r"level|count|of|was|is|were|are|has|had|have|been|being|on arrival|at \d+ hours|today|yesterday|now|currently|"
           r"rose to|fell to|peaked at|elevated at|stable at|stable|stayed at|low at|high at|normal at|at that time|in the|(?:came|coming|went|gone|going) (?:down|up)(?: to)?|rose|fell|(?:increased|decreased|down|up)(?: to)?|remained|stayed|from|a|baseline|"
           # session 15: a trend's verb ("EF improving to 45%"), a degree word ("significantly elevated at"), an
           # approximate reading ("roughly 140/90", "~88"), when and how it was had ("on presentation", "calculated")
           r"(?:improved|improving|worsened|worsening|declined|declining|increasing|decreasing|rising|falling|climbed|"
           r"climbing|trended|trending)(?: (?:up|down))?(?: to)?|significantly|markedly|mildly|moderately|approx\.?|roughly|~|"
           r"on presentation|ranged|ranging|calculated|estimated|appeared|appears|up to|"
           r"in tube \d|on admission|at|approximately|about|around|recorded|measured|found|noted|to be|"
           # "of between 1.8 and 1.9", "had risen slightly to", "levels were", "x2 done, which was", "score is"
           r"risen|dropped|to|obtained|drawn|checked|this morning|between|slightly|levels|values|score|scores|total|equal to|equals|which|done|reported|x\s?\d|initially|again|"
           # the position a vital was taken in, as exam templates label it: "BP Sitting: 128/76", "pulse supine 64"
           r"sitting|seated|standing|supine|lying(?: down)?|upright|resting|at rest|"
           # session 27b: a state ("INR prolonged at 2.2"), who took it ("BP by the nurse"), a method, a degree
           r"prolonged|suppressed|undetectable at|quantitative|by (?:the )?(?:nurse|me|patient|triage)|so high|so low|very|came back(?: as| at)?|returned(?: as| at)?|"
           # session 28: the date it was drawn ("creatinine from 03/14/2019 was"), "at admission", "only"
           r"(?:dated )?\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})|(?:at|upon) (?:admission|discharge|presentation)|only")
# units a vital is written in as words or abbreviations, with the spelling the tables use: "150 pounds" is lb,
# never the kg of a range ('Weight =172 lbs'); "18 per minute" is a rate per minute
_WORD_UNITS = (r"pounds?|lbs?|kilograms?|kilos?|kgs|grams?|inches|inch|in(?=\s*(?:[.,;]|$))|centimet(?:er|re)s|"
               r"(?:beats|breaths)\s+per\s+minute|per\s+minute|bpms?|"
               r"degrees?\s+(?:fahrenheit|celsius|centigrade|F|C)\b|degrees?|°(?![CF])")
_VALUE = re.compile(rf"^(?:\s*(?:{_FILLER})\b\.?)*\s*(?:[:=;]\s*)?(?:(?:[<>]=?|(?:less|greater|more|lower|higher) than)\s*)?({NUM}(?:/\d{{2,3}})?|positive|negative|pending|non-?reactive|undetectable|indeterminate)"
                    r"(?:\s*(?:to|->)\s*(" + NUM + r"(?:/\d{2,3})?))?\s*((?:x\s?10\^?\d+/L|[µμu]mol/L|mmol/L|g/L|mg/dL|g/dL|ng/mL|pg/mL|mIU/L|U/L|"
                    r"mg/L|mm/h|mmHg|mL/min/1\.73\s?m2|mg/g|mcg/mL|cells/uL|%|kg/m2|" + _WORD_UNITS + r"|kg|cm|C|F|°C|°F|/min|ug/mL(?: FEU)?|"
                    r"mEq/L|mcg/dL|units/L|copies/mL|cells/mm3|(?:g|gm|mg)\s?percent|seconds|secs?|mL(?![/A-Za-z]))(?![A-Za-z]))?", re.I)  # a unit ends at a word's end: '88 fL' is not Fahrenheit
_WORD_UNIT_SPELLING = ((r"pounds?|lbs?", "lb"), (r"kilograms?|kilos?|kgs", "kg"), (r"grams?", "g"), (r"inch(?:es)?|in", "in"),
                       (r"centimet(?:er|re)s", "cm"), (r"degrees?\s+(?:fahrenheit|f)", "F"),
                       (r"degrees?\s+(?:celsius|centigrade|c)", "C"))
_PER_MINUTE = re.compile(r"(?:beats|breaths)\s+per\s+minute|per\s+minute|bpms?|/min", re.I)
_BARE_DEGREE = re.compile(r"degrees?|°", re.I)


def written_unit(unit: str, rng: Range) -> str:
    """The table spelling of a unit written as a word ("pounds" -> "lb", "degrees Fahrenheit" -> "F"); a rate
    "per minute" takes the vital's own rate unit (beats/min for a pulse, breaths/min for respirations); a bare
    "degrees" stays to be read from the value (see unit_range). Other units are kept as written."""
    for pattern, spelled in _WORD_UNIT_SPELLING:
        if re.fullmatch(pattern, unit, re.I):
            # a bare "in" is inches only after a length ("pulse 80 in clinic." is no length)
            return "" if unit.lower() == "in" and rng.unit != "cm" else spelled
    if _PER_MINUTE.fullmatch(unit) and rng.unit.endswith("/min"):
        return rng.unit
    return unit


_BOUND = re.compile(r"[<>]|\bthan\s*$", re.I)  # a bound after a word of _TARGET_BEFORE is a threshold, not a result
_TARGET_BEFORE = re.compile(r"\b(?:if|when|goal|target|keep|maintain|aim|titrate|threshold|unless|until|ensure|call)\b[^.;\n]{0,40}$", re.I)
_OTHER_UNIT = re.compile(r"[a-zµμ]{1,5}/[a-z]{1,3}\b", re.I)


def _in(number: float, low, high) -> bool:
    return (low is None or number >= low) and (high is None or number <= high)


def _number(value: str) -> float | None:
    try:
        return float(value.split("/")[0].replace(",", ""))
    except ValueError:
        return None


def unit_range(rng: Range, value: str, unit: str, others) -> tuple[str, Range]:
    """The unit the value is in and the range to judge it by: the written unit (never relabelled), or for a
    value with no unit, or a temperature in "degrees" with no scale, the other unit whose unitless span it falls
    in ('T 98.6' and '97.5 degrees' are Fahrenheit). A measurement with no range to judge by (weight, height)
    is given no unit the note did not write: 'weight 150' may be pounds or kilograms."""
    number = _number(value)
    if _BARE_DEGREE.fullmatch(unit or ""):
        unit = ""
    if not unit and rng.low is None and rng.high is None and not others:
        return "", rng
    for o in others or ():
        if unit and unit_key(o.unit) == unit_key(unit) or not unit and number is not None and \
                (o.unitless_low is not None or o.unitless_high is not None) and _in(number, o.unitless_low, o.unitless_high):
            return unit or o.unit, _as_range(rng, o)
    return unit or rng.unit, rng


def _as_range(rng: Range, o: UnitRange) -> Range:
    return Range(rng.name, rng.aliases, o.unit, o.low, o.high, o.source)


# A lab named without a value is still a lab mention when the words around it say it was done, is wanted or
# what it showed: "LFTs and U&Es normal", "HbA1c, lipids, FBC today", "recheck BMP", "a normal urate",
# "an elevated D-dimer". The value is that word ("normal", "requested"), never a number.
_LAB_AFTER = re.compile(r"(?:\s*+(?:,|and|&)\s*+[A-Za-z][\w&/-]*){0,6}\s*+(?:are\s+|is\s+|was\s+|were\s+)?"
                        r"(normal|abnormal|unremarkable|positive|negative|raised|elevated|awaited|pending|today|"
                        r"tomorrow|in (?:the )?(?:am|morning))\b", re.I)
_LAB_BEFORE = re.compile(r"\b(repeat|recheck|re-check|check|send|request|requested|order|ordered|arrange|arranged|"
                         r"elevated|raised|normal|abnormal|low|high)\s+(?:(?:a|an|the|serum|her|his|their)\s+)?"
                         r"(?:[A-Za-z][\w&/-]*\s*(?:,|and|&)\s*){0,6}$", re.I)
_REQUEST = {"repeat", "recheck", "re-check", "check", "send", "request", "requested", "order", "ordered", "arrange",
            "arranged", "today", "tomorrow"}


def _bare_lab(s: str, hit: re.Match) -> str:
    """The word that makes a lab named without a value a mention ('' when there is none)."""
    after = _LAB_AFTER.match(s, hit.end())
    before = _LAB_BEFORE.search(s[max(0, hit.start() - 80):hit.start()])
    word = (after.group(1) if after else before.group(1) if before else "").lower()
    if not word:
        return ""
    if word in _REQUEST or word.startswith("in "):
        return "requested"
    return {"raised": "high", "elevated": "high", "unremarkable": "normal", "awaited": "pending"}.get(word, word)


def _value_word_end(s: str, hit: re.Match, names: re.Pattern) -> int:
    """Where a lab named without a number ends: after the result word that follows it when no other lab is named
    between them ("urine culture and sensitivity were negative" reaches "negative"; the real-note gold marks that
    word), else at its name ("LFTs and U&Es normal": each name is its own mention)."""
    after = _LAB_AFTER.match(s, hit.end())
    if after is None or names.search(s, hit.end(), after.start(1)) is not None:
        return hit.end()
    word = after.group(1).lower()
    if word in _REQUEST or word in ("pending", "awaited") or word.startswith("in "):
        return hit.end()  # a test asked for has no result word to mark ("BMP tomorrow", "cultures pending")
    return after.end(1)


# a few words of circumstance between a name and the verb before its value ("blood pressure standing up was 150/95",
# "INR in clinic was 3.9", "the top CK value I can find charted is 1200"): words only, within the clause, none that
# makes the name something else ("weight loss was 10 pounds", "sodium restriction is 2 g")
# ("[ \t]*,?[ \t]+" written as its two cases with possessive blanks: it split a long run of blanks every way)
_GAP = re.compile(r"(?:(?:[ \t]*+,[ \t]++|[ \t]++)(?!(?:and|but|or|with|then|while|after|before|loss|gain|change|drop|rise|increase|"
                  r"decrease|clearance|intake|output|goal|target|restriction|medications?|dose|doses|level|levels)\b)"
                  r"[A-Za-z][a-z'-]*){1,5}?[ \t]+(?=(?:was|is|were|are|remained|remains)\b)")


def _loose_gap(tail: str, names: re.Pattern) -> int:
    """Where the verb after such words starts in `tail` (0: no such gap, or another measurement is named in it)."""
    gap = _GAP.match(tail)
    if gap is None or names.search(tail, 0, gap.end()) is not None:
        return 0
    return gap.end()


def glued_pattern(lookup: dict) -> re.Pattern:
    """A capitalised abbreviation of two to four letters run into its number, as terse exam lines write vitals
    and labs ("BP164/82 HR64 RR18", "WBC14.3K"): the abbreviation in capitals, a digit right after it. Built once
    per lookup with the matchers (matchers.Matchers)."""
    names = sorted((k.upper() for k in lookup if 2 <= len(k) <= 4 and k.isalpha()), key=len, reverse=True)
    alternatives = "|".join(map(re.escape, names)) or "\x00"
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?=\d)")


# hemoglobin and hematocrit written as a pair: "H&H 13 and 40", "hemoglobin and hematocrit were 10.5 and 32.8",
# "H/H 37.4/12.1" (either order: the hematocrit, about three times the hemoglobin, is the larger number)
_PAIR = re.compile(rf"\b(?:H\s*&\s*H|H\s+and\s+H|H/H|(?i:hemoglobin\s+and\s+hematocrit|hgb\s*(?:and|/|&)\s*hct))\b"
                   rf"(?:\s+(?:{_FILLER}))*\s*(?:[:=]\s*)?({NUM})\s*(?:,?\s*and\s*|/|,\s*)({NUM})(?![\w/])", re.I)


def _hemoglobin_pairs(s: str, m, taken, busy) -> list:
    out = []
    for p in _PAIR.finditer(s):
        if overlaps(taken, p.start(), p.end()) or overlaps(busy, p.start(), p.end()):
            continue
        spans = sorted(((p.start(i), p.end(i)) for i in (1, 2)), key=lambda ab: _number(s[ab[0]:ab[1]]))
        low, high = (_number(s[a:b]) for a, b in spans)
        if not low or not 2 <= high / low <= 4.5:
            continue  # the hematocrit is about three times the hemoglobin: "30 and 39" is not such a pair
        for (a, b), name in zip(spans, ("hemoglobin", "hematocrit")):
            rng = m.lab_lookup.get(name)
            if rng is None:
                continue
            unit, judged = unit_range(rng, s[a:b], "", (m.unit_ranges or {}).get(name))
            meas = Measurement(s[a:b], a, b, 0, rng.name, s[a:b], unit)
            meas.flag, meas.reference, meas.source = flag(s[a:b], unit, judged)
            out.append((meas, "lab"))
        busy.append((p.start(), p.end()))
    return out


_SHORT_VITAL_VALUE = re.compile(r"\s*+(?:(?i:sitting|seated|standing|supine|lying|upright|resting)\s*+)?[:=;]?\s*+"
                                r"(?:(?i:about|around|approximately|approx\.?|roughly|~)\s*+)?\d")  # "BP around 140/90"


def measurements(s: str, m, taken, drug_names=()):
    used: list[tuple[int, int]] = []
    found = _hemoglobin_pairs(s, m, taken, used) + spoken_readings.readings(s, m, taken, used, flag)  # "5 feet 6 inches"
    found += lab_shapes.readings(s, m, taken, used, (unit_range, flag))  # "BUN/creatinine 18/1.1", "in the 70s"
    for meas, _ in (first := value_first_readings(s, m, taken, used)):  # "trace protein", "40% neutrophils"
        meas.flag, meas.reference, meas.source = flag(meas.value, meas.unit, m.lab_lookup[meas.name.lower()])
    found += first
    for kind, pat, glued, lookup in (("vital", m.vital, m.vital_glued, m.vital_lookup),
                                     ("lab", m.lab, m.lab_glued, m.lab_lookup)):
        for hit in sorted([*pat.finditer(s), *glued.finditer(s)], key=lambda h: h.start()):
            if overlaps(taken, hit.start(), hit.end()) or overlaps(used, hit.start(), hit.end()):
                continue
            rng = lookup.get(hit.group().lower())
            if rng is None:
                continue
            if any(ds < hit.end() and hit.start() < de and de - ds >= len(hit.group()) for ds, de in drug_names):
                continue  # 'chloride' inside 'potassium chloride' is the drug, not a lab
            tail = s[hit.end():hit.end() + 70]
            # "Creatinine rose from a baseline of 1.3 to 2.8": skip to the value
            v, base = _VALUE.match(tail), hit.end()
            if not v and len(hit.group()) > 2 and (gap := _loose_gap(tail, pat)):
                v = _VALUE.match(tail[gap:])  # "blood pressure standing up was 150/95"
                if v:
                    tail, base = tail[gap:], base + gap
            if not v:
                if kind == "lab" and re.match(r"\s+(?:has been sent|sent|pending|ordered)", tail, re.I):
                    found.append((Measurement(hit.group(), hit.start(), hit.end(), 0, rng.name, "pending"), kind))
                    used.append((hit.start(), hit.end()))
                elif kind == "lab" and len(hit.group()) > 2 and (word := _bare_lab(s, hit)):
                    end = _value_word_end(s, hit, pat)
                    found.append((Measurement(s[hit.start():end], hit.start(), end, 0, rng.name, word), kind))
                    used.append((hit.start(), end))
                continue
            if _BOUND.search(tail[:v.start(1)]) and _TARGET_BEFORE.search(s[max(0, hit.start() - 40):hit.start()]):
                continue  # "transfuse if hemoglobin less than 7", "goal INR less than 3": a threshold, not a result
            value = v.group(2) or v.group(1)
            unit = written_unit(v.group(3) or "", rng)
            earlier = _earlier_values(s, base, v)
            if kind == "vital" and len(hit.group()) <= 2 and not _SHORT_VITAL_VALUE.match(tail):
                continue  # 'T', 'P' need a number right after them (or after the position: 'BP Sitting: 128/76')
            if kind == "vital" and tail[v.end(1):].lstrip().startswith("+"):
                continue  # 'P: 2+' grades a pulse
            if kind == "vital" and unit_key(unit) in ("c", "f") and rng.name != "temperature":
                continue  # 'A/P: 64F with ...' is an age and sex, not a pulse in degrees
            number = _number(value)
            if number is not None and not _in(number, rng.plausible_low, rng.plausible_high):
                continue
            rest = tail[v.end(1):].lstrip()
            dose = m.dose_unit.match(rest) if kind == "lab" and not unit and m.dose_unit is not None else None
            if dose and not rest[dose.end():].startswith("/"):
                continue  # 'calcium 600 mg tablet' is a dose, not serum calcium
            if not unit and (other := _OTHER_UNIT.match(rest)):
                unit = other.group()  # a unit this reader does not know ('mg/ml') is kept as written, never relabelled
            unit, judged = unit_range(rng, value, unit, (m.unit_ranges or {}).get(rng.name.lower()))
            end = base + v.end()
            meas = Measurement(s[hit.start():end], hit.start(), end, 0, rng.name, value, unit)
            meas.flag, meas.reference, meas.source = flag(value, unit, judged)
            found.append((meas, kind))
            used.append((hit.start(), end))
            for a, b, before in earlier:  # the same measurement again: its other readings, in the unit written after the
                # last one, or else each in the unit its own number says ("from 18,000 to 9.6": per µL, then x10^9/L)
                if _in(_number(s[a:b]), rng.plausible_low, rng.plausible_high):
                    a_unit, a_judged = unit_range(rng, s[a:b], unit if v.group(3) else "",
                                                  (m.unit_ranges or {}).get(rng.name.lower()))
                    again = Measurement(s[a:b], a, b, 0, rng.name, s[a:b], a_unit)
                    again.flag, again.reference, again.source = flag(s[a:b], a_unit, a_judged)
                    found.insert(len(found) - 1 if before else len(found), (again, kind))  # in time order
                    used.append((a, b))
            found += later_readings(s, end, value, rng, unit if v.group(3) else "", m, kind, used, (unit_range, flag))
    # "Vitals: 132/84, 16, 72." (a bare line), "92% sat", "59/28 mmHg blood pressure" (value first)
    bare = [(a, b, name, "%" if s[a:b].endswith("%") else "") for a, b, name in bare_vitals.readings(s)]
    for a, b, name, written in bare + bare_vitals.value_first(s):
        rng = m.vital_lookup.get(name)
        if rng is not None and not overlaps(taken, a, b) and not overlaps(used, a, b):
            value = re.match(r"[\d./]+", s[a:b]).group()
            unit, judged = unit_range(rng, value, written, (m.unit_ranges or {}).get(name))
            meas = Measurement(s[a:b], a, b, 0, rng.name, value, unit)
            meas.flag, meas.reference, meas.source = flag(value, unit, judged)
            found.append((meas, "vital"))
            used.append((a, b))
    found += _unnamed(s, m, taken + used, used)
    taken.extend(used)
    return found


# the other readings of one measurement, for its trend: "fell from 21,500 to 11.8" (v's first number), "176.5 from
# 181.0", "serial values 39.1, and 36.8", "150/82 and 138/79" (a number of the same shape right after the value),
# "from 136 mmol/L to 128" (a later reading after the unit)
# (session 27b: a clause between, "4.2, which was up from 3.6", and a chain, "9.1 from 9.8 from 10.4")
_FROM_AFTER = re.compile(rf"\s*+(?:[a-zA-Z/%]+\s+)?(?:,\s*+(?:which|that)\s++(?:was|is|has\s+been)\s++(?:(?:down|up|improved|"
                         rf"decreased|increased|dropped|fallen|risen)\s++)?)?from\s+(?:a\s+baseline\s+of\s+)?({NUM}(?:/\d{{2,3}})?)(?![\w/]|\.\d)", re.I)
_FROM_AFTER_CHAIN = re.compile(rf"(?<!\s)\s*+from\s+({NUM}(?:/\d{{2,3}})?)(?![\w/]|\.\d)", re.I)  # "... from 9.8 from 10.4"
_TO_AFTER = re.compile(rf"\s*+(?:to|->)\s*+({NUM}(?:/\d{{2,3}})?)(?![\w/]|\.\d)", re.I)  # "from 136 mmol/L to 128"
# (possessive blanks: "\s*,?\s*" split a long run of blanks every way, cubic; the matches are the same)
_AND_AFTER = re.compile(rf"\s*+,?\s*+and\s+({NUM}(?:/\d{{2,3}})?)(?!\.?\d)(?=\s*(?:[.,;)]|$|respectively\b|(?:on|at|in)\s))", re.I)


def _earlier_values(s: str, base: int, v: re.Match) -> list[tuple[int, int, bool]]:
    """Spans (in s) of the other readings written with a measurement's value (see _FROM_AFTER, _AND_AFTER), each
    with whether it was taken before that value (so the readings can be listed in time order)."""
    trend = re.search(r"\bfrom\b", v.group()[:v.start(1)], re.I)  # "60 to 65" alone is a range, not two readings
    if v.group(2):
        return [(base + v.start(1), base + v.end(1), True)] if trend else []
    end = base + v.end()
    earlier = _FROM_AFTER.match(s, base + v.end(1))
    nxt = earlier or _AND_AFTER.match(s, end) or (_TO_AFTER.match(s, end) if v.group(3) and trend else None)
    if not nxt or ("/" in nxt.group(1)) != ("/" in v.group(1)):
        return []
    out = [(nxt.start(1), nxt.end(1), earlier is not None)]
    while earlier and len(out) < 4 and (earlier := _FROM_AFTER_CHAIN.match(s, earlier.end())) \
            and ("/" in earlier.group(1)) == ("/" in v.group(1)):
        out.append((earlier.start(1), earlier.end(1), True))
    return out[::-1]  # the oldest first: each is put before the value, so the list ends in time order


# a reading whose unit says what it is, with no name before it: "98% on room air" is a pulse oximetry saturation,
# "96 degrees Fahrenheit" a body temperature ("Blood pressure 139/82, pulse 89, 98% on room air")
_UNNAMED = ((re.compile(rf"(?<![\w./%-]){LATER_THOUSANDS_GROUP}({NUM})\s*%\s+(?:(?:sat|sats|saturation|saturating|O2\s+sat)\s+)?(?:on|at)\s+(?:room air|RA\b|\d+(?:\.\d+)?\s*(?:L|liters?|lpm)\b)", re.I),
             "oxygen saturation", lambda g: "%"),
            (re.compile(rf"(?<![\w./%-]){LATER_THOUSANDS_GROUP}({NUM})\s*(?:degrees?\s+(fahrenheit|celsius|centigrade)\b|°\s*([CF])\b)", re.I),
             "temperature", lambda g: "F" if (g(2) or g(3) or "").lower().startswith("f") else "C"),
            # a body temperature run into its scale letter, with one decimal ("36.9C", "98.4F"), in the scale's span
            (re.compile(r"(?<![\w./%-])((?:3[4-9]|4[0-2])\.\d)\s?C\b"), "temperature", lambda g: "C"),
            (re.compile(r"(?<![\w./%-])((?:9[3-9]|10[0-7])\.\d)\s?F\b"), "temperature", lambda g: "F"),
            # a rate in beats per minute is a heart rate ("a regular rhythm at 68 beats per minute", "highest 116 BPMs")
            (re.compile(rf"(?<![\w./%-]){LATER_THOUSANDS_GROUP}({NUM})\s*(?:beats\s+per\s+minute|beats/min|bpms?)\b", re.I), "heart rate",
             lambda g: "beats/min"),
            # a reading after the word for its abnormal state (session 13): "tachycardic, 105", "bradycardic at 48",
            # "hypertension at 170/95", "febrile to 101.8", "hypoxic to 86%", "tachypneic at 28"
            (re.compile(r"\b(?:tachycardi[ac]|bradycardi[ac])[ \t,]+(?:(?:at|to|of|around|with\s+a\s+(?:heart\s+)?rate\s+of)"
                        r"\s+)?(\d{2,3})\b(?!\.\d|[/%]|\s*(?:mg|mcg|s\b|to\b|-))", re.I), "heart rate", lambda g: "beats/min"),
            (re.compile(r"\b(?:hypertensi(?:ve|on)|hypotensi(?:ve|on))[ \t,]+(?:(?:at|to|of|with\s+(?:a\s+)?(?:blood\s+)?"
                        r"pressures?\s+of)\s+)?(\d{2,3}/\d{2,3})\b", re.I), "blood pressure", lambda g: "mmHg"),
            (re.compile(r"\b(?:febrile|fever|spiked)[ \t,]+(?:(?:at|to|of|up\s+to|with\s+a\s+temperature\s+of)\s+)?"
                        r"((?:3[5-9]|4[0-2]|9[5-9]|10[0-7])(?:\.\d)?)\b(?!\s*(?:%|mg|days?|hours?|weeks?))", re.I),
             "temperature", lambda g: ""),
            (re.compile(r"\b(?:hypoxi[ac]|desaturat(?:ed|ing|ion))[ \t,]+(?:(?:at|to|of|into|down\s+to)\s+)?(\d{2,3})\s*%",
                        re.I), "oxygen saturation", lambda g: "%"),
            (re.compile(r"\btachypn(?:eic|oeic|ea|oea)[ \t,]+(?:(?:at|to|of|with\s+a\s+rate\s+of)\s+)?(\d{2})\b(?!\.\d|[/%])",
                        re.I), "respiratory rate", lambda g: "breaths/min"))


# a rate a device is set to, not the patient's: "an upper tracking rate of 115 beats per minute", "VT1 at 139 bpm"
_DEVICE_RATE = re.compile(r"\b(?:tracking|base|detection|criteria|programmed|pacing|paced|lower|upper|VT\d?|VF|set)\b"
                          r"[^.;,]{0,25}$", re.I)


def _unnamed(s: str, m, busy, used) -> list:
    out = []
    for pat, name, unit_of in _UNNAMED:
        rng = m.vital_lookup.get(name)
        for r in pat.finditer(s) if rng is not None else ():
            number = _number(r.group(1))
            if overlaps(busy, r.start(), r.end()) or overlaps(used, r.start(), r.end()) or number is None or not _in(number, rng.plausible_low, rng.plausible_high):
                continue
            if name == "heart rate" and _DEVICE_RATE.search(s, max(0, r.start() - 40), r.start()):
                continue
            unit, judged = unit_range(rng, r.group(1), unit_of(r.group), (m.unit_ranges or {}).get(name))
            # the reading starts at its number: the state word before it ("fever to 38.6") stays a problem
            start = r.start(1)
            meas = Measurement(s[start:r.end()], start, r.end(), 0, rng.name, r.group(1), unit)
            meas.flag, meas.reference, meas.source = flag(r.group(1), unit, judged)
            out.append((meas, "vital"))
            used.append((start, r.end()))
    return out


def flag(value: str, unit: str, rng: Range) -> tuple[str, str, str]:
    if rng.low is None and rng.high is None:
        return "", "", rng.source
    ref = f"{'' if rng.low is None else f'{rng.low:g}'}-{'' if rng.high is None else f'{rng.high:g}'} {rng.unit}".strip()
    try:
        number = float(value.split("/")[0].replace(",", ""))
    except ValueError:
        return "", ref, rng.source
    if unit and rng.unit:
        if unit_key(unit) != unit_key(rng.unit):
            return "", ref, rng.source  # a different unit: no flag rather than a wrong one
    if rng.low is not None and number < rng.low:
        return "low", ref, rng.source
    if rng.high is not None and number > rng.high:
        return "high", ref, rng.source
    return "normal", ref, rng.source
