"""Readings written value first, which the name-then-value reader (records/measure.py) cannot see: a urinalysis grade
before its analyte ("trace protein", "2+ blood", "small leukocytes", "10 to 20 red cells"), or after it in a urine
sentence ("nitrites negative"), and a white-cell differential's percentage before the cell's name ("40% neutrophils").

The analyte words ("blood", "protein", "sugar") are everyday words, so a urinalysis reading is read only in a sentence
that names the urine test. The vocabulary is data: rules.yaml `value_first` (each name a row of lab_ranges.csv)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from medcore.records.entities import Measurement, overlaps
from medcore.records.kb import phrase_regex

# a count per high-power field: "25 to 100", "10-20", "greater than 50", ">50", "0-2"
_COUNT = r"(?:(?:greater|more|less|fewer)\s+than\s+|[<>]\s*+)?\d{1,3}(?:\s*+(?:-|to)\s*+\d{1,3})?"
# what makes an analyte word something other than the urine analyte ("positive blood cultures", "blood pressure")
_NOT_ANALYTE = r"(?!\s*(?:cultures?|pressures?|counts?|tests?|levels?|loss|transfusions?|products?|sugars?\s+(?:of|was|is)|" \
               r"vessels?|clots?|thinners?|work|draw|gas|smear|in\s+(?:the\s+)?stool))"
_PCT = r"\d{1,2}(?:\.\d)?"


@dataclass(frozen=True)
class ValueFirst:
    urine: re.Pattern  # words that name the urine test in the sentence
    grade_first: re.Pattern  # grade, then analyte
    analyte_first: re.Pattern  # analyte, then grade (urine sentences only)
    percent_first: re.Pattern  # a differential percentage, then the cell
    names: dict[str, str]  # analyte or cell word (lower) -> lab name


def build(rules: dict) -> ValueFirst | None:
    """The compiled vocabulary of rules.yaml `value_first` (None when the rules have none)."""
    doc = rules.get("value_first")
    if not doc:
        return None
    names = {w.lower(): name for kind in ("grade", "count", "percent") for name, words in doc[kind].items() for w in words}
    grades = phrase_regex(doc["grades"]).pattern
    chem = phrase_regex([w for ws in doc["grade"].values() for w in ws]).pattern
    cells = phrase_regex([w for ws in doc["count"].values() for w in ws]).pattern
    percent = phrase_regex([w for ws in doc["percent"].values() for w in ws]).pattern
    # "2+" ends in "+": the phrase pattern's closing word boundary is (?![\w-]), which holds after it
    grade_first = re.compile(rf"(?:(?P<g>{grades})\s+(?:for\s+)?(?P<a>{chem}|{cells})|(?<![\w./-])(?P<n>{_COUNT})\s+"
                             rf"(?P<c>{cells})){_NOT_ANALYTE}", re.I)
        # (possessive blanks: a long blank run after an analyte word must not be split every way)
    analyte_first = re.compile(rf"(?P<a>{chem}|{cells}){_NOT_ANALYTE}\s*+(?:[:=]\s*+|(?:was|is|were|are)\s++)?"
                               rf"(?P<g>{grades}|\d{{1,3}}\s*+(?:-|to)\s*+\d{{1,3}}(?![\d.]))", re.I)
    percent_first = re.compile(rf"(?<![\w./-])(?P<v>{_PCT})\s*%\s*(?P<a>{percent})|"
                               rf"(?<![\w./%-])(?P<b>\d{{1,2}})\s+(?P<band>bands|band\s+forms)\b", re.I)
    return ValueFirst(phrase_regex(doc["urine_context"]), grade_first, analyte_first, percent_first, names)


def readings(s: str, m, taken, used) -> list[tuple[Measurement, str]]:
    """(measurement, 'lab') for each value-first reading of sentence `s`; their spans are added to `used`."""
    vf: ValueFirst | None = getattr(m, "value_first", None)
    if vf is None:
        return []
    out: list[tuple[Measurement, str]] = []

    def add(start: int, end: int, vstart: int, vend: int, word: str) -> None:
        rng = m.lab_lookup.get(vf.names.get(" ".join(word.lower().split()), "").lower())
        if rng is None or overlaps(taken, start, end) or overlaps(used, start, end):
            return
        value = " ".join(s[vstart:vend].split())
        meas = Measurement(s[start:end], start, end, 0, rng.name, value, rng.unit if "%" in s[vend:end] else "")
        out.append((meas, "lab"))
        used.append((start, end))

    if vf.urine.search(s):
        for r in vf.grade_first.finditer(s):
            g, a = ("g", "a") if r.group("g") else ("n", "c")
            add(r.start(), r.end(), r.start(g), r.end(g), r.group(a))
        for r in vf.analyte_first.finditer(s):
            add(r.start(), r.end(), r.start("g"), r.end("g"), r.group("a"))
    percent = [r for r in vf.percent_first.finditer(s)]
    with_pct = any(r.group("v") for r in percent)
    for r in percent:
        if r.group("v"):
            add(r.start(), r.end(), r.start("v"), r.end("v"), r.group("a"))
        elif with_pct:  # "2 bands" is a differential only beside percentages of the other cells
            add(r.start(), r.end(), r.start("b"), r.end("b"), r.group("band"))
    return out
