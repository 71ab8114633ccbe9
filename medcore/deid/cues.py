"""Identifiers that only their sentence gives away: a place after "at" or after the emergency room,, a patient named as the subject of the opening sentence or in apposition, a device's serial number, a
day of the month said as an ordinal (issue 11, real transcribed notes).

Each rule needs a cue in the words around it, and a place candidate must not be clinical or ordinary vocabulary:
- "the ER in Tulsa", "the clinic at Brightwater": a place after a care setting and "in"/"at";
- "prenatal care was at ABC Valley.", "delivered at Woman's weighing ...": a capitalised place (or an acronym)
  after "at" that closes the clause, possessive forms included ("St. Luke's");
- "Maria Lopez is a 61-year-old": the subject of an age sentence; "my patient, A, who": a name between
  commas after "my patient";
- "Sincerely,, Imogen Fairweather", "cc: Ottoline Brackwater": the writer of a letter and the doctors copied in;
- "DRRS, 4471 pacemaker", "serial no. AB12345": a device identifier (not a model number: "lens model SN60WF");
- "came in on the first.", "until the 3rd of March": a day of the month.
Every quantifier is bounded (tests/records/test_hostile_text.py times these on long runs)."""

from __future__ import annotations

import re
from typing import Callable

from medcore.deid.patterns import _CAPS_SURNAME, _MONTH_NAME, _NAME_WORD, _NOT_NAMES, _PERSON, _UP
from medcore.deid.places import _CAPS, _W, GENERIC, UNITS, _is_place_name, _words
from medcore.deid.roles import find_named_places, find_role_names
from medcore.deid.word_names import find_word_name_subjects

# (session 16: a word of time or a reporting verb closes it too, "seen at Kestrel last week", "MRI at Overlake showed")
_CLAUSE_END = (r"(?=[ \t]*(?:[,.;:)]|$)|[ \t]+(?:on|for|by|and|with|since|until|where|in|under|from|to|after|before|that|which|when|"
               r"last|this|yesterday|recently|previously|earlier|showed|shows|revealed|reveals|demonstrated)\b|[ \t]+[a-z]{2,20}ing\b)")
# a place after a care setting: "the ER in ABCD", "the emergency department at Mercy", "a nursing home in Leeds"
SETTING_PLACE = re.compile(
    rf"\b(?:ER|ED|A&E|(?i:emergency[ \t]+(?:room|department)|hospital|clinic|urgent[ \t]+care|nursing[ \t]+home|"
    rf"medical[ \t]+cent(?:er|re)|rehab(?:ilitation)?[ \t]+(?:center|centre|facility|unit)))[ \t]+(in|at)[ \t]+"
    rf"((?:{_W}|{_CAPS})(?:[ \t]+{_W})?){_CLAUSE_END}", re.M)
# a place closing a clause after "at": "prenatal care was at ABC Valley.", "born at Woman's weighing 3 kg"
# ("Providence St. Vincent": a saint inside the name too)
AT_PLACE = re.compile(rf"(?<![\w-])at[ \t]+((?:(?:St|Mt|Saint)\.?[ \t]+)?(?:{_W}|{_CAPS})(?:[ \t]+(?:(?:St|Mt)\.[ \t]+)?{_W}){{0,2}}){_CLAUSE_END}", re.M)
# (session 29) a facility named by its acronym after a consult: "consult KRH to evaluate him", "consulted MVH for a
# bed" (not a service: "consult ENT for", "consult NSGY to see", `places.UNITS`; an acronym of 3-5 capitals only)
CONSULT_ACRONYM = re.compile(r"\b(?i:consult(?:ed|ing)?)[ \t]+([A-Z]{3,5})\b(?=[ \t]+(?:to|for|regarding|about|re)\b)")
# the subject of an opening age sentence: "Sample Patient is a pleasant, 61-year-old ..."
SUBJECT_NAME = re.compile(
    rf"(?m)(?:^|(?<=[.:;,]))[ \t]*((?:{_NAME_WORD}[ \t]+){{0,2}}{_NAME_WORD})[ \t]+(?:is|was)[ \t]+an?[ \t]+"
    rf"(?:(?:very[ \t]+)?(?:pleasant|nice|delightful|well-known)[ \t]*,?[ \t]+)?(?=\d{{1,3}}[ -](?:year|yr|month|week))")
