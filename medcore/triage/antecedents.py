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
                  r"|keeps|keep|this\s+morning|this\s+week"
                  # session 30: the speaker's present tense ('my sister had her baby last week and I have a cough',
                  # 'had a cold last week, I've got a rash'): what follows is now
                  r"|i\s+have(?!\s+had)|i've\s+got|i\s+have\s+got|i'm|i\s+am|i\s+feel|i\s+keep)\b")
# session 30: an event of the speaker's own a month or more ago ('I had a stroke last year', 'a TIA in 2019',
# '2 years ago'): its signs told with it are its history (findings.yaml antecedents own_event)
_OLD = re.compile(rf"\b(?:in\s+(?:19|20)\d\d|last\s+year|(?:a|one|\d+|two|three|few|several|many)\s+years?\s+(?:ago|back)"
                  rf"|years\s+ago|(?:a|one|\d+|two|three|four|five|six|few|several)\s+months?\s+(?:ago|back)|months\s+ago"
                  rf"|before|previously|in\s+the\s+past"
                  # session 30 review: a childhood event ('a seizure when I was a child', 'choked as a baby')
                  rf"|as\s+an?\s+(?:child|kid|baby|toddler|teenager)|when\s+(?:i|he|she)\s+was\s+(?:an?\s+)?(?:child|kid|baby|little|young|small|toddler|teenager))\b")


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


def to_antecedents(antecedents: dict[str, str], clause: str, starts: list[int], matches: list,
                   events: frozenset = frozenset()) -> list:
    """`matches` (first token, end token, ids) of a clause, with each id read inside its past part replaced by its
    antecedent (findings.yaml `antecedents`). `starts`: each token's character offset in the clause. `events`: the
    antecedents (own_event) taken only when the past part reads the event itself, told a month or more ago."""
    end = past_end(clause) if antecedents else 0
    old = _event_past_end(clause, starts, matches, events) if events else 0
    if not end and not old:
        return matches
    out = []
    for s, e, ids in matches:
        if starts[e - 1] < max(end, old):
            ids = [antecedents.get(i, i) if (antecedents.get(i) in events and starts[e - 1] < old
                                             and not _told_as_now(clause, starts[s]))
                   or (antecedents.get(i) not in events and starts[e - 1] < end) else i for i in ids]
            ids = list(dict.fromkeys(ids))
        out.append((s, e, ids))
    return out


_AGAIN = re.compile(r"\b(?:again|this\s+time|just\s+now|(?:an?|\d+|few|couple\s+of)\s+(?:minutes?|mins?|hours?)\s+ago)\b")


def _event_past_end(clause: str, starts: list[int], matches: list, events: frozenset) -> int:
    """Where the past part of a clause ends when it tells an own_event finding with a past verb and a time a month or
    more ago ('I had a TIA in 2019 when my face drooped, now ...'), else 0. A sign of the event told nearer now ('a
    stroke last year and my face drooped again this morning') is after a now word and stays current."""
    m = _NOW.search(clause)
    head = clause[:m.start()] if m else clause
    again = _AGAIN.search(head)
    head = head[:again.start()] if again else head
    if not (_PAST_VERB.search(head) and _OLD.search(head)):
        return 0
    # the speaker's own event: 'I had a stroke', not 'my dad had a stroke' (relatives.py reads his)
    told = any(starts[s] < len(head) and any(i in events for i in ids) and _SELF.search(clause, 0, starts[s])
               for s, _, ids in matches)
    return len(head) if told else 0


_SELF = re.compile(r"\b(?:i|i've|i'd|ive|me)\b")


def _told_as_now(clause: str, start: int) -> bool:
    """Whether the chunk from `start` says now ('my face drooped again', 'drooped an hour ago')."""
    tail = re.split(r"[,;]|\band\b|\bbut\b", clause[start:], maxsplit=1)[0]
    return bool(_AGAIN.search(tail) or _NOW.search(tail))


# session 30 review (issue 12): an acute event told as over a month ago ('she had a seizure years ago and has been fine
# since', 'my dad took an overdose years ago', 'my son choked on a sweet last year') is no event now; read as now, it
# gave the chat's and the health questions' emergency. It stays read when the text tells it again ('and is having one
# now', 'another one tonight', 'choking again'), and a current mention elsewhere is read by its own words.
_RETOLD = re.compile(r"\b(?:again|another|having\s+one|had\s+one|one\s+now|one\s+today|same\s+thing|choking|fitting"
                     r"|seizing)\b")


def drop_old_events(events: frozenset, clause: str, starts: list[int], matches: list, after: str = "") -> list:
    """`matches` without the ids of `events` (findings.yaml antecedents old_events) read in a chunk of the clause that
    tells them with a past verb and a time a month or more ago (_OLD) and no word of now, unless the words after
    the chunk (in the clause, then `after`, the rest of the text) tell the event again (_RETOLD)."""
    if not events or not _OLD.search(clause):
        return matches
    out = []
    for s, e, ids in matches:
        if any(i in events for i in ids):
            a = max((m.end() for m in re.finditer(r"[,;]|\band\b|\bbut\b", clause[:starts[s]])), default=0)
            tail = re.split(r"[,;]|\band\b|\bbut\b", clause[starts[s]:], maxsplit=1)
            chunk = clause[a:starts[s]] + tail[0]
            rest = (tail[1] if len(tail) > 1 else "") + " " + after
            if (_PAST_VERB_EVENT.search(chunk) and _OLD.search(chunk) and not _AGAIN.search(chunk)
                    and not _NOW_IN_CHUNK.search(chunk) and not _RETOLD.search(rest)):
                ids = [i for i in ids if i not in events]
                if not ids:
                    continue
        out.append((s, e, ids))
    return out


_PAST_VERB_EVENT = re.compile(r"\b(?:had|took|taken|choked|swallowed|was|were|went|did|fitted|collapsed)\b")
_NOW_IN_CHUNK = re.compile(r"\b(?:now|today|tonight|this\s+(?:morning|evening|afternoon)|just|currently|still)\b")
