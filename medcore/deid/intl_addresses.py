"""Addresses written the way other countries write them, and the town after them (issue 14: "Calle de Alcalá,
Madrid", "ul. Marszałkowska 10, Warszawa" and "Address: 5 Rue de la Paix, Paris" leaked; patterns.py knows only
"12 Oak Street" and UK postcodes). The words come from assets/kb/deid/international.yaml (intl_lists.py).

- a street word before the street's name: "5 Rue de la Paix", "Calle de Alcalá", "ul. Marszałkowska 10",
  "Via Roma 12"; it is a street when a house number comes before or after it, a town follows after a comma, or
  an address cue ("lives at", "address:") comes before it. Street words that are also English or clinical words
  ("Place a drain", "Route: oral", "Via the femoral artery", "the cervical os.") need a house number before them
  ("5 Place Bellecour") or a number and a town after them;
- a street word after the street's name, or its ending: "Hauptstraße 5", "Berliner Straße 12", "Váci utca 5";
  it needs a house number after it;
- an address label ("Address:", "Addr:", "Home address:", "Adresse:", "Адрес:"): what follows on its line, up to
  the next label, split at commas into the street (ADDRESS), a postcode (ZIP) and the town (CITY; STATE or
  COUNTRY when the gazetteer says so). "Address: unknown" and other empty values are left alone;
- the town after a street, after a comma and perhaps a postcode ("…, 00-950 Warszawa"), unless it is clinical or
  ordinary vocabulary.
A span is added only where nothing was found before, so a US address the older rules took keeps their spans.
Every quantifier is bounded (tests/records/test_hostile_text.py times long runs)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

from medcore.deid.intl_lists import ordered, words
from medcore.deid.patterns import _LO, _UP
from medcore.deid.place_table import gazetteer
from medcore.deid.places import GENERIC, NOT_PLACES

Add = Callable[[int, int, str], None]
Covers = Callable[[int], bool]

# a capitalised word of a street's or a town's name: "Alcalá", "Marszałkowska", "Saint-Honoré", "Петровка"
_CAP = rf"[{_UP}][{_LO}'’]{{1,30}}(?:-[{_UP}]?[{_LO}'’]{{1,30}}){{0,2}}"
# the small words inside a street's name: "de la", "del", "di", "dos", "von der", "d'", "l'"
_PARTICLE = r"(?:de|del|de la|de las|de los|la|las|los|el|di|da|do|dos|das|du|des|della|delle|degli|dei|von|van|der|den|zu|y|e|i)"
_NAME = (rf"(?:(?:{_PARTICLE}[ \t]+|(?:d|l|dell)['’])){{0,3}}{_CAP}"
         rf"(?:[ \t]+(?:(?:{_PARTICLE}[ \t]+|(?:d|l|dell)['’])){{0,3}}{_CAP}){{0,3}}")
_HOUSE = r"\d{1,5}[a-zA-Z]?(?:[ \t]*[/-][ \t]*\d{1,5}[a-zA-Z]?)?"
_POSTCODE = r"(?:\d{2}-\d{3}|\d{4,5}|[A-Z]{1,2}-\d{4,5}|\d{4}[ \t]?[A-Z]{2})"
_TOWN = rf"{_CAP}(?:[ \t-]+(?:(?:am|an|der|de|del|la|le|les|sur|en|upon|on)[ \t-]+)?{_CAP}){{0,2}}"
# the town after a street: ", Madrid", ", 00-950 Warszawa", " 28013 Madrid", ending its clause
# (possessive blanks: "[ \t]*" then "[ \t]+" tried every split of a run of spaces, cubic under a long one)
_TOWN_AFTER = re.compile(rf"(?:[ \t]*+,[ \t]*+(?:({_POSTCODE})[ \t]++)?|[ \t]++({_POSTCODE})[ \t]++)({_TOWN})"
                         rf"(?=[ \t]*(?:[,.;:)\n]|$)|[ \t]+[a-z])")
_CUE_BEFORE = re.compile(r"(?i:\b(?:at|on|lives|living|resides|residing|address(?:[ \t]+is)?|addr\.?|moved[ \t]+to)[ \t]*:?[ \t]*)$")


def _alternatives(ws: tuple[str, ...]) -> str:
    """Each word as written in lower case, capitalised, or (a word, not an abbreviation) in capitals."""
    forms = []
    for w in ws:
        forms += [w, w[:1].upper() + w[1:]]
        if len(w) > 3 and "." not in w and "/" not in w:
            forms.append(w.upper())
    return "|".join(re.escape(f) for f in dict.fromkeys(sorted(forms, key=lambda f: (-len(f), f))))


@lru_cache(maxsize=1)
def _rules() -> tuple[re.Pattern, re.Pattern, re.Pattern, frozenset[str]]:
    before = _alternatives(ordered("addresses", "street_before"))
    suffixes = "|".join(re.escape(w) for w in ordered("addresses", "street_suffixes"))
    labels = "|".join(re.escape(w).replace(r"\ ", r"[ \t]+") for w in ordered("addresses", "labels"))
    # [house number] street word name [house number]; "et al. Nature 2019" is a citation, not a street
    prefix = re.compile(rf"(?<![\w.])(?:({_HOUSE})[ \t]*,?[ \t]+)?(?<!\bet )({before})(?![\w])[ \t]*({_NAME})"
                        rf"(?:[ \t]*,?[ \t]*({_HOUSE})(?![\w/.,]\d|[\w]))?")
    # a word, then a house number: find_intl_addresses keeps those whose word is or ends in a street word
    # (a lookup, not an alternation tried at every letter)
    suffix = re.compile(rf"(?<![\w])([{_UP}][{_LO}]{{1,40}}\.?|(?:{suffixes}))[ \t]*,?[ \t]+({_HOUSE})(?![\w/.,]\d|[\w])")
    label = re.compile(rf"(?<![\w])(?i:{labels})[ \t]*(?::|-|–|\bis\b)[ \t]*([^\n;|]{{3,120}})")
    return prefix, suffix, label, words("addresses", "street_before_numbered_only")


_NEXT_LABEL = re.compile(r"[ \t]{2,}|[ \t]*\b(?i:phone|tel|telephone|mobile|cell|e-?mail|dob|d\.o\.b|mrn|nhs|fax|"
                         r"date of birth|next of kin|nok|gp|postcode|zip)\b[ \t]*[:#.]")
_PIECE = re.compile(r"[^,]+")
_NAME_BEFORE = re.compile(rf"(?<![\w])((?:{_CAP}[ \t]+){{1,3}})$")
_POSTCODE_TOWN = re.compile(rf"^({_POSTCODE})(?:[ \t]+({_TOWN}))?$")
_TOWN_ONLY = re.compile(rf"^{_TOWN}$")


def _free(covers: Covers, start: int, end: int) -> bool:
    return end > start and not any(covers(i) for i in range(start, end))


def _place_kind(town: str) -> str:
    kind = gazetteer().get(town, "city")
    return {"state": "STATE", "country": "COUNTRY"}.get(kind, "CITY")


def _ordinary(town: str, clinical: frozenset[str]) -> bool:
    ws = [w.lower() for w in re.split(r"[ \t-]+", town) if w]
    return any(w in clinical or w in GENERIC or w in NOT_PLACES for w in ws)


def _town_after(text: str, pos: int, add: Add, covers: Covers, clinical: frozenset[str]) -> bool:
    m = _TOWN_AFTER.match(text, pos)
    if not m or _ordinary(m.group(3), clinical):
        return False
    code = m.group(1) or m.group(2)
    if code and _free(covers, *m.span(1 if m.group(1) else 2)):
        add(*m.span(1 if m.group(1) else 2), "ZIP")
    if _free(covers, *m.span(3)):
        add(*m.span(3), _place_kind(m.group(3)))
    return True


def _street_words_ok(name: str, clinical: frozenset[str]) -> bool:
    """A street's own name has a word that is not clinical vocabulary ("Via Foley" is an instruction)."""
    caps = [w.lower() for w in re.findall(rf"[{_UP}][{_LO}'’-]+", name)]
    return bool(caps) and not all(w in clinical for w in caps)


