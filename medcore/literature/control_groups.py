"""The second group a study's counted people are compared with: the controls drawn for each case, and the group the
next sentence compares "these" people with (moved out of population_size.py in session 27; rules of sessions 16,
17 and 27)."""

from __future__ import annotations

import re

from medcore.literature.model import Sentence
from medcore.literature.numwords import digits_for_words
from medcore.literature.people_words import PEOPLE_WORDS as _PEOPLE, count_of


# the number of controls drawn for each case (STROBE 6b), stated beside the count of cases (session 17): "for each
# case (n=125), 2 referent patients", "each case was matched with three controls", "two controls per case"
_CONTROL_WORDS = r"(?:controls?|referents?|control\s+(?:subjects|patients|participants)|referent\s+(?:subjects|patients))"
_PER_CASE = re.compile(r"\bfor\s+(?:each|every)\s+case\b[^.;]{0,160}?(?<![\w.=])(?P<a>\d{1,2})\s+(?:[\w\-]+\s+){0,3}?"
                       + _CONTROL_WORDS + r"\b"
                       r"|\beach\s+case\s+(?:was\s+|were\s+)?matched\s+(?:with|to)\s+(?P<b>\d{1,2})\s+(?:[\w\-]+\s+){0,3}?"
                       + _CONTROL_WORDS + r"\b"
                       r"|(?<![\w.=])(?P<c>\d{1,2})\s+(?:[\w\-]+\s+){0,3}?" + _CONTROL_WORDS
                       + r"\s+(?:per|for\s+(?:each|every))\s+case\b", re.I)


def controls_per_case(text: str, n: int) -> int | None:
    """How many controls each case has, when the sentence that gave N says it and N is a count written there (the
    cases'), not a sum of its groups; else None."""
    text = digits_for_words(text)[0] if text else ""
    m = _PER_CASE.search(re.sub(r"\b(one|two|three|four|five|six)\b", lambda w: str(_SMALL[w.group(1).lower()]), text,
                                flags=re.I))
    if not m:
        return None
    k = int(m.group("a") or m.group("b") or m.group("c"))
    counts = [int(x.replace(",", "")) for x in re.findall(r"(?<![\w.])\d{1,3}(?:,\d{3})+|(?<![\w.])\d+", text)]
    return k if 1 <= k <= 10 and n in counts else None


_SMALL = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


# the sentence after the count compares those people with another counted group (session 16)
# "The three groups were compared with one another and with 40 open operations (group D)": a further labelled group
# of operations counts its patients, one operation each (session 17)
_COMPARED_NEXT = re.compile(r"^(?:these|those|they|the(?:se)?\s+[\w\-]+)\b(?:[^.;]|\.(?=\d)){0,100}?\b(?:were|was)\s+compared\s+"
                            r"(?:(?:with|to)\s+(?:each\s+other|one\s+another)\s+and\s+)?"
                            r"(?:with|to|against)\s+(?:the\s+|a\s+(?:group\s+of\s+)?)?(?:first\s+|last\s+|next\s+)?(?P<n>\d{1,3}(?:,\d{3})+|\d+)\s+"
                            r"(?:(?:[\w\-]+\s+){0,3}?(?:controls|" + _PEOPLE + r")\b|(?:[\w\-]+\s+){0,4}?(?:resections|operations|procedures)"
                            r"\b[^.;]{0,80}?[(\[]\s*group\s+(?:[IVX]{1,4}|\d|[A-D])\s*[)\]])", re.I)


# (session 27) the controls counted in the next sentence: "Placentas without the finding (n = 52) served as controls",
# "Forty healthy volunteers served as controls" (STROBE 6a: a case-control study's cases and controls are its people)
_CONTROLS_NEXT = re.compile(r"^(?:(?P<k>\d{1,3}(?:,\d{3})+|\d+)\s+(?:[\w\-]+\s+){0,3}?|[^.;]{0,80}?\(\s*n\s*=\s*(?P<n>\d{1,3}(?:,\d{3})+|\d+)\s*\)\s+)"
                            r"(?:served|were\s+(?:used|taken|selected|included|recruited|enrolled|studied))\s+as\s+(?:the\s+)?(?:[\w\-]+\s+)?controls\b", re.I)


def compared_next(sentences: list[Sentence], idx: int) -> int | None:
    """The size of the group that the sentence after sentence `idx` compares "these" people with, else None."""
    nxt = next((s for s in sentences if s.idx == idx + 1), None)
    if nxt is None or nxt.role not in ("methods", ""):
        return None
    c = _CONTROLS_NEXT.match(digits_for_words(nxt.text)[0])
    if c:
        return count_of(c.group("n") or c.group("k"))
    m = _COMPARED_NEXT.match(digits_for_words(nxt.text)[0])
    return int(m.group("n").replace(",", "")) if m else None


# ---- two or more groups counted in one clause whose sum is the study's N (moved out of population_size.py in
# session 30, when it passed 400 lines; rules of sessions 24b to 30)
# session 29: several case groups before their controls ("2100 stroke cases, 1900 migraine cases and 4000 controls"),
# and cases counted before a semicolon, their controls after it ("Cases were 12 400 adults with X; 98 200 controls
# were matched to them"): all are the study's people; thousands may be set off by a blank
NUM = r"(?:\d{1,3}(?:[ \u2009\u202f]\d{3})+(?![\d,.])|\d{1,3}(?:,\d{3})+|\d+)"
_CASE_GROUPS = re.compile(r"(?<![\w.,])(?P<a>" + NUM + r")\s+(?:[\w\-]+\s+){0,2}?cases,\s+(?P<c>" + NUM + r")\s+"
                          r"(?:[\w\-]+\s+){0,2}?cases,?\s+and\s+(?P<b>" + NUM + r")\s+(?:[\w\-]+\s+){0,2}?controls\b", re.I)