_NOT_SUBJECTS = frozenset("""baby infant child toddler gentleman lady veteran client resident mom dad twin
it there which what who""".split())
# a name in apposition: "my patient, A, who ...", "our patient, Jo Reid, is ..."
# ("your patient, ABC, today": a letter to the referring doctor, with the samples' placeholder for the name)
APPOSITION = re.compile(
    rf"\b(?i:my|our|your|this|the)[ \t]+(?i:patient|client)[ \t]*,[ \t]*((?:{_NAME_WORD}[ \t]+){{0,2}}(?:{_NAME_WORD}|[{_UP}])|"
    rf"ABC(?:DE?)?|XYZ)[ \t]*,[ \t]*(?=(?i:who|whom|a|an|is|was|has|aged|age|today)\b|\d)")
# a device identifier: a serial or lot number (a model number names a product, not a patient), or a number before
# the device it names
DEVICE_ID = re.compile(
    r"\b(?i:serial|lot)[ \t]+(?i:no\.?|number|#)?[ \t]*[:#]?[ \t]*((?=[A-Z\d-]{0,12}\d)[A-Z0-9][A-Z0-9-]{3,15})\b|"
    r"\b(\d{4,10}|[A-Z]{1,4}-?\d{3,10})(?=[ \t]+(?i:pacemaker|defibrillator|AICD|ICD|generator|stent|implant|prosthesis|"
    r"pump|neurostimulator)\b)")
_ORDINALS = ("first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|"
             "fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|"
             "twenty-(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|thirty-first")
# a day of the month: "on the first.", "since the 3rd,", "until the twelfth of March"; (session 15) before a word
# that opens a new phrase, not a noun the ordinal counts: "seen on the 9th with a cough", "since the 2nd and is
# worse" (never "on the 2nd and 3rd toes", "on the 1st postoperative day")
ORDINAL_DAY = re.compile(
    rf"\b(?:on|since|until|till)[ \t]+(the[ \t]+(?:{_ORDINALS}|(?:[12]?\d|3[01])(?:st|nd|rd|th)))"
    rf"(?=[ \t]*[,.;)]|[ \t]+of[ \t]+(?:the[ \t]+month|this[ \t]+month|{_MONTH_NAME})\b|"
    rf"[ \t]+(?:with|when|but|because|after|before|at|and(?![ \t]+(?:the[ \t]+)?(?:\d|{_ORDINALS})))\b)")


# the transcription samples' letter placeholders for a redacted place, after a preposition of place: "has lived in ABC
# since", "bloods taken at ABCD", "moved to XYZ" (letters in alphabet order, so not an abbreviation; "XXX" is left out, as it also stands for a time: "at XXX")
PLACEHOLDER_PLACE = re.compile(r"\b((?i:in|near|at|to|from))[ \t]+(ABC(?:DE?)?|XYZ)\b(?![ \t]*(?:plate|[A-Z][a-z]))")


# the samples' alphabet placeholders (never a real acronym in these forms, unlike "ABC" for airway, which stays
# unless a person's verb or a facility's name makes it one): as a person, "XYZ is a 20-year-old", "follow up with ABC.",
# "ABCD brought her in"; as a facility's name before capitalised words, "ABCD General Emergency Room", "to ABCD Nephrology"
_PH = r"(?:ABC(?:DE?)?|XYZ)"
_PLACEHOLDER_WORD = re.compile(_PH)
PLACEHOLDER_SUBJECT = re.compile(
    rf"(?:^|(?<=[.,:;])|(?<=\band )|(?<=\bbut ))[ \t]*({_PH})[ \t]+(?=(?:is|was|has|had|will|would|brought|reported|"
    rf"reports|states|stated|initially|says|said|feels|felt|told|called|returns|returned|presents|presented)\b)", re.M)
PLACEHOLDER_OBJECT = re.compile(
    rf"\b(?i:with|by|seeing|see|saw|seen|access|referring|being|told|asked|called|(?:help|care|assistance)[ \t]+of)[ \t]+({_PH})"
    rf"(?=[ \t]*(?:[,.;:)]|$)|[ \t]+(?:today|for|and|but|about|again|in|at|on)\b)", re.M)
# a newborn named by the placeholder after "baby" or "baby boy/girl": "Baby girl, XYZ, was born", "baby ABC's feeds"
PLACEHOLDER_BABY = re.compile(rf"\b(?i:baby)(?:[ \t]++(?i:boy|girl))?[ \t]*+,?[ \t]*+({_PH})\b")
_ROOM_WORDS = UNITS | {"emergency", "operating", "department", "holding", "area", "preoperative", "postoperative",
                      "inpatient", "outpatient", "suite", "theatre", "theater"}
