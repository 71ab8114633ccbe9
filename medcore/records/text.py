"""Sentence splitting with character offsets into the original text.

Clinical notes are half prose, half lists: a line break ends a sentence unless the next line
starts in lower case (a wrapped line). Inside a line, '.', '!' or '?' followed by a space and an
upper-case letter or digit ends a sentence, except after common abbreviations. Very long
sentences (pasted tables, lines thousands of characters long) are cut at about MAX_SENT chars so
that no later step works on an unbounded string.

Notes exported with their line breaks flattened into commas (the MTSamples transcriptions: "... no edema.,PAST
MEDICAL HISTORY: , Hypertension") keep a trace of each break: a comma right after a full stop, colon or
semicolon, which ordinary prose never writes. That comma ends a sentence like a line break."""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_SENT = 600
_ABBREV = {"dr", "mr", "mrs", "ms", "st", "vs", "no", "e.g", "i.e", "p.o", "b.i.d", "t.i.d", "q.i.d", "approx",
           "pt", "hx", "dx", "fig", "inc", "jr", "sr", "prof", "ave", "mt", "i.v", "i.m", "s.c", "e", "i", "a.m",
           "p.m", "mg", "co", "u.s", "etc",
           "q"}  # "q.  8 hours": a lone q is the Latin "every" of a schedule (session 15)
_END = re.compile(r"[.!?][\"')]?(?=\s+[\"'(]?[A-Z0-9])")  # a closing quote may follow: 'said "no."  Mood'"
_FLAT_BREAK = re.compile(r"[.!?:;][ \t]*,")  # a line break flattened into a comma
_LAST_WORD = re.compile(r"([\w.]+)$")
_WORD_WINDOW = 40  # longer than any abbreviation, so a cut word is never mistaken for one
_BULLET = re.compile(r"^\s*(?:[-*•]|\d{1,2}[.)])\s+")


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    section: str = ""


def _line_spans(text: str) -> list[tuple[int, int]]:
    """Blocks of text that form sentences' outer limits: lines, with wrapped lines joined."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        start, end = pos, pos + len(line.rstrip("\r\n"))
        pos += len(line)
        stripped = text[start:end].strip()
        if not stripped:
            spans.append((-1, -1))  # paragraph break
            continue
        if spans and spans[-1][0] >= 0 and stripped[0].islower() and not _BULLET.match(text[start:end]):
            spans[-1] = (spans[-1][0], end)  # a wrapped line continues the previous one
        else:
            spans.append((start, end))
    return [s for s in spans if s[0] >= 0]


def _cut_long(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    while end - start > MAX_SENT:
        window = text[start:start + MAX_SENT]
        cut = max(window.rfind("; "), window.rfind(", "), window.rfind(" "))
        cut = cut + 1 if cut > MAX_SENT // 3 else MAX_SENT
        out.append((start, start + cut))
        start += cut
    out.append((start, end))
    return out


def split_sentences(text: str) -> list[Sentence]:
    pieces: list[tuple[int, int]] = []
    for ls, le in _line_spans(text):
        seg_start = ls
        flat = {m.end() for m in _FLAT_BREAK.finditer(text, ls, le)}
        ends = sorted({m.end() for m in _END.finditer(text, ls, le)} | flat)
        for end in ends:
            if end <= seg_start:
                continue
            if end not in flat:
                # Only the last few characters: a longer word is no abbreviation, and searching the whole
                # segment made a line of skipped initials ("A. A. A. ...") quadratic.
                stop = end - 1 if text[end - 1] in ".!?" else end - 2  # the stop before a closing quote
                word = _LAST_WORD.search(text, max(seg_start, stop - _WORD_WINDOW), stop)
                if word and word.group(1).lower().rstrip(".") in _ABBREV:
                    continue
                if word and len(word.group(1)) == 1 and word.group(1).isupper():  # initials: "J. Smith"
                    continue
            pieces.append((seg_start, end))
            seg_start = end
        pieces.append((seg_start, le))
    out: list[Sentence] = []
    for s, e in pieces:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e <= s:
            continue
        for cs, ce in _cut_long(text, s, e):
            out.append(Sentence(len(out), cs, ce, text[cs:ce]))
    return out


def sentence_at(sentences: list[Sentence], offset: int) -> Sentence | None:
    """The sentence containing a character offset (binary search; sentences are sorted)."""
    lo, hi = 0, len(sentences) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        s = sentences[mid]
        if offset < s.start:
            hi = mid - 1
        elif offset >= s.end:
            lo = mid + 1
        else:
            return s
    return None
