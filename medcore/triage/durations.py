"""Durations, frequencies and onsets in lay text, and whether a duration belongs to the complaint.

A duration counts only when it is attached to a complaint, not to a risk factor or life history ('smoked for
35 years'); a frequency ('twice a day') is no duration; an onset without 'since' ('it started this morning')
gives one when it is the complaint's."""

from __future__ import annotations

import re

from medcore.llm.grounding import DRUG_STEM  # WHO INN drug-name stems
from medcore.triage.demographics import age_spans
from medcore.triage.gestation import gestation_spans, scan_spans
from medcore.triage.kb import KnowledgeBase
from medcore.triage.menstrual import lmp_spans
from medcore.triage.tokens import NUM_WORDS, _is_number, tokens

UNIT_HOURS = {"minute": 1 / 60, "min": 1 / 60, "hour": 1, "hr": 1, "day": 24, "night": 24, "week": 168,
              "fortnight": 336, "month": 730, "year": 8760}
_NUM = r"(\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|twenty|couple|few|several)"
_UNIT = r"(minute|min|hour|hr|day|night|week|fortnight|month|year)s?"
DURATION_PATTERNS = [
    re.compile(rf"\b(?:for|past|last|over|about|almost|nearly)\s+(?:the\s+)?(?:past\s+|last\s+)?(?:a\s+)?{_NUM}\s+(?:of\s+)?{_UNIT}\b(?!\s+(?:old|pregnant))"),
    re.compile(rf"\b{_NUM}\s+{_UNIT}\s+ago\b"),
    re.compile(rf"\b{_NUM}\s+{_UNIT}\b(?!\s+(?:old|pregnant|of age))(?![- ]old)"),
    re.compile(r"\bfor\s+(?:a\s+)?(minute|hour|day|week|fortnight|month|year)s?\b"),
    # 'for the last hour', 'over the past week': one unit
    re.compile(r"\b(?:for|over|in|during)\s+the\s+(?:last|past)\s+(minute|hour|day|week|fortnight|month|year)\b"),
]
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# a month named alone ('since about September'): weeks to months ago, guessed as one month (session 24); 'may' and
# 'march' are left out, being verbs as often ('since it may be')
MONTHS = ("january", "february", "april", "june", "july", "august", "september", "october", "november", "december")
SINCE = {"yesterday": 30, "last night": 14, "this morning": 6, "today": 6, "tonight": 2, "this afternoon": 3,
         "lunchtime": 5, "lunch time": 5, "lunch": 5,  # 'since lunchtime': a few hours, within the day
         "this evening": 2, "last week": 24 * 7, "last month": 730, "the weekend": 24 * 3,
         **{d: 24 * 4 for d in WEEKDAYS}, "christmas": 24 * 30, "last year": 8760, **{m: 730 for m in MONTHS}}
# A frequency is not a duration: 'three times a day', 'twice a week', 'every few hours', '20 a day', '4 hours a
# day'. A duration phrase inside a frequency ('a day' in 'twice a day') is dropped.
FREQUENCY_PATTERNS = [
    re.compile(rf"\b(?:(?:{_NUM}|many|\d+)\s+times|\d+\s*x|once|twice|thrice)"
               rf"\s+(?:a|an|per|each|every|in\s+an?)\s+{_UNIT}\b"),
    re.compile(rf"\b(?:every|each|per)\s+(?:other\s+|single\s+|{_NUM}\s+(?:of\s+)?)?{_UNIT}\b"),
    re.compile(rf"\b(?:\d+(?:\.\d+)?|{_UNIT})\s+(?:a|an|per)\s+{_UNIT}\b(?!\s+ago)"),
    re.compile(rf"\b(?:beats?|breaths?|bpm)\s+(?:a|an|per|every)\s+{_UNIT}\b"),  # a rate: '180 beats a minute'
]
# A time counted from a risk event ('two weeks after my operation', 'ten days following my hip replacement', 'two
# weeks post op') says when the event was, not how long the complaint has lasted: it belongs to the event even when
# a symptom comes first ('short of breath two weeks after my operation'); 'for three days after ...' still says how
# long (a phrase starting with one of LASTING).
EVENT_AFTER = {"after", "following", "post"}
LASTING = {"for", "past", "last", "over"}
# Words between 'since' and a SINCE time that name the event ('since I flew back from Australia last week'): no
# clause break and no second 'since'.
_SINCE_EVENT = r"(?:\s+(?!(?:since|and|but|because)\b)[a-z0-9'-]+)"
# "since I woke up (yesterday)": the SINCE table's time, or this morning's with no time named.
_WOKE = r"(?:(?:i|he|she|we|they|you)\s+)?(?:woke|woken|got)\s+up"
# Onset without 'since': an onset verb and a SINCE time in one chunk, either order ('it started this
# morning', 'began last night', 'this morning my heart started pounding'). It counts only when it is the
# complaint's onset: the nearest finding is a symptom, or there is none and the verb has no object of its
# own ('I started a new job last week', 'started running yesterday' say nothing of the complaint).
ONSET_VERBS = (r"(?:started|starts|start|began|begun|begins|came\s+on|comes\s+on|come\s+on|came\s+up|kicked\s+in"
               r"|set\s+in|flared\s+up|woke\s+up|woken\s+up|appeared|developed)")
