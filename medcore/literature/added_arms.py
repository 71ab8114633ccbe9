"""Add-on comparisons (session 24c, issue 15): a study that gives one treatment on top of a base treatment and
compares it with the base treatment given alone. The question or methods say it as "adding B to A", "B in
addition to A ... against people given A alone", or "A with or without B" / "A without (group 1) or with
(group 2) B". The compared arms are then B (what the study tests) and "A alone" (the base the control group
keeps): an add-on design's control is the background treatment without the addition (ICH E10, 2.1.5.2.2
"add-on study"; CONSORT 2010 item 5 names each group's intervention, the control's included).

Pure functions over sentences; `pico._arms` calls `add_on` before its other readers. Which name is a treatment is
the caller's test (`is_treat`)."""

from __future__ import annotations

import re

from medcore.literature import arm_phrases
from medcore.literature.model import Sentence

_END = r"(?=\s*(?:[,;:.()?]|$|\b(?:in|for|among|on|at|during|after|before|improves?|reduces?|increases?|was|were|is|are)\b))"
_NAME = r"[A-Za-z][^,;:.()?]{1,60}?"
# "adding B to A", "the addition of B to A" (not "in addition to", which opens a list)
_ADDING = re.compile(r"(?<!\bin\s)\b(?:adding|(?:the\s+)?addition\s+of)\s+(?:an?\s+|the\s+)?(?P<b>" + _NAME + r")\s+to\s+"
                     r"(?:an?\s+|the\s+)?(?P<a>" + _NAME + r")(?:\s+(?:alone|only))?" + _END, re.I)
# "treated with B(, its dose,) in addition to A", "given B on top of A", "B added to A"
_GIVEN_ON_TOP = re.compile(r"\b(?:treated\s+with|received|receiving|given|administered)\s+(?:an?\s+|the\s+)?(?P<b>" + _NAME
                           + r")(?:\s*,[^;.()]{0,50})?\s+(?:in\s+addition\s+to|on\s+top\s+of|together\s+with|added\s+to)\s+"
                           r"(?:an?\s+|the\s+)?(?:standard\s+|usual\s+|conventional\s+)?(?P<a>" + _NAME + r")" + _END, re.I)
# the comparison group named by the base it kept: "receiving A alone", "treated with A only"
_BASE_ALONE = re.compile(r"\b(?:treated\s+with|received|receiving|given|managed\s+with|undergoing|underwent|with)\s+"
                         r"(?:an?\s+|the\s+)?(?P<a>" + _NAME + r")\s+(?:alone|only)\b", re.I)
# "underwent A(, when and where,) with or without B", "undergoing A ... without (group 1) or with (group 2) B"
_LABEL = r"(?:\s*\([^()]{1,20}\))?"
_WITH_OR_WITHOUT = re.compile(
    r"\b(?:underwent|undergoing|received|receiving|treated\s+with|managed\s+with|operated\s+on\s+with)\s+(?:an?\s+|the\s+)?"
    r"(?P<a>[A-Za-z][^,;:.()?]{1,150}?)\s+(?:with" + _LABEL + r"\s+or\s+without|without" + _LABEL + r"\s+or\s+with)"
    + _LABEL + r"\s+(?:an?\s+|the\s+)?(?P<b>" + _NAME + r")" + _END, re.I)


def _tidy(name: str) -> str:
    return re.sub(r"\s+", " ", arm_phrases.trim_arm(name)).strip(" ,:-")


def _long_form(name: str, text: str) -> str:
    """An abbreviation named as an arm ("NACT") in its long form when the abstract defines it: the fewest words
    before "(NACT)" whose first starts with the abbreviation's first letter. The abbreviation alone does not say
    what was given."""
    if not re.fullmatch(r"[A-Z][A-Za-z0-9\-]{1,9}", name) or sum(c.isupper() for c in name) < 2:
        return name
    m = re.search(r"((?:[A-Za-z][\w\-]*\s+){0,%d}[A-Za-z][\w\-]*)\s*\(\s*%s\s*\)" % (len(name), re.escape(name)), text)
    words = m.group(1).split() if m else []
    for k in range(1, len(words) + 1):
        if words[-k][0].lower() == name[0].lower():
            return " ".join(words[-k:])
    return name


def add_on(question: list[Sentence], methods: list[Sentence], is_treat, whole: str = "") -> tuple[str, str, int, str, bool] | None:
    """(added treatment B, comparator "A alone", sentence index, the base A as the sentence names it, whether it
    was asked as the question: "adding B to A" is an aim's wording) of an add-on comparison, or None. The question
    is read first; the methods only where a sentence names the added treatment and the base alone (both sides
    said), or says "with or without" after what everyone underwent."""
    whole = whole or " ".join(s.text for s in question + methods)  # where an abbreviation may be defined
    for s in question + methods:
        text = arm_phrases.without_abbreviations(s.text)
        m = _ADDING.search(text)
        if m:
            a, b = _tidy(m.group("a")), _tidy(m.group("b"))
            if a and b and is_treat(a) and is_treat(b):
                return b, f"{a} alone", s.idx, a, True
    for s in methods:
        text = arm_phrases.without_abbreviations(s.text)
        m = _GIVEN_ON_TOP.search(text)
        alone = _BASE_ALONE.search(text)
        if m and alone:  # both sides said: what was given on top, against the base alone
            return _tidy(m.group("b")), f"{_tidy(alone.group('a'))} alone", s.idx, f"{m.group('a')} {alone.group('a')}", False
        m = _WITH_OR_WITHOUT.search(text)
        if m:
            a, b = _tidy(m.group("a")), _tidy(m.group("b"))  # the test sees a's whole clause ("A during surgery")
            if a and b and is_treat(m.group("a")) and is_treat(_long_form(b, whole)):
                return _long_form(b, whole), f"{a} alone", s.idx, a, False
    return None


# an allocation to the base alone beside an arm that adds to it: "assigned to A monotherapy or A plus B"
_ALLOCATED_ALONE = re.compile(r"\b(?:randomi[sz]ed|randomly\s+(?:assigned|allocated)|assigned|allocated)\s+(?:to\s+)?"
                              r"(?:receive\s+)?(?:either\s+)?(?P<x>[A-Za-z][\w\-]*(?:\s+[A-Za-z][\w\-]*){0,3}?\s+"
                              r"(?:monotherapy|alone|only))\b", re.I)
_ADDS = re.compile(r"\b(?:in\s+addition\s+to|plus|combined\s+with|together\s+with|added\s+to|on\s+top\s+of|combination)\b", re.I)


def allocated_alone(methods: list[Sentence]) -> tuple[str, int] | None:
    """(the arm given the base alone, sentence index) where a methods sentence allocates to it and to an arm that
    adds to it: in an add-on trial that arm is the control."""
    for s in methods:
        m = _ALLOCATED_ALONE.search(s.text)
        if m and _ADDS.search(s.text[m.end():]):
            return m.group("x"), s.idx
    return None
