"""Sentence splitting for clinical abstracts and papers: character spans, not copies, so every extracted item can
point back into the text.

A boundary is '.', '!' or '?' (with closing quotes/brackets) followed by whitespace and a capital, digit or an
opening bracket, or a blank line. Periods that are not boundaries in this literature: abbreviations ("et al.",
"vs.", "e.g.", "i.e.", "Fig.", "approx."), initials ("J. Smith", "A.B. Jones"), decimals ("0.05", "P = .03", no
whitespace follows the point) and a lower-case next word ("vs. placebo")."""

from __future__ import annotations

import re

# Words that end with a period without ending the sentence (compared lower-cased, without the period).
_ABBREVIATIONS = frozenset("""
al vs v e.g eg i.e ie cf fig figs no nos approx ca resp dr mr mrs ms prof st vol pp ed eds incl inc ltd co corp
jan feb mar apr jun jul aug sep sept oct nov dec est min max avg ref refs suppl dept univ viz etc
""".split()) - {"etc"}  # "etc." often does end a sentence; a capital after it is taken as a boundary

# Longer than any real sentence; a longer run (a table flattened by PDF extraction, or hostile input) is cut at
# a space before this, so every extractor's work per sentence stays bounded.
MAX_SENTENCE_CHARS = 1500

# Only from the first mark of a run, and possessive: a long run of dots with no capital after it ("....", a pasted
# leader line) was otherwise retried from each of its marks and backtracked through each length (quadratic: 11,599
# dots took 3 s). Giving back a mark or a bracket can never let the look-ahead match, so the matches are the same.
_BOUNDARY = re.compile(r"""(?<![.!?])[.!?]++["'”’)\]]*+(?=\s+["'“‘(\[]?[A-Z0-9])""")
_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")
_WORD_BEFORE = re.compile(r"(\S+)$")


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the period at `dot` closes an abbreviation or an initial, not a sentence."""
    if text[dot] != ".":
        return False
    m = _WORD_BEFORE.search(text, max(0, dot - 40), dot)
    if not m:
        return False
    word = m.group(1).lstrip("([\"'“")
    low = word.lower().rstrip(".")
    if low in _ABBREVIATIONS:
        return True
    # "al." in "et al." written with a non-breaking space or after a comma
    if low.endswith("et al"):
        return True
    # initials: "A.B." always; a lone "J." only after a capitalised name ("John F. Kennedy"), since "drug A or
    # B. Then" ends a sentence with a one-letter word
    if re.fullmatch(r"(?:[A-Z]\.)+[A-Z]", word):
        return True
    if re.fullmatch(r"[A-Z]", word):
        prev = _WORD_BEFORE.search(text, max(0, m.start() - 40), m.start() - 1) if m.start() > 0 else None
        return bool(prev and re.fullmatch(r"[A-Z][a-z]+,?|(?:[A-Z]\.)+", prev.group(1)))
    return False


def _split_block(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    cur = start
    for m in _BOUNDARY.finditer(text, start, end):
        first_dot = m.start()
        if _is_abbreviation(text, first_dot):
            continue
        cut = m.end()
        if text[cur:cut].strip():
            spans.append((cur, cut))
        cur = cut
    if text[cur:end].strip():
        spans.append((cur, end))
    return spans


def _trim(text: str, span: tuple[int, int]) -> tuple[int, int] | None:
    s, e = span
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return (s, e) if e > s else None


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) character spans of the sentences of `text[start:end]`, in order, whitespace trimmed."""
    end = len(text) if end is None else end
    out = []
    cur = start
    blocks = []
    for m in _BLANK_LINE.finditer(text, start, end):
        blocks.append((cur, m.start()))
        cur = m.end()
    blocks.append((cur, end))
    for bs, be in blocks:
        for span in _split_block(text, bs, be):
            for piece in _cap(text, span):
                trimmed = _trim(text, piece)
                if trimmed:
                    out.append(trimmed)
    return out


def _cap(text: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    s, e = span
    pieces = []
    while e - s > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", s + MAX_SENTENCE_CHARS // 2, s + MAX_SENTENCE_CHARS)
        cut = cut if cut > s else s + MAX_SENTENCE_CHARS
        pieces.append((s, cut))
        s = cut
    pieces.append((s, e))
    return pieces