_CASES_THEN_CONTROLS = re.compile(r"\bcases\s+(?:were|included|comprised)\s+(?P<a>" + NUM + r")\s[^;.]{0,100}?;\s+(?:and\s+)?"
                                  r"(?P<b>" + NUM + r")\s+(?:[\w\-]+\s+){0,2}?controls\b", re.I)
_CASES_CONTROLS = re.compile(r"\bcases\s+(?:were|included|comprised)\s+(?P<a>\d[\d,]*)\b.{0,120}?\bcontrols\s+(?:were|included|comprised)\s+(?P<b>\d[\d,]*)", re.I)
# cases and controls of a case-control study, summed (see _pick_n)
# "445 cases and 890 controls", "312 patients with X and 624 matched controls" (session 24b)
# (session 28) the cases broken down by sex between commas first: "709 patients with X, 649 men and 60 women, and 709 controls"
_CASES_AND_CONTROLS = re.compile(r"(?<![\w.,])(?P<a>\d{1,3}(?:,\d{3})+|\d+)\s+(?:[\w\-]+\s+){0,3}?(?:cases|patients)\b[^,;()]{0,80}?(?:,[^,;()]{1,40},)?\s+(?:and|with)\s+"
                                 r"(?P<b>\d{1,3}(?:,\d{3})+|\d+)\s+(?:[\w\-]+\s+){0,2}?controls\b", re.I)
# session 30: cases named by their people and controls by "control" ("377 women whose infants had X and 836 control
# women"), and two groups compared across a long description of the cases ("compared 155 women aged 15 to 49 who had
# had X, confirmed by ..., with 169 women of the same ages")
_PEOPLE_AND_CONTROLS = re.compile(r"(?<![\w.,])(?P<a>\d{1,3}(?:,\d{3})+|\d+)\s+(?:[\w\-]+\s+){0,3}?" + _PEOPLE + r"\b[^,;()]{0,80}?"
                                  r"\s+and\s+(?P<b>\d{1,3}(?:,\d{3})+|\d+)\s+(?:[\w\-]+\s+){0,2}?control\s+" + _PEOPLE + r"\b", re.I)
_COMPARED_LONG = re.compile(r"\bcompared\s+(?P<a>\d{1,3}(?:,\d{3})+|\d+)\s+(?:[\w\-]+\s+){0,3}?" + _PEOPLE + r"\b[^.;]{0,200}?"
                            r"\bwith\s+(?P<b>\d{1,3}(?:,\d{3})+|\d+)\s+(?:[\w\-]+\s+){0,3}?(?:controls|" + _PEOPLE + r")\b", re.I)
# two groups counted and enrolled in one clause, summed: "60 women with X and 50 healthy women were included",
# "60 patients with X and 30 controls were recruited" (session 25)
# (session 27) an aside in brackets after either group ("18 persons (mean age 73 years) with mild X and 18 healthy
# elderly (mean age 69 years) were included")
_ASIDE = r"(?:\s*\([^()]{0,40}\))?"
_TWO_ENROLLED = re.compile(r"(?<![\w.,])(?P<a>\d{1,3}(?:,\d{3})+|\d+)\s+(?:[\w\-]+\s+){0,3}?" + _PEOPLE + r"\b" + _ASIDE + r"[^.;()\d]{0,60}?\s+and\s+"
                           r"(?P<b>\d{1,3}(?:,\d{3})+|\d+)\s+(?:[\w\-]+\s+){0,3}?(?:controls|" + _PEOPLE + r")" + _ASIDE + r"(?:\s+(?:with|without|from|in)\s+(?:(?!among\b|of\s+(?:them|whom|these)\b)[^.;()\d]){1,40}?)?\s+(?:were|was)\s+"
                           r"(?:included|enrolled|recruited|studied|examined|evaluated|investigated|analy[sz]ed|"
                           # session 27: the other verbs of a study's people ("74 patients with X and 216 with Y
                           # were assessed with a questionnaire")
                           r"assessed|tested|surveyed|interviewed|screened|followed|reviewed|identified)\b", re.I)
# (review fix) two groups told apart by whether they had the treatment: "340 patients who received thrombolysis and
# 500 who did not" (the study's two exposure groups; their sum is N)
_WITH_AND_WITHOUT = re.compile(r"(?<![\w.,])(?P<a>\d{1,3}(?:,\d{3})+|\d+)\s+(?:[\w\-]+\s+){0,3}?" + _PEOPLE + r"\s+(?:who|that)\s+"
                               r"(?:[\w\-]+\s+){1,6}?and\s+(?P<b>\d{1,3}(?:,\d{3})+|\d+)\s+(?:" + _PEOPLE + r"\s+)?(?:who|that)\s+"
                               r"(?:did|had|were|was)\s+not\b", re.I)


def summed_groups(text: str) -> tuple[int, str] | None:
    """(sum, the words matched) of the groups one clause counts together (cases and controls, two enrolled groups,
    those with and without a treatment), or None."""
    for pattern in (_CASE_GROUPS, _CASES_THEN_CONTROLS, _CASES_CONTROLS, _CASES_AND_CONTROLS, _TWO_ENROLLED,
                    _WITH_AND_WITHOUT, _PEOPLE_AND_CONTROLS, _COMPARED_LONG):
        m = pattern.search(text)
        if m:
            return sum(count_of(m.group(g)) for g in ("a", "b", "c") if g in m.re.groupindex and m.group(g)), m.group(0)
    return None
