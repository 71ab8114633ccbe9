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
# paracetamol"), with no call for an ambulance. Each names the page whose own level and text give the advice; the
# first entry whose words are told as present wins (a drug's own overdose page before the general one). Session 30:
# choking, a cardiac arrest, a stroke's FAST signs, a fit that goes on or comes one after another, an overdose with
# no drug named, severe bleeding (the first-aid pages of assets/kb/qa/first_aid.yaml for those with no triage page).
_NOT_NOW = re.compile(r"^\s*(?:what\s+(?:is|are|does|causes)|what's|define|how\s+(?:much|many|long|common)|why)\b"
                      # review s30 (qarev30): a yes/no question about a sign or a condition, not about someone ("is
                      # slurred speech a sign of a stroke?", "can epilepsy fits last more than 5 minutes?"), and a
                      # question on signs ("symptoms of overdosing on vitamin D"); "can you help, my dad is choking"
                      # and "is my baby choking?" still describe
                      r"|^\s*(?:is|are|can|could|does|do)\s+(?!(?:you|u|someone|somebody|anyone|anybody|i|we|it|this|"
                      r"that|there|he|she|they|my|his|her|their|our)\b)|^\s*(?:the\s+)?(?:symptoms?|signs?)\s+of\b")
# a person who does not respond (for "not breathing properly"): read on the whole question
NOT_RESPONDING = re.compile(r"\b(?:collapsed|unconscious|unresponsive|not (?:responding|waking|moving|conscious)|"
                            r"(?:won'?t|will not|can'?t|cannot|doesn'?t|does not|isn'?t)\s+(?:wake|respond|be woken)\w*|"
                            r"passed out|limp|floppy)\b")
