"""Gestation phrases: '37 weeks gestation', '30 weeks pregnant', 'G2P1 at 12 weeks', '32+4 weeks', '36/40',
'8 months pregnant', "I'm 36 weeks". They say the patient is pregnant and how far along, and are never a
symptom duration (durations.py drops the spans found here). In pregnancy, a bare 'bleeding' is vaginal."""

from __future__ import annotations

import re

_N = r"(\d{1,2}(?:\.\d)?)"
_PLUS = r"(?:\s*\+\s*\d)?"
_WEEKS = r"\s*(?:weeks?|wks?)"
_MONTH_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
# explicit: the phrase itself says pregnancy
EXPLICIT = [
    re.compile(rf"\b{_N}{_PLUS}{_WEEKS}\s+(?:pregnant|gestation(?:al)?|along|of\s+pregnancy|into\s+(?:my|the|her)\s+pregnancy)\b"),
    re.compile(rf"\b{_N}{_PLUS}\s*/\s*40\b"),
    re.compile(rf"\bgestation(?:al\s+age)?\s+(?:of\s+)?{_N}{_PLUS}{_WEEKS}\b"),
]
MONTHS = re.compile(r"\b(\d|one|two|three|four|five|six|seven|eight|nine)\s+months?\s+(?:pregnant|gone|along)\b")
# "I'm 36 weeks" / "she is 28 weeks" (no 'old', 'ago', 'post-op', ...): people state gestation this way
STATED = re.compile(rf"\b(?:i'm|i\s+am|im|she's|she\s+is|she\s+was|i\s+was|now){_PLUS}\s+{_N}{_PLUS}{_WEEKS}\b"
                    r"(?!\s*(?:old|ago|post|after|since|out|off|of\s+age|later|now\b))(?![- ]old)")
# "at 12 weeks" only with pregnancy words elsewhere in the text (G2P1, midwife, bump, waters, ...)
AT_WEEKS = re.compile(rf"\bat\s+{_N}{_PLUS}{_WEEKS}\b(?!\s*(?:old|of\s+age))(?![- ]old)")
CONTEXT = re.compile(r"pregnan|gravida|\bg\d+\s*p\d+\b|midwi|antenatal|\bbump\b|\bwaters\b|contraction|fetal|foetal"
                     r"|gestation|maternity|\bscan\b")
LATE_WEEKS = 20  # late_pregnancy: 'Over 20 weeks pregnant'
# a bare 'bleeding' in pregnancy means vaginal bleeding, unless another bleeding site is named
BARE_BLEEDING = re.compile(r"\b(?:bleeding|bleed|bled)\b")
OTHER_BLEEDING = ("vaginal_bleeding", "rectal_bleeding", "nosebleed", "nosebleed_prolonged", "vomit_blood",
                  "cough_blood", "blood_urine", "bleeding_gums", "black_stool", "bloody_diarrhoea",
                  "heavy_bleeding_soaking", "postmenopausal_bleeding", "bleeding_after_sex", "wound")


def gestation_spans(low: str) -> list[tuple[int, int, float]]:
    """(start, end, weeks) of every gestation phrase in lower-case text."""
    out = [(m.start(), m.end(), float(m.group(1))) for pat in EXPLICIT for m in pat.finditer(low)]
    out += [(m.start(), m.end(), 4.35 * float(_MONTH_WORDS.get(m.group(1), m.group(1)))) for m in MONTHS.finditer(low)]
    out += [(m.start(1), m.end(), float(m.group(1))) for m in STATED.finditer(low) if 4 <= float(m.group(1)) <= 42]
    if CONTEXT.search(low):
        out += [(m.start(), m.end(), float(m.group(1))) for m in AT_WEEKS.finditer(low) if 4 <= float(m.group(1)) <= 42]
    return [g for g in out if 0 < g[2] <= 44]


def gestation_weeks(low: str) -> float | None:
    spans = gestation_spans(low)
    return max(w for _, _, w in spans) if spans else None


def in_pregnancy_context(low: str) -> bool:
    return bool(CONTEXT.search(low)) or bool(gestation_spans(low))


def bare_bleeding(low: str) -> bool:
    return bool(BARE_BLEEDING.search(low))
