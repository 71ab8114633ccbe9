"""A bare problem word whose site is only the note's topic ("There is a joint effusion." in a knee MRI report,
"The cyst was drained." in an ovarian cyst operation note, "CT showed edema" in a brain tumour note).

The sentence-level coder (knowledge/body_site.py) codes a bare 'effusion', 'cyst', 'swelling', 'edema' or
'fracture' by a site named beside it. When no site is named in its sentence, the note's topic gives it: the body
site the note names most, provided it is named at least MIN_MENTIONS times and at least DOMINANCE times as often as
any other site (a note about several sites gives none). Only a mention that is the bare word itself is recoded, and
only to a code the site table lists for that kind (a site without one leaves the generic code)."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from medcore.records.entities import Problem

MIN_MENTIONS = 3
DOMINANCE = 2.0
# kinds read from the note's topic: a finding of the organ examined or operated on. Pain, bleeding and infection are
# left out: a bare one in a note is as often about another part of the body (a procedure's risk, a drain site).
TOPIC_KINDS = frozenset({"effusion", "cyst", "swelling", "edema", "fracture"})


def topic_site(text: str, injuries) -> str | None:
    """The body site the note is about (see the module docstring), or None."""
    counts = Counter(injuries.site_of[m.group().lower()] for m in injuries.site_words.finditer(text))
    if not counts:
        return None
    ranked = counts.most_common(2)
    site, n = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0
    return site if n >= MIN_MENTIONS and n >= DOMINANCE * second else None


def apply(text: str, problems: list[Problem], injuries, term, name_of) -> list[Problem]:
    """The problems with each bare, generically coded kind word recoded by the note's topic site. `term`: the
    terminology (the code's concept); `name_of(concept)`: the problem's display name."""
    if injuries is None:
        return problems
    todo = [i for i, p in enumerate(problems) if p.icd10cm in injuries.generic and _kind(p.text, injuries)]
    site = topic_site(text, injuries) if todo else None
    if site is None:
        return problems
    out = list(problems)
    for i in todo:
        p = problems[i]
        code = injuries.codes[site].get(_kind(p.text, injuries))
        concept = term.get(f"icd10cm:{code}") if code else None
        if concept is not None:
            out[i] = replace(p, name=name_of(concept), concept_id=concept.id, icd10cm=code,
                             icd10cm_display=concept.name)
    return out


def _kind(words: str, injuries) -> str | None:
    """The topic kind the mention is, when the mention is only that kind's word ('effusion', 'fractures')."""
    low = " ".join(words.lower().split())
    return next((k for k, pattern in injuries.kinds if k in TOPIC_KINDS and pattern.fullmatch(low)), None)
