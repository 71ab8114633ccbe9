"""Given names that are also English words (assets/kb/deid/word_given_names.txt; sessions 29 and 29 review, issue
11): where one is a person's name, and where a repeat of that name elsewhere in the note is only the ordinary word.

A word-name is a name as the subject of a patient's verb at a clause's opening ("Grace then underwent ...", "Hope was
seen in clinic"), never alone ("Hope is low", "Faith in God"). A thing can take some of those verbs too: a remedy
"was started" ("Ginger was started for nausea": the name needs "was started on"), a part of the body "was examined"
("Iris was examined": "examined" is no cue), and a clinical word takes no passive verb of a diagnosis or a treatment
as a name ("Honey was treated ...").

Once found, the name's other mentions are redacted too (deid/__init__ propagation), but at a clause's opening the
same word is often the ordinary one: "Will follow up", "Frank blood", "Mark the site", "Dawn sampling", "Grace
period", "Rose 2 points". There a repeat stays a name only when a verb of the subject (a third-person or past form,
"is", "was", "has", "and", a possessive) follows it."""

from __future__ import annotations

import re
from typing import Callable

from medcore.deid.kb_files import word_given_names
from medcore.deid.patterns import _UP

WORD_NAME_SUBJECT = re.compile(
    rf"(?:^|(?<=[.!?:;,]))[ \t]*([{_UP}][a-z]{{1,12}})[ \t]+(?:(?:then|also|subsequently|recently|initially|again|later|"
    r"now|first|previously)[ \t]+)?(?:underwent|presented|presents|reported|reports|states|stated|denies|denied|"
    r"complains|complained|returned|returns|tolerated|arrived|developed|endorses|endorsed|was[ \t]+(?:seen|admitted|"
    r"brought|evaluated|discharged|transferred|referred|(?P<exam>diagnosed|treated)|born|started[ \t]+on|"
    r"intubated)|has[ \t]+been[ \t]+(?:seen|admitted|followed|treated))\b", re.M)


def find_word_name_subjects(text: str, add: Callable[[int, int, str], None], clinical: frozenset[str]) -> list[str]:
    """Add each word-name that opens a clause as a patient's subject; returns the names, for propagation."""
    names: list[str] = []
    word_names = word_given_names()
    for m in WORD_NAME_SUBJECT.finditer(text):
        if m.group(1) not in word_names or (m.group("exam") and m.group(1).lower() in clinical):
            continue  # "Iris was examined": the eye's iris, not a person
        add(m.start(1), m.end(1), "NAME")
        names.append(m.group(1))
    return names


# what follows a subject: a third-person or past verb ("reports", "denied"; not "discuss", "this", "need", "red"),
# "is", "was", "has", "and", a comma, the end
_SUBJECT_NEXT = re.compile(r"(?:'s|’s|[ \t]*(?:[,;:.!?)]|$)|[ \t]+(?:(?!(?i:need|proceed|feed|bleed)\b)(?:\w*[^\Wsui]s|\w{2,}ed)|"
                           r"is|was|has|had|and|or|went|came|felt|saw|said|told|got|took|ate|left|slept|fell|ran|can|"
                           r"could|would|will|did|does|then|also|now|herself|himself)\b)", re.I)
_BULLET = "-*•"


def _opens_clause(text: str, start: int) -> bool:
    """text[start] opens the note, a line (after a bullet), a sentence or a label's value."""
    before = text[max(0, start - 12):start].rstrip(" \t")
    if before and before[-1] in _BULLET:
        before = before[:-1].rstrip(" \t")
        return not before or before[-1] == "\n" or start <= 12 and not text[:start].strip(" \t" + _BULLET)
    return not text[:start].strip() if not before else before[-1] in ".!?:;\n"


def ordinary_repeat(text: str, start: int, end: int) -> bool:
    """The word-name at text[start:end], a repeat of a name found elsewhere, is the ordinary word here: it opens a
    clause and no subject's verb follows it ("Will follow up", "Frank blood", "Rose 2 points", "WILL FOLLOW UP")."""
    word = text[start:end]
    if word not in word_given_names() and word.capitalize() not in word_given_names():
        return False
    if not _opens_clause(text, start):
        return False  # mid-sentence, a capital marks the name: "seen with Grace today"
    return not _SUBJECT_NEXT.match(text, end)
