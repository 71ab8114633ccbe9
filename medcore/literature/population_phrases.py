"""Where a sentence names the people studied: "patients with X", "children undergoing X", "X patients", and a
title question's "... in X?". A condition inside such a phrase is the population's condition; other disease
words (outcomes, complications, predictors, background) are not. Plain text spans; the coding is pico's."""

from __future__ import annotations

import re

# the people a study enrols (head nouns of a population phrase)
_HEAD = (r"(?:patients?|subjects?|participants?|children|infants?|neonates?|newborns?|adults?|adolescents?|"
         r"women|men|girls|boys|people|persons?|individuals?|cases|survivors?|outpatients?|inpatients?|"
         r"mothers?|volunteers?|veterans?|recipients?|smokers?|users?|"
         # session 23: nursing-home residents and couples treated for infertility are the people studied too
         r"residents?|couples)")
# what ties the people to their condition
_LINK = (r"(?:with|having|undergoing|in\s+an?(?=\s)|suffering\s+from|diagnosed\s+with|presenting\s+with|admitted\s+(?:with|for)|"
         r"treated\s+for|hospitali[sz]ed\s+(?:with|for)|operated\s+(?:on\s+)?for|at\s+(?:high\s+)?risk\s+(?:of|for)|"
         r"who\s+(?:had|have|underwent|developed|presented\s+with))")
# "patients (19 men; mean age 54) with X ...": the phrase runs to a clause end or a verb of the study
_WITH_PHRASE = re.compile(
    rf"\b{_HEAD}\s*(?:\([^()]{{0,120}}\)\s*)?(?:,\s*)?{_LINK}\s+(?P<x>.{{3,120}}?)"
    r"(?=\s*(?:[.;:?()]|,\s*(?:who|were|was|and\s+\d)|\b(?:who|were|was|are|is|had|received|underwent|"
    r"completed|participated|randomi[sz]ed|enrolled|included|treated\s+with|instead\s+of|rather\s+than|versus|vs|"
    r"compared|but\s+not|without|and\s+(?:in|those|controls?))\b|$))", re.I)
_BEFORE_HEAD = re.compile(rf"[\s-]++(?:(?:adult|adolescent|elderly|older|young|pediatric|paediatric|female|male|"
                          rf"consecutive|hospitali[sz]ed)\s+)?{_HEAD}\b", re.I)
# the title question's population: "Does salt raise blood pressure in chronic kidney disease?", "... after
# concussion?"; not "for" ("account for poor outcome")
_TITLE_IN = re.compile(r"\b(?:in|among|after|following)\s+(?P<x>[^,;:?()]{3,80})\?\s*$", re.I)


def spans(text: str, is_title: bool = False) -> list[tuple[int, int]]:
    """Character spans of `text` that name the population's condition."""
    out = [(m.start("x"), m.end("x")) for m in _WITH_PHRASE.finditer(text)]
    if is_title:
        m = _TITLE_IN.search(text)
        if m:
            out.append((m.start("x"), m.end("x")))
    return out


_PEOPLE = re.compile(rf"\b{_HEAD}\b", re.I)


def names_people(text: str) -> bool:
    """The sentence speaks of people (a people noun: "patients", "women", "infants"); a methods sentence that
    names none tells a procedure or a measure ("the drain was removed once the ileus resolved")."""
    return bool(_PEOPLE.search(text))


def in_population(text: str, start: int, end: int, phrase_spans: list[tuple[int, int]]) -> bool:
    """A mention at [start, end) names the people studied: inside a population phrase, or the modifier of a
    people noun ("cancer outpatients", "trauma patients")."""
    return any(a <= start and end <= b for a, b in phrase_spans) or bool(_BEFORE_HEAD.match(text, end))


# "X from / due to / secondary to Y": X is what Y causes, Y the condition (ICD-10's "code first the underlying
# condition"; session 23)
_CAUSED_BY = re.compile(r"(?<!\s)\s++(?:from|due\s++to|secondary\s++to|caused\s++by|resulting\s++from)\s++(?:an?\s++|the\s++)?",
                        re.I)


