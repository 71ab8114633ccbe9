"""Facility shapes the rules of places.py do not reach, and a facility's other mentions in the same note (issue 11,
session 11: facilities were the weakest PHI type on unseen real notes).

- a saint's name with its possessive names a hospital or a home ("seen at St. Aldhelm's", "ST. WINIFRED'S HOSPITAL",
  "st. cuthbert's hospital"), unless an eponym follows ("St. John's wort", "St. Vitus' dance");
- "University of X", "College of X", "Hospital of X" when X is not a specialty ("University of Wexborough", not
  "College of Surgeons");
- a facility in lower case named by a known town ("seen at riverside medical center");
- a capitalised name before an emergency department or a hospital written in lower case, after "the", "at", "to",
  "from" or "in" ("the Brackley ER", "sent to the Mercy emergency room");
- facility names written in capitals ("ST. ALBAN REGIONAL MEDICAL CENTER"): the facility rules of places.py read a
  title-cased copy of each run of capitalised words, which keeps every offset;
- a facility's abbreviation given in brackets after it ("Northgate Medical Center (NMC)"), its initials (three
  letters or more) and its own distinctive words ("Quarrybank" of "Quarrybank Memorial"), and a found town's words,
  are PHI wherever the note repeats them, in their written case or in capitals.
Session 12 (shapes the spent blind set blind_s10 showed, and our own notes' letterheads):
- a facility word left alone where transcription took the name out ("taken to Hospital, where", "at Clinic.");
- a scheme's or an insurer's name before "insurance" ("her Lantern Bridge insurance"), and any facility or firm name of
  several words wherever the note repeats it whole;
- a letterhead or addressee line ending in a practice's, a hospital's or a firm's word ("Hollybank Surgery" over an
  address, "Glebe House Practice" under "Dr Oona Firth").
Every quantifier is bounded (tests/records/test_hostile_text.py times the module on long runs)."""

from __future__ import annotations

import bisect
import re
from typing import Callable, Iterable

from medcore.deid.patterns import CIVIL_TITLES, DOCTOR_TITLES
from medcore.deid.place_table import gazetteer
from medcore.deid.words import word_hits
from medcore.deid.places import _W, FACILITY, GENERIC, NOT_PLACES, ORG_SUFFIX, UNITS, _named_institution, _names_a_place, _words

_HEAD_WORDS = (r"(?:hospitals?|medical[ \t]+cent(?:er|re)|nursing[ \t]+home|infirmary|hospice|home|"
               r"rehab(?:ilitation)?(?:[ \t]+cent(?:er|re))?|clinic|health(?:care)?(?:[ \t]+(?:system|cent(?:er|re)))?)")
# "St. Aldhelm's", "Saint Kilda's Hospital", "ST. WINIFRED'S", "st. cuthbert's hospital" (lower case only with a head)
SAINT = re.compile(
    rf"\b((?:St|ST|Saint|SAINT|Mt|MT|Mount|MOUNT)\.?[ \t]+[A-Z][A-Za-z]{{2,20}}['’][sS](?:[ \t]+(?i:{_HEAD_WORDS}))?)"
    rf"(?![\w'’])|\b((?:st|saint)\.?[ \t]+[a-z]{{3,20}}['’]s[ \t]+{_HEAD_WORDS})\b")
# eponyms and products that a saint's name opens
_SAINT_EPONYM = re.compile(r"(?<![ \t])[ \t]+(?i:wort|dance|fire|oil|cross|day|eve|church|cathedral|chapel)\b")
# "University of Wexborough", "the College of Ardrossan", "Infirmary of Leith" (+ "Hospitals and Clinics" after it)
OF_PLACE = re.compile(
    rf"\b((?:University|College|Institute|Hospitals?|Infirmary|Academy|School)[ \t]+of[ \t]+(?:the[ \t]+)?"
    rf"{_W}(?:[ \t]+{_W}){{0,2}}(?:[ \t]+(?:Hospitals?(?:[ \t]+(?:and|&)[ \t]+Clinics)?|Medical[ \t]+Cent(?:er|re)|"
    rf"Health(?:care)?(?:[ \t]+System)?))?)")
