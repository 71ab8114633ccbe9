"""The outcomes a paper states as primary and secondary ("the primary outcome was ...", "secondary endpoints
included ..."), each part coded through the knowledge layer when it names a condition, finding or test; else the
sentence under a "MAIN OUTCOME MEASURES" heading. Split out of pico.py (session 21); behaviour unchanged.
population_conditions reads PRIMARY / SECONDARY too: a disease named as an outcome is not the population's."""

from __future__ import annotations

import re

from medcore.literature.model import Pico, PicoItem, Sentence
from medcore.literature.pico_terms import code as _code, mentions as _mentions

PRIMARY = re.compile(r"\b(?:the\s+)?primary\s+(?:efficacy\s+)?(?:outcomes?|end\s?-?points?|measures?)\s+(?:was|were|included|:|is|are|,)\s*(?:the\s+)?(?P<o>[^.;]{3,160})", re.I)
SECONDARY = re.compile(r"\bsecondary\s+(?:efficacy\s+)?(?:outcomes?|end\s?-?points?|measures?)\s+(?:was|were|included|:|is|are|,)\s*(?:the\s+)?(?P<o>[^.;]{3,200})", re.I)


def read_outcomes(term, sents: list[Sentence], pico: Pico) -> None:
    """Fill pico.outcomes_primary and pico.outcomes_secondary (the first sentence that states each)."""
    for s in sents:
        for pattern, target, label in ((PRIMARY, pico.outcomes_primary, "primary"),
                                       (SECONDARY, pico.outcomes_secondary, "secondary")):
            m = pattern.search(s.text)
            if m and not target:
                for part in re.split(r",\s*(?:and\s+)?|(?<!\s)\s+and\s+", m.group("o"))[:6]:
                    if part.strip():
                        target.append(_outcome_item(term, part.strip(), s.idx, label))
    if not pico.outcomes_primary:
        for s in sents:  # a "MAIN OUTCOME MEASURES" section names them without "primary outcome was"
            if s.section and re.search(r"outcome", s.section, re.I):
                pico.outcomes_primary.append(_outcome_item(term, s.text.rstrip("."), s.idx, "primary"))
                break


def _outcome_item(term, text: str, idx: int, label: str) -> PicoItem:
    item = PicoItem(text=text[:160], sentence_idx=idx, detail=label)
    if term is not None:
        hits = _mentions(term, Sentence(idx, text, 0, len(text)), {"condition", "finding", "icd10cm", "test", "hpo"})
        if hits:
            item.concept_id = hits[0].concept_id
            item.code = _code(term.get(hits[0].concept_id))
    return item
