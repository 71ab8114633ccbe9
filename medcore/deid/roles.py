"""People named by the role they play for the patient, and places named by the words around them (issue 11,
session 17): classes of identifier that earlier rules found only in the exact forms seen in the dev notes.

- a person after a role noun that is not a relative: "pastor Gideon Ashworth", "her PCP is Bartholomew Finch",
  "interpreter: Ximena Castellanos", "social worker, Odile";
- a relative or a role written as a label with its colon ("FATHER:,  Orrin Talbergh is 70", "Midwife: Oona ...");
- "father of the baby, Desmond Lyle", "her parents Walter and Agnes Thornquist" (the parents' shared surname);
- a known given name in quotation marks ("filled in by "Edna" at the desk") or as the object of an instruction or
  of "for"/"with" that closes its clause ("Instructed Isaac to avoid ...", "a new forehead for Isaac.");
- a town named as an area ("in the Harwick area", "the general Dunmore area") or as a trip's goal ("back from a trip
  to Tahomish", "lives outside of Tampoville").
Each candidate must not be clinical vocabulary or a word kept out of names, so "pastor Monday" or "the Thoracic area"
stay. Every quantifier is bounded (tests/records/test_hostile_text.py times these on long runs)."""

from __future__ import annotations

import re
from typing import Callable

from medcore.deid.patterns import _NAME_WORD, _NOT_NAMES, _PARTICLES, RELATIVE
from medcore.deid.places import GENERIC, NOT_PLACES, UNITS, _W

# roles whose holder is a person the note names, beside the relatives of patterns.RELATIVE
_ROLE = (r"(?:pastor|chaplain|minister|priest|rabbi|imam|reverend|Rev\.|midwife|doula|interpreter|translator|"
         r"social[ \t]+worker|case[ \t]*(?:manager|worker)|pharmacist|sponsor|coach|teacher|landlord|landlady|employer|"
         r"supervisor|foreman|manager|(?:home[ \t]+)?(?:health[ \t]+)?aide|housemate|classmate|coworker|co-worker|"
         r"colleague|PCP|primary[ \t]+care[ \t]+(?:physician|provider|doctor)|family[ \t]+(?:physician|doctor)|"
         r"(?:her|his|the)[ \t]+(?:nurse|therapist|counsel(?:l)?or|psychologist|dietitian|physiotherapist))")
_ONE_NAME = rf"{_NAME_WORD}(?:[ \t]+{_PARTICLES}{_NAME_WORD}){{0,3}}"
# "pastor Gideon Ashworth", "PCP is Bartholomew Finch", "interpreter: Ximena Castellanos", "aide (Odile)"
ROLE_NAME = re.compile(rf"(?<![\w-])(?i:{_ROLE})(?:[ \t]+(?:is|was|named|called))?[ \t]*[:,(]?[ \t]*({_ONE_NAME})(?![\w-])")
# a relative or a role as a label: "FATHER:,  Orrin Talbergh is 70" (MTSamples writes ":," after a label)
LABEL_NAME = re.compile(rf"(?m)(?:^|(?<=[.,;]))[ \t]*(?i:{RELATIVE}|{_ROLE})[ \t]*:[ \t,]*({_ONE_NAME})(?![\w-])")
# "father of the baby, Desmond Lyle", "mother of the child: Oona"
OF_THE_CHILD = re.compile(rf"\b(?i:father|mother|parent)[ \t]+of[ \t]+the[ \t]+(?i:baby|child|infant|patient)[ \t]*[,:]?[ \t]*"
                          rf"({_ONE_NAME})(?![\w-])")
# two given names sharing a surname after a plural relative: "her parents Walter and Agnes Thornquist"
SHARED_SURNAME = re.compile(rf"\b(?i:parents|grandparents|sons|daughters|children|brothers|sisters|siblings)[ \t]*,?[ \t]*"
                            rf"({_NAME_WORD})[ \t]+(?:and|&)[ \t]+({_NAME_WORD}(?:[ \t]+{_NAME_WORD})?)(?![\w-])")
# a name written surname first after a person's label, in any case: "Attending: ZIMMERMANN, HELGA",
# "Patient: mcallister, dorothy" (lower case only with a known given name)
LABEL_LAST_FIRST = re.compile(r"(?m)\b(?i:patient|pt|name|attending|physician|surgeon|assistant|anesth[a-z]{3,8}|resident|"
                              r"provider|referring(?:[ \t]+(?:physician|doctor|provider))?|pcp|(?:dictated|signed|cosigned|seen)"
                              r"[ \t]+by|nurse|consultant)[ \t]*:[ \t]*([A-Za-z][A-Za-z'’-]{1,24}),[ \t]*([A-Za-z][A-Za-z'’-]{1,24})"
                              r"(?:[ \t]+[A-Za-z]\.?)?(?![\w-])")