# bodies named after a specialty or a profession, not a place ("American College of Surgeons", "School of Medicine")
_PROFESSIONS = frozenset("""surgeons physicians medicine nursing pharmacy dentistry radiologists pathologists cardiology
obstetricians gynecologists pediatrics paediatrics psychiatrists anesthesiologists anaesthetists emergency public
health science sciences technology arts law chest rheumatology nutrition dietetics osteopathic""".split())
# a named emergency department or hospital in lower case: "at the Brackley ER", "to the Mercy emergency room" (session
# 16: or intensive care unit, "in Harwood ICU")
NAMED_SETTING = re.compile(
    rf"\b(?:the|at|to|from|in)[ \t]+((?:{_W})(?:[ \t]+{_W})?)[ \t]+(?:ER|ED|A&E|ICU|CCU|NICU|PICU|emergency[ \t]+(?:room|department)|"
    rf"urgent[ \t]+care|hospital)\b(?![ \t]+(?i:course|stay|admission|visit|records?|chart|policy|protocol)\b)")
# a facility written all in lower case, named by a known town ("seen at riverside medical center", "to bramford
# hospital"): only a gazetteer town makes a lower-case word a name here
LOWER_FACILITY = re.compile(r"\b(?:at|to|from|in)[ \t]+([a-z]{3,20}(?:[ \t]+[a-z]{3,20})?)[ \t]+(?:hospital|medical[ \t]+cent(?:er|re)|"
                            r"clinic|nursing[ \t]+home|health[ \t]+cent(?:er|re)|regional|memorial)\b")
# a run of two or more words in capitals, not a heading (a colon closes a heading)
CAPS_RUN = re.compile(r"(?<![\w'’.])((?:[A-Z][A-Z'’.&-]{0,20}[ \t]+){1,6}[A-Z][A-Z'’&-]{1,20})(?![\w'’])(?![ \t]*[A-Z:])")
_ABBREV_AFTER = re.compile(r"[ \t]*+\([ \t]*+([A-Z]{2,6})[ \t]*+\)")
# a facility word standing alone, capitalised, straight after "to", "at" or "from" in the middle of a sentence, as
# transcription leaves a facility whose own name was taken out: "the crew drove him to Hospital, where", "home from
# Hospital on day 3", "sent on to Children's for", "her cast was changed at Clinic." ("to the hospital", "at clinic"
# and a sentence's first word stay)
# (session 14: "through", and a bare "Health Center"; session 13: also after "by" or "via", "transported by Rescue Squad", and "the Clinic" in running text, "call the
# Clinic"; not "the Hospice" nor "by Hospitalists", a service)
BARE_HEAD = re.compile(r"(?<=[a-z,] )(?:to|at|from|by|via|through|the(?=[ \t]+Clinic\b))[ \t]+(Hospital|Clinic|Infirmary|Hospice|"
                       r"Children['’]s|(?:Medical|Health)[ \t]+Cent(?:er|re)(?:['’]s)?|Rescue[ \t]+Squad)(?![\w'’])(?![ \t]*(?:[A-Z]|of\b|-))")
# a facility written as its initials in capitals after words of care or referral (session 13): "under the care of the
# ABCH epilepsy program", "followed at NRMC", "referred to KMC" (not a unit or a service: "care of the ICU team", "ENT")
ACRONYM_CUED = re.compile(r"\b(?i:care[ \t]+of|followed[ \t]+(?:by|at|in)|seen[ \t]+(?:by|at|in)|referred[ \t]+(?:to|by)|"
                          r"transferred[ \t]+(?:to|from)|evaluated[ \t]+at|treated[ \t]+at)[ \t]+(?:the[ \t]+)?([A-Z]{3,6})\b(?![-/]?\d)")
# the name of a scheme or an insurer before "insurance": "her Project Access insurance", "their Harbourside Mutual
# coverage" (public schemes and kinds of cover are not names: "his Medicare insurance", "her Private insurance")
INSURER = re.compile(rf"\b(?i:his|her|their|my|your|the)[ \t]+({_W}(?:[ \t]+{_W}){{0,2}})[ \t]+"
                     rf"(?i:insurance|coverage|health[ \t]+plan)\b")
_NOT_INSURERS = frozenset("""medicare medicaid medi-cal medical tricare champva va social security ssi ssdi cobra private
public commercial state federal government dental vision travel life auto car home health disability supplemental
secondary primary new old employer work""".split())
# a line that is only a name in capitals or title case and ends in a facility's or a firm's word, on a letter's
# heading: the line over an address ("Hollybank Surgery" over "14 Church Lane, ..."), or under the doctor a letter
# goes to ("Dr ..." over "Kirkgate Medical Practice")
LETTERHEAD_LINE = re.compile(
    r"(?m)^[ \t]*((?:[A-Z][A-Za-z'’.&-]{1,24}[ \t]+(?:(?:of|and|&|the|for|on|upon)[ \t]+)?){1,5}"
    r"(?i:Surgery|Practice|Hospital|Clinic|Cent(?:er|re)|Trust|Health(?:care)?|Imaging|Radiology|Associates|Group|"
    r"Partners|Institute|Infirmary|Hospice|Laboratories|Pharmacy))[ \t]*$")
