"""The population's age: a mean or median before a range before a minimum (moved out of pico.py in session 28,
when it grew past 400 lines; the patterns are those of sessions 12-24b plus session 28's forms and refusals)."""

from __future__ import annotations

import re

from medcore.literature import numbers
from medcore.literature.model import Sentence

_AGE = [
    (re.compile(r"\b(?P<stat>mean|median|average)\s+(?:\([^()]{1,20}\)\s+)?age\s*(?:±\s*SD\s*)?(?:\([^()]{1,20}\)\s*)?(?:at\s+(?:[\w\-]+\s+){1,2}?(?=was\b))?(?:of\s+(?:the\s+)?(?:\w+\s+){0,2}?(?:was|were)\s+|was|of|:|,|=|was\s+about)?\s*(?P<v>\d+(?:\.\d+)?)", re.I), "value"),
    # "Age (mean ± SD) was 52.3", "Age, median (IQR): 62 (54-70) years": the statistic in the bracket or after a comma
    (re.compile(r"\bage[sd]?\s*(?:\(\s*(?P<stat2>mean|median)?[^()]{0,16}\)\s*)?(?:was\s+)?,?\s*(?P<stat>mean|median)?\s*(?:\([^()]{1,12}\)\s*)?[,:=]?\s*(?P<v>\d+(?:\.\d+)?)(?!\s*(?:years?\s+)?(?:and|or)\s+(?:older|over|above|more))\s*(?:±|\+/-|\(|years|y\b)", re.I), "value"),
    # "63.4 ± 8.2 years old", "were on average 68.3 years old" (session 24b)
    (re.compile(r"(?<![\d.])(?P<v>\d+(?:\.\d+)?)\s*(?:±|\+/-)\s*\d+(?:\.\d+)?\s*(?:years|yrs)\s+(?:old|of\s+age)\b"
                r"|\bon\s+average\s+(?P<v2>\d+(?:\.\d+)?)\s*(?:years|yrs)\s+(?:old|of\s+age)\b"
                # session 28: the average said after the age ("were 67.9 years old on average")
                r"|(?<![\d.])(?P<v3>\d+(?:\.\d+)?)\s*(?:years|yrs)\s+(?:old|of\s+age)\s+on\s+average\b", re.I), "value"),
    # (session 30) not a band in months, weeks or days ("aged between 4 and 11 months": the age field is in years)
    (re.compile(r"\baged\s+(?:between\s+)?(?P<lo>\d+(?:\.\d+)?)\s*(?:-|to|–|and)\s*(?P<hi>\d+(?:\.\d+)?)(?![\d.]|\s*(?:months?|mo|weeks?|wk|days?)\b)"
                r"\s*(?:years|yrs|y\b)?", re.I), "range"),
    (re.compile(r"\bage[sd]?\s+(?:range[sd]?\s*[:=]?\s*)?(?:from\s+|of\s+|between\s+)?(?P<lo>\d+(?:\.\d+)?)\s*(?:-|to|–|and)\s*(?P<hi>\d+(?:\.\d+)?)\s*(?:years|yrs|y\b)", re.I), "range"),
    # session 28: the people's ages said with "were": "They were 29 to 36 years old", "patients were 40-65 years of age"
    # (session 30) also "who were 10 to 30 years old"
    (re.compile(r"\b(?:they|patients|participants|subjects|cases|women|men|children|who)\s+were\s+(?:between\s+)?(?P<lo>\d+(?:\.\d+)?)\s*"
                r"(?:-|to|–|and)\s*(?P<hi>\d+(?:\.\d+)?)\s*(?:years|yrs)\s+(?:old|of\s+age)\b", re.I), "range"),
    (re.compile(r"\b(?:aged\s+(?P<lo>\d+)\s*(?:years\s+)?(?:and|or)\s+(?:older|over|above|more)|aged\s*(?:≥|>=|>|over)\s*(?P<lo2>\d+)"
                r"|(?:≥|>=|>\s?or\s?=|older\s+than)\s*(?P<lo3>\d+)\s*(?:years|yrs)\b"
                # (session 30) "Patients 45 years of age or older"
                r"|\b(?:were|are|people|adults|patients|participants|individuals|persons|women|men)\s+(?P<lo4>\d+)\s*(?:years|yrs)"
                r"(?:\s+of\s+age)?\s+(?:and|or)\s+(?:older|over|above)\b)", re.I), "min"),
]
def population_age(sentences: list[Sentence]) -> dict:
    """The population's age: a mean or median anywhere in the abstract before a range or a minimum (an eligibility
    range, "children aged between 1 and 16 years", is said before the sample's "median age 3.4"; session 24b)."""
    # the number forms of numbers.py (a raised decimal point "13·4" is 13.4, decimal commas; one character for one,
    # so the matched text keeps its offsets)
    texts = [(s.idx, numbers.normalise(s.text), s.role) for s in sentences]
    for want in ("value", "range", "min"):
        for idx, text, role in texts:
            found = _age_in(text, idx, want, role)
            if found:
                return found
    return {}


# session 28: an age that is not the people's age now: when a disorder began or an event happened ("median age of
# onset was 11 years", "mean age at menarche", "age at first birth"); and an age band set against another band in the
# same sentence ("more were younger than 65 years than aged 65 or over") splits the population, it bounds no one
_EVENT_AGE = re.compile(r"\bages?\s+(?:at|of)\s+(?:the\s+)?(?:onset|first|menarche|menopause|death|initiation|start|"
                        r"first\s+\w+|exposure|vaccination|infection|injury|the\s+accident)\b", re.I)
