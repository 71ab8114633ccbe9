"""How numbers are written in a paper, read into one form (session 24b, from numbers.py): dashes, minus signs,
raised and decimal-comma points normalised, and the group rates ("12/120 (10%)", "10% (12/120)", "30 (25%) of
120") read as events, total and percent."""

from __future__ import annotations

import re

from medcore.literature.people_words import PEOPLE_WORDS

_DASHES = str.maketrans({"−": "-", "–": "-", "—": "-", "‑": "-", "‐": "-", "‒": "-", "－": "-", "﹣": "-", "·": ".",
                         "≤": "≤", "\u2009": " ", "\u00a0": " ", "\u202f": " "})
# a number written with a decimal comma, as European journals print it ("1,17 (95% CI: 1,04 to 1,31)"): read only
# in a sentence that has no decimal point and at least one comma number that cannot be a thousands group (one,
# two or four+ digits after it); "1,7,14" (a list) is never one (session 24b)
_COMMA_NUMBER = re.compile(r"(?<![\d,.])(\d{1,3}),(\d+)(?![\d,]|\.\d)")
_DECIMAL_POINT = re.compile(r"\d\.\d")


def normalise(text: str) -> str:
    """The one form numbers are read in: dashes and minus signs as "-", a raised point "·" as ".", odd blanks as
    blanks, and decimal commas as points. One character for one, so offsets into `text` stay valid."""
    text = text.translate(_DASHES)
    if _DECIMAL_POINT.search(text):
        return text
    found = list(_COMMA_NUMBER.finditer(text))
    if not any(len(m.group(2)) != 3 for m in found):
        return text
    return _COMMA_NUMBER.sub(lambda m: m.group(1) + "." + m.group(2), text)


# session 28: a count of people written with a European thousands point ("5.400 patients", "12.350 women"): people
# come whole, so a point followed by three digits, right before a people noun, groups thousands and is no decimal
# point (not after "mean", "average", "median" or "per", where an average count may have decimals)
# (review fix) a comma group too ("12,350 teachers"): a decimal comma elsewhere in the sentence ("45,5%", "days 1,3
# and 7") made normalise read it as 12.350 and the count was lost; and never a rate ("1.200 cases per 100 000
# children" counts no one)
_POINT_THOUSANDS = re.compile(r"(?<![\d.,])(?<!mean\s)(?<!average\s)(?<!median\s)(?<!per\s)(?!0[.,])\d{1,3}(?:(?:\.\d{3})+|(?:,\d{3})+)(?![\d,]|\.\d)"
                              r"(?=\s+(?:[A-Za-z][\w\-]*\s+){0,3}?" + PEOPLE_WORDS + r"\b(?!\s+per\b))", re.I)


def counts_normalised(text: str) -> str:
    """`normalise`, with a European thousands point in a count of people read as a blank ("12.350 patients" ->
    "12 350 patients", which the count readers take as 12350) first, so that the sentence's decimal commas ("45,5%
    were women") are then read as points. One character for one, as normalise."""
    text = _POINT_THOUSANDS.sub(lambda m: m.group(0).replace(".", " ") if "." in m.group(0) else m.group(0),
                                text.translate(_DASHES))
    if normalise(text) != text:  # decimal commas will be read as points: a comma group of people is kept whole first
        text = _POINT_THOUSANDS.sub(lambda m: m.group(0).replace(",", " "), text)
    return normalise(text)


_COUNT = r"(?<!\d)(?!(?<=\d,)\d{3}(?!\d))\d+(?:,\d{3})*"
# ("(?<!\d)": a count starts where its digits start; from every digit it rescanned a long run. rates() slices the
# window so that the guard does not look before it). "12/120 (10%)", "12 of 120 [10%]"
_RATE = re.compile(r"(?<!\d)(?!(?<=\d,)\d{3}(?!\d))(?P<ev>\d+(?:,\d{3})*)\s*(?:/|of|out\s+of)\s*(?P<tot>\d+(?:,\d{3})*)\s*(?:[(\[]\s*(?P<pct>\d+(?:\.\d+)?)\s?%\s*[)\]])?")
# the two other orders journals print a group's rate in (session 24b): "10% (12/120)" and "30 (25%) of 120"
_RATE_ORDERS = re.compile(r"(?<![\d.])(?P<pf>\d+(?:\.\d+)?)\s?%\s*[(\[]\s*(?P<evf>" + _COUNT + r")\s*(?:/|of|out\s+of)\s*(?P<totf>"
                          + _COUNT + r")\s*[)\]]"
                          r"|(?P<evm>" + _COUNT + r")\s*[(\[]\s*(?P<pm>\d+(?:\.\d+)?)\s?%\s*[)\]]\s*(?:of|out\s+of)\s+(?P<totm>"
                          + _COUNT + r")(?!\s*%)")


# "4 of the 90 women": the article between a count and its total is read away before _RATE (the count is
# the same; offsets inside the window are not used)
_OF_THE = re.compile(r"\b(of|out\s+of)\s+the\s+(?=\d)", re.IGNORECASE)


def rates(text: str, start: int, end: int) -> list[dict]:
    """The group rates written in text[start:end], in reading order: {"events", "total", "percent"} (the percent
    as written, else computed)."""
    window = _OF_THE.sub(r"\1 ", text[start:end])
    found = []
    for m in _RATE_ORDERS.finditer(window):
        key = "f" if m.group("evf") else "m"
        found.append((m.start(), m.end(), m.group("ev" + key), m.group("tot" + key), m.group("pf" if key == "f" else "pm")))
    for m in _RATE.finditer(window):
        if not any(s <= m.start() < e for s, e, *_ in found):
            found.append((m.start(), m.end(), m.group("ev"), m.group("tot"), m.group("pct")))
    out = []
    for _, _, ev_w, tot_w, pct in sorted(found):
        ev, tot = int(ev_w.replace(",", "")), int(tot_w.replace(",", ""))
        if tot == 0 or ev > tot:
            continue
        out.append({"events": ev, "total": tot, "percent": float(pct) if pct else round(100 * ev / tot, 1)})
    return out
