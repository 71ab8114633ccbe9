"""Earlier episodes told in the story of the illness (issue 11, session 12b): "she was seen in September 2001 for
abdominal pain", "she was admitted from 02/03/11 to 02/08/11 with pneumonia", "a colonoscopy in
September of last year found three polyps". A sentence of the present-illness history that carries an explicit
past date tells an earlier episode: its problems are the patient's background (historical; a chronic condition stays
present, `assertions.background`). Not when the sentence also speaks of now ("now", "currently", "since 2005",
"presents"), and not in other sections: a hospital course dates this admission, a plan dates what is to come."""

from __future__ import annotations

import re

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
          r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
# a dated time in the past: "in 2001", "back in September 2001", "in 2/92", "on 07/23/2008", "in September of last
# year", "last year", "last month", "3 years ago"
_PAST_DATE = re.compile(
    rf"\b(?:in|on|back in|during|from|of|by)\s+(?:(?:early|late|mid)\s+)?(?:{_MONTH}\s+(?:of\s+)?)?(?:19|20)\d\d\b"
    r"|\b\d{1,2}/\d{1,2}/\d{2,4}\b"
    r"|\b(?:mm|xx)/(?:dd|xx)/(?:yyyy|yy|xxxx)\b"  # a date the de-identification left as a placeholder (session 13)
    r"|\bin\s+\d{1,2}/\d{2,4}\b"
    rf"|\b(?:in\s+)?{_MONTH}\s+of\s+last\s+year\b"
    r"|\blast\s+(?:year|month|spring|summer|fall|autumn|winter)\b"
    r"|\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a|a\s+few|several)\s+(?:months?|years?)\s+ago\b", re.I)
# the sentence speaks of now, or of something lasting from then until now
# ("has intermittent problems with bleeding" after "colitis 10 years ago" goes on)
_NOW = re.compile(r"\b(?:now|currently|presently|still|since|continues|continuing|ongoing|today|presents|"
                  r"presenting|presented\s+with|is\s+here|(?:comes?|came|brought)\s+in|arrived|intermittent|intermittently|persistent|recurrent|chronic)\b"
                  # a dated test's result is the work-up of what is there ("the ultrasound of 07/24/2008 revealed a stone")
                  r"|\b(?:revealed|reveals|showed|shows|demonstrated|demonstrates)\b", re.I)
# an admission dated without an end is this admission ("admitted through the emergency department 09/23/2012 with ..."); one
# with its end date ("admitted from 02/03/11 to 02/08/11 with ...") is an earlier stay
_ADMITTED = re.compile(r"\badmi(?:tted|ssion)\b", re.I)
_DATE_RANGE = re.compile(r"\d{1,2}/\d{1,2}/\d{2,4}\s*(?:to|through|until|-)\s*\d{1,2}/\d{1,2}/\d{2,4}")
_BRACKETS = re.compile(r"\([^()]*\)")
SECTIONS = frozenset({"history_of_present_illness"})


def told_as_past(sentence: str, section: str) -> bool:
    """Whether a sentence of the present-illness history tells a dated earlier episode."""
    # a date in brackets dates a test of a named condition ("COPD (FEV1 42% in 2024)"), not the story
    sentence = _BRACKETS.sub(" ", sentence)
    if section not in SECTIONS or _PAST_DATE.search(sentence) is None or _NOW.search(sentence):
        return False
    return not _ADMITTED.search(sentence) or _DATE_RANGE.search(sentence) is not None


def lasting(icd10cm: str) -> bool:
    """A pregnancy, or a neoplasm (ICD-10-CM C00-D49) found then is still the patient's unless the note says it is gone (the
    lymphoma "diagnosed in 1988" that is followed today), like a chronic condition."""
    code = (icd10cm or "").upper()
    neoplasm = code.startswith("C") or (code[:1] == "D" and code[1:3].isdigit() and int(code[1:3]) <= 49)
    return neoplasm or code.startswith("Z33")  # a pregnancy dated by its scan goes on


# "status post" / "s/p" names a procedure: a list goes on past it ("prostate cancer, status post seed implant, COPD,
# coronary disease"). Session 28: a chronic condition listed after the procedure's comma is the patient's standing
# problem (background: present when chronic), not part of the past procedure
_PROCEDURE_PAST = frozenset({"status post", "s/p", "status-post"})


def listed_after_procedure(s: str, start: int, modifiers) -> bool:
    """True when the nearest past trigger before the mention at `start` is a 'status post' whose procedure ended at a
    comma before the mention (the mention is a later item of the list)."""
    before = [m for m in modifiers if m.category == "historical" and m.direction == "forward" and m.end <= start]
    if not before:
        return False
    m = max(before, key=lambda x: x.end)
    return s[m.start:m.end].lower() in _PROCEDURE_PAST and "," in s[m.end:start]


# review fix (rec28fix): a habit given up ("..., but quit ten years ago", "(stopped 2005)") is the habit's past only;
# the backward scope of the trigger also reaches the list before it ("Hypertension, diabetes, and tobacco use, but quit
# ten years ago": the hypertension and diabetes stand). A substance-use code (ICD-10-CM F10-F19, Z72.0 tobacco use,
# Z87.891 history of nicotine dependence) is a habit; any other problem takes the background reading instead
_QUIT = re.compile(r"\b(?:quit|stopped|gave\s+up|ceased)\b", re.I)


def quit_names_other(s: str, end: int, modifiers, icd10cm: str) -> bool:
    """True when the problem ending at `end` is no habit and the historical trigger reaching back to it is a habit
    given up (its reading is then the background one, not historical)."""
    code = (icd10cm or "").upper()
    if code[:2] == "F1" or code.startswith(("Z72", "Z87.891")):
        return False
    after = [m for m in modifiers if m.category == "historical" and m.direction == "backward" and m.start >= end]
    return bool(after) and bool(_QUIT.search(s, *min(((m.start, m.end) for m in after))))
