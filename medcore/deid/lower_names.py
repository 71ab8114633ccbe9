"""Lower-case given names with no title, label or capital to give them away (issue 14, terse notes): "pt john c/o
cough", "john reports no pain", "spoke with mary today". A word is taken only when both hold:
- it is a known given name (first_names.txt, which already leaves out English words) of three letters or more, and
  not a word of the clinical vocabulary shield (clinical_vocab.py), a month or a heading word;
- it stands where a person stands: right after "pt"/"patient", at the start of a clause before a verb of a person
  ("c/o", "reports", "states", "denies", ...), or after a verb of meeting or talking with someone ("spoke with",
  "accompanied by") before the phrase ends.
A relative before the name ("wife mary") is places.LOWER_RELATIVE's rule. Every quantifier is bounded."""

from __future__ import annotations

import re
from typing import Callable

from medcore.deid.patterns import _MONTHS

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
)
_NOT_GIVEN = frozenset(_MONTHS) | {m[:3] for m in _MONTHS}


def find_lower_names(text: str, add: Callable[[int, int, str], None], clinical: frozenset[str],
                     given_names: frozenset[str], not_names: set[str]) -> list[str]:
    """Add a NAME span for each lower-case given name in a person's place; returns the names, so the caller can
    replace their other mentions in the note too."""
    found: list[str] = []
    for rule in _RULES:
        for m in rule.finditer(text):
            word = m.group(1)
            if word.capitalize() not in given_names or word in clinical or word in _NOT_GIVEN \
                    or word.lower() in not_names:
                continue
            add(m.start(1), m.end(1), "NAME")
            found.append(word)
    return found
