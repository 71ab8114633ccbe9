"""One eye named in shorthand: 'R eye', 'L) eye', 'rt eye', 'lt eye', 'left eye (OS)' (session 24c, issue 12).

The guidelines name one eye for retinal detachment, angle-closure glaucoma, corneal abrasion, orbital cellulitis and
others (findings.yaml one_eye_affected, session 24). The synonyms read 'in my left eye'; a bare 'left eye' synonym was
tried in session 24 and dropped: as a synonym it claimed the words of 'the skin around my left eye has puffed up' from
the swelling reading. This reader adds the finding beside the others and takes no words from them. OD / OS (oculus
dexter / sinister) count only beside an eye word, since a bare 'OD' is an overdose; 'both eyes', 'OU' or the two sides
named say both eyes, and a finding already read (present or denied) is left as it is."""

from __future__ import annotations

import re

FINDING = "one_eye_affected"
# a side word or letter, then 'eye' ('my left eye', 'R eye', 'L) eye', 'rt. eye', '(R) eye'); or OD/OS in brackets
# or next to 'eye' ('left eye (OS)', 'OD eye', 'eye OS')
# a chart's side letters: one home, the lexicon's sideless reading uses them too ('L leg swollen')
SIDE_LETTERS = {"l": "left", "lt": "left", "r": "right", "rt": "right"}
_SIDE = rf"(?:left|right|{'|'.join(SIDE_LETTERS)})"
ONE_EYE = re.compile(rf"(?<![a-z0-9])\(?(?P<side>{_SIDE})\)?\.?\s{{0,2}}eye(?:ball|lid)?(?![a-z])"
                     r"|\((?P<bracket>od|os)\)|(?<![a-z])(?P<word>od|os)\s+eye\b|\beye\s+(?P<after>od|os)\b")
BOTH = re.compile(r"\bboth\s+(?:of\s+)?(?:my\s+|his\s+|her\s+|the\s+)?eyes\b|\b(?:each|either)\s+eye\b|\bou\b"
                  r"|\beyes\b.{0,20}\bboth\b")
_SIDE_OF = {**SIDE_LETTERS, "left": "left", "right": "right", "os": "left", "od": "right"}


def sides(low: str) -> set[str]:
    """The eye sides a lower-cased text names ('left', 'right')."""
    out = set()
    for m in ONE_EYE.finditer(low):
        word = next(g for g in m.groups() if g)
        out.add(_SIDE_OF[word])
    return out


def one_eye(low: str) -> bool:
    """Whether the text names one eye by its side, and not both eyes."""
    return len(sides(low)) == 1 and BOTH.search(low) is None
