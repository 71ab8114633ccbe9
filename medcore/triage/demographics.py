"""Age, sex and severity read from lay text."""

from __future__ import annotations

import re

SEVERE = re.compile(r"\b(severe|severely|terrible|excruciating|unbearable|agoni[sz]ing(?:ly)?|agony|horrendous|horrible"
                    r"|worst|killing me|intense|crippling|really bad|very bad|extreme)\b")
MILD = re.compile(r"\b(mild|mildly|slight|slightly|a bit of|a little|minor|niggl\w*)\b")
# a pain said with an intensifier: not called severe on its own ('a really sore throat'), but never mild
INTENSE_PAIN = re.compile(r"\b(?:really|very|so|extremely|incredibly|terribly|awfully)\s+(?:painful|sore|hurts?|achy)\b")
SCALE = re.compile(r"\b(\d{1,2})\s*(?:/|out of)\s*10\b")

AGE_PATTERNS = [
    (re.compile(r"\b(\d{1,3})\s*(?:-|\s)?\s*(?:years?|yrs?|yr)(?:\s*|-)old\b"), 1.0),
    (re.compile(r"\b(\d{1,3})\s*-?\s*(?:year|yr)\s*-?\s*old\b"), 1.0),
    (re.compile(r"\b(\d{1,3})\s*(?:yo|y/o|y\.o\.)\b"), 1.0),
    (re.compile(r"\b(\d{1,2})\s*(?:-|\s)?\s*months?(?:\s*|-)old\b"), 1 / 12),
    (re.compile(r"\b(\d{1,2})\s*(?:-|\s)?\s*weeks?(?:\s*|-)old\b"), 1 / 52),
    (re.compile(r"\b(\d{1,2})\s*(?:-|\s)?\s*days?(?:\s*|-)old\b"), 1 / 365),
    (re.compile(r"\b(?:aged?|i am|i'm|im)\s+(\d{1,3})\b(?!\s*(?:weeks?|days?|months?|%|kg|lb|cm|/))"), 1.0),
    (re.compile(r"\b(\d{1,3})\s*(?:m|f)\b"), 1.0),
    (re.compile(r"\b(?:in my|in his|in her)\s+(\d)0s\b"), 10.0),
]
# An age said with 'is' after a child word, no 'old': 'my baby girl is 5 months', "my son's 3 years". Not 'is 5
# months pregnant', '2 weeks post-op', '3 weeks into', '6 days late' or '2 weeks ago'; and not an age at all in a
# text about a pregnancy ('my daughter is 8 weeks and bleeding' is a gestation: PREGNANCY_TALK).
# session 28 (issue 12): also 'I am 29 years', "she's 2 years" and a child named with no verb ('my son 2 years, goes to
# nursery', as non-native English writes it): an age, not how long the complaint has lasted (a 29-year duration had
# outweighed 'since this morning')
PERSON_AGE = re.compile(r"\b(?:(?:baby|son|daughter|girl|boy|child|kid|toddler|grandson|granddaughter|twins?)"
                        r"(?:\s+is|'s|\s+was|\s+just\s+turned|\s+turned)?"
                        # a person's own age only in years ("I'm 36 weeks" is a gestation)
                        r"|(?:i\s+am|i'm|he\s+is|she\s+is|he's|she's)(?=\s+(?:about\s+|nearly\s+|almost\s+)?\d{1,2}\s+y))\s+"
                        r"(?:only\s+|just\s+|nearly\s+|almost\s+|about\s+)?"
                        r"(\d{1,2})\s+(week|month|year)s?\b(?!\s*(?:pregnant|post|into|late|overdue|ago|since|after|of\b|"
                        r"gestation|out\b|from\b|clean|sober|free|off\b|on\b|in\b|now\b|-?\s*old))")
PREGNANCY_TALK = re.compile(r"\b(?:pregnan\w*|expecting|weeks gone|months gone|scan|midwife)\b")
_PERSON_AGE_SCALE = {"week": 1 / 52, "month": 1 / 12, "year": 1.0}


