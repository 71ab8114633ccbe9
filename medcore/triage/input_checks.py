"""Checks on what the person tells the engine, before it is used: impossible ages are refused with
a message (never silently clamped or guessed), sex is read from the forms people type."""

from __future__ import annotations

import math
import re

from medcore.controls import strip_controls
from medcore.errors import DomainError

MIN_AGE, MAX_AGE = 0.0, 110.0  # the vignette schema and the page's age box use the same range
EMERGENCY_LINE = "If you think this is an emergency, call your local emergency number now."
SEX_WORDS = {"f": "female", "female": "female", "woman": "female", "w": "female",
             "m": "male", "male": "male", "man": "male"}

# "-5 years old", "aged 200": a number next to the age words, with its sign. The NLU reads ages only
# in range and drops the sign, so '-5 years old' would otherwise silently become 5.
_AGE_NUMBER = re.compile(r"(?<![\w.])(-\s*)?(\d+(?:\.\d+)?)\s*-?\s*(?:years?|yrs?)[\s-]*old\b"
                         r"|\b(?:aged?|i am|i'm|im)\s+(-\s*)?(\d+(?:\.\d+)?)\s*(?:years?|yrs?)?\b(?!\s*(?:weeks?|days?|"
                         r"months?|%|kg|lb|cm|/))", re.IGNORECASE)


class InputError(DomainError):
    """An input the engine must not use; the message says why, for the person who typed it."""


def check_text(text) -> str:
    """The typed description as text ("" for none); InputError for anything else (a list, a number, bytes)."""
    if text is None:
        return ""
    if not isinstance(text, str):
        from medcore.kinds import kind_of

        raise InputError(f"Please describe the symptoms in words; this is {kind_of(text)}, not text.")
    # bidi overrides reorder what the chat bubble, the transcript and the PDF show without changing what is read
    # ("my <RLO>niap tsehc" looked like "my chest pain" and read as nothing: hands-on check s28); control
    # characters go too (medcore.controls, the one home)
    return strip_controls(text)


def check_answers(answers) -> dict:
    """Answers by finding id: an object of yes/no/unknown strings; InputError otherwise."""
    if not isinstance(answers, dict) or not all(isinstance(k, str) and isinstance(v, str)
                                                for k, v in answers.items()):
        raise InputError("answers must map each finding id to 'yes', 'no' or 'unknown'")
    return answers


def age_message(value) -> str:
    return (f"An age of {value} is not possible. Please give the age in years, from {MIN_AGE:.0f} to "
            f"{MAX_AGE:.0f} (for a baby, in months or weeks: '6 months old').")


def check_age(age) -> float | None:
    """The age as a float, None when not given; InputError for a negative, too large or non-number age."""
    if age is None or (isinstance(age, str) and not age.strip()):
        return None
    try:
        val = float(age)
    except (TypeError, ValueError):
        raise InputError(age_message(age)) from None
    if math.isnan(val) or not MIN_AGE <= val <= MAX_AGE:
        raise InputError(age_message(age if isinstance(age, str) else f"{val:g}"))
    return val


def check_sex(sex) -> str | None:
    if sex is None or (isinstance(sex, str) and not sex.strip()):
        return None
    val = SEX_WORDS.get(str(sex).strip().lower())
    if val is None:
        raise InputError(f"Sex '{sex}' is not understood. Please use F or M (female or male), or leave it out.")
    return val


def impossible_age_in_text(text: str) -> str | None:
    """A message when the text states an age that cannot be right ('I am -5 years old', '200 year old')."""
    for m in _AGE_NUMBER.finditer(text or ""):
        sign, num = (m.group(1), m.group(2)) if m.group(2) else (m.group(3), m.group(4))
        val = float(num) * (-1 if sign else 1)
        if not MIN_AGE <= val <= MAX_AGE:
            return age_message(f"{val:g}") + " I have not used that age."
    return None