_NOW = (
    ("condition:anaphylaxis", re.compile(
        r"\b(?:has|having|got|gets|getting|is in|going into|in)\s+(?:an?\s+)?anaphyla\w*|"
        r"\banaphyla\w*\s+(?:reaction|shock|attack)\s+(?:to|from|after)\b|"
        r"\b(?:throat|tongue|lips?)\s+(?:is\s+|are\s+|has\s+|have\s+)?(?:swelling|swollen|swelled|swells|closing)\b"), None),
    ("condition:severe_asthma_attack", re.compile(
        r"\b(?:asthma|wheez\w*|inhaler|reliever|salbutamol|ventolin|puffer)\b[^.?!]{0,60}?"
        r"\b(?:not|isn't|isnt|doesn't|doesnt|no longer|won't|nothing)\b\s+(?:\w+\s+){0,2}?"
        r"(?:help\w*|work\w*|better|improv\w*|eas\w*|settl\w*)"), None),
    ("condition:paracetamol_overdose", re.compile(
        r"\b(?:overdos\w*|too many|too much|whole (?:packet|box|bottle))\b[^.?!]{0,40}?\b(?:paracetamol|acetaminophen|"
        r"tylenol|calpol|panadol)\b|\b(?:paracetamol|acetaminophen|tylenol|calpol|panadol)\s+overdos\w*"), None),
    ("condition:opioid_overdose", re.compile(
        r"\boverdos\w*[^.?!]{0,30}?\b(?:heroin|opioids?|opiates?|morphine|methadone|fentanyl|oxycodone|codeine|"
        r"tramadol)\b"), None),
    ("condition:overdose", re.compile(
        r"\b(?:took|taken|take|taking|swallowed|had|having)\s+(?:an?\s+)?overdose\b|\boverdos(?:ed|ing)\b|"
        r"\b(?:took|taken|swallowed)\s+(?:all|a (?:whole|load|handful|bottle|packet|box) of|too many(?: of)?|loads of)\s+"
        r"(?:(?:his|her|their|my|the|your)\s+)?(?:\w+\s+)?(?:pills|tablets|meds|medicines?)\b"), None),
    ("condition:choking", re.compile(r"(?:\bcho+k(?:ing|in|ng|es|ed)\b|\b(?:is|are|was)\s+choke\b)"  # "chokin", "is choke"
                                     r"(?!\s+(?:back|up\b|in\s+(?:his|her|my|their)\s+sleep|at night))"),
     re.compile(r"\b(?:dog|cat|puppy|kitten|pet)\b")),
    # "not breathing properly" is a cardiac arrest only in someone who does not respond (Resuscitation Council UK:
    # unresponsive and not breathing normally); awake, it is a breathing difficulty ("isn't breathing properly when
    # he has a cold, he sounds wheezy" had read CPR; review s30)
    ("condition:cardiac_arrest", re.compile(
        r"\b(?:not|isn't|isnt|wasn't|stopped|stops|has stopped|no longer)\s+breathing\b"
        r"(?!\s+(?:in\s+(?:his|her|my|their|the)\s+sleep|at night|(?:while|when)\s+(?:asleep|sleeping)|through|"
        r"(?:very\s+)?(?:properly|normally|right|well)\b|for\s+(?:a\s+)?(?:few|some|\d+|a couple)))|"
        r"\bcardiac arrest\b|\bno pulse\b"), None),
    ("condition:cardiac_arrest", re.compile(r"\b(?:not|isn't|isnt|wasn't)\s+breathing\s+(?:properly|normally|right)\b"),
     None, NOT_RESPONDING),
    ("condition:stroke", re.compile(
        r"\b(?:face|mouth|smile)\b(?:(?!\bnot\b|n't\b|\bno\b)[^.?!]){0,30}?\b(?:droop\w*|dropped|lopsided|slipped|wonky)\b|"
        r"\b(?:droop\w*|lopsided|wonky)\s+(?:face|mouth|smile)\b|\bslurr\w*|"
        r"\b(?:is|'s|s)\s+having\s+a\s+stroke\b|\bcan(?:'t|not)\s+(?:lift|raise)\s+(?:his|her|their|one|my)\s+arm"), None),
    ("condition:seizure_emergency", re.compile(
        r"\b(?:fit|fits|seizure|seizures|convuls\w*|fitting|jerking)\b(?:(?!\bnot\b|n't\b|\bnever\b)[^.?!]){0,40}?"
        r"\b(?:more than|over|longer than|for)\s+"
        r"(?:5|five|10|ten|15|fifteen)\s+min\w*|"
        r"\b(?:one|a)\s+(?:fit|seizure)\s+after\s+(?:another|the other)\b|"
        r"\b(?:fits|seizures)\s+(?:one after (?:another|the other)|back to back)\b|"
        r"\b(?:fit|seizure)\s+(?:won't|will not|isn't going to|doesn't|does not)\s+stop\b|"
        r"\b(?:is|'s|s)\s+having\s+a\s+(?:fit|seizure)\b|"
        r"\b(?:someone|somebody|a person|anyone)\s+(?:has|is having|having)\s+a\s+(?:fit|seizure)\b(?!\s+disorder)"), None),
    ("condition:severe_bleeding", re.compile(
        r"\bbleed\w*\s+(?:very\s+)?(?:heavily|badly|a lot|alot|profusely|everywhere)\b|"
        r"\b(?:heavy|severe|serious|massive|spurting|uncontrolled)\s+bleeding\b|"
        r"\bblood\s+(?:is\s+)?(?:spurting|pouring|gushing|everywhere)\b|\b(?:spurting|pouring|gushing)\s+blood\b|"
        r"\bbleeding\s+(?:just\s+)?(?:won'?t|will not|isn't going to|doesn't|does not)\s+stop\b|"
        r"\bwon'?t\s+stop\s+bleeding\b"),
     re.compile(r"\b(?:nose|nosebleeds?|period|periods|menstrua\w*|gums?|pregnan\w*|vagina\w*|poo|stool|urine|pee)\b")),
)
# what the assertion engine may say of an emergency's words for it to be one now: present, or about someone else
# (a hedge, "I think she has taken an overdose", still calls); a denial or a past episode is not one now
NOT_NOW_ASSERTIONS = ("negated", "historical")
ASSERTION_PROFILE = "question"  # the knowledge layer's profile for lay questions (assertion_rules.yaml)