PLACEHOLDER_NAMED = re.compile(rf"\b({_PH}(?:[ \t]+[A-Z][a-z]+){{1,3}})\b")


# a name given as such: "a friend whose name is Philippa", "a friend named Odile", "her nurse, called Bea"; or a known
# given name as the object that closes a clause (or comes before "at", "about", "who" ...) after a verb of meeting,
# telling or speaking ("he met Omar.", "I told Omar,", "spoke with Ruthanne at the desk"); not an
# eponym, which a noun follows ("a Kelly clamp", "Steven scissors")
NAMED = re.compile(rf"\b(?:(?i:name[ \t]+(?:is|was)|named|called)[ \t]+({_NAME_WORD})(?=[ \t]*(?:[,.;:)]|$))|"
                   rf"(?i:saw|sees|met|meets|told|tells|asked|asks|visited|visits|(?:spoke|spoken|speaking|talked|talking)[ \t]+(?:with|to))"
                   rf"[ \t]+({_NAME_WORD})(?=[ \t]*(?:[,.;:)]|$)|[ \t]+(?:at|about|who|regarding|on|today|this|and)\b))",
                   re.M)
# initials or a letter placeholder as the subject of an age sentence after "patient": "Patient JT is a 71-year-old"
PATIENT_INITIALS = re.compile(rf"\b(?i:patient|pt)[ \t]+([{_UP}]{{1,3}}|[{_UP}]\.(?:[ \t]?[{_UP}]\.){{0,2}})[ \t]+(?:is|was)"
                              rf"[ \t]+an?[ \t]+(?=\d{{1,3}}[ -](?:year|yr|month|week))")


# "a pacemaker programmed at DDDR", "kept at NPO": a setting or a state after "at", not a place
_SETTING_BEFORE = re.compile(r"\b(?i:set|sets|reset|paced|pacing|programmed|kept|maintained|held|titrated|mode)[ \t]+$")
# a letter standing for the patient as the subject that opens a sentence: "A is a toddler of 20 months", "A has been
# doing well" (an article never comes before "is"; "I" is the writer, and P, T and R are vital signs: "P was 72")
LETTER_SUBJECT = re.compile(r"(?:^|(?<=[.:;!?]))[ \t]*(?:,[ \t]*)?([A-HJ-NQSU-Z])[ \t]+(?=(?:is|was|has|had|presents|"
                            r"presented|returns|returned|comes|came|reports|reported|states|stated|denies|denied|feels|"
                            r"felt|continues|lives|will)\b)", re.M)
# the writer under a letter's closing, or the doctors a copy goes to: "Sincerely,, Imogen Fairweather", "Regards,
# ANNELISE MORITZ", "cc: Ottoline Brackwater; Severin Mauleverer" (a "CC:" line is also the chief complaint, so a copy's
# names must open with a known given name)
SIGN_OFF = re.compile(rf"\b(?i:sincerely|regards|respectfully|yours[ \t]+(?:truly|sincerely|faithfully))[ \t]*,{{0,2}}[ \t\n]*"
                      rf"((?:{_NAME_WORD}[ \t]+){{1,2}}{_NAME_WORD}|{_CAPS_SURNAME}(?:[ \t]+{_CAPS_SURNAME}){{1,2}})(?=[ \t]*(?:$|[,\n]))", re.M)
COPY_TO = re.compile(rf"\b(?i:cc|copy[ \t]+to|copies[ \t]+to)[ \t]*:[ \t]*((?:{_PERSON})(?:[ \t]*[;,][ \t]*(?:and[ \t]+)?(?:{_PERSON})){{0,4}})")
_ONE_PERSON = re.compile(_PERSON)
_AFTER_TIME = re.compile(r"(?:\d|\b(?i:yy|yyyy|dd|today|tomorrow|tonight|noon|night))[ \t]+$")
_FIRM = re.compile(r"[ \t](?:Associates|Partners|Group)$")


def _place_ok(span: str, clinical: frozenset[str], not_names: set[str]) -> bool:
    words = _words(span)
    return (_is_place_name(span, clinical, not_names)
            and not any(w in UNITS for w in words)
            and any(w not in GENERIC for w in words))


