"""'My periods used to be regular but I haven't had one for 7 months': a denial of 'one' or 'any' points back at the
thing named before it. The pronoun is replaced by that noun ('haven't had a period for 7 months') before the text
is read, so the finding the noun names with the denial (missed period, constipation) is read by its own synonyms.

Only countable events a person counts the absence of are referents (a period, a poo, a wee, a bowel movement):
'I haven't had one' after 'my headaches' stays unread rather than deny a headache. The referent is the last such
noun before the pronoun, at most _REACH characters back (the same or the previous sentence)."""

from __future__ import annotations

import re

# referent noun (singular or plural as written) -> the phrase that replaces the pronoun
_REFERENTS = {"period": "a period", "periods": "a period", "poo": "a poo", "poos": "a poo", "poop": "a poop",
              "poops": "a poop", "wee": "a wee", "wees": "a wee", "pee": "a wee", "bowel movement": "a bowel movement",
              "bowel movements": "a bowel movement", "number two": "a poo", "number twos": "a poo"}
_NOUN = re.compile(r"\b(" + "|".join(sorted((re.escape(k) for k in _REFERENTS), key=len, reverse=True)) + r")\b")
_DENIED_ONE = re.compile(
    r"\b(?P<neg>(?:have|has|had|did|do|does)(?:n't|nt|\s+not)|not|never)\s+(?:yet\s+|even\s+|actually\s+)?"
    r"(?P<verb>had|have|done|do|did|passed|seen|got|gotten)\s+(?P<pro>one|any)\b(?!\s+(?:of|more|other|else)\b)")
_REACH = 200


def resolve(text: str) -> str:
    """The text with each denied 'one'/'any' whose referent is a countable event (see module doc) replaced by it."""
    low = text.lower()
    out, last = [], 0
    for m in _DENIED_ONE.finditer(low):
        nouns = [n for n in _NOUN.finditer(low, max(0, m.start() - _REACH), m.start())]
        if not nouns:
            continue
        out += [text[last:m.start("pro")], _REFERENTS[nouns[-1].group(1)]]
        last = m.end("pro")
    return "".join(out) + text[last:] if out else text
