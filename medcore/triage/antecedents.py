"""A complaint told as an episode that is over is an antecedent, not a current symptom: 'he had a bad sore throat 2
weeks ago which got better, now his wee is dark' (a recent sore throat before nephritis), 'he had a runny nose and
cough last week' (a recent cold before an irritable hip). Before session 17 such words were read as current, so
the differential followed the old cold, and the 'ago' time became the complaint's duration.

The past part of a clause runs from its start to the first word that says now ('now', 'still', 'since', 'today',
an onset verb). It is past when it names a time that is over ('2 weeks ago', 'last week') with a past verb ('had',
'caught', 'was'), or says the episode ended ('which got better', 'cleared up'). A finding read inside it becomes
its antecedent by the KB's map (findings.yaml `antecedents`: sore throat -> recent sore throat, runny nose ->
recent cold); the antecedent is a risk finding, so the 'ago' time no longer counts as the complaint's duration
(durations._describes_history). Findings with no antecedent are read as before."""

from __future__ import annotations

import re

from medcore.triage.durations import _NUM, _UNIT, UNIT_HOURS, _num

_PAST_TIME = re.compile(rf"\b(?:{_NUM}\s+{_UNIT}\s+(?:ago|back|before)|last\s+(?:week|month|weekend|year|winter)"
                        r"|the\s+(?:week|month)\s+before)\b")
_ENDED = re.compile(r"\b(?:got\s+better|cleared\s+up|cleared|went\s+away|has\s+gone|settled\s+down|got\s+over)\b")
_PAST_VERB = re.compile(r"\b(?:had|got|caught|picked\s+up|was|were|came\s+down\s+with|went\s+down\s+with)\b")
_STILL = re.compile(r"\b(?:still|not\s+gone|hasn't\s+gone|won't\s+go|ongoing)\b")
# what says the words after it are current: the past part ends there
_NOW = re.compile(r"\b(?:now|still|since|today|tonight|currently|started|starts|began|begun|came\s+on|comes\s+on"
                  r"|keeps|keep|this\s+morning|this\s+week)\b")


# the complaint has gone on since the antecedent: 'had a flu type thing 4 weeks ago ... still got a dry cough'
_LINGERS = re.compile(r"\b(?:still|left\s+with|ever\s+since|never\s+went\s+away|hasn't\s+gone|won't\s+go)\b")


def lingers(low: str) -> bool:
    """Whether a text says its complaint has lasted since an earlier illness ('still', 'left with'): then the time
    since that illness ('4 weeks ago') is also how long the complaint has lasted."""
    return _LINGERS.search(low) is not None


def past_end(clause: str) -> int:
    """The character offset where the past part of a lower-case clause ends, or 0 when it has none."""
    m = _NOW.search(clause)
    head = clause[:m.start()] if m else clause
    if m and m.group(0) == "still" or _STILL.search(clause, len(head)):
        return 0  # 'had a sore throat last week and it's still sore': not over
    if _ENDED.search(head) or (_PAST_VERB.search(head) and any(_long_ago(m) for m in _PAST_TIME.finditer(head))):
        return len(head)
    return 0


def _long_ago(m: re.Match) -> bool:
    """A past time long enough for an illness to be over: 'last week', '2 weeks ago', '10 days ago'; not 'a day ago'
    or '2 hours ago', which are more likely the onset of what is still going on."""
    if m.group(2) is None:  # 'last week', 'the month before'
        return True
    n = _num(m.group(1))
    return UNIT_HOURS[m.group(2)] * n >= _OVER_HOURS


_OVER_HOURS = 5 * 24


def to_antecedents(antecedents: dict[str, str], clause: str, starts: list[int], matches: list) -> list:
    """`matches` (first token, end token, ids) of a clause, with each id read inside its past part replaced by its
    antecedent (findings.yaml `antecedents`). `starts`: each token's character offset in the clause."""
    end = past_end(clause) if antecedents else 0
    if not end:
        return matches
    out = []
    for s, e, ids in matches:
        if starts[e - 1] < end:
            ids = [antecedents.get(i, i) for i in ids]
            ids = list(dict.fromkeys(ids))
        out.append((s, e, ids))
    return out
