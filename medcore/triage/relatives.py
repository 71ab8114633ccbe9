"""A relative's own condition is the patient's family history, not the patient's complaint (session 18, issue 12).

The assertion engine (profile `lay`) says which words are said of a relative ('my mother', 'her dad', 'runs in the
family'). In the chat a relative's symptoms usually describe the patient ('my gran fell and hit her head': the gran
is the patient), so they stay the patient's. A relative's condition is family history when the words *tell it as the
relative's own illness*:
- an explicit family-history cue ('family history of', 'runs in the family'): always family history;
- the patient's relative in the third person ('her mother had a facial palsy', 'his father died of a heart
  attack'): the patient is 'her' or 'him', so the mother's illness is not the patient's;
- the speaker's own relative ('my dad had a stroke at 50, I have a headache'): only when the relative's illness is
  told as history (a verb of having it and a time that is over, or 'died of', 'was diagnosed with') and the speaker
  also tells their own complaint. 'I'm worried, my dad had crushing chest pain an hour ago' stays the dad's
  emergency: he is the patient.
Any condition of a relative told alone, with nothing wrong now ('My father had type 2 diabetes'), is family history
too (session 21): the speaker's relative is the patient only when the text tells a complaint.
A relative's heart attack, stroke, migraine or atopy also gives the KB's family-history finding
(findings.yaml `relative_conditions`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from medcore.knowledge import assertions

_FIRST_PERSON = re.compile(r"\b(?:i|i'm|i've|im|ive|me|myself)\b")
_SPEAKERS = re.compile(r"(?:my|our)\b")
# a possessive relative cue ('my mother', 'his dad'); a bare one ('Father had ...') is the speaker's relative
_POSSESSIVE = re.compile(r"(?:my|his|her|their|our|your|the\s+patient's)\b")
# relatives by marriage or friendship: their illness is never the patient's family history (session 21)
_NOT_KIN = re.compile(r"(?:(?:my|his|her|their|our|your|the\s+patient's)\s+)?(?:husband|wife|spouse|partner|boyfriend"
                      r"|girlfriend|friend|flatmate|roommate|housemate|colleague)\b")
# every explicit family-history cue of the lay profile names the family ('family history of', 'runs in the family')
_EXPLICIT = re.compile(r"\bfamily\b")
# the words between a relative and the illness that say the relative has or had it: 'had a', 'died of a', 'has had'
_HAS = (r"(?:also\s++|too\s++|both\s++)?(?:has\s++had|have\s++had|had|has|have|gets|get|got|suffers\s++(?:from|with)"
        r"|suffered\s++(?:from|with)|died\s++(?:of|from|after|with)|passed\s++away\s++(?:from|with|after)"
        r"|(?:was|were|is|has\s++been)\s++diagnosed\s++with|developed|lives\s++with|lived\s++with)")
_GAP = re.compile(rf"\A(?:'s)?\s++{_HAS}(?:\s++(?!(?:i|me|he|she|him|they|them|it)\b)[a-z'-]++){{0,2}}\s++")
# verbs that tell an illness as the relative's history whatever the time ('died of', 'was diagnosed with')
_HISTORY_VERB = re.compile(r"\b(?:died|passed\s+away|diagnosed|suffers|suffered)\b")
# a time that is over: the relative's illness is history, not what is happening now
_PAST_TIME = re.compile(r"\b(?:at\s+(?:the\s+age\s+of\s+)?\d{1,3}|aged\s+\d{1,3}|in\s+(?:his|her|their)\s+\d0s"
                        r"|when\s+(?:he|she|they)\s+(?:was|were)|years\s+ago|as\s+a\s+(?:child|baby|teenager)"
                        r"|young|before\s+\d{2}|last\s+year|in\s+\d{4})\b")


# session 30: a relative's state that is hers whoever speaks ('my sister is 36 weeks pregnant', 'my sister had her
# baby'), never a symptom that describes the patient: the patient's only when the relative is the patient (she
# complains too, or the speaker tells nothing of their own). Pregnancy symptoms (waters, bleeding) are not states.
STATES = frozenset({"pregnant", "late_pregnancy", "term_pregnancy", "early_pregnancy_weeks", "recently_given_birth",
                    "breastfeeding"})


@dataclass(frozen=True)
class Told:
    """How a relative's words at a span are told: `history` (the relative's own illness), `explicit` (an explicit
    family-history cue), `mine` (the speaker's own relative, who may be the patient)."""
    history: bool
    explicit: bool
    mine: bool
    has: bool = False  # the relative is said to have or have had it ('my mum has asthma')
    kin: bool = True  # a blood relative: only their illness is family history ('my wife' is not kin)


def speaker_speaks_of_self(low: str, rules) -> bool:
    """'I', 'me', or a 'my' that does not start a relative ('my chest', not 'my mother')."""
    if _FIRST_PERSON.search(low):
        return True
    relatives = {m.start for m in assertions.find_modifiers(low, rules)[0] if m.category == "family"}
    return any(m.start() not in relatives for m in re.finditer(r"\bmy\b", low))


def told(clause: str, start: int, end: int, rules) -> Told:
    """How the family cue governing the words at [start, end) of a lower-case clause tells them."""
    cues = [m for m in assertions.find_modifiers(clause, rules)[0] if m.category == "family"]
    before = [m for m in cues if m.end <= start]
    cue = before[-1] if before else next((m for m in cues if m.start >= end), None)
    if cue is None:
        return Told(False, False, False)
    if _EXPLICIT.search(clause, cue.start, cue.end):
        return Told(True, True, False)  # 'family history of', 'runs in the family'
    # a bare relative ('Grandmother had breast cancer', 'Mum has a fever') is the speaker's own, as with 'my'
    mine = _SPEAKERS.match(clause, cue.start) is not None or not _POSSESSIVE.match(clause, cue.start)
    kin = _NOT_KIN.match(clause, cue.start) is None
    if cue.end <= start and chained(clause, cue.start, cue.end, start):
        return Told(True, False, mine, True, kin)  # 'my dad had a stroke last year, his face drooped'
    if cue.end > start or not _GAP.fullmatch(clause[cue.end:start]):
        return Told(False, False, mine, kin=kin)
    if not mine:
        return Told(True, False, False, True, kin)  # 'her mother had a facial palsy'
    history = _HISTORY_VERB.search(clause, cue.end, start) is not None or _PAST_TIME.search(clause, cue.start) is not None
    return Told(history, False, True, True, kin)


# session 30: a sign told in the third person after a relative's illness told as history ('my dad had a stroke last
# year, his face drooped', 'her mum had pre-eclampsia and her face swelled') is part of that history, unless it is
# told as now ('and now his face has drooped again', 'his face drooped an hour ago')
_CHAIN = re.compile(rf"\A(?:'s)?\s++{_HAS}\b.*?(?:,|\band\b|\bwhen\b|\bafter\b|\bwhere\b)\s*(?:then\s+)?"
                    r"(?:his|her|their|he|she|they)\s+(?:[a-z']+\s+){0,3}\Z")
_NOW_SAID = re.compile(r"\b(?:now|again|today|tonight|this\s+morning|this\s+evening|currently|still|just|ago|since|keeps?)\b")


def chained(clause: str, cue_start: int, cue_end: int, start: int) -> bool:
    """Whether the words at `start` continue a relative's history told from the cue at [cue_start, cue_end) of a
    lower-case clause in the third person, with no word of now up to the end of their chunk."""
    start = _past_pronoun(clause, start)
    between = clause[cue_end:start]
    if not _CHAIN.match(between):
        return False
    if _HISTORY_VERB.search(between) is None and _PAST_TIME.search(clause, cue_start, start) is None:
        return False
    tail = re.split(r"[,;]|\band\b|\bbut\b", clause[start:], maxsplit=1)[0]
    pronoun = max(between.rfind(p) for p in (",", " and ", " when ", " after ", " where "))
    return not _NOW_SAID.search(tail) and not _NOW_SAID.search(between[max(pronoun, 0):])


def third_person(clause: str, start: int) -> bool:
    """Whether the words at `start` are told of him, her or them ('his face drooped', 'she was slurring')."""
    start = _past_pronoun(clause, start)
    return re.search(r"\b(?:his|her|their|he|she|they)\s+(?:[a-z']+\s+){0,3}\Z", clause[max(0, start - 40):start]) is not None


def _past_pronoun(clause: str, start: int) -> int:
    """Session 30 review: a phrase read with its own pronoun ('her arm went weak' matches the synonym 'my arm went
    weak') starts after it, so the pronoun is told before the sign as in 'her left arm went weak'."""
    m = re.match(r"(?:his|her|their)\s+", clause[start:])
    return start + m.end() if m else start


def relative_is_patient(entry_told: Told, symptom: bool, relative_complains: bool, speaks_of_self: bool,
                        own_complaint: bool) -> bool:
    """Whether a relative's condition read with `entry_told` is the patient's after all: the speaker's relative
    is the patient when the speaker reports on them ('My mother is a heavy drinker. She stopped drinking ...') or
    tells no complaint of their own; a symptom stays the relative's only when the speaker tells one too."""
    if entry_told.explicit or not entry_told.mine:
        return False
    # reporting on a blood relative makes them the patient only when something is wrong now: 'My father had type 2
    # diabetes' or 'my sister has high blood pressure' told alone is the speaker's family history (session 21); a
    # spouse's or friend's illness is no family history, so 'my wife is having chemo' is still about the wife
    reported = not speaks_of_self and (own_complaint or not entry_told.kin)
    return relative_complains or reported or (symptom and not own_complaint)


def family_history_ids(clause: str, keys: list[str], starts: list[int], table: dict, phrase_keys, rules) -> list:
    """(finding id, phrase) for each relative's condition of findings.yaml `relative_conditions` told as the
    relative's own illness in a clause ('his father died of a heart attack' -> family_history_heart). `keys`: the
    clause's word keys; `starts`: each word's character offset; `phrase_keys`: Lexicon.phrase_keys."""
    out = []
    for phrase, fid in table.items():
        pk = phrase_keys(phrase)
        n = len(pk)
        for i in range(len(keys) - n + 1):
            if tuple(keys[i:i + n]) != pk:
                continue
            end = starts[i + n - 1] + len(clause[starts[i + n - 1]:].split(" ", 1)[0])
            if assertions.assert_spans(clause, [(starts[i], end)], rules)[0] != "family":
                continue
            t = told(clause, starts[i], end, rules)
            if t.has or t.explicit:
                out.append((fid, phrase))
    return out
