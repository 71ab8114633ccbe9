"""The outcomes a paper states as primary and secondary ("the primary outcome was ...", "secondary endpoints
included ..."), each part coded through the knowledge layer when it names a condition, finding or test; else the
sentence under a "MAIN OUTCOME MEASURES" heading. Split out of pico.py (session 21).
population_conditions reads PRIMARY / SECONDARY too: a disease named as an outcome is not the population's.

Session 21: many abstracts name their outcomes without ranking them ("outcome measures included A, B and C", "the
outcome measure was ...", "we used A and B as outcomes", a MEASUREMENTS heading). With no primary outcome stated,
those are the study's primary outcomes (UNRANKED), split into their parts as a stated primary list is. A heading
sentence is split only when every part is a short name; else it stays one item (a heading sentence may be one
outcome with its details: "X based on self-reports during 2001, 2002 and 2003")."""

from __future__ import annotations

import re

from medcore.literature.model import Pico, PicoItem, Sentence
from medcore.literature.pico_terms import code as _code, mentions as _mentions

PRIMARY = re.compile(r"\b(?:the\s+)?primary\s+(?:efficacy\s+)?(?:outcomes?|end\s?-?points?|measures?)\s+(?:was|were|included|:|is|are|,)\s*(?:the\s+)?(?P<o>[^.;]{3,160})", re.I)
SECONDARY = re.compile(r"\bsecondary\s+(?:efficacy\s+)?(?:outcomes?|end\s?-?points?|measures?)\s+(?:was|were|included|:|is|are|,)\s*(?:the\s+)?(?P<o>[^.;]{3,200})", re.I)

# "outcome measures were similar/assessed ..." reports on the outcomes rather than naming them
_NOT_A_NAME = r"(?![\s:]*(?:not|similar|comparable|significantly|better|worse|improved|higher|lower|assessed|recorded|measured|obtained|collected|evaluated|analy[sz]ed|compared|different|unchanged|equal|also)\b)"
UNRANKED = re.compile(
    r"\b(?:outcomes?\s+measures?|outcome\s+measurements?|measurement\s+outcomes?|outcome\s+variables?)\s+"
    r"(?:(?:was|were|is|are)(?:\s+used)?|included?|includes|:)" + _NOT_A_NAME + r"[\s:]*(?:the\s+)?(?P<o>[^.;]{3,200})"
    r"|\bused\s+(?P<u>[^.;]{3,160}?)\s+as\s+(?:the\s+)?(?:[a-z]+\s+)?(?:outcomes?|end\s?-?points?)\b", re.I)
_SPLIT = re.compile(r",\s*(?:and\s+)?|(?<!\s)\s+and\s+")
_MAX_PARTS = 10  # an outcome list is rarely longer; a longer run of commas is not a list of outcomes
_SHORT_NAME = re.compile(r"[A-Za-z][\w\-/']*(?:\s+[\w\-/']+){0,4}")


def _parts(text: str) -> list[str]:
    return [part.strip() for part in _SPLIT.split(text)[:_MAX_PARTS] if part.strip()]


def read_outcomes(term, sents: list[Sentence], pico: Pico) -> None:
    """Fill pico.outcomes_primary and pico.outcomes_secondary (the first sentence that states each)."""
    for s in sents:
        for pattern, target, label in ((PRIMARY, pico.outcomes_primary, "primary"),
                                       (SECONDARY, pico.outcomes_secondary, "secondary")):
            m = pattern.search(s.text)
            if m and not target:
                for part in _parts(m.group("o")):
                    target.append(_outcome_item(term, part, s.idx, label))
    if not pico.outcomes_primary:
        for s in sents:  # "outcome measures included A, B and C": named, not ranked, so the primary ones
            m = UNRANKED.search(s.text)
            if m:
                for part in _parts(m.group("o") or m.group("u")):
                    pico.outcomes_primary.append(_outcome_item(term, part, s.idx, "primary"))
                break
    if not pico.outcomes_primary:
        for s in sents:  # a "MAIN OUTCOME MEASURES" section names them without "primary outcome was"
            if s.section and re.search(r"outcome|^\s*measurements?\s*$", s.section, re.I):
                parts = _parts(s.text.rstrip("."))
                if len(parts) < 2 or not all(_SHORT_NAME.fullmatch(part) for part in parts):
                    parts = [s.text.rstrip(".")]
                pico.outcomes_primary.extend(_outcome_item(term, part, s.idx, "primary") for part in parts)
                break


def _outcome_item(term, text: str, idx: int, label: str) -> PicoItem:
    item = PicoItem(text=text[:160], sentence_idx=idx, detail=label)
    if term is not None:
        hits = _mentions(term, Sentence(idx, text, 0, len(text)), {"condition", "finding", "icd10cm", "test", "hpo"})
        if hits:
            item.concept_id = hits[0].concept_id
            item.code = _code(term.get(hits[0].concept_id))
    return item
