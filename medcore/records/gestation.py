"""Gestational age in weeks (issue 11, session 19).

"32 weeks gestation", "G2P1 at 28+3 weeks", "37weeks and 4days gestational age", "a 31-2/7-week gestation newborn",
"born at 33 weeks' gestation" give the completed weeks of a pregnancy, not a duration. Read only beside a word that
says so (gestation, pregnant, GA, by LMP, a G/P or gravida statement, born at, infant), so "cough for 3 weeks" stays
a duration. Codes are data (`gestational_age` in assets/kb/records/problem_vocabulary.yaml, ICD-10-CM):
- on the mother's record the pregnancy carries its weeks (Z3A.-, beside the pregnancy's code: the pregnancy problem
  the note names, or a complication of pregnancy (O00-O9A) when there is one, as Z3A is only used beside them);
  when the note names neither, the gestational age itself is the pregnancy (Z33.1, with its Z3A.- code);
- a newborn's (or a child's birth history's) gestational age under 37 weeks is its prematurity (P07.2-, P07.3-);
  an earlier 'preemie' read without weeks (P07.30) takes the weeks' code."""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from medcore.records import newborn
from medcore.records.entities import Problem

# (each pattern read right after a match opens with a lookbehind and possessive blanks: linear when searched)
# weeks (a decimal or '+3', '-3/7', ' 3/7' of a week's days allowed), 'week(s)'/'wk(s)', an optional apostrophe
# and days ('and 4 days')
_GA = re.compile(r"(?<![\w./+])(\d{1,2})(?:\.\d)?(?:\s*\+\s*\d(?!\d)|[- ]\d/7)?[- ]?(?:weeks?|wks?)\b['\u2019]?"
                 r"(?:,?\s*(?:and\s+)?\d\s*days?\b)?", re.I)
_AFTER = re.compile(r"(?<!\s)\s*+(?:of\s+)?(?:gestation|gestational|pregnant|pregnancy|GA\b|EGA\b|IUP\b|intrauterine|"
                    r"by\s+(?:LMP|dates|ultrasound|US\b)|preemie|premature|infant|newborn|neonate|baby)", re.I)
_BEFORE = re.compile(r"(?:\bG\d{1,2}\s*P\d[\d-]*|\bgravida\s+\w+(?:,?\s+para\s+[\w-]+)?|gestational age(?:\s+of|\s+is)?|"
                     r"\bborn|\bdelivered|\bex|\bpregnant|\bEGA|\bGA|\bIUP)[\s:,-]*+(?:at|@|of)?\s*+"
                     r"(?:approximately\s+|about\s+)?$", re.I)
_NEWBORN_SIDE = re.compile(r"\bborn\b|\bdelivered\b|\bex\b", re.I)
_NEWBORN_AFTER = re.compile(r"(?<![\s-])[\s-]*+(?:gestation(?:al)?\s+)?(?:infant|newborn|neonate|baby|preemie|premature|"
                            r"male|female|boy|girl)\b", re.I)
_WINDOW = 50  # characters before the weeks in which the G/P, 'gestational age' or 'born at' words stand
PREGNANCY_FAMILY = ("O", "Z33", "Z34", "Z3A")  # codes of a pregnancy or its complication (ICD-10-CM chapter 15, Z33-Z3A)


def ages(text: str) -> list[tuple[int, int, int, bool]]:
    """(start, end, completed weeks, said of a birth) for each gestational age in `text`."""
    out = []
    for m in _GA.finditer(text):
        before = text[max(0, m.start() - _WINDOW):m.start()]
        if not (_AFTER.match(text, m.end()) or _BEFORE.search(before)):
            continue
        birth = bool(_NEWBORN_SIDE.search(before[-20:]) or _NEWBORN_AFTER.match(text, m.end()))
        out.append((m.start(), m.end(), int(m.group(1)), birth))
    return out


def _code(codes: dict, weeks: int, birth: bool) -> str:
    if birth:
        if weeks >= 37:
            return ""  # term: no prematurity code
        return codes["newborn_weeks"].get(weeks) or codes.get("newborn_below", "")
    if weeks < 8:
        return codes.get("pregnancy_below", "")
    return codes["pregnancy_weeks"].get(weeks) or codes.get("pregnancy_above", "")


def _insert(out: list[Problem], problem: Problem) -> None:
    """Into the note's order (the problems are read sentence by sentence)."""
    out.insert(next((i for i, p in enumerate(out) if p.start > problem.start), len(out)), problem)


def apply(text: str, sentences, problems: list[Problem], codes: dict, term, name_of) -> list[Problem]:
    """The problems with each gestational age read (see the module docstring). `sentences`: the note's sentences
    (a new problem's sentence index and section); `name_of(concept)`: the display name."""
    found = ages(text) if codes else []
    if not found:
        return problems
    starts = [s.start for s in sentences]

    def where(start: int) -> tuple[int, str]:
        i = max(0, bisect.bisect_right(starts, start) - 1)
        return (sentences[i].index, sentences[i].section) if sentences else (0, "")
    baby_note = newborn.is_newborn(text)
    out = list(problems)
    mother_done = False
    for start, end, weeks, birth in found:
        birth = birth or baby_note
        code = _code(codes, weeks, birth)
        if not code:
            continue
        if birth:
            # a prematurity read beside it without its weeks ('ex-34-week preemie': P07.30) takes the weeks' code
            near = [i for i, p in enumerate(out) if p.start < end + 25 and start - 5 < p.end and p.icd10cm.startswith("P07")]
            for i in near:
                concept = term.get(f"icd10cm:{code}")
                out[i] = replace(out[i], icd10cm=code, icd10cm_display=concept.name if concept else "")
            if near:
                continue
            concept = term.get(f"icd10cm:{code}")
            if concept is None:
                continue
            assertion = "historical" if not baby_note and re.search(r"\bborn\b", text[max(0, start - 20):start], re.I) \
                else "present"
            index, section = where(start)
            _insert(out, Problem(text[start:end], start, end, index, name_of(concept), assertion, section, concept.id,
                                 code, concept.name))
            continue
        if mother_done:
            continue
        mother_done = True
        pregnancy = [i for i, p in enumerate(out) if p.icd10cm.startswith(PREGNANCY_FAMILY)
                     and p.assertion not in ("family", "negated", "hypothetical")]
        if pregnancy:
            # a complication of pregnancy (O-) carries the weeks before a plain pregnancy code (guidelines I.C.15.a)
            first_o = [i for i in pregnancy if out[i].icd10cm.startswith("O")]
            for i in first_o or pregnancy:
                out[i] = replace(out[i], name=f"{out[i].name}, {weeks} weeks gestation",
                                 extra_codes=(*out[i].extra_codes, code))
            continue
        own = codes.get("pregnancy_code", "Z33.1")
        concept = term.get(f"icd10cm:{own}")
        if concept is None:
            continue
        index, section = where(start)
        _insert(out, Problem(text[start:end], start, end, index, f"pregnancy, {weeks} weeks gestation", "present",
                             section, concept.id, own, concept.name, (code,)))
    return out