def find_cued(text: str, add: Callable[[int, int, str], None], clinical: frozenset[str],
              header_words: set[str], given_names: frozenset[str] = frozenset()) -> list[str]:
    """Add the spans these rules find; returns the names found, so the caller propagates them."""
    names: list[str] = []
    for m in SETTING_PLACE.finditer(text):
        if _place_ok(m.group(2), clinical, _NOT_NAMES):
            add(m.start(2), m.end(2), "CITY" if m.group(1).lower() == "in" else "HOSPITAL")
    for m in AT_PLACE.finditer(text):
        if _AFTER_TIME.search(text, max(0, m.start() - 12), m.start()):  # "on 3/4 at XXX": a time, not a place
            continue
        if _SETTING_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue
        span = m.group(1)
        # a practice named only by its specialty is still a firm's name: "seen at Orthopedic Associates"
        firm = _FIRM.search(span) and _is_place_name(span.rsplit(None, 1)[0], clinical, _NOT_NAMES)
        if firm or _place_ok(span, clinical, _NOT_NAMES):
            add(m.start(1), m.end(1), "HOSPITAL")
    names += find_word_name_subjects(text, add, clinical)  # "Grace then underwent ..." (word_names.py)
    for m in CONSULT_ACRONYM.finditer(text):
        if m.group(1).lower() not in UNITS and m.group(1).lower() not in clinical:
            add(m.start(1), m.end(1), "HOSPITAL")
    for m in PLACEHOLDER_PLACE.finditer(text):
        add(m.start(2), m.end(2), "CITY" if m.group(1).lower() in ("in", "near") else "HOSPITAL")
    for pattern in (SUBJECT_NAME, APPOSITION):
        for m in pattern.finditer(text):
            words = m.group(1).split()
            first = words[0]
            if _PLACEHOLDER_WORD.fullmatch(m.group(1)):  # "ABC" is also clinical vocabulary (the airway check)
                add(m.start(1), m.end(1), "NAME")
                names.append(m.group(1))
                continue
            if (first in _NOT_NAMES or first.lower() in header_words or first.lower() in _NOT_SUBJECTS
                    or all(len(w) > 1 and (w.lower() in clinical or w.lower() in GENERIC) for w in words)):
                continue
            add(m.start(1), m.end(1), "NAME")
            names.append(m.group(1))
    for m in NAMED.finditer(text):
        word = m.group(1) or m.group(2)
        if m.group(2) and word not in given_names:  # after a verb, only a known given name
            continue
        if word in _NOT_NAMES or word.lower() in clinical or word.lower() in GENERIC or word.lower() in header_words:
            continue
        g = 1 if m.group(1) else 2
        add(m.start(g), m.end(g), "NAME")
        names.append(word)
    for pattern in (PLACEHOLDER_SUBJECT, PLACEHOLDER_OBJECT, PLACEHOLDER_BABY):
        for m in pattern.finditer(text):
            add(m.start(1), m.end(1), "NAME")
    for m in PLACEHOLDER_NAMED.finditer(text):
        words = m.group(1).split()
        while len(words) > 1 and words[-1].lower() in _ROOM_WORDS:  # "ABCD General [Emergency Room]": a room of it
            words.pop()
        add(m.start(1), m.start(1) + len(" ".join(words)), "HOSPITAL")
    for m in SIGN_OFF.finditer(text):
        words = m.group(1).split()
        if not any(w.capitalize() in _NOT_NAMES or w.lower() in clinical or w.lower() in header_words for w in words):
            add(m.start(1), m.end(1), "NAME")
            names.append(m.group(1))
    for m in COPY_TO.finditer(text):
        for one in _ONE_PERSON.finditer(text, m.start(1), m.end(1)):
            words = one.group().split()
            if len(words) > 1 and words[0] in given_names and not any(
                    w in _NOT_NAMES or w.lower() in clinical or w.lower() in header_words for w in words):
                add(one.start(), one.end(), "NAME")
                names.append(one.group())
    for m in LETTER_SUBJECT.finditer(text):
        add(m.start(1), m.end(1), "NAME")
    for m in PATIENT_INITIALS.finditer(text):
        add(m.start(1), m.end(1), "NAME")
    for m in DEVICE_ID.finditer(text):
        g = 1 if m.group(1) else 2
        add(m.start(g), m.end(g), "ID")
    for m in ORDINAL_DAY.finditer(text):
        add(m.start(1), m.end(1), "DATE")
    find_named_places(text, add, clinical)  # session 17: "the Harwick area", "a trip to Tahomish"
    return names + find_role_names(text, add, clinical, header_words, given_names)  # "pastor Gideon Ashworth"