def _label_lines(text: str, add: Add, covers: Covers, clinical: frozenset[str], label: re.Pattern) -> None:
    empty = words("addresses", "empty_values")
    for m in label.finditer(text):
        body_start = m.start(1)
        body = m.group(1)
        stop = _NEXT_LABEL.search(body)
        if stop:
            body = body[:stop.start()]
        body = body.rstrip(" \t.")
        if not body or body.lower() in empty or not re.search(rf"\d|[{_UP}]", body):
            continue
        if body.split(",")[0].strip().lower() in empty:
            continue
        for piece in _PIECE.finditer(body):
            raw = piece.group()
            s = body_start + piece.start() + (len(raw) - len(raw.lstrip()))
            e = body_start + piece.end() - (len(raw) - len(raw.rstrip()))
            value = text[s:e]
            if not value:
                continue
            pc = _POSTCODE_TOWN.match(value)
            if pc:
                if _free(covers, s + pc.start(1), s + pc.end(1)):
                    add(s + pc.start(1), s + pc.end(1), "ZIP")
                if pc.group(2) and not _ordinary(pc.group(2), clinical) and _free(covers, s + pc.start(2), s + pc.end(2)):
                    add(s + pc.start(2), s + pc.end(2), _place_kind(pc.group(2)))
            elif re.search(r"\d", value) and re.search(r"[^\W\d_]", value):
                if _free(covers, s, e):
                    add(s, e, "ADDRESS")
            elif _TOWN_ONLY.match(value) and not _ordinary(value, clinical):
                if _free(covers, s, e):
                    add(s, e, _place_kind(value))
            else:
                break  # ordinary words: the address is over