_FILLER = r"(?:\s+(?!(?:and|with|plus|also|since|for)\b)[a-z0-9']+)"
ONSET_OBJECTS = {"a", "an", "the", "my", "his", "her", "their", "our", "your", "some", "me", "him", "them", "us",
                 "to"}
# A treatment start is not the complaint's onset: 'I was started on ramipril last week', 'started on a new
# tablet', 'began metformin yesterday'. The verb's object is 'on' + something that is not a time ('on
# Monday' is one), a medicine word, or a drug name (WHO INN stem, as the grounding check uses).
MEDICINE_WORDS = {"tablet", "pill", "medication", "medicine", "med", "drug", "antibiotic", "inhaler", "injection",
                  "jab", "treatment", "course", "dose", "prescription", "patch", "cream", "steroid", "insulin",
                  "contraceptive", "hrt", "chemo", "chemotherapy", "new"}
ON_TIME_WORDS = {"the", "a", "this", "that", "my", "his", "her"}  # skipped before a SINCE time after 'on'
TIME_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "weekend", "christmas",
              "holiday", "morning", "afternoon", "evening", "night", "day", "birthday", "way", "flight"}
# How long one episode lasts is not how long the complaint has gone on: 'the pain lasts an hour afterwards', 'each
# attack lasting 20 minutes', 'for a few minutes at a time'. Present tense only: 'it lasted three days' may be the
# complaint's whole course.
EPISODE_PATTERNS = [
    re.compile(rf"(?<!the )(?<!these )(?<!for )\b(?:lasts?|lasting|goes\s+on|go\s+on|going\s+on)\s+(?:for\s+)?(?:about\s+|around\s+|roughly\s+"
               rf"|up\s+to\s+|nearly\s+|almost\s+|over\s+|under\s+|less\s+than\s+|more\s+than\s+)?(?:a\s+)?{_NUM}\s+"
               rf"(?:of\s+)?{_UNIT}\b"),
    re.compile(rf"\b(?:for\s+)?(?:about\s+|around\s+|up\s+to\s+)?(?:a\s+)?{_NUM}\s+{_UNIT}\s+"
               rf"(?:afterwards|after\s+that|at\s+a\s+time|each\s+time|every\s+time|each\s+go)\b"),
    # 'settles within 5 min of rest', 'eases after a few minutes': how soon an episode passes (NICE CG95 angina)
    re.compile(rf"\b(?:settles?|settling|eases?|easing|goes|passes|wears\s+off)\s+(?:off\s+)?(?:with|within|in|after)"
               rf"\s+(?:about\s+|around\s+)?(?:a\s+)?{_NUM}\s+{_UNIT}\b"),
]
# clinical shorthand: '3/52' three weeks, '2/7' two days, '6/12' six months (not a date '3/12/2024')
SLASH = re.compile(r"\b(\d{1,2})\s*/\s*(7|52|12)\b(?!\s*/|\d)")
SLASH_HOURS = {"7": 24, "52": 168, "12": 730}
# 'cough x3 days', 'SOB x2/52': a chart's 'x' (times, for) written against the number; spaced out before reading
_TIMES = re.compile(rf"\bx(?=\d{{1,2}}(?:\s*/\s*(?:7|52|12)\b|\s*{_UNIT}\b))", re.IGNORECASE)


def space_times(text: str) -> str:
    """'x3 days' -> 'x 3 days', 'x2/7' -> 'x 2/7', so the duration patterns meet the number."""
    return _TIMES.sub("x ", text)


