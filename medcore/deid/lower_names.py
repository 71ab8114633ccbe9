"""Lower-case given names with no title, label or capital to give them away (issue 14, terse notes): "pt john c/o
cough", "john reports no pain", "spoke with mary today". A word is taken only when both hold:
- it is a known given name (first_names.txt, which already leaves out English words) of three letters or more, and
  not a word of the clinical vocabulary shield (clinical_vocab.py), a month or a heading word;
- it stands where a person stands: right after "pt"/"patient", at the start of a clause before a verb of a person
  ("c/o", "reports", "states", "denies", ...), or after a verb of meeting or talking with someone ("spoke with",
  "accompanied by") before the phrase ends.
A relative before the name ("wife mary") is places.LOWER_RELATIVE's rule.

After a short title (patterns.SHORT_TITLES) a lower-case surname is taken too, known name or not: "dr. okafor",
"mrs. núñez". Without the dot ("Dr smith reviewed", "seen by dr jones today", "Mrs o'brien called") the word must also
not be an ordinary word (a verb, a function word, a word of the clinical shield: "Dr reviewed", "dr metformin") and a
person's cue must follow it (a verb, the clause's end, "today", "re"), unless it is a known given name; a lower-case
"mr"/"ms" without a dot is mitral regurgitation or multiple sclerosis, so it needs the capital. Every quantifier is
bounded."""

from __future__ import annotations

import re
from typing import Callable

from medcore.deid.patterns import _LO, _MONTHS, SHORT_TITLES
from medcore.deid.places import GENERIC

_WORD = r"([a-z][a-z'’-]{2,24})(?![\w'’-])"
_PERSON_VERBS = (r"(?:c/o|complains|complained|reports|reported|states|stated|says|said|denies|denied|presents|"
                 r"presented|returns|returned|feels|felt|notes|noted|admits|agrees|agreed|declines|declined|tells|"
                 r"told|called|came|comes|arrived|lives|works|walked|is[ \t]+(?:a|an|here|doing|feeling)|"
                 r"was[ \t]+(?:seen|here|a|an)|has[ \t]+(?:been|had|no)|had[ \t]+(?:a|an|no)|"
                 r"would[ \t]+like|wants|asked|asks)\b")
_RULES = (
    # "pt john c/o ...", "patient mary, 54," (a lower-case name after the patient's own label word)
    re.compile(rf"(?<![\w-])(?:pt|patient)[ \t]*[:,]?[ \t]+{_WORD}"),
    # "john reports ...", "; mary states ...": the subject of a clause
    re.compile(rf"(?m)(?:^|(?<=[.;:!?,])|(?<=\band)|(?<=\bbut))[ \t]*{_WORD}[ \t]+{_PERSON_VERBS}"),
    # "spoke with mary today", "accompanied by john."
    re.compile(rf"\b(?:spoke|speaking|talked|talking|discussed|met|seen|here|came|accompanied|brought)[ \t]+"
               rf"(?:with|to|by|in[ \t]+by)[ \t]+{_WORD}"
               rf"(?=[ \t]*(?:[,.;)]|$)|[ \t]+(?:today|yesterday|tonight|this|who|and|about|regarding|re|at|on)\b)",
               re.M),
    # "called john re labs", "phoned mary back": the person called (a known given name, before a clause's end or
    # a word that follows a person)
    re.compile(rf"\b(?:called|phoned|rang|emailed|texted|paged|messaged|updated|informed)[ \t]+{_WORD}"
               rf"(?=[ \t]*(?:[,.;)]|$)|[ \t]+(?:re|regarding|about|today|back|again|and|at|on|who|with|this)\b)",
               re.M),
)
# a lower-case surname after a short title, the dot optional, and a second word ("dr. maria lopez"); any Latin
# lower-case letter ("dr. ødegård", "mrs. núñez")
_TITLE_ALTS = "|".join(f"[{t[0]}{t[0].lower()}]{t[1:]}" for t in SHORT_TITLES)
_LO_WORD = rf"[{_LO}][{_LO}'’-]{{2,24}}"
LOWER_TITLE = re.compile(rf"(?<![\w-])(?P<title>{_TITLE_ALTS})(?P<dot>\.)?[ \t]+"
                         rf"(?P<name>{_LO_WORD}(?:[ \t]+{_LO_WORD})?)(?![{_LO}'’-])")
# words that follow a lower-case name and end it: "mrs. núñez called", "mr. smith was well"
_VERBS_AFTER_NAME = frozenset("""was were is are has had have called calls phoned said says came comes went goes will would
did does saw sees agreed feels felt reports reported states stated wants asked asks""".split())
# ordinary words that follow a title without a dot and are not a name: "Dr review", "dr appt today", "dr ok'd"
_NOT_AFTER_TITLE = frozenset("""for and but with from into onto the to at in on of by re about regarding who which that
this these today yesterday tomorrow tonight here there back again also aware advice appt appointment office letter
letters note notes visit visits okay ok'd please and/or not now then may can could should must might would""".split())
# a person's cue after a dot-less title's name: the clause's end, a verb or a word that follows a person
_CUE_AFTER = re.compile(r"[ \t]*(?:[,.;:)!?]|$)|[ \t]+(?:[a-z]{2,20}ed|today|yesterday|re|regarding|about|at|on|in|"
                        r"from|for|who|and|to|via|when|here|this|again|back|" + "|".join(sorted(_VERBS_AFTER_NAME)) + r")\b",
                        re.M)


def _ordinary(word: str, clinical: frozenset[str], not_names: set[str]) -> bool:
    return (word in GENERIC or word in clinical or word in _VERBS_AFTER_NAME or word in _NOT_AFTER_TITLE
            or word in _NOT_GIVEN or word in not_names or word.endswith(("ed", "ing", "ly")))


def _find_titled(text: str, add: Callable[[int, int, str], None], clinical: frozenset[str],
                 given_names: frozenset[str], not_names: set[str]) -> list[str]:
    found: list[str] = []
    for m in LOWER_TITLE.finditer(text):
        dotted = m.group("dot") is not None
        if not dotted and m.group("title") in ("mr", "ms"):  # mitral regurgitation, multiple sclerosis
            continue
        # the name ends where clinical or ordinary words begin ("dr. okafor for follow-up", "Dr smith reviewed")
        keep: list[str] = []
        for i, w in enumerate(m.group("name").split()):
            if w in GENERIC or w in clinical or w in _VERBS_AFTER_NAME or (
                    (i or not dotted) and _ordinary(w, clinical, not_names)):
                break
            keep.append(w)
        if not keep:
            continue
        end = m.start("name") + len(" ".join(keep))
        if not dotted and keep[0].capitalize() not in given_names and not _CUE_AFTER.match(text, end):
            continue
        add(m.start("name"), end, "NAME")
        found.append(" ".join(keep))
    return found

_NOT_GIVEN = frozenset(_MONTHS) | {m[:3] for m in _MONTHS}


def find_lower_names(text: str, add: Callable[[int, int, str], None], clinical: frozenset[str],
                     given_names: frozenset[str], not_names: set[str]) -> list[str]:
    """Add a NAME span for each lower-case given name in a person's place; returns the names, so the caller can
    replace their other mentions in the note too."""
    found = _find_titled(text, add, clinical, given_names, not_names)
    for rule in _RULES:
        for m in rule.finditer(text):
            word = m.group(1)
            if word.capitalize() not in given_names or word in clinical or word in _NOT_GIVEN \
                    or word.lower() in not_names:
                continue
            add(m.start(1), m.end(1), "NAME")
            found.append(word)
    return found