def find_intl_addresses(text: str, add: Add, covers: Covers, clinical: frozenset[str]) -> None:
    """Add ADDRESS, ZIP and CITY (or STATE/COUNTRY) spans for streets written the international way."""
    prefix, suffix, label, numbered_only = _rules()
    for m in prefix.finditer(text):
        word = m.group(2).lower()
        before, after, name = m.group(1), m.group(4), m.group(3)
        if not _street_words_ok(name, clinical):
            continue
        town = _TOWN_AFTER.match(text, m.end(3) if before and after else m.end())
        town_ok = bool(town) and not _ordinary(town.group(3), clinical)
        cue = bool(_CUE_BEFORE.search(text, max(0, m.start() - 30), m.start()))
        if word in numbered_only:
            ok = bool(before) or (bool(after) and town_ok)
        else:
            ok = bool(before or after) or town_ok or cue
        if not ok:
            continue
        # one house number: after "5 rue de la Paix", a number after the comma is the postcode of the town
        end = m.end(3) if before and after else m.end()
        if _free(covers, m.start(), end):
            add(m.start(), end, "ADDRESS")
        _town_after(text, end, add, covers, clinical)
    endings = ordered("addresses", "street_suffixes")
    for m in suffix.finditer(text):
        word = m.group(1).lower()
        if word in endings:  # the street word written apart: its name is the capitalised words before it
            named = _NAME_BEFORE.search(text, max(0, m.start() - 100), m.start())
            if not named or not _street_words_ok(named.group(1), clinical):
                continue
            start = named.start(1)
        elif any(word.endswith(e) for e in endings) and _street_words_ok(m.group(1), clinical):
            start = m.start()
        else:
            continue
        if _free(covers, start, m.end()):
            add(start, m.end(), "ADDRESS")
        _town_after(text, m.end(), add, covers, clinical)
    _label_lines(text, add, covers, clinical, label)  # last: it adds only what the street rules left free