LATE = re.compile(rf"\b{_NUM}\s+{_UNIT}\s+(?:late|overdue)\b")
DURATION_FINDINGS = ("duration_under_1_day", "duration_1_to_14_days", "duration_over_2_weeks")
# A duration says how long the complaint has lasted only if it is attached to a symptom. One attached to a
# risk factor or a life-history verb ("smoked for 35 years", "diabetic for 15 years", "worked in a mine
# for 30 years") is history, not symptom duration. Attachment: the nearest finding (or history word) in
# the same chunk, preceding first, else following. A history verb governs its whole phrase ("worked in a
# quarry for 30 years"); a risk noun or adjective owns the duration only when nothing but function words
# stands between them ("diabetic for 15 years", not "my asthma has been bad for 3 days").
HISTORY_CATEGORIES = {"risk"}
# session 30: an event whose time is its own, like a risk factor's: 'had my baby 3 weeks ago, now a bad headache' is
# a birth 3 weeks ago, not a headache of 3 weeks
TIMED_EVENTS = {"recently_given_birth"}
HISTORY_WORDS = {"smoke", "smoked", "smoking", "smoker", "vape", "vaped", "vaping", "vaper", "drank", "drunk",
                 "drinker", "worked", "working", "lived", "living", "married", "employed", "retired",
                 # session 30: a trip's length or time ('visiting my family for three weeks', 'returned from Lagos
                 # 12 days ago') is the journey's, not the complaint's
                 "visiting", "visited", "travelling", "traveling", "travelled", "traveled", "stayed", "staying",
                 "returned"}
FUNCTION_WORDS = {"am", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "i", "i've",
                  "i'm", "i'd", "he", "she", "it", "they", "we", "you", "a", "an", "the", "my", "me", "now",
                  "still", "already", "just", "also", "very", "really", "per", "every", "since", "for", "of", "past",
                  "last", "over", "about", "around", "nearly", "almost", "roughly", "ago"}

def _num(s: str) -> float:
    return float(NUM_WORDS.get(s, s)) if not s.replace(".", "").isdigit() else float(s)


def frequency_spans(low: str) -> list[tuple[int, int]]:
    """Every frequency phrase in lower-case text ('twice a day', 'every few hours'): (start, end)."""
    return [(m.start(), m.end()) for pat in FREQUENCY_PATTERNS for m in pat.finditer(low)]


# when an earlier episode happened ('a similar episode 5 years ago', 'previous attack two years ago'): history, not
# how long the complaint has lasted
# session 30: a time still to come ('fly home in 4 days', 'my appointment is in 2 weeks'), a share of nights or days
# ('wets the bed 5 nights out of 7': a frequency) and the end of the last period ('period finished 10 days ago': the
# cycle's date, as menstrual.lmp_spans) are no duration of the complaint
NOT_DURATION = [
    re.compile(rf"\b(?:fly|flying|flight|go|going|leave|leaving|due|appointment|appt|booked|will|'ll)\b"
               rf"[^.,;!?]{{0,25}}?\b(?:in|within)\s+(?:another\s+|about\s+)?{_NUM}\s+{_UNIT}(?:'?s?\s+time)?\b"),
    re.compile(rf"\b{_NUM}\s+{_UNIT}\s+out\s+of\s+(?:every\s+)?(?:\d+|{_NUM})\b"),
    re.compile(rf"\bperiods?\s+(?:finished|ended|was\s+over|stopped\s+bleeding)\s+(?:about\s+|around\s+)?{_NUM}\s+{_UNIT}\s+ago\b"),
]
PAST_EPISODE = re.compile(rf"\b(?:similar|previous|prior)\s+(?:episode|attack|event)s?\s+(?:about\s+)?{_NUM}\s+{_UNIT}"
                          r"\s+ago\b")


def episode_spans(low: str) -> list[tuple[int, int]]:
    """Every phrase saying how long one episode lasts ('lasts an hour afterwards'): (start, end)."""
    return [(m.start(), m.end()) for pat in EPISODE_PATTERNS for m in pat.finditer(low)]