# a person followed by the role they hold: "Ximena Castellanos (social work)", "Ines Szymanska, pharmacist"
NAME_THEN_ROLE = re.compile(rf"({_NAME_WORD}[ \t]+{_NAME_WORD})[ \t]*[(,][ \t]*(?:the[ \t]+)?(?i:social[ \t]+work(?:er)?|"
                            rf"chaplain(?:cy)?|pharmacist|pharmacy|interpreter|translator|case[ \t]*(?:manager|management|worker)|"
                            rf"dietitian|nutritionist|physiotherapist|(?:physical|occupational|speech|respiratory)[ \t]+therap(?:ist|y)|"
                            rf"midwife|chaplain|pastor|sponsor|nurse|nursing)\b")
# a known given name as the object of an instruction or after "for"/"with" before the clause ends: "Instructed Isaac
# to avoid ...", "a new forehead for Isaac.", "we reassured Maria and her mother" (not an eponym: a noun follows those)
GIVEN_OBJECT = re.compile(rf"\b(?i:instructed|advised|informed|reminded|encouraged|counsel(?:l)?ed|educated|reassured|thanked|"
                          rf"helped|allowed|for|with)[ \t]+({_NAME_WORD})(?=[ \t]*(?:[,.;:)]|$)|[ \t]+(?:to|that|about|and|"
                          rf"today|again|who|regarding)\b)", re.M)
QUOTED_NAME = re.compile(rf"[\"“]({_NAME_WORD})[\"”]")
# a town as an area, or as where a trip or a move goes: "the Harwick area", "the general Dunmore area",
# "a trip to Tahomish", "lives outside of Tampoville", "a move to Lakemoor Pines"
AREA_PLACE = re.compile(rf"\b(?i:the)[ \t]+(?:(?i:general|greater)[ \t]+)?({_W}(?:[ \t]+{_W})?)[ \t]+(?i:area|region|vicinity)\b")
TRIP_PLACE = re.compile(rf"\b(?i:trip|trips|travel(?:l)?ing|vacation|holiday|visit|move|moving)[ \t]+(?i:to)[ \t]+({_W}(?:[ \t]+{_W})?)(?![\w-])|"
                        rf"\b(?i:outside|north|south|east|west)[ \t]+of[ \t]+({_W}(?:[ \t]+{_W})?)(?![\w-])")


def _ok(words: list[str], clinical: frozenset[str], header_words: set[str]) -> bool:
    return bool(words) and not any(w in _NOT_NAMES or w.capitalize() in _NOT_NAMES or w.lower() in clinical
                                   or w.lower() in header_words or w.lower() in GENERIC for w in words)


def _name_words(span: str) -> list[str]:
    return [w for w in span.split() if w[:1].isupper()]  # particles ("van", "de") are not judged


def find_role_names(text: str, add: Callable[[int, int, str], None], clinical: frozenset[str],
                    header_words: set[str], given_names: frozenset[str]) -> list[str]:
    """Add the people these cues name; returns the names, so the caller propagates them through the note."""
    names: list[str] = []

    def keep(start: int, end: int) -> None:
        span = text[start:end]
        words = _name_words(span)
        while words and not _ok(words[-1:], clinical, header_words):  # "pastor Gideon Ashworth Friday": cut the tail
            words.pop()
        if words and _ok(words, clinical, header_words):
            stop = start + span.index(words[-1]) + len(words[-1]) if len(words) < len(_name_words(span)) else end
            add(start, stop, "NAME")
            names.append(text[start:stop])

    for pattern in (ROLE_NAME, LABEL_NAME, OF_THE_CHILD):
        for m in pattern.finditer(text):
            keep(m.start(1), m.end(1))
    for m in SHARED_SURNAME.finditer(text):
        if m.group(2).split()[0] in given_names and m.group(1) not in _NOT_NAMES:  # "Bud" is a word, but not there
            add(m.start(1), m.end(1), "NAME")
            keep(m.start(2), m.end(2))
        elif m.group(1) in given_names:
            keep(m.start(1), m.end(1))
            keep(m.start(2), m.end(2))
    for m in LABEL_LAST_FIRST.finditer(text):
        last, first = m.group(1), m.group(2)
        if (first.capitalize() in given_names or not (last.islower() or first.islower())) \
                and _ok([last.capitalize(), first.capitalize()], clinical, header_words):
            add(m.start(1), m.end(), "NAME")
            names.append(last)
    for m in NAME_THEN_ROLE.finditer(text):
        keep(m.start(1), m.end(1))
    for m in (*QUOTED_NAME.finditer(text), *GIVEN_OBJECT.finditer(text)):
        if m.group(1) in given_names:
            keep(m.start(1), m.end(1))
    return names


def find_named_places(text: str, add: Callable[[int, int, str], None], clinical: frozenset[str]) -> None:
    """Towns named as an area or as a trip's goal."""
    for pattern in (AREA_PLACE, TRIP_PLACE):
        for m in pattern.finditer(text):
            g = 1 if m.group(1) else 2
            words = [w.strip(".,'’").lower() for w in m.group(g).split()]
            if any(w in clinical or w in GENERIC or w in UNITS or w in NOT_PLACES or w.capitalize() in _NOT_NAMES for w in words):
                continue
            add(m.start(g), m.end(g), "CITY")
