"""What-to-do-now questions ("what to do if someone has ...", the TypeCue.by_words cue, session 29): the words
that only ask, and the emergency line that must lead when the page's condition is an emergency."""

from __future__ import annotations

import re

# left out of an act-now question ranked by words: "what should I do if" had matched other "what to do" (s29)
ASKING_WORDS = re.compile(r"\b(?:what|to|do|does|should|can|could|must|i|we|you|if|when|in|during|while|someone|somebody|"
                          r"person|people|my|our|your|has|have|having|had|is|are|was|gets?|got|getting|how|help|first|"
                          r"aid|for|he|she|they|him|her|them|child|baby|son|daughter|kid|an?|the|now)\b")


def emergency_first(index, page_id: str, page, found: list, u=None) -> list:
    """An emergency page's first when-to-get-help passage ("Emergency: call an ambulance ...") ahead of the first
    aid ranked by words. Why: the words ranking weighs that section least, so "what to do if someone has a heart
    attack" read "Do not drive yourself" and the aspirin advice with no call for an ambulance (review s29)."""
    if page is None or page.level != "emergency" or (u is not None and not u.by_words
                                                     and u.question_type != "definition"):
        return found
    lead = next((i for i in index.by_page.get(page_id, []) if index.docs[i].section == "when_to_get_help"), None)
    if lead is None:
        return found
    doc = index.docs[lead]
    from medcore.qa.retrieve import Scored

    rest = [s for s in found if s.doc is not doc]
    if u is not None and not u.by_words:  # a definition keeps its lead; the emergency line comes second (s29 review)
        return rest[:1] + [Scored(doc, 0.0, 0.0)] + rest[1:]
    return [Scored(doc, 0.0, 0.0)] + rest


# An emergency described as happening now (review s29): these had read as a side effect ("an anaphylactic reaction
# to peanuts"), the asthma definition ("the blue inhaler is not helping") or what the drug is ("overdose of
# paracetamol"), with no call for an ambulance. Each names the page whose own level and text give the advice.
_NOT_NOW = re.compile(r"^\s*(?:what\s+(?:is|are|does|causes)|what's|define|how\s+(?:much|many|long|common)|why)\b")
# history or a denial is not an emergency now ("had anaphylaxis last year", "no throat swelling")
# ("an hour ago" is now: a paracetamol overdose hours or days old still needs the antidote)
_PAST = re.compile(r"\b(?:(?:years?|months?|weeks?)\s+ago|last (?:year|month|week|time)|in the past|history|used to|"
                   r"previous\w*|once had)\b")
_DENIED = re.compile(r"\b(?:no|not|without|never|denies|denied)\b|n't\b")
_NOW = (
    ("condition:anaphylaxis", re.compile(
        r"\b(?:has|having|got|gets|getting|is in|going into|in)\s+(?:an?\s+)?anaphyla\w*|"
        r"\banaphyla\w*\s+(?:reaction|shock|attack)\s+(?:to|from|after)\b|"
        r"\b(?:throat|tongue|lips?)\s+(?:is\s+|are\s+|has\s+|have\s+)?(?:swelling|swollen|swelled|swells|closing)\b")),
    ("condition:severe_asthma_attack", re.compile(
        r"\b(?:asthma|wheez\w*|inhaler|reliever|salbutamol|ventolin|puffer)\b[^.?!]{0,60}?"
        r"\b(?:not|isn't|isnt|doesn't|doesnt|no longer|won't|nothing)\b\s+(?:\w+\s+){0,2}?"
        r"(?:help\w*|work\w*|better|improv\w*|eas\w*|settl\w*)")),
    ("condition:paracetamol_overdose", re.compile(
        r"\b(?:overdos\w*|too many|too much|whole (?:packet|box|bottle))\b[^.?!]{0,40}?\b(?:paracetamol|acetaminophen|"
        r"tylenol|calpol|panadol)\b|\b(?:paracetamol|acetaminophen|tylenol|calpol|panadol)\s+overdos\w*")),
)


def happening_now(q: str) -> str | None:
    """The page of an emergency the question describes as happening now, or None ("what is anaphylaxis" and "how
    much paracetamol can I take" ask, they do not describe)."""
    low = q.lower()
    if _NOT_NOW.search(low):
        return None
    if _PAST.search(low):
        return None
    for pid, rx in _NOW:
        m = rx.search(low)
        if m and not _DENIED.search(low[max(0, m.start() - 25):m.start()]):
            return pid
    return None


def now_answer(eng, u, q: str):
    """The emergency page's own call-an-ambulance line, its first aid, then its next when-to-get-help line, each
    with the page's source; None when no such page or its level is not emergency."""
    from medcore.qa import answer as A
    from medcore.qa.retrieve import Scored

    pid = happening_now(q)
    page = eng.pages.get(pid) if pid else None
    if page is None or page.level != "emergency":
        return None
    docs = [eng.index.docs[i] for i in eng.index.by_page.get(pid, [])]
    help_ = [d for d in docs if d.section == "when_to_get_help"]
    first_aid = [d for d in docs if d.section == "self_care"]
    picked = help_[:1] + first_aid[:1] + help_[1:2]
    if not picked:
        return None
    # 4 sentences: the ambulance line, the first aid (two short sentences on some pages), the next get-help line
    return A.compose(u, A.from_passages([Scored(d, 0.0, 0.0) for d in picked], 4), route=None, confidence=0.9,
                     page=pid)