# session 29: "protects people with X from Y" names Y as what is prevented, not as a manifestation of X
_PROTECTS = re.compile(r"\b(?:protect\w*|shield\w*|spare\w*)\s+(?:[\w\-]+\s+){0,4}$", re.I)


def modifiers(mentions: list, text: str) -> set[int]:
    """Indexes of mentions that only modify the next one ("ventricular fibrillation cardiac arrest", "cancer
    pain"): the compound's head is the condition, its modifier is not one of its own; a manifestation named with
    its cause ("memory loss from dementia") gives way to the cause."""
    ordered = sorted(range(len(mentions)), key=lambda i: mentions[i].start)
    out = set()
    for a, b in zip(ordered, ordered[1:]):
        gap = text[mentions[a].end:mentions[b].start] if mentions[a].end <= mentions[b].start else None
        if gap is not None and (re.fullmatch(r"[\s-]{1,2}", gap) or _CAUSED_BY.fullmatch(gap)
                                and not _PROTECTS.search(text, 0, mentions[a].start)):
            out.add(a)
    return out


# what a study measures or prevents, not whom it enrols: "the risk of X", "incidence of X", "does Y prevent X",
# "complications such as X", "X as an outcome"
_OUTCOME_BEFORE = re.compile(
    r"\b(?:risks?|incidence|rates?|prevalence|occurrence|development|onset|recurrence|prevention|predictors?|"
    r"predict(?:s|ed|ing)?|prevent(?:s|ed|ing)?|reduc(?:e|es|ed|ing)|complications?|(?:side|adverse)\s+effects?|"
    r"such\s+as|including|episodes?|frequency|severity|probability|odds|"
    # session 29: what an exposure is tied to or the people are followed for ("whether night work is associated
    # with X", "followed for X"): the event measured, not whom the cohort enrols
    r"(?:is|are|was|were)\s+(?:(?:independently|causally|positively|inversely)\s+)?(?:associated|linked|related)\s+(?:with|to)|"
    r"followed(?:\s+up)?\s+for|protect\w*\b[^.;]{0,50}?\bfrom|(?:tests?|assays?|detection)\s+(?:for|of))\s+(?:of\s+|for\s+|in\s+)?"
    r"(?:(?:the|a|an|new|postoperative|subsequent|later|early|late)\s+)?$", re.I)


# session 29: a condition some of the people have and others not ("mothers with and without obesity", "5000 adults
# with hepatitis C and 10000 without it") is the exposure compared, not the population's condition (a case-control
# study's cases are the exception: its gold codes the cases' disease, so the caller skips this there)
_WITH_AND_WITHOUT = re.compile(r"\bwith\s+(?:and|or)\s+without\s+(?:(?:a|an|the|known|prior|previous)\s+)?$", re.I)
# (the other group must be named: "with X and without Y" describes the same people)
_WITHOUT_AFTER = re.compile(r"[^.;]{0,50}?\b(?:and|but|or|,)\s+(?:\d[\d,]*\s+(?:[\w\-]+\s+){0,2}?|(?:those|others|"
                            r"people|patients|participants|adults|children|women|men)\s+)without\b", re.I)


def is_contrasted(text: str, start: int, end: int) -> bool:
    """The mention at start..end names a condition the compared groups differ by ("with and without X")."""
    return bool(_WITH_AND_WITHOUT.search(text[max(0, start - 40):start]) or _WITHOUT_AFTER.match(text, end))


def is_outcome(text: str, start: int) -> bool:
    """The mention starting at `start` is named as a measured or prevented event (an outcome), not the people's
    condition."""
    return bool(_OUTCOME_BEFORE.search(text[max(0, start - 60):start]) or _LATER.search(text[max(0, start - 30):start]))


