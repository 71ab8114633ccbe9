"""De-identification for the Safe Harbor categories that occur in free text.

Our own recognisers (regular expressions plus a given-name list). Presidio was not measured: it
needs a spaCy NER model, which we no longer install. These recognisers reach full strict recall on our
own annotated notes (`python -m medcore eval records`), which we wrote; on text nobody here wrote they
miss more (blind sets under docs/evals/deid-*: 0.95-0.96 strict recall), so nothing downstream may
assume every identifier is gone. Categories: NAME, DATE, AGE (over 89 only),
MRN, ID (accession, account, insurance and other numbers), SSN, PHONE, FAX, EMAIL, URL, ADDRESS,
ZIP, and (places.py, gazetteer.py) HOSPITAL, ORGANIZATION, CITY (towns and counties), STATE and COUNTRY.

Replacements keep notes readable and analysable: dates are shifted by one offset per note (so
intervals between dates are kept) and written in their original format; ages over 89 become
"90+"; everything else becomes a [TYPE] tag. Names found once (after a title, a label, or a known
given name, before a credential, or on a patient header line next to an MRN/DOB/age) are propagated to
every other mention in the same note. A name may carry initials ("Dr K. Osei"), particles ("van der
Berg"), elided or camel-case prefixes ("O'Neill", "McAllister"), accents, or an upper-case surname.

Public API (used by medcore.llm before text leaves the machine):
    deidentify(text) -> DeidResult(text, spans=[PhiSpan(type, start, end, text, replacement)])
"""

from __future__ import annotations

import bisect
import hashlib
import re
from dataclasses import dataclass, field

from medcore.deid.patterns import (_HEADER_RULES, _NAME_RULES, _NAME_WORD, _NOT_NAMES, _RELATIVE_RULE, _RULES,
                                   _UP, CAPS_LABEL_NAME, DOCTORS, DOCTORS_ONE, MONTH_LIST, SERVICE_AFTER, YEAR_LIST, not_name)
from medcore.deid.clinical_vocab import clinical_words as _clinical_words
from medcore.deid.cues import find_cued
from medcore.deid.date_order import MONTH_DAY, date_order
from medcore.deid.date_shift import shift_date  # noqa: F401  (public: tests and callers import it from here)
from medcore.deid.dictation import SPECIALIST_TITLE, find_dictated_names
from medcore.deid.facilities import find_facilities, find_letterheads, repeat_facilities
from medcore.deid.gazetteer import find_gazetteer_places
from medcore.deid.kb_files import given_names
from medcore.deid.lower_names import find_lower_names
from medcore.deid.word_names import ordinary_repeat
from medcore.deid.intl import find_intl, fold, folded_name_mentions  # issue 14: other scripts, look-alikes, addresses
from medcore.deid.numbers import find_event_years, looks_like_ratio
from medcore.deid.places import FACILITY, find_places
from medcore.deid.words import word_hits


@dataclass(frozen=True)
class PhiSpan:
    type: str
    start: int
    end: int
    text: str
    replacement: str


@dataclass
class DeidResult:
    text: str
    spans: list[PhiSpan] = field(default_factory=list)
    shift_days: int = 0
    date_order: str = MONTH_DAY  # how the note writes numeric dates (deid/date_order.py), as its dates were read


_first_names = given_names  # the given-name list; its one reader is kb_files


def _note_shift(text: str, salt: str) -> int:
    """A per-note offset in days, between -365 and -30: stable for the same note (so a re-run
    gives the same answer) and unpredictable without the salt."""
    h = int(hashlib.sha256((salt + "\x00" + text).encode("utf-8", "replace")).hexdigest()[:8], 16)
    return -(30 + h % 336)