# A doctor's (or a person's) line heading a letter: civil and doctors' titles from the one title list. "Mx" and
# "Doctor" were never in this rule; taking them would widen what counts as a doctor's line (a change, not this one).
_LINE_TITLES = "|".join(t for t in CIVIL_TITLES + DOCTOR_TITLES if t not in ("Mx", "Doctor"))
_TITLE_LINE = re.compile(rf"(?m)^[ \t]*(?:{_LINE_TITLES})\.?[ \t]+[A-Z][^\n]{{0,60}}$")


def _title(run: str) -> str:
    """The same run in title case, letter for letter ("ST. ALBAN'S" -> "St. Alban's"), so offsets are kept."""
    return re.sub(r"[A-Za-z][A-Za-z'’]*", lambda m: m.group()[0] + m.group()[1:].lower(), run)


def _saint_ok(text: str, m: re.Match, clinical: frozenset[str]) -> bool:
    name = re.split(r"[ \t]+", m.group(0).strip())[1].lower()
    name = re.sub(r"['’]s$", "", name)
    return not _SAINT_EPONYM.match(text, m.end()) and name not in clinical


def find_facilities(text: str, add: Callable[[int, int, str], None], clinical: frozenset[str],
                    not_names: set[str]) -> None:
    """Add HOSPITAL spans for the shapes above (not the propagation: see `repeat_facilities`)."""
    find_bare_heads_and_insurers(text, add, clinical)
    for m in SAINT.finditer(text):
        g = 1 if m.group(1) else 2
        if _saint_ok(text, m, clinical):
            add(m.start(g), m.end(g), "HOSPITAL")
    for m in OF_PLACE.finditer(text):
        place = m.group(1).split(" of ", 1)[1]
        words = [w for w in _words(place) if w != "the"]
        if words[0] not in _PROFESSIONS and _names_a_place(" ".join(words[:1]), clinical):
            add(m.start(1), m.end(1), "HOSPITAL")
    for m in NAMED_SETTING.finditer(text):
        words = _words(m.group(1))
        if not any(w in GENERIC or w in NOT_PLACES or w in clinical or w.capitalize() in not_names for w in words):
            add(m.start(1), m.end(1), "HOSPITAL")
    for m in ACRONYM_CUED.finditer(text):
        low = m.group(1).lower()
        if low not in UNITS and low not in clinical and low not in GENERIC and low not in NOT_PLACES:
            add(m.start(1), m.end(1), "HOSPITAL")
    places = gazetteer()
    for m in LOWER_FACILITY.finditer(text):
        name = " ".join(w.capitalize() for w in m.group(1).split())
        if places.get(name) == "city" and not any(w in GENERIC or w in clinical for w in _words(name)):
            add(m.start(1), m.end(), "HOSPITAL")
    # facility names in capitals: the title-case rules on a title-cased copy of each run of capitals
    for run in CAPS_RUN.finditer(text):
        copy = _title(run.group(1))
        base = run.start(1)
        for pattern in (FACILITY, ORG_SUFFIX):
            for m in pattern.finditer(copy):
                span = m.group(1)
                # the run ends with the facility ("HOSPITAL COURSE" is a heading, not a place)
                if m.end(1) != len(copy):
                    continue
                if _names_a_place(span, clinical) or (pattern is FACILITY and _named_institution(text, base + m.start(1), span)):
                    add(base + m.start(1), base + m.end(1), "HOSPITAL" if pattern is FACILITY else "ORGANIZATION")
        for m in SAINT.finditer(copy):
            if m.group(1) and _saint_ok(copy, m, clinical):
                add(base + m.start(1), base + m.end(1), "HOSPITAL")