def _told_now(low: str, start: int, end: int) -> bool:
    """Whether the words at [start, end) are told as happening (the knowledge layer's assertion engine, the one
    home of denial and past-time cues: "he has no EpiPen and his throat is swelling" is a swelling now)."""
    from medcore.knowledge.assertion_rules import load_rules
    from medcore.knowledge.assertions import assert_spans, clauses

    rules = load_rules(ASSERTION_PROFILE)
    for a, b in clauses(low, rules):
        if a <= start < b:
            return assert_spans(low[a:b], [(start - a, min(end, b) - a)], rules)[0] not in NOT_NOW_ASSERTIONS
    return True


def happening_now(q: str) -> str | None:
    """The page of an emergency the question describes as happening now, or None ("what is anaphylaxis" and "how
    much paracetamol can I take" ask, they do not describe; "had anaphylaxis two years ago" and "no throat
    swelling" are no emergency now)."""
    low = q.lower().replace("’", "'")
    if _NOT_NOW.search(low):
        return None
    for pid, rx, unless, *needs in _NOW:  # needs: words the whole question must also hold
        if needs and not needs[0].search(low):
            continue
        for m in rx.finditer(low):
            clause = low[max(0, low.rfind(".", 0, m.start())):m.end() + 60]
            if unless is not None and unless.search(clause):
                continue
            if _told_now(low, m.start(), m.end()):
                return pid
    return None


def now_answer(eng, u, q: str, route: str | None = None):
    """The emergency page's own call-an-ambulance line, its first aid, then its next when-to-get-help line, each
    with the page's source; None when no such page or its level is not emergency."""
    from medcore.qa import answer as A
    from medcore.qa.retrieve import Scored

    # a prevention question asks, it does not tell ("how to prevent choking when weaning"; review s30)
    pid = happening_now(q) if u is None or u.question_type != "prevention" else None
    page = eng.pages.get(pid) if pid else None
    if page is None or page.level != "emergency":
        return None
    docs = [eng.index.docs[i] for i in eng.index.by_page.get(pid, [])]
    help_ = [d for d in docs if d.section == "when_to_get_help"]
    first_aid = for_whom(q, [d for d in docs if d.section == "self_care"])
    picked = help_[:1] + first_aid[:1] + help_[1:2]
    if not picked:
        return None
    # 4 sentences: the ambulance line, the first aid (two short sentences on some pages), the next get-help line
    return A.compose(u, A.from_passages([Scored(d, 0.0, 0.0) for d in picked], 4), route=route, confidence=0.9,
                     page=pid)


_BABY = re.compile(r"\b(?:baby|babies|infant|newborn)\b")


def for_whom(q: str, first_aid: list, text=lambda d: d.text) -> list:
    """A baby's first aid alone when the question names a baby and the page has some (a choking baby gets back
    blows and chest thrusts, never the adult's abdominal thrusts; a baby's CPR, not "push hard"); otherwise the
    page's order, its baby-only passages last. (Review s30: the chat's while-you-wait lines listed the adult's
    abdominal thrusts first for a baby.)"""
    babies = [d for d in first_aid if _BABY.search(text(d).lower())]
    if babies and _BABY.search(q.lower()):
        return babies
    return [d for d in first_aid if d not in babies] + babies


def chat_waiting(kb_dir, pages: dict, q: str, reading) -> tuple[str, list[dict]]:
    """The while-you-wait lines under the chat's emergency block: the first aid of the situation the question tells
    (s30: choking had read a heart attack's reasons and no first aid), else of the chat's own emergency condition,
    for the person named (a baby's own)."""
    from medcore.qa import waiting

    now = happening_now(q)
    cond = now.split(":", 1)[1] if now in pages and pages[now].level == "emergency" else reading.condition
    return waiting.lines(kb_dir, pages, reading.symptoms, cond,
                         order=lambda lines: for_whom(q, lines, text=lambda d: d["text"]))