def age_spans(low: str) -> list[tuple[int, int]]:
    """Spans of lower-case text that state an age without 'old' (PERSON_AGE): not a duration."""
    return [(m.start(), m.end()) for m in PERSON_AGE.finditer(low)]


AGE_WORDS = [(re.compile(r"\b(newborn|new born|neonate)\b"), 0.05), (re.compile(r"\b(baby|infant)\b"), 0.6),
             (re.compile(r"\btoddler\b"), 2.0), (re.compile(r"\b(teenager|teen)\b"), 15.0),
             (re.compile(r"\b(pensioner|elderly)\b"), 78.0)]
FEMALE = re.compile(r"\b(woman|female|girl|lady|mum|mom|mother|daughter|wife|she|her|pregnant|\d{1,3}\s?f)\b")
MALE = re.compile(r"\b(man|male|boy|gentleman|dad|father|son|husband|he|his|him|\d{1,3}\s?m)\b")
FEMALE_STRONG = re.compile(r"\b(i'?m a (?:\d+ ?(?:year|yr)s?[- ]old )?(?:woman|female|girl|lady)|woman|female|girl|daughter|pregnant|\d{1,3}\s?f)\b")
MALE_STRONG = re.compile(r"\b(i'?m a (?:\d+ ?(?:year|yr)s?[- ]old )?(?:man|male|boy|guy)|man|male|boy|son|\d{1,3}\s?m)\b")


def extract_age(text: str) -> float | None:
    low = text.lower()
    for pat, scale in AGE_PATTERNS:
        m = pat.search(low)
        if m:
            val = float(m.group(1)) * scale
            if 0 <= val <= 110:
                return round(val, 3)
    m = None if PREGNANCY_TALK.search(low) else PERSON_AGE.search(low)
    if m:
        val = float(m.group(1)) * _PERSON_AGE_SCALE[m.group(2)]
        if 0 <= val <= 110:
            return round(val, 3)
    for pat, val in AGE_WORDS:
        if pat.search(low):
            return val
    return None


def extract_sex(text: str) -> str | None:
    low = text.lower()
    f, m = FEMALE_STRONG.search(low), MALE_STRONG.search(low)
    if f and not m:
        return "female"
    if m and not f:
        return "male"
    if f and m:
        return "female" if f.start() < m.start() else "male"
    f, m = FEMALE.search(low), MALE.search(low)
    if f and not m:
        return "female"
    if m and not f:
        return "male"
    return None


# where a mild word's reach ends: 'mildly swollen but really painful' says nothing mild of the pain
_MILD_REACH = re.compile(r",|;|\.|\b(?:and|but|with|plus|also|although|though|whereas|while)\b")


def extract_severity(text: str, is_pain=None) -> str | None:
    """How bad the pain is: a 0-10 score, else a severe word anywhere (the safer reading), else a mild word.
    `is_pain(piece)`: whether a piece of text speaks of pain; given, a mild word counts only in a piece (between
    commas, 'and', 'but', ...) that does ('a mild rash and my chest is sore' says nothing mild of the chest)."""
    low = text.lower()
    m = SCALE.search(low)
    if m:
        v = int(m.group(1))
        return "severe" if v >= 7 else ("mild" if v <= 3 else "moderate")
    if SEVERE.search(low):
        return "severe"
    if is_pain is None:
        return "mild" if MILD.search(low) else None
    bounds = [0, *(x for m in _MILD_REACH.finditer(low) for x in (m.start(), m.end())), len(low)]
    pieces = [low[a:b] for a, b in zip(bounds[::2], bounds[1::2])]
    if any(INTENSE_PAIN.search(p) for p in pieces):
        return None  # 'a mild headache and my chest is really painful': two pains, two severities; neither is all
    return "mild" if any(MILD.search(p) and is_pain(p) for p in pieces) else None
