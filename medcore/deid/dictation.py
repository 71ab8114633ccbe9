"""Names as dictated notes give them (issue 11, session 16): the cues of a transcription that the title, label and
credential rules of patterns.py do not read.
- a title in capitals, with its stop: "REFERRING PHYSICIAN: DR. HALVORSEN", "MRS. QUIGLEY TOLD ME" (the name ends where
  an ordinary or clinical word begins; "MS" or "MR" without a stop is multiple sclerosis or mitral regurgitation);
- a lower-case name before a lower-case credential: "seen by john whitcombe, md", "j. smith, m.d.";
- the name a letter greets: "Dear Jim," (not "Dear Colleague");
- a name after a capitalised specialist's title: "prescribed by Cardiologist Varga.";
- initials as the subject of an age sentence: "JT is a 45-year-old" (patient letters the transcription kept);
- a known given name, capitalised, as the subject of a person's verb or after "seeing": "Maria returns today",
  "I had the pleasure of seeing Thomas in clinic", "discussed with Ada and Bram", "I told Ada's mother" (given-name list only: an unknown word there may be a drug or a
  place).
Every quantifier is bounded."""

from __future__ import annotations

import re
from typing import Callable

from medcore.deid.lower_names import _NOT_AFTER_TITLE, _PERSON_VERBS, _VERBS_AFTER_NAME
from medcore.deid.patterns import _CAPS_SURNAME, _NAME_WORD, _NOT_NAMES, _UP, RELATIVE
from medcore.deid.places import GENERIC

# a title in capitals with its stop, then up to three words in capitals (checked one by one)
CAPS_TITLE = re.compile(rf"\b(?:DR|MR|MRS|MS|MISS|PROF)\.[ \t]+((?:[{_UP}]\.?[ \t]+)?{_CAPS_SURNAME}"
                        rf"(?:[ \t]+{_CAPS_SURNAME}){{0,2}})")
_CAPS_WORD = re.compile(rf"[{_UP}]\.?(?=[ \t])|{_CAPS_SURNAME}")
# one to three lower-case words (an initial may open them) before ", md" / ", m.d." / ", do" with its stops
LOWER_CREDENTIAL = re.compile(r"(?<![\w'’-])((?:[a-z]\.[ \t]*)?[a-z][a-z'’-]{1,24}(?:[ \t]+[a-z][a-z'’-]{1,24}){0,2}),"
                              r"[ \t]*(?:md|m\.d\.|d\.o\.)(?![\w])")
# a letter's greeting: "Dear Jim,", "Dear Anna-Lena:" (a title after "Dear" is the title rule's)
DEAR = re.compile(rf"\bDear[ \t]+({_NAME_WORD}(?:[ \t]+{_NAME_WORD})?)(?=[ \t]*[,:\n])")
_NOT_GREETED = frozenset("""Colleague Colleagues Sir Sirs Madam Madame Doctor Doctors Dr All Team Friend Friends Patient
Parent Parents Family Families Nurse Nurses Member Members Provider Providers Clinician Clinicians Physician Physicians
Partner Partners Reader Editor Committee Board Caregiver Caregivers Guardian Student Students Everyone""".split())
# initials opening a sentence as the subject of an age: "JT is a 45-year-old", "J.T. was a 3-month-old"
INITIALS_SUBJECT = re.compile(rf"(?m)(?:^|(?<=[.:;!?]))[ \t]*([{_UP}]{{2,3}}|[{_UP}]\.[ \t]?[{_UP}]\.(?:[ \t]?[{_UP}]\.)?)"
                              rf"[ \t]+(?:is|was)[ \t]+an?[ \t]+(?:[a-z]+[ \t]*,?[ \t]+)?(?=\d{{1,3}}[ -](?:year|yr|month|week|day))")
# a known given name as a clause's subject before a person's verb, or after "seeing"/"to see" before the phrase ends
GIVEN_SUBJECT = re.compile(rf"(?m)(?:^|(?<=[.;:!?,])|(?<=\band)|(?<=\bbut))[ \t]*({_NAME_WORD})[ \t]+"
                           rf"(?:{_PERSON_VERBS}|(?:will|would|can|could)[ \t]+[a-z])")
