"""The population's conditions, coded through the knowledge layer: named in a population phrase first, a cancer
or injury with its organ or body site (knowledge/body_site). Split out of pico.py (session 21); behaviour
unchanged."""

from __future__ import annotations

import logging
import re
from pathlib import Path

from medcore.knowledge import body_site
from medcore.knowledge.drug_lexicon import DEFAULT_KB_DIR
from medcore.literature import population_phrases
from medcore.literature.model import PicoItem, Sentence
from medcore.literature.pico_terms import code as _code, mentions as _mentions
from medcore.literature.stated_outcomes import PRIMARY, SECONDARY
from medcore.literature.treated_groups import expand

log = logging.getLogger(__name__)


def body_sites(settings) -> body_site.InjurySites | None:
    """The knowledge layer's body-site coder (the settings' KB, else the shipped one); None if it cannot be read."""
    kb_dir = Path(getattr(settings, "kb_dir", None) or DEFAULT_KB_DIR)
    if not (kb_dir / "knowledge" / body_site.DATA_FILE).is_file():
        kb_dir = DEFAULT_KB_DIR
    try:
        return body_site.load(kb_dir)
    except body_site.InjurySiteError as exc:
        log.warning("body sites not available, cancers and injuries keep their unspecified codes: %s", exc)
        return None


def _site_concept(term, sites, s: Sentence, m) -> str | None:
    """The concept of the organ- or site-specific code for a condition coded without a site ('cancer of the
    bladder', C80.1 -> C67.9; 'forearm fracture', T14.8 -> S52.9-): ours first, else the ICD-10-CM entry."""
    concept = term.get(m.concept_id) if sites is not None else None
    generic = next(iter(concept.codes.get("icd10cm", ())), "") if concept is not None else ""
    code = sites.code(s.text, m.start, m.end, generic) if generic else None
    if not code:
        return None
    found = term.by_code("icd10cm", code)
    return found[0].id if found else None


_ACCURACY = re.compile(r"\bsensitivity\b(?!\s+analys)|\bspecificity\b|\bdiagnostic\s+accuracy\b", re.I)
_FOLLOWS = re.compile(r"\bcohort\b|\bfollowed\b|\bfollow-up\b|\bperson-years\b", re.I)
_CASE_CONTROL = re.compile(r"\bcase[- ]control|\bcases\s+and\s+(?:\w+\s+)?controls\b", re.I)


def conditions(term, sentences: list[Sentence], title_sentence: Sentence | None,
                sites: body_site.InjurySites | None = None) -> list[PicoItem]:
    """The population's conditions from the title, objective and methods (at most 2 named as the people
    studied, else by mentions); a cancer or an injury named with its organ or body site (`sites`)
    takes that site's code. A condition named in a population phrase ("patients with X", "X patients", the
    title's "... in X?") outranks one named elsewhere (an outcome, a predictor, a complication)."""
    if term is None:
        return []
    counts: dict[str, list] = {}
    whole = " ".join(s.text for s in sentences)
    case_control = bool(_CASE_CONTROL.search(whole + " " + (title_sentence.text if title_sentence else "")))
    pool = ([title_sentence] if title_sentence else []) + [s for s in sentences if s.role in ("objective", "methods", "background", "")]
    contrasted, measured, said = _exposures_and_outcomes(term, pool, case_control)
    # a cohort's title names its exposure and outcome; a prevalence survey's title names the conditions it counts
    # (the dev gold codes those), so the title rule is for studies that follow people only
    follows = not case_control and bool(_FOLLOWS.search(whole))
    diagnostic = bool(_ACCURACY.search(whole))
    for s in pool:
        weight = 3 if s.idx == -1 else 2 if s.role in ("objective", "methods") else 1
        spans = [(m.start(), m.end()) for p in (PRIMARY, SECONDARY) for m in p.finditer(s.text)]
        people = population_phrases.spans(s.text, is_title=s.idx == -1)
        found = _mentions(term, s, {"condition", "icd10cm"})
        modifiers = population_phrases.modifiers(found, s.text)
        outcomes = population_phrases.outcomes(found, s.text)
        for i, m in enumerate(found):
            named = population_phrases.in_population(s.text, m.start, m.end, people)
            # (review fix) what a vaccine or screening is for is no condition even in the people's phrase ("adults who
            # had influenza vaccination")
            if i in modifiers or any(a <= m.start < b for a, b in spans) or m.concept_id == "icd10cm:R99" \
                    or population_phrases.is_prevented(s.text, m.end) \
                    or (not named and (_symptom_level(term, m.concept_id) or i in outcomes)):
                continue  # a modifier, an outcome (measured or prevented), or a symptom-level ICD code not named as the people's condition
            if _defined_otherwise(term, m, whole):
                continue
            if population_phrases.is_denied(s.text, m.start, diagnostic):
                continue  # session 29: "who had no cancer", "with suspected tuberculosis"
            if m.concept_id in contrasted or (s.idx == -1 and not named and follows and (m.concept_id in measured or (
                    m.concept_id not in said and _TITLE_SECOND.search(s.text, 0, m.start)))):
                continue  # session 29: the exposure compared ("with and without X") or, in the title, the outcome
            cid = _site_concept(term, sites, s, m) or m.concept_id
            entry = counts.setdefault(cid, [0, s.idx, m.text, s.idx == -1, False, False])
            entry[0] += weight
            entry[4] = entry[4] or named
            # session 22c: a methods sentence that names no people tells a procedure or a measure, not whom
            entry[5] = entry[5] or s.role != "methods" or s.idx == -1 or population_phrases.names_people(s.text)
    named_any = any(e[4] and not re.search(r"ICD-10-CM [V-Z]", _code(term.get(cid))) for cid, e in counts.items())
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1][4], -kv[1][0], kv[1][1] if kv[1][1] >= 0 else -1))
    out = []
    for rank, (cid, (weight, idx, text, in_title, named, of_people)) in enumerate(ranked):
        code = _code(term.get(cid))
        if not (named or of_people):
            continue  # named only where the methods tell what was done or measured ("after the ileus resolved")
        # ICD-10 chapters for external causes (V-Y) and contact with health services (Z) are not a population's
        # condition; the most mentioned condition is kept, others only when named in the title or repeated
        if re.search(r"ICD-10-CM [V-Z]", code):
            continue
        if named_any and not named:
            break  # the people studied are named: a disease word outside that phrase is not their condition
        if out and not named_any and not (in_title or weight >= 4):
            continue
        out.append(PicoItem(text=text, sentence_idx=idx, concept_id=cid, code=code))
        if len(out) == 2:  # one or two: a third is almost always a background or outcome disease
            break
    for chapter, catch_all in _CATCH_ALL:
        # "cancer" (C80, unspecified site) beside a site-specific cancer, or "head injury" (S09.9, injury of a
        # region unspecified) beside a concussion, adds nothing: the specific concept names the condition
        if any(chapter.match(c.code) and not catch_all.match(c.code) for c in out):
            out = [c for c in out if not catch_all.match(c.code)]
    return out