def find_letterheads(text: str, found: Iterable[tuple[int, int, str]], add: Callable[[int, int, str], None],
                     clinical: frozenset[str]) -> None:
    """A letterhead or addressee line naming a practice, a hospital or a firm (LETTERHEAD_LINE): it counts only when
    the same block of lines (no blank line between, at most three lines away) holds a found street address, postcode
    or phone number, or a doctor's name line just above it; and one of its words must be its own (not generic, not
    clinical): "Hollybank Surgery" over an address, not "Cardiology Clinic" or "General Surgery".
    Lines are numbered once (bisect), so each candidate costs a few look-ups, whatever the note's length."""
    line_starts = [0] + [m.end() for m in re.finditer(r"\n", text)]
    # a block is a run of lines without a blank line: number them, so "same block" is one comparison
    block, blocks = 0, []
    for i, ls in enumerate(line_starts):
        le = line_starts[i + 1] - 1 if i + 1 < len(line_starts) else len(text)
        if not text[ls:le].strip():
            block += 1
        blocks.append(block)
    anchors = {bisect.bisect_right(line_starts, s) - 1 for s, _, kind in found if kind in ("ADDRESS", "ZIP", "PHONE", "FAX")}
    for m in LETTERHEAD_LINE.finditer(text):
        words = [w for w in _words(m.group(1)) if w not in ("of", "and", "&", "the", "for", "on", "upon")]
        if not _names_a_place(" ".join(words[:-1]), clinical):
            continue
        line = bisect.bisect_right(line_starts, m.start(1)) - 1
        near = any(j in anchors and blocks[j] == blocks[line] for j in range(line - 3, line + 4) if 0 <= j < len(blocks))
        under_doctor = line > 0 and _TITLE_LINE.match(text, line_starts[line - 1], line_starts[line] - 1) is not None
        if near or under_doctor:
            kind = "ORGANIZATION" if words[-1] in ("associates", "group", "partners") else "HOSPITAL"
            add(m.start(1), m.end(1), kind)


def find_bare_heads_and_insurers(text: str, add: Callable[[int, int, str], None], clinical: frozenset[str]) -> None:
    """BARE_HEAD and INSURER spans (see the patterns)."""
    for m in BARE_HEAD.finditer(text):
        add(m.start(1), m.end(1), "HOSPITAL")
    for m in INSURER.finditer(text):
        words = _words(m.group(1))
        if not any(w in _NOT_INSURERS for w in words) and _names_a_place(m.group(1), clinical):
            add(m.start(1), m.end(1), "ORGANIZATION")


_MAX_PHRASES = 40


def _initials(span: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Za-z][\w'’-]*", span) if w[0].isupper())


def repeat_facilities(text: str, found: Iterable[tuple[int, int, str]], add: Callable[[int, int, str], None],
                      clinical: frozenset[str], not_names: set[str], given_names: frozenset[str]) -> None:
    """A found facility's abbreviation in brackets after it, its initials and its distinctive words, and a found town's
    own words, wherever the note repeats them ("... Medical Center (NMC) ... at NMC", "Quarrybank Memorial ...
    Quarrybank staff", "lives in Brantwick ... the Brantwick fire station"). A distinctive
    word is capitalised, four letters or more, neither generic, clinical, a month nor a known given name (a given
    name alone is more often a person than the facility named after one)."""
    forms: dict[str, str] = {}
    for s, e, kind in list(found):
        if kind not in ("HOSPITAL", "ORGANIZATION", "CITY"):
            continue
        span = text[s:e]
        if m := _ABBREV_AFTER.match(text, e):
            add(m.start(1), m.end(1), kind)
            forms[m.group(1)] = kind
        initials = _initials(span)
        if kind != "CITY" and len(initials) >= 3 and initials.lower() not in clinical:
            forms[initials] = kind
        for w in re.findall(r"[A-Za-z][A-Za-z'’-]+", span):
            w = re.sub(r"['’]s$", "", w, flags=re.I)
            low = w.lower()
            ordinary = low in GENERIC or low in NOT_PLACES or low in clinical or low in UNITS
            if len(w) == 3 and w.isupper() and span.strip() == w and not ordinary:
                forms[w] = kind  # an acronym of three capitals that is the whole facility: "at NRH ... NRH staff"
                continue
            if (len(w) >= 4 and w[0].isupper() and not ordinary
                    and w.capitalize() not in not_names and w.capitalize() not in given_names):
                forms.update(dict.fromkeys((w, w.upper(), w.capitalize()), kind))
    # a name of several words whose single words are ordinary ("Project Access"): its repeats as a whole phrase, in the
    # same letters (distinct phrases only, and a bounded number of them, so a note made of repeats stays linear)
    phrases = {text[s:e]: kind for s, e, kind in found if kind in ("HOSPITAL", "ORGANIZATION") and " " in text[s:e].strip()}
    for phrase, kind in list(phrases.items())[:_MAX_PHRASES]:
        for m in re.finditer(rf"(?<![\w'’-]){re.escape(phrase)}(?![\w'’-])", text):
            add(m.start(), m.end(), kind)
    if not forms:
        return
    for start, end, form in word_hits(text, forms):
        add(start, end, forms[form])