# session 29: an age tied to an event by "when" is the age at that event, not at the study: "the children were 1 to
# 3 years old when exposed", "whose lead was measured when they were 2 years old"; an event word after "at" alike
# ("aged 1-3 at exposure"). The study's own moments (baseline, enrolment, entry, recruitment) stay the people's age.
_WHEN_BEFORE = re.compile(r"\bwhen\s*$", re.I)
# (review fix) the study's own moments told as a clause are the people's age too: "when they joined the study", "when
# the study began", "when they had surgery" in a surgical study (its "mean age at surgery" is the people's age)
_EVENT_AFTER = re.compile(r"(?<!\s)\s*+(?:\([^()]{0,30}\)\s*+)?(?:,\s*+)?(?:when\b(?!\s+(?:(?:they|he|she)\s+)?(?:were\s+|was\s+)?(?:enrol|recruit|"
                          r"included|randomi|entered|interviewed|surveyed|examined|(?:first\s+)?seen|admitted|referred|presented|treated|"
                          r"joined|took\s+part|participated|consented|started\s+(?:the\s+)?(?:study|trial)|underwent|operated|"
                          r"had\s+(?:their\s+|the\s+|an?\s+)?(?:surgery|operation)|the\s+(?:study|trial|survey|follow-up|cohort)\s+"
                          r"(?:began|started|opened)))|at\s+(?:the\s+time\s+of\s+"
                          r"(?:the\s+)?)?(?:exposure|vaccination|infection|injury|the\s+accident|birth|first\s+\w+))", re.I)
# (review fix) two bands, one below and one above: a single "older than 80 years" is the people's minimum, and "aged 18
# to 65; those younger than 18 were not eligible" keeps its range
_BANDS_SET_AGAINST = re.compile(r"\b(?:younger\s+than|under|below)\s+\d+\b[^.;]{0,80}?\b(?:older\s+than|over|above|or\s+older)\b"
                                r"|\b(?:older\s+than|over|above)\s+\d+\b[^.;]{0,80}?\b(?:younger\s+than|under|below)\s+\d+", re.I)
# (review fix) one band in a result or conclusion is a subgroup ("9% of the over-65s relapsed"), not the people
_ONE_BAND = re.compile(r"\b(?:younger|older)\s+than\b", re.I)
# (review fix) an age that bounds the people left out ("those aged 70 years or more were excluded", "we excluded
# patients older than 80 years") is no bound of the people studied
_LEFT_OUT_AFTER = re.compile(r"[^.;]{0,30}?\b(?:were|was)\s+(?:excluded|not\s+eligible|ineligible|not\s+included|not\s+enrolled)\b", re.I)
_LEFT_OUT_BEFORE = re.compile(r"\b(?:exclud\w*|ineligible|not\s+eligible)\b[^.;]{0,40}$", re.I)
# (review fix) the age of other people than those studied: "their infants were 2 years old on average", "the mean age
# of their children was 8"
_THEIR_KIN = re.compile(r"\btheir\s+(?:infants?|babies|baby|child|children|offspring|sons?|daughters?|partners?|spouses?|"
                        r"parents?|mothers?|fathers?|caregivers?|siblings?)\b[^.;]{0,40}$", re.I)


def _not_theirs(text: str, m, kind: str) -> bool:
    """The age matched bounds people left out, is the age of the studied people's kin, or the age at an event."""
    if kind != "value" and (_LEFT_OUT_AFTER.match(text, m.end()) or _LEFT_OUT_BEFORE.search(text, 0, m.start())):
        return True
    end = len(text[:m.end()].rstrip())  # the pattern tries blanks only from the start of their run
    if _WHEN_BEFORE.search(text, 0, m.start()) or _EVENT_AFTER.match(text, end):
        return True
    return bool(_THEIR_KIN.search(text, 0, m.start()) or _THEIR_KIN.search(m.group(0)))


def _age_in(text: str, idx: int, want: str, role: str = "") -> dict:
    if want != "value" and (_BANDS_SET_AGAINST.search(text) or role in ("results", "conclusions") and _ONE_BAND.search(text)):
        return {}
    for pattern, kind in _AGE:
        m = pattern.search(text) if kind == want else None
        if m and ((kind == "value" and _EVENT_AGE.search(m.group(0))) or _not_theirs(text, m, kind)):
            m = next((n for n in pattern.finditer(text, m.end()) if not (kind == "value" and _EVENT_AGE.search(n.group(0)))
                      and not _not_theirs(text, n, kind)), None)
        if not m:
            continue
        if kind == "value":
            g = m.groupdict()
            v = float(g.get("v") or g.get("v2") or g.get("v3"))
            if 0 < v < 120:
                return {"stat": (g.get("stat") or g.get("stat2") or "mean").lower().replace("average", "mean"), "value": v,
                        "sentence_idx": idx, "text": m.group(0)}
        elif kind == "range":
            lo, hi = float(m.group("lo")), float(m.group("hi"))
            if 0 <= lo < hi < 120:
                return {"stat": "range", "low": lo, "high": hi, "sentence_idx": idx, "text": m.group(0)}
        else:
            return {"stat": "min", "low": float(m.group("lo") or m.group("lo2") or m.group("lo3") or m.group("lo4")),
                    "sentence_idx": idx, "text": m.group(0)}
    return {}