def _exposures_and_outcomes(term, pool: list[Sentence], case_control: bool) -> tuple[set[str], set[str], set[str]]:
    """Session 29: (conditions the compared groups differ by, anywhere: "with and without X"; conditions the
    sentences name only as an outcome, never as the people's; every condition the sentences name). A cohort's title often names its exposure and its
    outcome ("Obesity in pregnancy and childhood asthma"); the title alone no longer makes either the people's
    condition when the abstract says which it is. A case-control study's cases keep their disease."""
    contrasted: set[str] = set()
    as_outcome: set[str] = set()
    as_people: set[str] = set()
    for s in pool:
        if s.idx == -1:
            continue
        found = _mentions(term, s, {"condition", "icd10cm"})
        outcomes = population_phrases.outcomes(found, s.text)
        people = population_phrases.spans(s.text, is_title=False)
        for i, m in enumerate(found):
            if not case_control and population_phrases.is_contrasted(s.text, m.start, m.end):
                contrasted.add(m.concept_id)
            elif i in outcomes:
                as_outcome.add(m.concept_id)
            elif population_phrases.in_population(s.text, m.start, m.end, people):
                as_people.add(m.concept_id)
    said = as_outcome | as_people | contrasted | {m.concept_id for s in pool if s.idx != -1
                                                  for m in _mentions(term, s, {"condition", "icd10cm"})
                                                  if not population_phrases.is_denied(s.text, m.start)}
    return contrasted, as_outcome - as_people, said


# the second member of a title's "A and B" ("Statin use and dementia"): what A is studied against, its outcome,
# when no sentence of the abstract names B again
_TITLE_SECOND = re.compile(r"\S\s+and\s+(?:[\w\-]+\s+){0,2}$", re.I)


# ICD-10-CM chapter R (symptoms, signs, abnormal findings) and G89 (pain not elsewhere classified, a symptom code
# outside chapter R): a population's condition only when named as the people's ("patients with chronic pain")
_SYMPTOM_CODE = re.compile(r"ICD-10-CM (?:R|G89)")


def _symptom_level(term, concept_id: str) -> bool:
    """By the concept's code, not its id: our own concepts ("condition:bleeding", R58) are symptom-level too
    (session 22b; the id test let them through)."""
    return concept_id.startswith("icd10cm:R") or bool(_SYMPTOM_CODE.match(_code(term.get(concept_id))))


def _defined_otherwise(term, m, whole: str) -> bool:
    """An abbreviation the abstract defines as something else: "(PE)" for paediatric emergencies is no pulmonary
    embolism. The long form is asked of the same matcher; it must name the same concept (session 22b)."""
    long = expand(m.text, whole)
    if long == m.text:
        return False  # not an abbreviation, or not defined here: the knowledge layer's reading stands
    hits = _mentions(term, Sentence(-1, long, 0, len(long)), {"condition", "icd10cm"})
    return not any(h.concept_id == m.concept_id for h in hits)


_CATCH_ALL = ((re.compile(r"ICD-10-CM C"), re.compile(r"ICD-10-CM C80")),
              (re.compile(r"ICD-10-CM [ST]"), re.compile(r"ICD-10-CM (?:S\d9\.9|T14)")))