# session 29: a condition the people are said not to have, or only suspected of having ("who had no cancer, venous
# thromboembolism or infertility", "free of diabetes", "adults with suspected tuberculosis": a diagnostic study's
# people may not have it), is no condition of theirs; a list after the negation shares it
_DENIED = re.compile(r"\b(?:no|without|free\s+of|never\s+had|not\s+have|no\s+history\s+of|no\s+known|"
                     r"(?P<suspected>suspected|possible|presumed|probable))\s+(?:(?:known|prior|previous|clinical)\s+)?"
                     r"(?:[\w\-]+(?:\s+[\w\-]+){0,3}(?:,\s*|\s+(?:or|and|nor)\s+)){0,4}(?:[\w\-]+\s+){0,2}$", re.I)


def is_denied(text: str, start: int, diagnostic: bool = False) -> bool:
    """The mention starting at `start` is denied, or only suspected in a study of a test's accuracy (`diagnostic`:
    its people are tested because they may have it; a trial in suspected myocardial infarction treats it, and the
    dev gold codes it); "but had X" or "and with X" after a denial starts a new clause."""
    before = text[max(0, start - 90):start]
    m = _DENIED.search(before)
    # (review fix) "and with / and had" opens the people's next trait: "without prior stroke and with atrial
    # fibrillation", "had no occupational exposure and had asthma"
    return bool(m) and (diagnostic or not m.group("suspected")) and not re.search(
        r"\bbut\b[^,;]*$|\b(?:and|but)\s+(?:with|had|has|have|having|who\s+(?:had|has|have))\b[^,;]*$", before, re.I)


# session 29: a condition that comes later ("Hepatitis C and later kidney disease", "incident dementia") is an outcome
_LATER = re.compile(r"\b(?:later|subsequent|incident|future)\s+(?:[a-z\-]+\s+)?$", re.I)


# a disease word inside the name of a measuring instrument or a program names what is measured, not whom: "the
# Hamilton Anxiety Rating Scale", "a Migraine Disability questionnaire", "Stroke Data 2.0 software" (session 22c);
# the instrument noun comes right after it or after at most three name words (capitalised or numbers), so
# "diabetes and their scores" is no instrument; possessive runs after a non-space start keep it linear
_INSTRUMENT_AFTER = re.compile(
    r"(?<![\s-])(?:[\s-]++[A-Z0-9][\w.&]*+){0,3}[\s-]++"
    r"(?i:(?:rating\s+)?(?:scales?|scores?|questionnaires?|inventory|checklist|software|program(?:me)?))\b")


def is_instrument(text: str, end: int) -> bool:
    """The mention ending at `end` is part of an instrument's or a program's name."""
    return bool(_INSTRUMENT_AFTER.match(text, end))


# (session 28) a disease named as what a vaccine or a screening programme is against: "influenza vaccination",
# "measles, mumps and rubella (MMR) vaccine", "cervical cancer screening" names what is prevented or sought, not a
# condition the people have (the annotation rule: a screening or general population has none); matched at a
# mention's end, so "(?<!\s)": blanks are tried only from the start of their run
_PREVENTED_AFTER = re.compile(r"(?<!\s)(?:\s*+(?:,|and\b|or\b)\s*+[a-z\-]++){0,3}\s*+(?:\([A-Z0-9\-]{2,8}\)\s*+)?"
                              r"(?:vaccines?|vaccinations?|immuni[sz]ations?|toxoids?|antitoxins?|boosters?|screening)\b", re.I)


def is_prevented(text: str, end: int) -> bool:
    """The mention ending at `end` names what a vaccine or screening is for."""
    return bool(_PREVENTED_AFTER.match(text, end))


def outcomes(mentions: list, text: str) -> set[int]:
    """Indexes of mentions named as outcomes, with those coordinated right after one ("the occurrence of
    pneumonia and deep vein thrombosis"), and those inside an instrument's name ("a Depression Scale")."""
    ordered = sorted(range(len(mentions)), key=lambda i: mentions[i].start)
    out: set[int] = set()
    prev = None
    for i in ordered:
        m = mentions[i]
        if is_instrument(text, m.end) or is_prevented(text, m.end):
            out.add(i)
        elif is_outcome(text, m.start) or (prev in out and re.fullmatch(
                r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)", text[mentions[prev].end:m.start])):
            out.add(i)
        prev = i
    return out
