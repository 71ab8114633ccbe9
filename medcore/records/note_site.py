"""A bare problem word named fully elsewhere in the note, or whose site is only the note's topic ("There is a joint effusion." in a knee MRI report,
"The cyst was drained." in an ovarian cyst operation note, "CT showed edema" in a brain tumour note).

The sentence-level coder (knowledge/body_site.py) codes a bare 'effusion', 'cyst', 'swelling', 'edema' or
'fracture' by a site named beside it. When no site is named in its sentence, the note's topic gives it: the body
site the note names most, provided it is named at least MIN_MENTIONS times and at least DOMINANCE times as often as
any other site (a note about several sites gives none). Only a mention that is the bare word itself is recoded, and
only to a code the site table lists for that kind (a site without one leaves the generic code).

Before that, a one-word problem with a generic code refers back to the problem of the same head word the note names
in full: "lymphoma" in a note about a mantle cell lymphoma, "the cyst" in a note about an ovarian cyst, "contusion"
after "contusion of the frontal lobe". Only when the note names that head with one code (two different kinds of cyst
leave it as it is)."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from medcore.records.entities import Problem

MIN_MENTIONS = 3
DOMINANCE = 2.0
# kinds read from the note's topic: a finding of the organ examined or operated on ('There is arthrosis' in a knee MRI). Pain, bleeding and infection are
# left out: a bare one in a note is as often about another part of the body (a procedure's risk, a drain site).
TOPIC_KINDS = frozenset({"effusion", "cyst", "swelling", "edema", "fracture", "osteoarthritis", "aneurysm"})
# codes of a kind with no type or site besides the site table's generic ones: lymphoma, not otherwise specified
UNSPECIFIED = frozenset({"C85.90"})
# a bare oedema or swelling in an examination is the limbs' (R60), whatever organ oedema the note names elsewhere
# ('acute pulmonary edema' in the history, 'no edema' of the legs); a bare weakness is as often the general one
# (R53.1: 'despite her weakness', 'weakness, fatigue') as the limb's named elsewhere
NOT_REFERRING = frozenset({"edema", "oedema", "swelling", "weakness"})


def topic_site(text: str, injuries) -> str | None:
    """The body site the note is about (see the module docstring), or None."""
    sites = (injuries.site_of[m.group().lower()] for m in injuries.site_words.finditer(text))
    counts = Counter(injuries.region_of.get(site, site) for site in sites)  # the septum counts for the face
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
    problems = named_in_full(problems, injuries.generic | UNSPECIFIED, term, name_of)
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
    """The topic kind the mention names ('effusion', 'fractures', 'simple cyst'); a site inside the mention would
    have coded it already, so its other words are not a site."""
    low = " ".join(words.lower().split())
    return next((k for k, pattern in injuries.kinds if k in TOPIC_KINDS and pattern.search(low)), None)


def _singular(word: str) -> str:
    w = word.lower().strip(".,;:()")
    return w[:-2] if w.endswith(("ses", "xes")) else w[:-1] if w.endswith("s") and not w.endswith(("ss", "us", "is")) else w


def _head(words: str) -> str:
    """The head noun of a problem's words: the last word, or the first before 'of' ('contusion of the lobe')."""
    parts = words.split()
    for i, w in enumerate(parts[1:], 1):
        if w.lower() in ("of", "in", "involving"):
            return _singular(parts[i - 1])
    return _singular(parts[-1]) if parts else ""


def named_in_full(problems: list[Problem], generic: frozenset[str], term, name_of) -> list[Problem]:
    """Each one-word problem with a generic code recoded to the problem of the same head word the note names in
    more words, when the note names that head with one ICD-10-CM category only."""
    full: dict[str, dict[str, str]] = {}  # head word -> ICD-10-CM category -> the concept id naming it
    for p in problems:
        if len(p.text.split()) > 1 and p.icd10cm and p.icd10cm not in generic:
            full.setdefault(_head(p.text), {}).setdefault(p.icd10cm.replace(".", "")[:3], p.concept_id)
    out = []
    for p in problems:
        bare = len(p.text.split()) == 1 and p.icd10cm in generic and _head(p.text) not in NOT_REFERRING
        named = full.get(_head(p.text), {}) if bare else {}
        concept = term.get(next(iter(named.values()))) if len(named) == 1 else None
        code = next(iter(concept.codes.get("icd10cm", ())), "") if concept is not None else ""
        out.append(replace(p, name=name_of(concept), concept_id=concept.id, icd10cm=code,
                           icd10cm_display=concept.name) if code else p)
    return out
