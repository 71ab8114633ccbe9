"""Which way round a note writes its numeric dates: US month/day ("03/04/2019" is March 4) or UK/European
day/month ("03/04/2019" is 3 April). Read from the note itself, then applied to every date read in it
(`deid.shift_date`), so an ambiguous "03/04/2019" is moved as the note means it.

Evidence, strongest first:
- a numeric date with a part above 12 settles the order ("23/04/2019" can only be day/month; "04/23/2019" only
  month/day);
- else a spelled date shows the writer's habit: "5 March 2019" / "5th of March" day first, "March 5, 2019" month
  first.
Each kind is counted; the majority wins, ties (or nothing to go on) stay month/day, the convention of the US
transcriptions the summarizer was built on. Dates written with dots ("03.04.2019") are always day.month (no US
writer uses them) and are not counted."""

from __future__ import annotations

import re

from medcore.deid.patterns import _MON

MONTH_DAY = "mdy"
DAY_MONTH = "dmy"

# day/month/year or month/day/year with a slash or a hyphen (the same separator twice), year of 2 or 4 digits
_NUMERIC = re.compile(r"(?<![\d/.-])(\d{1,2})([/-])(\d{1,2})\2(?:\d{4}|\d{2})(?![\d/])")
_DAY_FIRST = re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?(?:[ \t]+of)?[ \t]+{_MON}\b\.?,?[ \t]+(?:19|20)\d{{2}}\b", re.I)
_MONTH_FIRST = re.compile(rf"\b{_MON}\.?[ \t]+\d{{1,2}}(?:st|nd|rd|th)?,?[ \t]+(?:19|20)\d{{2}}\b", re.I)


def date_order(text: str) -> str:
    """`DAY_MONTH` when the note writes its numeric dates day first, else `MONTH_DAY`."""
    day_first = month_first = 0
    for m in _NUMERIC.finditer(text or ""):
        a, b = int(m[1]), int(m[3])
        if a > 12 >= b >= 1:
            day_first += 1
        elif b > 12 >= a >= 1:
            month_first += 1
    if day_first == month_first == 0:
        day_first = sum(1 for _ in _DAY_FIRST.finditer(text or ""))
        month_first = sum(1 for _ in _MONTH_FIRST.finditer(text or ""))
    return DAY_MONTH if day_first > month_first else MONTH_DAY
