"""Every mention of a set of known words in a note, in one pass: a name or a facility found once is replaced wherever
the note repeats it. Looking each word of the note up in a set is linear; one regular expression with an alternative
per known word was not (thousands of names made each position try thousands of alternatives)."""

from __future__ import annotations

import re
from typing import Iterator

# a word with its joined parts: "O'Neill", "Okonjo-Bright", "Quarrybank's"
_TOKEN = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+){0,5}")
_POSSESSIVE = re.compile(r"['’][sS]$")


def word_hits(text: str, words: dict[str, str] | set[str] | frozenset[str]) -> Iterator[tuple[int, int, str]]:
    """(start, end, word) for each mention of a known word: the whole word, the word before a possessive "'s", or one
    hyphenated part ("Smith" in "Smith-Jones"), as a word-boundary match would find it."""
    for m in _TOKEN.finditer(text):
        token = m.group()
        if token in words:
            yield m.start(), m.end(), token
            continue
        bare = _POSSESSIVE.sub("", token)
        if bare != token and bare in words:
            yield m.start(), m.start() + len(bare), bare
            continue
        if "-" in token or "'" in token or "’" in token:
            pos = m.start()
            for part in re.split(r"(['’-])", token):
                if part in words:
                    yield pos, pos + len(part), part
                pos += len(part)
