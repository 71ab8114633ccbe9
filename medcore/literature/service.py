"""The literature reader's one entry point for the page and the CLI: `read_paper`."""

from __future__ import annotations

import time

from medcore.literature import (allocation_arms, arm_links, arm_phrases, arms, conclusions, design, numbers, pico, pooled,
                                roles, studied_exposure, treated_groups)
from medcore.literature.roles import cue_pattern
from medcore.literature.card import build_card
from medcore.literature.checklist import check_items
from medcore.literature.errors import LiteratureInputError
from medcore.literature.headings import heading_map
from medcore.literature.inputs import read_input
from medcore.literature.model import Paper, ReadResult, Sentence
from medcore.literature.pico_terms import mentions
from medcore.literature.segment import segment

__all__ = ["read_paper", "read_one", "LiteratureInputError"]


def _terminology(settings):
    from medcore.knowledge import service as knowledge

    return knowledge.terminology(settings)


def read_paper(settings, text_or_bytes: str | bytes, filename: str | None = None, classifier=None,
               term=None) -> list[ReadResult]:
    """Read every paper in the input (pasted text, PDF bytes, or a PubMed export): one ReadResult each.
    `classifier`: None loads the installed sentence-role classifier (rules when there is none), False forces the
    rules. `term`: the knowledge terminology (loaded when None). Raises LiteratureInputError for bad input."""
    hmap = heading_map(settings)
    papers, warnings = read_input(settings, text_or_bytes, filename, known_heading=hmap.known)
    if classifier is None:
        classifier = roles.load_classifier(settings) or False
    if term is None:
        term = _terminology(settings)
    out = []
    for paper in papers:
        r = read_one(settings, paper, hmap, classifier, term)
        r.warnings = [w for w in warnings if _about(w, paper, len(papers))] + r.warnings
        out.append(r)
    return out


def _about(warning: str, paper: Paper, n: int) -> bool:
    """A warning belongs to a paper when it names it (PMID or title start), or when there is one paper."""
    if n == 1:
        return True
    return bool((paper.pmid and paper.pmid in warning) or (paper.title and paper.title[:60] in warning)
                or not ("PMID" in warning or "'" in warning))


def _is_condition(term, text: str) -> bool:
    """`text` is, by its head, a condition the knowledge layer codes ("febrile transfusion reaction")."""
    if term is None:
        return False
    return any(m.end == len(text) for m in mentions(term, Sentence(-1, text, 0, len(text)), {"condition", "icd10cm"}))


def _treated_groups(settings, p, paper: Paper, term) -> None:
    """Groups of a non-randomised comparison named by what each underwent, when no other reader found an arm."""
    treat, comp = cue_pattern(settings, "treatment"), cue_pattern(settings, "comparator")
    treated_groups.fill(p, paper.sentences, paper.title or "",
                        lambda x: pico.is_treatment(treat, term, x),
                        lambda x: arm_phrases.is_control(comp, x), lambda x, i: pico.coded(term, x, i))
    title = Sentence(-1, paper.title, 0, 0, None, "objective") if paper.title else None
    allocation_arms.necessary_sides(title, p.interventions, p.comparators)  # the groups read here too (session 28)


TITLE_ONLY = ("Only a title was given: the abstract is missing, so no question, population, interventions or "
              "results are read (a title alone does not state them). Paste the abstract or the full text.")


def _not_english(paper: Paper) -> str | None:
    """The language a paper reads as when it is not English (the chat's language check, one home), else None: a
    Japanese abstract pasted as one line was read as a title and told "the abstract is missing"."""
    from medcore.triage import input_guard

    guard = input_guard.check(" ".join([paper.title or "", *(s.text for s in paper.sentences[:40])])[:6000])
    return guard.language if guard.kind == "other_language" else None


def _title_only(settings, r: ReadResult, t0: float, why: str = TITLE_ONLY) -> ReadResult:
    """A paper with a title and no text: say the abstract is missing rather than read a PICO from the title.
    The design is kept only when an export's publication types state it (metadata, not a reading). `why`: the
    same for a paper in another language, which is not read either."""
    r.warnings.append(why)
    if r.paper.publication_types:
        r.design = design.read_design(settings, r.paper)
        if r.design.kind_cue != "publication type":
            r.design = type(r.design)()
    r.card = build_card(r, design.design_label(settings, r.design.kind))
    r.timing_ms = round((time.perf_counter() - t0) * 1000, 1)
    return r


def read_one(settings, paper: Paper, hmap, classifier, term) -> ReadResult:
    t0 = time.perf_counter()
    segment(paper, hmap)
    roles.assign_roles(paper, hmap, settings, classifier=classifier)
    r = ReadResult(paper=paper)
    language = _not_english(paper)
    if language:
        return _title_only(settings, r, t0, f"This text does not read as English ({language}): the reader reads "
                                            "English papers only, so nothing was read from it. Paste the English "
                                            "abstract if there is one.")
    if not paper.sentences:
        return _title_only(settings, r, t0)
    if term is None:
        r.warnings.append("the knowledge terminology is not available: conditions and drugs are not coded")
    r.design = design.read_design(settings, paper)
    r.pico = pico.read_pico(settings, paper, term, r.design.kind)
    r.effects = numbers.extract_all(paper.sentences)
    trial = pico.is_trial(paper.sentences, r.design.kind)  # as read_pico decides it
    r.arms = arms.read_arms(settings, paper.sentences, r.pico, trial)
    if r.design.kind in pooled.REVIEWS:  # a count allocated to an arm is one included trial's, not the review's
        for a in r.arms:
            a.n, a.n_text = None, ""
    treat = cue_pattern(settings, "treatment")
    if trial or any(treat.search(a.name) for a in r.arms):
        # two treatments compared outside a trial (two operations, two drugs): the second named is the comparator,
        # as in a trial (the annotation rule of the comparative splits, s13/s14); groups of people stay exposures
        both = len(r.arms) == 2 and all(pico.is_treatment(treat, term, a.name) for a in r.arms)
        arm_phrases.fill_from_arms(r.pico, r.arms, trial or both)
    _treated_groups(settings, r.pico, paper, term)
    arm_phrases.drop_labels(r.pico)
    treated_groups.short_names(r.pico)
    treated_groups.drop_defined_groups(r.pico, " ".join(s.text for s in paper.sentences), lambda x: _is_condition(term, x))
    studied_exposure.no_arms_in_case_control(r.pico, r.design.kind)  # its exposures are no arms (session 30)
    arm_links.link(r.arms, paper.sentences, r.effects, trial)
    r.limitations = conclusions.limitations(settings, paper)
    r.conclusion = conclusions.conclusion(paper, set(r.limitations) | {x['sentence_idx'] for x in r.design.registrations})
    r.checklist = check_items(settings, paper, r.design, r.pico, r.effects, r.arms)
    r.card = build_card(r, design.design_label(settings, r.design.kind))
    r.timing_ms = round((time.perf_counter() - t0) * 1000, 1)
    return r
