"""Schedules and doses written in shapes the frequency vocabulary cannot list one by one (session 16, issue 11):
- any interval, "every 10 minutes", "q.72h", "every 2 to 4 hours": named by the vocabulary when it lists the
  interval ("every 24 hours" is once daily), else as "every N <unit>" (`interval_frequencies`);
- a time of day right after the dose, "40 mg a.m.", "50 mg in the p.m.": one dose a day (`time_of_day`);
- a count of tablets after a tablet's strength, "25 mg, one half tablet", "300 mg capsules two by mouth": the dose
  taken is the count times the strength (`counted_strength`);
- combination strengths with a unit on each part, "80 mg/12.5 mg", "125 mg-31.25 mg", "400 mg-57 mg/5 mL"
  (`COMBINED_STRENGTHS`, read as "80/12.5" mg);
- a few days of a cycle and the days of the week (moved from meds.py, `days_of_schedule`), where "daily except
  2.5 mg on Sundays" stays daily."""

from __future__ import annotations

import re
from functools import lru_cache

from medcore.knowledge.normalize import LATER_THOUSANDS_GROUP
from medcore.records.measure import NUM as _NUM

_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "ten": 10,
          "twelve": 12, "twenty-four": 24, "forty-eight": 48, "seventy-two": 72}
_N = r"\d{1,3}|" + "|".join(sorted(_WORDS, key=len, reverse=True))
_UNIT_NAMES = {"m": "minute", "h": "hour", "d": "day", "w": "week"}
# read on the window without full stops (meds._dotless): "q.4-6h." is "q4-6h", "every 3 days", "q 72 hrs"
_INTERVAL = re.compile(rf"(?<![\w-])(?:every|q)\s*({_N})(?:\s*(?:-|to)\s*({_N}))?\s*"
                       r"(min(?:ute)?s?|h(?:ou)?rs?|h|days?|d|w(?:ee)?ks?)(?![\w-])", re.I)


@lru_cache(maxsize=8)
def _named(forms: tuple[tuple[str, str], ...]) -> dict[str, str]:
    return dict(forms)


def vocabulary(rules: dict) -> tuple[tuple[str, str], ...]:
    """(written form, name) of every frequency in rules.yaml, hashable for the cache."""
    return tuple((str(f).lower(), name) for name, fs in (rules.get("frequencies") or {}).items() for f in [name, *fs])


def _n(word: str) -> int:
    return int(word) if word.isdigit() else _WORDS[word.lower()]


def interval_frequencies(plain: str, rules: dict) -> list[tuple[int, int, str]]:
    """(start, end, name) of each interval written in `plain`: the vocabulary's name for it where it has one
    ("every 24 hours" -> "once daily", "q8h" -> "three times daily"), else "every N hours" (days, minutes, weeks),
    "every N to M hours" for a range."""
    names = _named(vocabulary(rules))
    out = []
    for x in _INTERVAL.finditer(plain):
        low, high = _n(x.group(1)), _n(x.group(2)) if x.group(2) else None
        unit = _UNIT_NAMES[x.group(3).lower()[0]]
        if unit == "hour" and high is None and low % 24 == 0 and low > 24:
            low, unit = low // 24, "day"  # "every 72 hours" is every 3 days
        span = f"{low} to {high}" if high is not None else str(low)
        plural = "s" if high is not None or low != 1 else ""
        written = f"every {span} {unit}{plural}"
        short = f"q{low}{unit[0]}" if high is None else ""
        name = names.get(written) or names.get(short) or (
            names.get(f"every {unit}") if low == 1 and high is None else None) or written
        out.append((x.start(), x.end(), name))
    return out


# a bare time of day right after the dose and route: "omeprazole 20 mg a.m.", "Zoloft 50 mg p.o. q.a.m." is in the
# vocabulary already ("in the a.m." too); a clock time ("40 mg at 8 a.m.") is not a schedule
_TIME_OF_DAY = re.compile(r"[ \t]*+,?[ \t]*+(?:(?:p\.?o\.?|by[ \t]+mouth|orally)[ \t]+)?(?:a\.[ \t]?m\.?|p\.[ \t]?m\.?|am|pm)(?![\w.])",
                          re.I)