def duration_spans(low: str) -> list[tuple[int, int, float]]:
    """Every duration phrase in lower-case text, none inside a frequency or an episode's length: (start, end,
    hours)."""
    out = []
    for pat in DURATION_PATTERNS[:3]:
        for m in pat.finditer(low):
            out.append((m.start(), m.end(), _num(m.group(1)) * UNIT_HOURS[m.group(2)]))
    out += [(m.start(), m.end(), int(m.group(1)) * SLASH_HOURS[m.group(2)]) for m in SLASH.finditer(low)]
    for pat in DURATION_PATTERNS[3:]:
        for m in pat.finditer(low):
            out.append((m.start(), m.end(), UNIT_HOURS[m.group(1)]))
    keys = "|".join(SINCE)
    for key, h in SINCE.items():
        for m in re.finditer(rf"\bsince\s+(?:{_WOKE}\s+)?{key}\b", low):
            out.append((m.start(), m.end(), h))
    for m in re.finditer(rf"\bsince\s+{_WOKE}\b(?!\s+(?:{keys})\b)", low):
        out.append((m.start(), m.end(), SINCE["this morning"]))
    # 'since I flew back from Australia last week', 'since my operation on Monday': the event's time
    for m in re.finditer(rf"\bsince{_SINCE_EVENT}{{1,6}}?\s+(?:on\s+)?(?P<k>{keys})\b", low):
        out.append((m.start(), m.end(), SINCE[m.group("k")]))
    # a frequency ('twice a day'), a gestation ('37 weeks gestation', "I'm 36 weeks"), an age ('my baby is 5
    # months') or how late a period is ('my period is 6 weeks late': a missed period, not how long the complaint
    # has lasted) is no duration
    skip = (frequency_spans(low) + [(a, b) for a, b, _ in gestation_spans(low)] + scan_spans(low) + episode_spans(low)
            + age_spans(low) + [(m.start(), m.end()) for m in LATE.finditer(low)]
            + [(a, b) for a, b, _ in lmp_spans(low)]  # 'LMP 7 weeks ago' dates the cycle (menstrual.py)
            + [(m.start(), m.end()) for m in PAST_EPISODE.finditer(low)]
            + [(m.start(), m.end()) for pat in NOT_DURATION for m in pat.finditer(low)])
    return [d for d in out if not any(a < d[1] and d[0] < b for a, b in skip)]


def onset_spans(low: str, durations: list[tuple[int, int, float]] | None = None) -> list[tuple[int, int, float, int]]:
    """Onset phrases without 'since' ('it started this morning'): (start, end, hours, verb end) with the
    span of the time words only, for attachment; not yet checked for attachment (extract() does that).
    `durations`: duration_spans(low), when the caller has it already."""
    out = []
    for key, h in SINCE.items():
        for m in re.finditer(rf"\b{ONSET_VERBS}(?P<v>){_FILLER}{{0,5}}?\s+(?P<k>{key})\b", low):
            out.append((m.start("k"), m.end("k"), h, m.end("v")))
        for m in re.finditer(rf"\b(?P<k>{key})\b{_FILLER}{{0,4}}?\s+{ONSET_VERBS}\b(?P<v>)", low):
            out.append((m.start("k"), m.end("k"), h, m.end("v")))
    since = [(a, b) for a, b, _ in (duration_spans(low) if durations is None else durations)]
    return [o for o in out if not low[:o[0]].rstrip().endswith("since")
            and not any(a < o[1] and o[0] < b for a, b in since)]


def _starts_treatment(after_verb: str) -> bool:
    """Whether the words after an onset verb name a treatment being started ('on ramipril', 'on a new
    tablet', 'metformin'), not a time ('on Monday', 'on the way home')."""
    toks = tokens(after_verb)[:4]
    if toks and toks[0] in ("on", "onto"):
        rest = [t for t in toks[1:] if t not in ON_TIME_WORDS]
        return bool(rest) and rest[0] not in TIME_WORDS and not _is_number(rest[0])
    head = [t for t in toks[:2] if t not in ONSET_OBJECTS]
    return bool(head) and (head[0] in MEDICINE_WORDS or DRUG_STEM.fullmatch(head[0]) is not None)


# A weekday, 'the weekend' or a month gives no count, only a guess (SINCE: 4 days, 3 days, a month); a stated count in the same text
# ('woke up on Saturday with it ... 12 hours now') outranks it (session 24), whichever is longer.
WEEKDAY_GUESS = re.compile(r"\b(?:" + "|".join((*WEEKDAYS, r"the\s+weekend", *MONTHS)) + r")\b")


def is_weekday_guess(phrase: str) -> bool:
    """Whether a duration phrase is dated by a weekday alone ('since Saturday'; not 'since Saturday, 2 days')."""
    return WEEKDAY_GUESS.search(phrase) is not None and not re.search(r"\d", phrase)


def is_count(phrase: str) -> bool:
    """Whether a duration phrase tells a count ('12 hours now', 'for a week', '2/7'), not a named day."""
    return any(p.search(phrase) for p in DURATION_PATTERNS) or SLASH.search(phrase) is not None


