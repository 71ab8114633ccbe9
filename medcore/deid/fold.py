"""Folding for matching: the text the PHI rules read, with look-alike letters written as the Latin letters they
imitate, and the same length as the note, so every offset found in it is an offset of the note itself (issue 14:
"Dr. Ａlvarez" in full-width letters, "Smіth" with a Cyrillic "і", "mаria" with a Cyrillic "а" leaked).

- Width and font variants become their plain form, as NFKC writes them: full-width "Ａｌｖａｒｅｚ" and "１２３",
  half-width forms, and the mathematical alphabets ("𝐒𝐦𝐢𝐭𝐡"). Other compatibility forms are left alone: NFKC
  would turn "10⁹/L" into "109/L", "µg" into a Greek mu and "½" into three characters.
- Cyrillic and Greek letters that look like a Latin letter of the same case ("а" -> "a", "і" -> "i", "Ѕ" -> "S")
  become that letter, inside a word that also has Latin letters (a mixed-script word is a spoof or a typing
  slip) or, in a note written mostly in Latin letters, a word made only of such look-alikes ("Маrіа"). A Russian
  word in a Russian note is left as it is, so intl_names.py still sees Cyrillic there.
  The look-alikes come from the Unicode confusables table (UTS #39) as the `confusable-homoglyphs` package ships
  it, kept to single Latin letters of the same case, so capitalisation, which the name rules rely on, survives.

Only matching uses the folded text: the output and the spans keep the note's own characters."""

from __future__ import annotations

import logging
import re
import unicodedata
from functools import lru_cache

log = logging.getLogger(__name__)

_FOLDED_FORMS = ("<wide>", "<narrow>", "<font>")
# a word of letters: the unit a look-alike is judged in
_WORD = re.compile(r"[^\W\d_]+")
_SCRIPTS = ("CYRILLIC", "GREEK")


@lru_cache(maxsize=1)
def confusable_map() -> dict[str, str]:
    """Cyrillic or Greek letter -> the ASCII letter of the same case it looks like (71 letters in
    confusable-homoglyphs 3.3.1). Empty, with a warning, when the package is missing: width folding still runs."""
    try:
        from confusable_homoglyphs import categories, confusables
    except ImportError:
        log.warning("confusable-homoglyphs is not installed (requirements.txt): Cyrillic and Greek look-alike "
                    "letters are not folded before de-identification, so a name spelt with them can leak")
        return {}
    out: dict[str, str] = {}
    for ch, homoglyphs in confusables.confusables_data.items():
        if len(ch) != 1 or not ch.isalpha() or categories.alias(ch) not in _SCRIPTS:
            continue
        for h in homoglyphs:
            c = h.get("c", "")
            if len(c) == 1 and c.isascii() and c.isalpha() and c.isupper() == ch.isupper():
                out[ch] = c
                break
    return out


@lru_cache(maxsize=4096)
def _width_fold(ch: str) -> str:
    if unicodedata.decomposition(ch).startswith(_FOLDED_FORMS):
        plain = unicodedata.normalize("NFKC", ch)
        if len(plain) == 1:
            return plain
    return ch


def mostly_latin(text: str) -> bool:
    """More than half of the letters are Latin: a note written in English (or another Latin-script language)."""
    letters = [c for c in text if c.isalpha()]
    latin = sum(1 for c in letters if c.isascii() or "\u00c0" <= c <= "\u024f" or "\u1e00" <= c <= "\u1eff")
    return latin * 2 > len(letters)


def fold(text: str) -> str:
    """The text with width/font variants and Latin look-alikes folded; always the same length as `text`."""
    if text.isascii():
        return text
    out = [_width_fold(c) if ord(c) > 0x7F else c for c in text]
    folded = "".join(out)
    table = confusable_map()
    if not table:
        return folded
    whole_words = None  # decided once, only when a word made only of look-alikes turns up
    for m in _WORD.finditer(folded):
        word = m.group()
        if word.isascii() or not any(c in table for c in word):
            continue
        if not any(c.isascii() for c in word):
            if not all(c in table for c in word):
                continue  # a real Cyrillic or Greek word: "Ирина", "Петрова"
            if whole_words is None:
                whole_words = mostly_latin(folded)
            if not whole_words:
                continue
        for i, c in enumerate(word, start=m.start()):
            out[i] = table.get(c, c)
    return "".join(out)


def folded_words(original: str, folded: str) -> list[tuple[int, int, str]]:
    """(start, end, folded word) for each word that folding changed: where a known name may hide in look-alikes."""
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(folded) if folded[m.start():m.end()] != original[m.start():m.end()]]


def folded_name_mentions(original: str, folded: str, parts: set[str]) -> list[tuple[int, int]]:
    """Spans of words written with look-alikes (or full-width letters) whose folded form is a known name part in any
    case: "mаria" once "Maria" is known. Only words that folding changed: a plain "grace" or "will" is an ordinary
    word, a lower-case word with a Cyrillic letter inside is not."""
    lowered = {p.lower() for p in parts}
    return [(s, e) for s, e, w in folded_words(original, folded) if w.lower() in lowered]
