"""The grounding check: a model may rephrase, never add, and never drop a safety line.

Text from a model is rejected if it names a term from a clinical vocabulary
(drugs, conditions) that the engine did not give, or a dose (a number with a
dose unit) that does not occur in the engine's facts, or if it leaves out a line
the engine marked must-keep (a warning the reader has to see: two current
medicines that must not be combined, medicines that were not checked).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable

_DOSE = re.compile(
    r"(?<!\d)(\d+(?:[.,]\d+)?)\s*(mg|mcg|µg|ug|g|kg|ml|mL|l|units?|iu|IU|mmol|meq|mEq|%)(?![a-zA-Z])", re.I)


# WHO INN stems: a word with one of these endings is almost surely a drug name, so a model may not
# introduce one even when our vocabulary lacks it (invented or misspelled drugs).
DRUG_STEM = re.compile(
    r"\b[a-z]{2,}(?:pril|prilat|sartan|olol|dipine|statin|cillin|mycin|micin|cycline|floxacin|zole|tidine|"
    r"azepam|azolam|oxetine|ipramine|triptan|gliptin|gliflozin|glutide|parin|xaban|gatran|mab|tinib|ciclovir|"
    r"buvir|navir|profen|fenac|codone|morphone|semide|thiazide|dronate|lukast|terol|sonide|asone|olone|setron|"
    r"peridol|apine|idone|barbital|caine|vastatin)\b")


@dataclass(frozen=True)
class GroundingResult:
    ok: bool
    unsupported: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)  # must-keep lines the text left out


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.lower()).strip()


def _words(s: str) -> str:
    # letters and digits only, so a must-keep line survives re-wrapping, a bullet, a curly quote or a dash
    return " ".join(re.findall(r"[a-z0-9]+", s.lower()))


def dropped_lines(text: str, must_keep: Iterable[str | tuple[str, ...]]) -> list[str]:
    """The must-keep lines whose words do not all appear, in order, in `text`. A safety line is kept word for
    word: a rewording could soften it ("should not be taken together" -> "may be taken together"), and a
    check on its names alone would pass a text that names the medicines and drops the warning.
    An item may be a section, (heading, line, ...): its lines count only after its heading, so a short line (an
    unchecked medicine's name) said elsewhere in the text is no kept warning (review22); sections and the lines
    inside one may come in any order."""
    have = f" {_words(text)} "
    out = []
    for item in must_keep:
        head, *lines = (item,) if isinstance(item, str) else tuple(item)
        at = 0
        for i, line in enumerate([head, *lines]):
            w = _words(line)
            if not w:
                continue
            found = have.find(f" {w} ", at)
            if found < 0:
                out.append(line)
            elif i == 0:
                at = found + len(w) + 1  # the section's lines are looked for after its heading
    return out


def _dose_key(number: str, unit: str) -> str:
    num = number.replace(",", ".")
    if "." in num:
        num = num.rstrip("0").rstrip(".")
    unit = unit.lower().replace("µg", "mcg").replace("ug", "mcg")
    unit = {"unit": "units", "iu": "units", "meq": "meq"}.get(unit, unit)
    return f"{num} {unit}"


def doses_in(text: str) -> set[str]:
    return {_dose_key(m.group(1), m.group(2)) for m in _DOSE.finditer(text)}


def _mentions(text: str, vocabulary: Iterable[str]) -> set[str]:
    low = f" {_norm(text)} "
    found = set()
    for term in vocabulary:
        t = _norm(term)
        if len(t) >= 3 and re.search(rf"(?<![\w-]){re.escape(t)}(?![\w-])", low):
            found.add(t)
    return found


def check(text: str, allowed_terms: Iterable[str], vocabulary: Iterable[str], *,
          allowed_text: str = "", must_keep: Iterable[str | tuple[str, ...]] = ()) -> GroundingResult:
    """allowed_terms: what the engine decided (drug and condition names, doses as text);
    vocabulary: every term the check knows (e.g. all KB drug and condition names, with synonyms);
    allowed_text: the engine's own text (template or source facts), whose doses are allowed too;
    must_keep: engine lines the text must still contain (see `dropped_lines`)."""
    allowed = [_norm(a) for a in allowed_terms]
    allowed_blob = " | ".join(allowed) + " | " + _norm(allowed_text)
    vocab = list(vocabulary)
    unsupported = []
    for term in sorted(_mentions(text, vocab)):
        # allowed if the term is (inside) an allowed term, or an allowed term is inside it
        if not any(term in a or a in term for a in allowed if a) and term not in allowed_blob:
            unsupported.append(term)
    for word in sorted({m.group(0) for m in DRUG_STEM.finditer(_norm(text))}):
        if word not in allowed_blob and word not in unsupported and not any(word in u for u in unsupported):
            unsupported.append(word)
    allowed_doses = doses_in(allowed_blob)
    for dose in sorted(doses_in(text)):
        if dose not in allowed_doses:
            unsupported.append(dose)
    dropped = dropped_lines(text, must_keep)
    return GroundingResult(not unsupported and not dropped, unsupported, dropped)
