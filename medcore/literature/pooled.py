"""A review's population: how many studies it pooled and how many people they held ("12 trials, 3,456 patients"),
not one trial's arms (session 18). PRISMA 2020 item 16a and PRISMA for Abstracts ask a review to report the number
of included studies and of participants; a meta-analysis's N is that pair."""

from __future__ import annotations

import re
from dataclasses import dataclass

from medcore.literature.model import Sentence
from medcore.literature.numwords import NUMBER_WORDS, value
from medcore.literature.population_size import PEOPLE

REVIEWS = ("meta_analysis", "systematic_review")
# session 29: a blank or thin space between thousands ("86 210 participants"), as population_size reads them
_COUNT = r"(?<![\w.,])(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u2009\u202f]\d{3})+(?![\d,.])|\d+)(?![\w.%]|,\d)"
_STUDIES = re.compile(r"(?P<k>" + _COUNT + r"|" + NUMBER_WORDS.pattern + r")\s+(?:(?:eligible|included|published|"
                      r"randomi[sz]ed|controlled|clinical|observational|cohort|prospective|retrospective|"
                      r"case-control|primary)\s+){0,3}(?P<what>trials|studies|RCTs|articles|cohorts|reports|papers)\b",
                      re.IGNORECASE)
_PEOPLE_COUNT = re.compile(r"(?P<n>" + _COUNT + r")\s+(?:(?:adult|elderly|pediatric|paediatric|eligible|randomi[sz]ed)\s+)?"
                           + PEOPLE + r"\b", re.IGNORECASE)


@dataclass
class Pooled:
    studies: int
    what: str  # "trials", "studies", as written
    n: int | None  # the people they held, None when the review does not say
    sentence_idx: int
    text: str  # from the study count to the people count, as written (the card's highlight)


def _int(written: str) -> int | None:
    w = written.strip()
    return int(re.sub(r"[, \u2009\u202f]", "", w)) if re.fullmatch(r"[\d, \u2009\u202f]+", w) else value(w)


def pooled(sentences: list[Sentence]) -> Pooled | None:
    """The first sentence (methods or results first) that counts the included studies, with the people they held
    when the same sentence gives them."""
    ordered = [s for s in sentences if s.role in ("results", "methods", "")] + \
              [s for s in sentences if s.role not in ("results", "methods", "")]
    best = None
    for s in ordered:
        for m in _STUDIES.finditer(s.text):
            k = _int(m.group("k"))
            if not k or k < 2:
                continue
            people = [p for p in _PEOPLE_COUNT.finditer(s.text) if p.start() >= m.end() and p.start() - m.end() < 80] or \
                     [p for p in _PEOPLE_COUNT.finditer(s.text) if p.end() <= m.start() and m.start() - p.end() < 60]
            p = people[0] if people else None
            n = _int(p.group("n")) if p else None
            lo, hi = (m.start(), p.end()) if p and p.start() >= m.end() else ((p.start(), m.end()) if p else (m.start(), m.end()))
            found = Pooled(k, m.group("what"), n, s.idx, s.text[lo:hi])
            if n is not None:
                return found
            best = best or found
    return best


def fill(pop, sentences: list[Sentence]) -> None:
    """Set a review's population (`model.Population`): `studies`, and N as the people pooled (None when unsaid)."""
    found = pooled(sentences)
    pop.n, pop.n_sentence_idx, pop.n_text = (found.n, found.sentence_idx, "") if found else (None, -1, "")
    if found:
        pop.studies = {"count": found.studies, "what": found.what, "sentence_idx": found.sentence_idx, "text": found.text}