# How long one episode lasts is not how long the illness has gone on (session 24c): a count under an hour ('for a
# minute or two', 'for 30 seconds') beside a named day or month ('since about September') times the episode, since a
# named day or month is at least hours ago; only a count of an hour or more ('12 hours now') can refine the guess.
EPISODE_MAX_HOURS = 1.0


def outranks_guess(phrase: str, hours: float) -> bool:
    """Whether a duration phrase is a count that replaces a weekday or month guess: a count of the illness's
    scale ('12 hours now', '3 months'), not an episode's minutes ('for a minute or two')."""
    return is_count(phrase) and hours >= EPISODE_MAX_HOURS


def extract_duration(text: str) -> float | None:
    """The longest duration phrase in the text, attached or not (extract() keeps symptom durations only)."""
    hours = [h for _, _, h in duration_spans(text.lower())]
    return max(hours) if hours else None


def _nearest_head(kb: KnowledgeBase, toks: list[str], chunk_of: list[int],
                  matches: list[tuple[int, int, list[str]]], s: int, e: int) -> tuple[str, list[str]] | None:
    """The head a phrase at tokens [s, e) is attached to, its nearest finding or history word in the same
    chunk, preceding first: (kind: symptom | risk | verb, the tokens in between), or None."""
    if s >= len(toks):
        return None
    chunk = chunk_of[s]
    heads = []  # (start, end, kind): symptom | risk | verb
    for ms, me, ids in matches:
        if chunk_of[ms] != chunk or (ms < e and me > s):
            continue
        real = [kb.finding(i.lstrip("!")) for i in ids]
        if all(f.category == "course" for f in real):  # 'getting worse', 'for a week': not a head
            continue
        if not all(f.category in HISTORY_CATEGORIES or f.id in TIMED_EVENTS for f in real):
            kind = "symptom"
        else:
            kind = "verb" if any(t in HISTORY_WORDS for t in toks[ms:me]) else "risk"
        heads.append((ms, me, kind))
    covered = {t for ms, me, _ in matches for t in range(ms, me)}
    heads += [(t, t + 1, "verb") for t, tok in enumerate(toks)
              if tok in HISTORY_WORDS and chunk_of[t] == chunk and t not in covered and not s <= t < e]
    before = [h for h in heads if h[1] <= s]
    after = [h for h in heads if h[0] >= e]
    if before:
        hs, he, kind = max(before, key=lambda h: h[1])
        return kind, toks[he:s]
    if after:
        hs, he, kind = min(after, key=lambda h: h[0])
        return kind, toks[e:hs]
    return None


def _counted_from_risk_event(kb: KnowledgeBase, toks: list[str], chunk_of: list[int],
                             matches: list[tuple[int, int, list[str]]], s: int, e: int) -> bool:
    """Whether the time at tokens [s, e) is followed by 'after'/'following'/'post' and then, past function words
    only, a risk factor ('two weeks after my operation', 'two weeks post op')."""
    if e >= len(toks) or toks[s] in LASTING or toks[e] not in EVENT_AFTER:
        return False
    starts = {ms: ids for ms, _, ids in matches}
    k = e  # the event word may start the risk phrase itself ('post op', 'after my operation')
    while k < len(toks) and chunk_of[k] == chunk_of[s]:
        if k in starts:
            return all(kb.finding(i.lstrip("!")).category in HISTORY_CATEGORIES for i in starts[k])
        if toks[k] not in EVENT_AFTER and toks[k] not in FUNCTION_WORDS:
            return False
        k += 1
    return False


def _describes_history(kb: KnowledgeBase, toks: list[str], chunk_of: list[int],
                       matches: list[tuple[int, int, list[str]]], s: int, e: int) -> bool:
    """Whether the duration at tokens [s, e) is attached to a risk factor or life history ('smoked for
    35 years') rather than to a symptom: a time counted from a risk event, else its nearest head in the same
    chunk, preceding first."""
    if _counted_from_risk_event(kb, toks, chunk_of, matches, s, e):
        return True
    head = _nearest_head(kb, toks, chunk_of, matches, s, e)
    if head is None:
        return False
    kind, between = head
    if kind == "risk":
        return all(t in FUNCTION_WORDS or _is_number(t) or t in UNIT_HOURS for t in between)
    return kind == "verb"

def duration_evidence(hours: float) -> dict[str, bool]:
    if hours < 24:
        hit = "duration_under_1_day"
    elif hours <= 24 * 14:
        hit = "duration_1_to_14_days"
    else:
        hit = "duration_over_2_weeks"
    return {f: f == hit for f in DURATION_FINDINGS}