def time_of_day(window: str, dose_end: int) -> int:
    """The end (in `window`) of a time of day said right after the dose ("40 mg a.m."), else 0: a dose a day."""
    t = _TIME_OF_DAY.match(window, dose_end)
    return t.end() if t else 0


# combination strengths with a unit on each part: "80 mg/12.5 mg", "125 mg-31.25 mg", "400 mg-57 mg/5 mL"
COMBINED_STRENGTHS = re.compile(rf"(?<![\w./]){LATER_THOUSANDS_GROUP}({_NUM})\s*(mg|mcg|g)\s*[-/]\s*({_NUM})\s*(?:mg|mcg|g)"
                                r"(?:\s*/\s*(\d+(?:\.\d+)?)\s*(ml|mL))?(?![\w/])", re.I)


def combined(m: re.Match) -> tuple[str, str]:
    """(dose, unit) of combination strengths: ("80/12.5", "mg"), ("400/57", "mg/5 mL")."""
    unit = m.group(2) + (f"/{m.group(4)} {m.group(5)}" if m.group(4) else "")
    return f"{m.group(1)}/{m.group(3)}", unit


# a count of tablets after a tablet's strength: "25 mg, one half tablet daily", "300 mg capsules two by mouth",
# "20 mg 1 tablet p.o." (a form word is written before or after the count, so "40 mg two days ago" is no count)
_FORM = r"(?:tablets?|tabs?|capsules?|caps?)"
_COUNT = r"one[- ]half|half\s+a|half|1/2|½|one|two|three|four|[1-4]"
_COUNT_AFTER = re.compile(rf"[ \t]*+(?:{_FORM}[ \t]*+,?[ \t]*+(?:take[ \t]+)?({_COUNT})(?:[ \t]+{_FORM})?|,?[ \t]*+(?:take[ \t]+)?({_COUNT})[ \t]+{_FORM})"
                          r"(?=[ \t]+(?:by[ \t]+mouth|p\.?[ \t]?o\b|orally|daily|nightly|once|twice|at[ \t]+bedtime|every|q\.?[ \t]?\w|"
                          r"b\.?i\.?d|t\.?i\.?d|in[ \t]+the|a[ \t]+day)|[ \t]*[,.;]|[ \t]*$)", re.I)
_HALF = {"one-half", "one half", "half a", "half", "1/2", "½"}
_COUNTS = {"one": 1, "two": 2, "three": 3, "four": 4}


def counted_strength(window: str, dose_end: int, dose: str, unit: str) -> tuple[str, int] | None:
    """(dose, end) where a count of tablets follows the strength: the count times the strength ("25 mg, one half
    tablet" -> "12.5"), else None. Only a single number with a mass or unit strength is multiplied."""
    c = _COUNT_AFTER.match(window, dose_end)
    if not c or not re.fullmatch(r"\d+(?:\.\d+)?", dose) or unit.lower() not in ("mg", "mcg", "g", "units", "unit"):
        return None
    word = re.sub(r"\s+", " ", (c.group(1) or c.group(2)).lower())
    count = 0.5 if word in _HALF else _COUNTS.get(word) or int(word)
    total = float(dose) * count
    return (f"{total:g}", c.end())


# (session 17) a strength right after the name when a count of tablets came before it: "one half tablet of warfarin
# 5 mg daily" is 2.5 mg, "2 tablets of Tylenol 500 mg" 1000 mg
_STRENGTH_NEXT = re.compile(rf"(?<![ \t,])[ \t]*+,?[ \t]*+(?<![\d.])(\d{{1,5}}(?:\.\d{{1,3}})?)[ \t]*(mg|mcg|g|units?)(?![\w/])", re.I)
# ... and a count of measured units after a strength in per cent: "timolol 0.25% solution, one drop twice" (the
# drops are the dose; a volume of a per-cent solution is not, "3 mL of 1% lidocaine" keeps the strength)
_MEASURED_AFTER = re.compile(r"[^;\d]{0,25}?(?<![\w/])(one|two|three|four|\d)\s+(drops?|puffs?|sprays?|teaspoons?)\b", re.I)