# (and a second known given name joined by "and": "discussed the findings with Ada and Bram")
GIVEN_SEEN = re.compile(rf"\b(?:seeing|see|examined|evaluated|evaluating|examining|discussed[ \t]+(?:(?:this|the[ \t]+[a-z]+|"
                        rf"[a-z]+[ \t]+detail)[ \t]+)?with)[ \t]+({_NAME_WORD})(?:[ \t]+and[ \t]+({_NAME_WORD}))?"
                        rf"(?=[ \t]*(?:[,.;:)]|$)|[ \t]+(?:in|for|today|again|back|at|on|who|and|with)\b)", re.M)
# a name after a capitalised specialist's title with no article, closing the clause: "started by Obstetrician-
# Gynecologist Q.", "referred to Cardiologist Varga, who" (the title is used as a form of address, so the word after it
# is the person; one word or one letter, checked as ordinary words are: "to Neurologist Clinic," stays)
_SPECIALIST = r"(?:[A-Z][a-z]+-)?[A-Z][a-z]+(?:ologist|iatrist|ician|surgeon)"
SPECIALIST_TITLE = re.compile(_SPECIALIST)  # the title itself is no part of the name (see deid._extend_names)
SPECIALIST_NAMED = re.compile(rf"\b(?:by|with|to|from|per)[ \t]+{_SPECIALIST}[ \t]+([{_UP}](?:[a-z'’-]{{1,24}})?)"
                              r"(?=[ \t]*(?:[.,;]|$))", re.M)
# a known given name whose relative is spoken of: "I advised Ada's mother", "Bram's wife called" (a relative's word
# never follows an eponym's possessive)
GIVEN_RELATIVE = re.compile(rf"\b({_NAME_WORD})['’]s[ \t]+(?i:{RELATIVE})\b")


def _ordinary(word: str, clinical: frozenset[str], header_words: set[str]) -> bool:
    w = word.lower().strip(".")
    return (w in clinical or w in GENERIC or w in header_words or w in _NOT_AFTER_TITLE or w in _VERBS_AFTER_NAME
            or word.capitalize() in _NOT_NAMES or word in _NOT_NAMES)


def find_dictated_names(text: str, add: Callable[[int, int, str], None], clinical: frozenset[str],
                        header_words: set[str], given_names: frozenset[str]) -> list[str]:
    """Add a NAME span for each name these cues give; returns the names, so the caller replaces their other mentions
    in the note too."""
    names: list[str] = []

    def take(start: int, end: int) -> None:
        add(start, end, "NAME")
        names.append(text[start:end])

    for m in CAPS_TITLE.finditer(text):
        end = m.start(1)
        for w in _CAPS_WORD.finditer(text, m.start(1), m.end(1)):
            if w.start() > m.start(1) and _ordinary(w.group(), clinical, header_words):
                break
            if w.start() == m.start(1) and len(w.group()) > 2 and w.group().lower() in clinical:
                break  # "DR. MRI" is not how a name reads
            end = w.end()
        if end > m.start(1):
            take(m.start(1), end)
    for m in LOWER_CREDENTIAL.finditer(text):
        words = [(w.start(), w.end(), w.group()) for w in re.finditer(r"\S+", m.group(1))]
        keep = []  # from the credential back to the first ordinary word ("seen by john smith, md": "john smith")
        for s, e, w in reversed(words):
            if not re.fullmatch(r"[a-z]\.", w) and (_ordinary(w, clinical, header_words)
                                                      or (len(w) > 4 and w.endswith(("ed", "ing", "ly")))):
                break
            keep.insert(0, (s, e))
        if keep and any(e - s > 2 for s, e in keep):
            take(m.start(1) + keep[0][0], m.start(1) + keep[-1][1])
    for m in DEAR.finditer(text):
        words = m.group(1).split()
        if not any(w in _NOT_GREETED or _ordinary(w, clinical, header_words) for w in words):
            take(m.start(1), m.end(1))
    for m in INITIALS_SUBJECT.finditer(text):
        take(m.start(1), m.end(1))
    for m in SPECIALIST_NAMED.finditer(text):
        if len(m.group(1)) == 1 or not _ordinary(m.group(1), clinical, header_words):  # a letter: "... Surgeon A."
            take(m.start(1), m.end(1))
    for pattern in (GIVEN_SUBJECT, GIVEN_SEEN, GIVEN_RELATIVE):
        for m in pattern.finditer(text):
            for g in range(1, (m.lastindex or 1) + 1):
                word = m.group(g)
                if word and word in given_names and not _ordinary(word, clinical, header_words):
                    take(m.start(g), m.end(g))
    return names
