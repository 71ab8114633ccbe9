"""Date shifting: a date found as PHI moved by the note's offset and written back in its own format (numeric, ISO,
month name, day.month.year, month and year, year alone), read the way round the note writes its numeric dates
(deid/date_order.py). Split out of deid/__init__.py (session 18) so that module keeps to finding and replacing."""

from __future__ import annotations

import re
from datetime import date, timedelta

from medcore.deid.date_order import DAY_MONTH, MONTH_DAY
from medcore.deid.patterns import _MONTHS


def shift_date(span: str, days: int, order: str = MONTH_DAY) -> str:
    """The same date moved by `days`, written in the same format; unparseable text becomes [DATE]. `order`: how the
    note writes numeric dates (`date_order.date_order`: month/day or day/month); a date that can be read only the
    other way ("23/04/2019" in a month/day note) is read that way."""
    s = span.strip()
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", s):
            d = date(int(m[1]), int(m[2]), int(m[3])) + timedelta(days)
            return d.isoformat()
        if m := re.fullmatch(r"(\d{1,2})([/-])(\d{1,2})\2(\d{2}|\d{4})", s):
            return _shift_numeric(m, days, order)
        if m := re.fullmatch(r"([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(,?)\s+(\d{4})", s):
            mi = _month(m[1])
            d = date(int(m[4]), mi, int(m[2])) + timedelta(days)
            return f"{_month_name(d.month, m[1])} {d.day}{m[3]} {d.year}"
        if m := re.fullmatch(r"(\d{1,2})(st|nd|rd|th)?\s+([A-Za-z]+)\.?(,?)\s+(\d{4})", s):
            d = date(int(m[5]), _month(m[3]), int(m[1])) + timedelta(days)
            return f"{d.day}{_ordinal(d.day) if m[2] else ''} {_month_name(d.month, m[3])}{m[4]} {d.year}"
        if m := re.fullmatch(r"((?:19|20)\d{2})-(\d{2})", s):  # ISO year-month: from mid-month
            d = date(int(m[1]), int(m[2]), 15) + timedelta(days)
            return f"{d.year}-{d.month:02d}"
        if m := re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", s):  # day.month.year
            d = date(int(m[3]), int(m[2]), int(m[1])) + timedelta(days)
            return f"{d.day:0{len(m[1])}d}.{d.month:0{len(m[2])}d}.{d.year}"
        if m := re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?\s+of\s+([A-Za-z]+)\.?,?\s+(\d{4})", s):
            d = date(int(m[3]), _month(m[2]), int(m[1])) + timedelta(days)
            return f"{d.day} {_month_name(d.month, m[2])} {d.year}"
        if m := re.fullmatch(r"([A-Za-z]+)\.?(,?)\s+(of\s+)?(\d{4})", s):  # month and year: from mid-month
            d = date(int(m[4]), _month(m[1]), 15) + timedelta(days)
            return f"{_month_name(d.month, m[1])}{m[2]} {m[3] or ''}{d.year}"
        if m := re.fullmatch(r"([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?", s):
            d = date(2000, _month(m[1]), int(m[2])) + timedelta(days)  # leap year: Feb 29 stays valid
            return f"{_month_name(d.month, m[1])} {d.day}"
        if m := re.fullmatch(r"(\d{1,2})/(\d{4})", s):  # month/year: from mid-month
            d = date(int(m[2]), int(m[1]), 15) + timedelta(days)
            return f"{d.month:0{len(m[1])}d}/{d.year}"
        if re.fullmatch(r"(?:19|20)\d{2}", s):  # a year alone: from mid-year
            return str((date(int(s), 7, 1) + timedelta(days)).year)
        if re.fullmatch(r"[A-Z][a-z]+", s):  # a month alone: from mid-month
            return _month_name((date(2001, _month(s), 15) + timedelta(days)).month, s)
    except (ValueError, KeyError):
        pass
    return "[DATE]"


def _shift_numeric(m: re.Match, days: int, order: str) -> str:
    """A numeric date (groups: first part, separator, second part, year) moved and written back the same way round."""
    year = int(m[4]) + (2000 if len(m[4]) == 2 and int(m[4]) < 50 else 1900 if len(m[4]) == 2 else 0)
    first, second = int(m[1]), int(m[3])
    day_first = order == DAY_MONTH
    if (second if day_first else first) > 12 >= (first if day_first else second):
        day_first = not day_first  # only the other reading is a date
    month, day = (second, first) if day_first else (first, second)
    d = date(year, month, day) + timedelta(days)
    y = f"{d.year % 100:02d}" if len(m[4]) == 2 else str(d.year)
    a, b = (d.day, d.month) if day_first else (d.month, d.day)
    a_text = f"{a:02d}" if len(m[1]) == 2 else str(a)
    b_text = f"{b:02d}" if len(m[3]) == 2 else str(b)
    return f"{a_text}{m[2]}{b_text}{m[2]}{y}"


def _ordinal(day: int) -> str:
    return "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def _month(word: str) -> int:
    w = word.lower()[:3]
    for i, name in enumerate(_MONTHS, start=1):
        if name.startswith(w):
            return i
    raise KeyError(word)


def _month_name(month: int, like: str) -> str:
    name = _MONTHS[month - 1].capitalize()
    return name[:3] if len(like.rstrip(".")) <= 4 and like.lower() not in ("june", "july", "may") else name
