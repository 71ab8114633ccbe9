"""How the PICO readers (pico, population_conditions, stated_outcomes) ask the knowledge layer: a sentence's concept
mentions, with a matcher fault logged instead of losing the reading, and a concept's code as shown ("ICD-10-CM
C34.90"), the first of its systems in a fixed order. Split out of pico.py (session 21); behaviour unchanged."""

from __future__ import annotations

import logging

from medcore.literature.model import Sentence

log = logging.getLogger(__name__)


def code(concept) -> str:
    for system in ("icd10cm", "atc", "rxnorm", "snomed", "hpo"):
        if concept is not None and concept.codes.get(system):
            return f"{system.upper().replace('ICD10CM', 'ICD-10-CM')} {concept.codes[system][0]}"
    return ""


def mentions(term, s: Sentence, types: set[str]):
    try:
        return term.match(s.text, types=types)
    except (ValueError, RuntimeError) as exc:  # a matcher fault must not lose the rest of the reading
        log.warning("concept matching failed on sentence %d: %s", s.idx, exc)
        return []
