"""Section detection: a header is a known phrase at the start of a line, followed by a colon or by
the end of the line. Rules come from assets/kb/records/sections.yaml (adapted from medspaCy's
section patterns). We use our own matcher rather than medspaCy's Sectionizer because medspaCy
1.3.1 imports QuickUMLS at package import time and does not import in our environment, and a
line-anchored regex is about a millisecond per note."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from medcore.records.text import Sentence


@dataclass(frozen=True)
class Section:
    category: str
    header: str
    start: int  # header start
    header_end: int
    end: int  # where the next section starts


@lru_cache(maxsize=8)
def _header_regex(items: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[re.Pattern, dict[str, str]]:
    lookup = {}
    for cat, phrases in items:
        for p in phrases:
            lookup.setdefault(p.lower(), cat)
    alts = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(lookup, key=len, reverse=True))
    # a header: start of line (or a line break flattened into a comma after '.', ':' or ';'), optional
    # numbering, the phrase, then ':' (or '-') or end of line
    # possessive blanks: a phrase never starts with one, and backtracking into a long run of blanks
    # retried every phrase at every position of the run
    pattern = re.compile(rf"(?im)(?:^|(?<=[.!?:;],))[ \t]*+(?:\d+[.)]\s*+)?({alts})[ \t]*(?::|-\s|$)")
    return pattern, lookup


# An unknown header ("Meds on discharge:") alone on its line still ends the previous section; its
# category comes from a keyword, so list content never runs on under the wrong header.
_GENERIC = re.compile(r"(?m)^[ \t]*+([A-Z][A-Za-z/&' -]{2,40}):[ \t]*$")
_KEYWORDS = (("present", "history_of_present_illness"), ("allerg", "allergies"), ("med", "medications"), ("drug", "medications"), ("vital", "vitals"),
             ("lab", "labs"), ("result", "labs"), ("plan", "assessment_and_plan"), ("assessment", "assessment_and_plan"),
             ("impression", "assessment_and_plan"), ("recommend", "assessment_and_plan"), ("family", "family_history"),
             ("social", "social_history"), ("exam", "physical_exam"), ("course", "hospital_course"),
             ("follow", "follow_up"), ("procedure", "procedures"), ("imaging", "imaging"), ("finding", "imaging"),
             ("history", "past_medical_history"), ("complaint", "chief_complaint"), ("diagnos", "chief_complaint"),
             ("shx", "social_history"))


# A header run into the text, as notes flattened to one line write them ("...knee.,ALLERGIES:, Nil.,MEDS:, ..."):
# an upper-case phrase after a stop or comma, then a colon. A known phrase or keyword names the section; an
# unknown one ("HEENT:", "NECK:") is a sub-heading of the section it stands in.
_INLINE = re.compile(r"(?:(?<=[.,;])|^)[ \t]{0,3}([A-Z][A-Z/&' -]{2,48}[A-Z])[ \t]{0,3}:")

# Session 14 (records14s): the same header with no colon, its comma the flattened line break, when a numbered list
# starts right after it ("...dust.,HOME MEDS,1.  Metformin.,2.  ..."); without it the list ran on under
# the header before (allergies). Upper case and the list's "1." keep a sentence's words from reading as a header.
_LISTED = re.compile(r"(?:(?<=[.!?:;],)|^)[ \t]{0,3}([A-Z][A-Z/&' -]{2,48}[A-Z])[ \t]{0,3},[ \t]{0,3}(?=1[.)]\s)")


# Session 15 (records15b): the single-letter "A:" and "P:" of a SOAP note. They are not phrases of sections.yaml, as
# "P: 88" or "P: 2+ pedal pulses" in a vitals line is the pulse; so a letter counts as a header only when it stands
# alone on its line (the colon ends the line, or a flattened line's comma follows it), or when the note already has
# S/O (Subjective/Objective) headers, and a "P" never when a number other than a list number ("1.") follows it.
_SOAP_LETTER = re.compile(r"(?m)(?:^|(?<=[.!?:;],))[ \t]{0,3}(A|P(?![ \t]*(?::|-)[ \t]*\d(?![.)][ \t])))"
                          r"[ \t]{0,3}(?::|-[ \t])(?P<alone>[ \t]*(?:,|$))?")
_SOAP_OPENERS = frozenset(("s", "o", "subjective", "objective"))


def _soap_letters(text: str, found: list[tuple]):
    """The A/P letter headers of a SOAP note (see _SOAP_LETTER); `found` holds the headers found so far."""
    soap = any(" ".join(f[3].lower().split()) in _SOAP_OPENERS for f in found)
    return (m for m in _SOAP_LETTER.finditer(text) if soap or m.group("alone") is not None)


def _inline_category(header: str, lookup: dict[str, str]) -> str | None:
    phrase = re.sub(r"\s+", " ", header.lower())
    if phrase in lookup:
        return lookup[phrase]
    cat = _keyword_category(header)
    # only a keyword other than the bare "history" names a section: "SINUSITIS HISTORY:" run into a note is
    # the present illness going on, not the past history
    return None if cat in ("other", "past_medical_history") else cat


def _keyword_category(header: str) -> str:
    h = header.lower()
    return next((cat for kw, cat in _KEYWORDS if kw in h), "other")


def _uncovered(matches, found: list[tuple], category) -> list[tuple]:
    """The matches whose header does not start inside a header already found (nor inside an earlier match
    kept here), in one sweep: the matches come in text order and each kept one starts where it is tested,
    so a point is covered exactly when the furthest end among the spans starting at or before it lies past
    it. (Testing every match against every span found was quadratic: 32 s for 100k characters of 'XXXX:'
    lines.)"""
    spans = sorted((f[0], f[1]) for f in found)
    kept, i, reach = [], 0, -1
    for m in matches:
        at = m.start(1)
        while i < len(spans) and spans[i][0] <= at:
            reach = max(reach, spans[i][1])
            i += 1
        if reach > at:
            continue
        kept.append((at, m.end(), category(m.group(1)), m.group(1)))
        reach = max(reach, m.end())
    return kept


def find_sections(text: str, rules: dict[str, list[str]]) -> list[Section]:
    pattern, lookup = _header_regex(tuple((k, tuple(v)) for k, v in sorted(rules.items())))
    found = []
    for m in pattern.finditer(text):
        phrase = re.sub(r"\s+", " ", m.group(1).lower())
        found.append((m.start(1), m.end(), lookup.get(phrase, "other"), m.group(1)))
    found += _uncovered(_GENERIC.finditer(text), found, _keyword_category)
    found += _uncovered(_soap_letters(text, found), found, lambda h: "assessment_and_plan")
    found += _uncovered(_INLINE.finditer(text), found, lambda h: _inline_category(h, lookup))
    found += _uncovered(_LISTED.finditer(text), found, lambda h: _inline_category(h, lookup))
    found.sort()
    sections, previous = [], "other"
    for i, (start, hend, cat, header) in enumerate(found):
        end = found[i + 1][0] if i + 1 < len(found) else len(text)
        cat = previous = cat or previous  # a sub-heading stays in its section
        sections.append(Section(cat, header, start, hend, end))
    return sections


def assign_sections(sentences: list[Sentence], sections: list[Section]) -> list[Sentence]:
    """Each sentence gets the category of the last header at or before its start; a sentence with a header inside
    it (a header run into the text) is cut there, so what follows the header is in its section."""
    pieces = []
    cuts = sorted(sec.start for sec in sections)
    for s in sentences:
        start = s.start
        for c in cuts[bisect.bisect_right(cuts, s.start):bisect.bisect_left(cuts, s.end)]:
            piece = s.text[start - s.start:c - s.start]
            if piece.strip(" \t,;."):
                pieces.append((start, start + len(piece.rstrip(" \t,")), piece.rstrip(" \t,")))
            start = c
        pieces.append((start, s.end, s.text[start - s.start:]))
    out, j, current = [], 0, ""
    for start, end, text in pieces:
        while j < len(sections) and sections[j].start <= start:
            current = sections[j].category
            j += 1
        out.append(Sentence(len(out), start, end, text, current))
    return out