class _Spans:
    """Accepted, non-overlapping spans kept sorted by start, so adding one is a binary search
    rather than a scan (a note with tens of thousands of candidate names stays linear-ish)."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.spans: list[tuple[int, int, str]] = []

    def add(self, start: int, end: int, kind: str) -> None:
        """Keep [start, end) unless it overlaps an accepted span. A longer span of the same kind takes the place of
        every span it overlaps (their union), so long as all of them are of its kind and shorter; otherwise the
        first accepted wins. The kept spans never overlap: deidentify() replaces them left to right."""
        if end <= start:
            return
        i = bisect.bisect_left(self.starts, start)
        lo = i - 1 if i > 0 and self.spans[i - 1][1] > start else i
        hi = i
        while hi < len(self.spans) and self.spans[hi][0] < end:
            hi += 1
        if lo == hi:
            self.starts.insert(i, start)
            self.spans.insert(i, (start, end, kind))
            return
        hit = self.spans[lo:hi]
        if any(k != kind or e - s >= end - start for s, e, k in hit):
            return
        merged = (min(start, hit[0][0]), max(end, hit[-1][1]), kind)
        self.spans[lo:hi] = [merged]
        self.starts[lo:hi] = [merged[0]]

    def covers(self, pos: int) -> bool:
        i = bisect.bisect_right(self.starts, pos) - 1
        return i >= 0 and self.spans[i][0] <= pos < self.spans[i][1]

    def __iter__(self):
        return iter(self.spans)


def _last_digit_before(text: str, pos: int) -> int:
    """Where the last digit before `pos` is, within the few characters a list of years puts between two years."""
    for j in range(pos - 1, max(-1, pos - 10), -1):
        if text[j].isdigit():
            return j
    return -1


def _add(found: "_Spans", start: int, end: int, kind: str) -> None:
    found.add(start, end, kind)


def find_phi(text: str) -> list[tuple[int, int, str]]:
    original, text = text, fold(text)  # the rules read look-alike letters as Latin; same length, same offsets
    found = _Spans()
    for kind, pattern, group in _RULES:
        for m in pattern.finditer(text):
            if group == -1:
                g = next((i for i in range(1, (m.lastindex or 0) + 1) if m.group(i)), 0)
            else:
                g = group
            start, end = m.span(g) if g and m.group(g) else m.span()
            if kind == "DATE" and looks_like_ratio(text, start, end):
                continue
            if pattern is YEAR_LIST and not found.covers(_last_digit_before(text, start)):
                continue
            _add(found, start, end, kind)
    find_intl(original, text, found.add, found.covers, _clinical_words())  # before the places take "Calle" as a town
    names: set[str] = set()
    for pattern in _NAME_RULES:
        for m in pattern.finditer(text):
            if pattern is _NAME_RULES[0] and m.group(1) in _SURNAMES_TOO:  # "Dr. Page": after a title, a surname
                _add(found, m.start(1), m.end(1), "NAME")
                names.add(m.group(1))
                continue
            _name_span(text, m.start(1), m.end(1), found, names)
    for m in _RELATIVE_RULE.finditer(text):  # "mother Diabetes" in a family history is not a name
        if m.group(1).split()[0].strip(".").lower() not in _clinical_words():
            _name_span(text, m.start(1), m.end(1), found, names)
            _name_list(text, m.end(1), found, names)
    for pattern in _HEADER_RULES:
        for m in pattern.finditer(text):
            if _plausible_header_name(m.group(1)):
                _name_span(text, m.start(1), m.end(1), found, names)
    for m in DOCTORS.finditer(text):  # "Drs. Halvorsen and Quint": every name of the list
        for one in DOCTORS_ONE.finditer(text, m.start(1), m.end(1)):
            if one.group() not in ("and", "And") and one.group() not in _NOT_NAMES:
                _name_span(text, one.start(), one.end(), found, names)
    for m in CAPS_LABEL_NAME.finditer(text):  # a name in capitals after a label: no word of it may be clinical
        if _plausible_header_name(m.group(1)) and not any(
                w.lower() in _clinical_words() for w in re.findall(r"[^\W\d_]{2,}", m.group(1))):
            _name_span(text, m.start(1), m.end(1), found, names)
    firsts = _first_names()
    for m in re.finditer(rf"\b({_NAME_WORD})\s+({_NAME_WORD})\b", text):
        if m.group(1) in firsts and m.group(2) not in _NOT_NAMES and m.group(2).lower() not in _clinical_words() \
                and not SERVICE_AFTER.match(text, m.end(1)) and not SERVICE_AFTER.match(text, m.end()) \
                and not _facility_from(text, m.start(), m.end()):
            _name_span(text, m.start(), m.end(), found, names)
    lower = find_places(text, found.add, _clinical_words(), _NOT_NAMES, firsts)
    lower += find_lower_names(text, found.add, _clinical_words(), firsts, _HEADER_NOT_NAMES)  # "pt john c/o ..."
    find_gazetteer_places(text, found.add, _clinical_words(), _NOT_NAMES)
    names.update(find_cued(text, found.add, _clinical_words(), _HEADER_NOT_NAMES, firsts))
    dictated = find_dictated_names(text, found.add, _clinical_words(), _HEADER_NOT_NAMES, firsts)  # "DR. X", "x, md"
    names.update(dictated)
    lower += [n for n in dictated if n.islower()]
    find_facilities(text, found.add, _clinical_words(), _NOT_NAMES)
    find_event_years(text, found.add, _clinical_words())
    for m in MONTH_LIST.finditer(text):  # "in November and December": the next month of a list whose first is a date
        if found.covers(m.start()):
            _add(found, m.start(1), m.end(1), "DATE")
    # propagate: every other capitalised mention of a known name part in this note, and any mention of a
    # name first seen in lower case ("dr. okafor" ... "Okafor")
    parts = {p.strip(".,;") for n in names for p in n.split()}
    parts = {p for p in parts if len(p) > 2 and p[0].isupper() and p not in _NOT_NAMES}
    # across case: a name found in capitals is the same name in title case and the reverse ("QUILL" ... "Mr. Quill"),
    # unless that form is an ordinary word of the note's vocabulary
    parts |= {v for p in parts for v in (p.upper(), p[0] + p[1:].lower())
              if v.capitalize() not in _NOT_NAMES and v.lower() not in _clinical_words() and v.lower() not in _HEADER_NOT_NAMES}
    for start, end, *_ in (*word_hits(text, parts), *folded_name_mentions(original, text, parts)):  # and "mаria"
        if not ordinary_repeat(text, start, end):  # "Will was seen ... Will follow up": the second is the word
            _add(found, start, end, "NAME")
    low_parts = {p for n in lower for p in n.split() if len(p) > 2}
    if low_parts:
        alternatives = "|".join(re.escape(p) for p in sorted(low_parts, key=len, reverse=True))
        for m in re.finditer(rf"\b(?i:{alternatives})\b", text):
            _add(found, m.start(), m.end(), "NAME")
    find_letterheads(text, list(found), found.add, _clinical_words())
    repeat_facilities(text, list(found), found.add, _clinical_words(), _NOT_NAMES, firsts)
    spans = _extend_names(text, list(found), firsts)
    spans.sort()
    return _merge_names(text, spans)


def _facility_from(text: str, start: int, end: int) -> bool:
    """A facility's name runs on from here past these words ("Austin Veterans Affairs Medical Center": a
    given name and a capitalised word opening a hospital's name are the hospital's, session 28)."""
    f = FACILITY.match(text, start)
    return f is not None and f.end() > end


# words kept out of names elsewhere ("Page RN", "Call MD", "per Cardiology") that are surnames right after a title
_SURNAMES_TOO = frozenset("Page Call Ask Tell Fellow Partner Kind Staff Per Via".split())

# the next name of a list after a relative: "her sons, Tomas and Bertrand", "sons Ali, Omar and Reza"
_NEXT_NAME = re.compile(rf"(?<![ \t])([ \t]*,[ \t]*(?:and[ \t]+)?|[ \t]+(?:and|&)[ \t]+)({_NAME_WORD})(?![\w-])")
_LIST_GOES_ON = re.compile(r"[ \t]*+(?:,|and\b|&)")  # used with .match at a name's end (possessive: linear)


def _name_list(text: str, pos: int, found: "_Spans", names: set[str]) -> None:
    """Up to three more given names listed after a relative's name; a comma alone links them only when the list
    goes on ("Ali, Omar and Reza"), so "wife Mary, Denies ..." stays as it is."""
    for _ in range(3):
        m = _NEXT_NAME.match(text, pos)
        if not m:
            return
        word = m.group(2)
        if word in _NOT_NAMES or word.lower() in _clinical_words() or word.lower() in _HEADER_NOT_NAMES:
            return
        if not re.search(r"and|&", m.group(1)) and not _LIST_GOES_ON.match(text, m.end()):
            return
        _name_span(text, m.start(2), m.end(2), found, names)
        pos = m.end()


_PREV_WORD = re.compile(rf"(?:(?<=\s)|^)({_NAME_WORD}|[{_UP}]\.)[ \t]+$")


def _extend_names(text: str, found: list[tuple[int, int, str]], firsts: frozenset[str]) -> list[tuple[int, int, str]]:
    """Pull a given name or an initial that stands right before a found name into it ('Chidi
    Okonkwo' once 'Okonkwo' is known; 'J. Whitcombe'), unless that word starts a sentence and is
    not a known given name (then it is more likely an ordinary capitalised word)."""
    out = []
    for s, e, k in found:
        if k == "NAME":
            m = _PREV_WORD.search(text, max(0, s - 40), s)
            if m and m.end() == s:
                word = m.group(1)
                before = text[:m.start(1)].rstrip(" \t")
                sentence_start = not before or before[-1] in ".!?\n:"
                if word.rstrip(".") not in _NOT_NAMES and not SPECIALIST_TITLE.fullmatch(word) \
                        and (word in firsts or len(word) == 2 or not sentence_start):
                    s = m.start(1)
            if digits := re.match(r"\d{1,3}\b", text[e:e + 4]):  # a numbered placeholder name: "Sample Doctor4"
                e += digits.end()
        out.append((s, e, k))
    return out


# Words of a document header that are not names ("Discharge Summary  MRN ...", "Ward Round  DOB ...").
_HEADER_NOT_NAMES = {
    "summary", "note", "notes", "report", "letter", "record", "records", "referral", "consultation", "consult",
    "progress", "ward", "round", "rounds", "day", "night", "clinic", "hospital", "general", "medical", "medicine",
    "surgical", "department", "unit", "bed", "room", "bay", "service", "team", "follow", "review", "visit", "study",
    "scan", "imaging", "result", "results", "update", "transfer", "admission", "discharge", "emergency", "urgent",
    "acute", "chronic", "new", "old", "left", "right", "male", "female", "man", "woman", "boy", "girl", "patient",
    "name", "date", "age", "sex", "gender", "born", "dob", "mrn", "nhs", "id", "number", "no", "years", "year",
    "main", "north", "south", "east", "west", "central", "st", "saint", "street", "road",
}


def _plausible_header_name(candidate: str) -> bool:
    """A header-line candidate is a name unless one of its words is a known non-name or header word,
    or all of its words are clinical vocabulary ("Chest Pain  2 yrs")."""
    words = [w.strip(".,") for w in candidate.split()]
    words = [w for w in words if len(w) > 1 and w[0].isupper()]  # drop initials and particles
    if not words:
        return False
    if any(w in _NOT_NAMES or w.capitalize() in _NOT_NAMES or w.lower() in _HEADER_NOT_NAMES for w in words):
        return False
    clinical = _clinical_words()
    return not all(w.lower() in clinical for w in words)


def _name_span(text, start, end, found, names) -> None:
    words = [(m.start() + start, m.end() + start, m.group()) for m in re.finditer(r"\S+", text[start:end])]
    while words and not_name(words[0][2]):
        words = words[1:]
    while words and not_name(words[-1][2]):
        words = words[:-1]
    if not words:
        return
    if re.fullmatch(r"\w\.", words[-1][2]) and len(words) == 1:  # "Dr. Q." ends a sentence: the stop stays
        words[-1] = (words[-1][0], words[-1][1] - 1, words[-1][2][:-1])
    names.add(" ".join(w for _, _, w in words))
    _add(found, words[0][0], words[-1][1], "NAME")


def _merge_names(text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Adjacent NAME spans separated by one space are one name."""
    out: list[tuple[int, int, str]] = []
    for s, e, k in found:
        if out and k == "NAME" and out[-1][2] == "NAME" and text[out[-1][1]:s] == " ":
            out[-1] = (out[-1][0], e, "NAME")
        else:
            out.append((s, e, k))
    return out


def deidentify(text: str, *, shift_days: int | None = None, salt: str = "medcore") -> DeidResult:
    """Find PHI and replace it. `shift_days` fixes the date offset (tests, or one offset per
    patient across notes); by default it is derived from the note and the salt."""
    if not text:
        return DeidResult(text or "", [], 0)
    days = _note_shift(text, salt) if shift_days is None else int(shift_days)
    order = date_order(text)  # every numeric date is read the way round this note writes them
    out, spans, last = [], [], 0
    for start, end, kind in find_phi(text):
        original = text[start:end]
        if kind == "DATE":
            repl = shift_date(original, days, order)
        elif kind == "AGE":
            repl = "90+"
        else:
            repl = f"[{kind}]"
        out.append(text[last:start])
        out.append(repl)
        spans.append(PhiSpan(kind, start, end, original, repl))
        last = end
    out.append(text[last:])
    return DeidResult("".join(out), spans, days, order)