def strength_after_count(window: str, count: str) -> tuple[str, str, int] | None:
    """(dose, unit, end) of the count of tablets times the strength that follows the name, else None."""
    st = _STRENGTH_NEXT.match(window)
    if not st or not re.fullmatch(r"\d+(?:\.\d+)?", count):
        return None
    return f"{float(st.group(1)) * float(count):g}", st.group(2), st.end()


def measured_after_percent(window: str, dose_end: int) -> tuple[str, str, int] | None:
    """(count, unit, end) of the drops, puffs or spoons said after a per-cent strength, else None."""
    c = _MEASURED_AFTER.match(window, dose_end)
    if not c:
        return None
    word = c.group(1).lower()
    return str(_COUNTS.get(word) or int(word)), c.group(2), c.end()


# a few days of each cycle: "for 5 days every 4 weeks", "for five days each month", "for 5 days every 28 days"
_CYCLE = re.compile(r"\bfor\s+(\d{1,2}|one|two|three|four|five|six|seven|ten)\s+days?\s+(?:(?:out\s+)?of\s+)?"
                    r"(?:every|each)\s+(\d{1,2}|one|two|three|four|six|eight)?\s*(week|month|(?<=\d\s)day|(?<=\d)day)s?\b", re.I)
# days of the week a schedule is kept to: "on Mondays, Wednesdays and Fridays", "on Mon/Wed/Fri", "every Tuesday"
_DAY_NAMES = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?s?"
_DAY = re.compile(r"\b(mon|tue|wed|thu|fri|sat|sun)", re.I)
_WEEKDAYS = re.compile(rf"\b(?:on|every)\s+{_DAY_NAMES}\b(?:\s*(?:,|/|and|&|,\s*and)\s*{_DAY_NAMES}\b)*", re.I)
_EXCEPT = re.compile(r"\b(?:except|but)\b", re.I)
_NUMBER_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}
_TIMES_WEEKLY = {1: "weekly", 2: "twice weekly", 3: "three times weekly"}  # names in rules.yaml frequencies


def _count_word(word: str) -> str:
    """'5' or 'five' as a digit."""
    return str(_n(word)) if word.isdigit() or word.lower() in _WORDS else word


def days_of_schedule(plain: str, frequency: str, prn: bool) -> tuple[str, int]:
    """(frequency, end in `plain` or 0): a few days of each cycle ("for 5 days every 4 weeks"), a schedule kept on
    the days named ("b.i.d. on Mon/Wed/Fri": "twice daily three days a week"), or a dose on those days only ("every
    Tuesday and Thursday": "twice weekly"). A day named after "except" leaves the schedule daily."""
    end = 0
    cycle = _CYCLE.search(plain[:80])
    if cycle:
        every = f"{_count_word(cycle.group(2))} {cycle.group(3).lower()}s" if cycle.group(2) else cycle.group(3).lower()
        frequency, end = f"{_count_word(cycle.group(1))} days every {every}", cycle.end()
    days = _WEEKDAYS.search(plain[:100])
    if days and _EXCEPT.search(plain, max(0, days.start() - 30), days.start()):
        days = None  # "daily except 2.5 mg on Sundays": every day, one of them at another dose (session 16)
    n = len(set(_DAY.findall(days.group().lower()))) if days else 0
    if 0 < n < 7 and frequency and not prn:
        frequency, end = f"{frequency} {_NUMBER_WORDS[n]} day{'s' if n > 1 else ''} a week", days.end()
    elif 0 < n < 7 and not frequency:
        frequency, end = _TIMES_WEEKLY.get(n) or f"{_NUMBER_WORDS[n]} times weekly", days.end()
    return frequency, end
