"""PICO: population (size, age, sex, conditions coded through the knowledge layer), interventions and
comparators (drugs coded through the drug lexicon, with doses), primary and secondary outcomes."""

from __future__ import annotations

import re
from dataclasses import replace

from medcore.literature import (added_arms, allocation_arms, arm_phrases, control_arms, pooled, population_conditions,
                                factorial_arms, population_sex, schedule_arms, sex_specific, stated_outcomes,
                                studied_exposure)
from medcore.literature.number_forms import counts_normalised
from medcore.literature.model import Paper, Pico, PicoItem, Population, Sentence
from medcore.literature.pico_terms import code as _code, mentions as _mentions
from medcore.literature.population_age import population_age as _age
from medcore.literature.population_size import PEOPLE, pick_n
from medcore.literature.intro_roles import states_aim
from medcore.literature.roles import cue_pattern

# an arm named only by its label ("control group"): the named control replaces it
_ARM_LABEL = re.compile(r"(?:the\s+)?(?:control|comparison)(?:\s+(?:group|arm)s?)?|controls", re.I)
__all__ = ["PEOPLE", "read_pico", "is_trial"]

_DOSE = re.compile(r"\s*+(?:\(\s*+)?(?P<dose>\d+(?:\.\d+)?\s*(?:-\s*\d+(?:\.\d+)?\s*)?(?:mg|g|µg|μg|mcg|ug|ng|iu|IU|units?|U|ml|mL|mmol|mEq)"
                   r"(?:\s*/\s*(?:kg|m2|m²|day|d|h|dose))*(?:\s+(?:once|twice|three\s+times|four\s+times)\s+(?:daily|a\s+day|weekly|per\s+day)"
                   r"|\s+(?:daily|per\s+day|a\s+day|weekly|monthly|bid|b\.i\.d\.|tid|qd|od|every\s+\d+\s+(?:hours|days|weeks)))?)")


# a drug name used as something else: "ASA I-III patients" (physical status), "glucose levels", "serum insulin",
# a program's name ("ADAM STAT software": session 22c, capitalised name words before "software")
# session 25: a hormone or drug named as the body's own target or response, or as what germs or people react to,
# is not a treatment given: "insulin resistance / sensitivity / secretion", "oestrogen receptors", "resistance
# to ciprofloxacin", "allergy to penicillin"
_NOT_A_DRUG_HERE = re.compile(r"\s*+(?:[IV]+\b|class\b|physical\s+status|levels?\b|concentrations?\b|<|>|=|\d+(?:\.\d+)?\s*mmol|"
                              r"-?resistan(?:ce|t)\b|sensitivity\b|secretion\b|receptors?\b|deficiency\b|"
                              r"(?-i:[A-Z0-9][\w.]*+\s++){0,2}software\b)", re.I)
_MEASURED_BEFORE = re.compile(r"\b(?:serum|plasma|blood|fasting|urinary|urine|(?:resistan(?:ce|t)|susceptib(?:ility|le)|allerg(?:y|ic)|"
                              r"hypersensitivity|intolerance)\s+to)\s+$", re.I)
_COMPARE = re.compile(
    r"\b(?:compar(?:e|ed|ing|ative))\s+(?!with\b|to\b)(?:the\s+)?(?:(?:effects?|use|value|results?|outcomes?|efficacy|effectiveness|safety|role|benefits?)\s+of\s+)?(?P<a>[^,;.()]{3,70}?)\s+(?P<sep>with|to|and|versus|vs\.?)\s+"
    r"(?:the\s+)?(?P<b>[^,;.()]{3,70}?)(?=\s*(?:[,;.()]|$|\bin\s|\bas\s|\bfor\s|\bamong\s|\bon\s|\bwith\s|\bregarding\s|\bafter\s|\bbefore\s|\bduring\s|\bat\s))"
    r"|\b(?P<a2>[A-Za-z][\w\- ]{2,60}?)\s+(?:vs\.?|versus)\s+(?P<b2>[A-Za-z][\w\- ]{2,60}?)(?=\s*(?:[,;:.()?]|$|\bin\s|\bfor\s|\bamong\s|\bon\s))",
    re.I)
# "Does X influence Y?": the question's subject X is the intervention (or exposure) studied when it names a
# treatment (cue group `treatment`); used only when no compared arms and no drugs were found
_QUESTION_SUBJECT = re.compile(
    r"^(?:does|do|did|is|are|can|could|should|will|may|would)\s+(?:the\s+|a\s+|an\s+)?(?:use\s+of\s+)?"
    r"(?P<x>[^,;:?()]{3,70}?)\s+(?:influence|affect|improve|reduce|increase|decrease|prevent|alter|change|lower|"
    r"raise|impair|worsen|cause|induce|protect|benefit|shorten|prolong|enhance|modify|make|"
    # session 25: "Can X lead to / result in / contribute to / help ..."
    r"lead\s+to|result\s+in|contribute\s+to|help)\b", re.I)
# "...: is X safe and effective?", "Is X an acceptable alternative for Z?": the treatment whose worth the title asks
# about (session 22b). Not "necessary / needed / required" (the question is whether a step can be left out) nor
# "useful" or "an effective predictor" (mostly a test's worth): used only when the methods named no arms
_QUESTION_WORTH = re.compile(
    r"(?:^|[:?.]\s)\s*(?:is|are)\s+(?:the\s+|a\s+|an\s+)?(?:use\s+of\s+)?(?P<x>[^,;:?()]{3,150}?)\s+"
    r"(?:(?:safe|effective|feasible|beneficial|worthwhile)(?=\s*(?:\?|$|and\b|as\b|for\b|in\b))"
    r"|an?\s+(?:acceptable|safe|effective|reasonable|viable)\s+(?:alternative|option|treatment|therapy|strategy)\b)", re.I)
_ENUM_ARMS = re.compile(r"\(\s*[1-9a-d]\s*\)\s*(?P<arm>[^,;()]{3,60}?)\s*(?=,|;|\.|\band\b|$)", re.I)
_TRIALS = ("rct", "nonrandomised_trial")


def _drug_items(term, sentences: list[Sentence], title_sentence: Sentence | None) -> list[tuple[PicoItem, str]]:
    """Drug and drug-class mentions with their dose, each with the text after it (to tell comparators)."""
    if term is None:
        return []
    found: dict[str, tuple[PicoItem, str]] = {}
    pool = ([title_sentence] if title_sentence else []) + [s for s in sentences if s.role in ("objective", "methods", "")]
    for s in pool:
        if s.section and re.search(r"outcome", s.section, re.I):
            continue  # drugs under "MAIN OUTCOME MEASURES" are what was counted, not what was given (session 13)
        for m in _mentions(term, s, {"drug", "class", "product"}):
            if _NOT_A_DRUG_HERE.match(s.text, m.end) or _MEASURED_BEFORE.search(s.text[max(0, m.start - 24): m.start]):
                continue
            d = _DOSE.match(s.text, m.end)
            known = found.get(m.concept_id)
            if known and (known[0].detail or not d) and known[0].sentence_idx >= 0:
                continue
            item = PicoItem(text=m.text, sentence_idx=s.idx, concept_id=m.concept_id, code=_code(term.get(m.concept_id)),
                            detail=d.group("dose").strip() if d else "")
            # the first mention decides intervention vs comparator; a later one with a dose gives the sentence
            found[m.concept_id] = (item, known[1] if known else s.text[max(0, m.start - 25): m.start].lower())
    return list(found.values())


def _clean_arm(text: str) -> str:
    text = re.sub(r"^(?:a|an|the|either|receive|receiving|treatment\s+with|those\s+effects\s+of\s+a)\s+", "", text.strip(), flags=re.I)
    return text.strip(" ,:-")


def _coded(term, text: str, idx: int) -> PicoItem:
    """An arm as written, coded when it names a drug."""
    item = PicoItem(text=text, sentence_idx=idx)
    if term is not None:
        hits = _mentions(term, Sentence(idx, text, 0, len(text)), {"drug", "class", "product"})
        if hits:
            item.concept_id, item.code = hits[0].concept_id, _code(term.get(hits[0].concept_id))
    return item


coded = _coded  # for the other arm readers (treated_groups via service)


def is_treatment(treat_re, term, name: str) -> bool:
    """A name that says what a group got: a treatment cue ("surgery", "-plasty") or a drug (coded). The one test of
    the arm readers (here, service's treated groups and its two compared treatments)."""
    return bool(treat_re.search(name) or _coded(term, name, -1).concept_id)


def exposure_test(settings, term):
    """What an observational question's exposure may be (session 26): a treatment (`is_treatment`: a cue or a drug
    code) or a care strategy cue. The one test of studied_exposure's readers; its tests use this function too."""
    treat_re, strategy = cue_pattern(settings, "treatment"), cue_pattern(settings, "care_strategy")
    return lambda x: is_treatment(treat_re, term, x) or bool(strategy.search(x))


_ROUTE = re.compile(r"\b(?:topical|oral|intravenous|intramuscular|subcutaneous|inhaled|intranasal|transdermal|rectal|"
                    r"sublingual|intra-articular|epidural|vaginal)\b", re.I)
_TOPICAL_FORM = re.compile(r"\b(?:gel|cream|ointment|patch|plaster|spray|lotion)\b", re.I)


def _named_drugs(term, sents: list[Sentence], pair: tuple[str, str]) -> tuple[PicoItem, PicoItem] | None:
    """Two drugs the methods compare ("randomised to diclofenac gel vs ibuprofen") when the question's arms name
    drug classes ("topical versus oral NSAIDs"): the arms are the drugs given, each with its route from the
    question kept as a qualifier (session 18). None when an arm is no class or no methods sentence names two."""
    if term is None or not all(_mentions(term, Sentence(-1, x, 0, len(x)), {"class"}) for x in pair):
        return None
    for s in sents:
        if s.role not in ("methods", "") or not re.search(r"randomi|allocat|assign|compar|versus|\bvs\b", s.text, re.I):
            continue
        hits = [m for m in _mentions(term, s, {"drug", "product"}) if not m.concept_id.startswith("class:")]
        for m1, m2 in zip(hits, hits[1:]):
            between = s.text[m1.end:m2.start]
            if m1.concept_id != m2.concept_id and len(between) <= 60 and "." not in between.replace(". ", "") \
                    and re.search(r"\b(?:vs\.?|versus|or|compared\s+(?:with|to))(?:\s|$)", between, re.I):
                items = [_dosed(term, s, m) for m in (m1, m2)]
                routes = [(_ROUTE.search(x) or [""])[0].lower() for x in pair]
                if routes[0] == "oral" and _TOPICAL_FORM.search(items[1].text):
                    routes.reverse()  # "oral vs topical" in the question, the gel named second in the methods
                for item, route in zip(items, routes):
                    if route and route not in item.text.lower():
                        item.detail = f"({route}) {item.detail}".strip()
                return items[0], items[1]
    return None


def _dosed(term, s: Sentence, m) -> PicoItem:
    d = _DOSE.match(s.text, m.end)
    return PicoItem(text=m.text, sentence_idx=s.idx, concept_id=m.concept_id, code=_code(term.get(m.concept_id)),
                    detail=d.group("dose").strip() if d else "")


def _arms(settings, pico: Pico, sents: list[Sentence], title: Sentence | None, term, trial: bool) -> str:
    """Interventions and comparators. The question names them best ("to compare A with B", "A versus B" in the
    title or objective); else enumerated arms ("(1) usual care, (2) ..."); else the drugs named in the
    objective and methods (for a trial; an observational study's drugs are exposures named in its question).
    Returns "question" when the question's compared names gave the arms, else ""."""
    comp_re = cue_pattern(settings, "comparator")
    treat_re = cue_pattern(settings, "treatment")
    # an aim stated under a BACKGROUND heading (NLM files it so) names the compared arms too; it joins the question
    # for the compared names only, not the drug reading (whose drugs there may be context, session 24c)
    aim, study_aim = cue_pattern(settings, "aim_statement"), cue_pattern(settings, "study_aim")
    question = ([title] if title else []) + [s for s in sents if s.role == "objective" or s.role == "background"
                                              and s.role_source == "heading" and states_aim(s.text, aim, study_aim)]
    allocation = [s for s in sents if trial and re.search(r"randomi|allocat|assign", s.text, re.I)]
    drugs = {item.concept_id: item for item, _ in _drug_items(term, sents, title)} if trial else {}
    named = allocation_arms.labelled(comp_re, sents) if trial else ([], [])
    if named[0]:  # the authors' own bracketed names for the arms where they allocate (session 28)
        pico.interventions.extend(_coded(term, text, idx) for text, idx in named[0])
        pico.comparators.extend(_coded(term, text, idx) for text, idx in named[1])
        return ""
    doses = schedule_arms.schedule_arms(sents, title, allocating=True)
    if doses:  # the allocated arms differ only in dose or schedule (session 28)
        pico.interventions.append(doses[0])
        pico.comparators.append(doses[1])
        return ""
    for s in question + allocation + allocation_arms.compared_in_methods(sents):
        text = arm_phrases.without_abbreviations(s.text)  # "A (ABBR) and B (ABBR)": names stop at a bracket
        m = _COMPARE.search(text)
        if m:
            pair, sep = (m.group("a") or m.group("a2"), m.group("b") or m.group("b2")), m.group("sep")
        elif s in question and (m := arm_phrases.postposed(text)):  # "the value of A compared with B"
            pair, sep = (m.group("a"), m.group("b")), m.group("sep")
        else:
            continue
        a, b = (arm_phrases.trim_arm(_clean_arm(x)) for x in pair)
        if not a or not b:
            continue
        if re.search(r"\d|\bgroups?\b|\bregression\b", a + " " + b) or comp_re.fullmatch(a) \
                or arm_phrases.NOT_AN_ARM.match(a) or arm_phrases.NOT_AN_ARM.match(b) \
                or arm_phrases.NOT_AN_ARM.match(a.split()[-1]) or arm_phrases.NOT_AN_ARM.match(b.split()[-1]):
            continue  # a measure or a sample compared, not a treatment ("the incidence and severity of X")
        if not trial and not any(is_treatment(treat_re, term, x) for x in (a, b)):
            continue  # an observational study compares groups of people or measures; arms must name a treatment
        if sep == "and" and len(a.split()) > 3:
            continue  # "compare the rate of X and Y" lists outcomes; "compared the tibial and the peroneal" arms
        named = _named_drugs(term, sents, (arm_phrases.share_head(a, b), b)) if s in question else None
        if named:  # the question compares classes ("topical vs oral NSAIDs"), the methods name the drugs given
            pico.interventions.append(named[0])
            pico.comparators.append(named[1])
            return "question"
        for text, target in ((arm_phrases.share_head(a, b), pico.interventions), (b, pico.comparators)):
            item = _coded(term, text, s.idx)
            known = drugs.get(item.concept_id)
            if known is not None and known.detail and known.text.lower() in text.lower():  # its dose, from the methods
                item = PicoItem(text=known.text, sentence_idx=known.sentence_idx, concept_id=known.concept_id,
                                code=known.code, detail=known.detail)
            target.append(item)
        return "question"
    either = allocation_arms.either_treatment(title, lambda x: is_treatment(treat_re, term, x))
    if either:  # "Does A or B improve X?": each treatment's own effect, no comparator named
        pico.interventions.extend(_coded(term, x, -1) for x in either)
        return ""
    pair = allocation_arms.stated_pair(question, lambda x: bool(treat_re.search(x) or _coded(term, x, -1).concept_id))
    if pair:  # "whether A is superior to B", a title "A or B for Z?"
        pico.interventions.append(_coded(term, pair[0], pair[2]))
        pico.comparators.append(_coded(term, pair[1], pair[2]))
        return ""
    given = arm_phrases.given_versus(([title] if title else []) + [s for s in sents if s.role in ("objective", "methods", "")],
                                     lambda x: bool(treat_re.search(x) or _coded(term, x, -1).concept_id))
    if given and not trial and not (treat_re.search(given[0]) or _coded(term, given[0], given[2]).concept_id):
        given = None  # "patients who had diabetes and those who did not" compares people, not treatments
    if given and title is not None and arm_phrases.title_names_second(title.text, given[0], given[1]):
        given = (given[1], given[0], given[2])
    if given:
        pico.interventions.append(_coded(term, given[0], given[2]))
        pico.comparators.append(_coded(term, given[1], given[2]))
        return ""
    listed = allocation_arms.allocated(comp_re, sents) if trial else ([], [])
    for (text, idx), target in [(x, pico.interventions) for x in listed[0]] + [(x, pico.comparators) for x in listed[1]]:
        target.append(_coded(term, text, idx))
    if listed[0]:
        return ""
    for s in (sents if trial else []):
        arms = [_clean_arm(m.group("arm")) for m in _ENUM_ARMS.finditer(s.text)] if re.search(r"randomi|allocat|assign", s.text, re.I) else []
        if len(arms) >= 2:
            for arm in arms:
                target = pico.comparators if comp_re.search(arm) else pico.interventions
                target.append(_coded(term, arm, s.idx))
            return ""
    drug_pool = sents if trial else [s for s in sents if s.role == "objective"]
    for item, before in _drug_items(term, drug_pool, title):
        if re.search(r"(?:versus|vs\.?|compared\s+(?:with|to)|or|than|control(?:s|led)?\s+with)\s*$", before.strip() + " ", re.I) \
                and pico.interventions:
            pico.comparators.append(item)
        else:
            pico.interventions.append(item)
    if not pico.interventions and title is not None:
        m = _QUESTION_SUBJECT.match(title.text.strip())
        if m and treat_re.search(m.group("x")) and not comp_re.search(m.group("x")):
            x = m.group("x")
            head = re.split(r"(?<!\s)\s+(?:before|after|during|in|among|at)\s+", x, maxsplit=1)[0]
            pico.interventions.append(_coded(term, _clean_arm(head if treat_re.search(head) else x), -1))
        m = _QUESTION_WORTH.search(title.text) if not pico.interventions else None
        if m and treat_re.search(m.group("x")) and not comp_re.search(m.group("x")):
            head = re.split(r"(?<!\s)\s+(?:before|after|during|in|among|at)\s+", m.group("x"), maxsplit=1)[0]
            name = studied_exposure.without_adverb(_clean_arm(head if treat_re.search(head) else m.group("x")))
            pico.interventions.append(_coded(term, name, -1))
        x = arm_phrases.works_subject(title.text) if not pico.interventions else ""
        if x and not comp_re.search(x):
            pico.interventions.append(_coded(term, x, -1))
        x = arm_phrases.question_exposure(title.text) if not pico.interventions else ""
        if x and (treat_re.search(x) or _coded(term, x, -1).concept_id) and not comp_re.search(x):
            pico.interventions.append(_coded(term, x, -1))
    if not pico.interventions:  # "in the yoga group ... in the stretching group"
        groups = arm_phrases.named_groups(comp_re, sents)
        if groups and (trial or treat_re.search(groups[0][0]) or _coded(term, groups[0][0], -1).concept_id):
            pico.interventions.append(_coded(term, groups[0][0], groups[0][1]))
            if not pico.comparators:
                pico.comparators.append(_coded(term, groups[1][0], groups[1][1]))
    if not trial and not pico.interventions:  # the treatment or strategy an observational question is about (s26)
        is_exposure = exposure_test(settings, term)
        whole = " ".join(s.text for s in sents)  # where an abbreviation's long form is defined
        found = (studied_exposure.from_title(title.text, is_exposure, whole) if title is not None else []) \
            or studied_exposure.from_question([s for s in question if s.idx >= 0], is_exposure, whole) \
            or (studied_exposure.procedure_had(title.text, lambda x: bool(treat_re.search(x)), whole) if title else [])
        # index -1: groups the methods name by what each underwent may still refine it (treated_groups)
        pico.interventions.extend(_coded(term, x, -1) for x in found)
    said = False  # what "the control group received" names, rather than the words "control group"
    for side, text, idx in arm_phrases.group_receives([s for s in sents if s.role in ("methods", "")]):
        target = pico.comparators if side == "c" else pico.interventions
        if not target:
            target.append(_coded(term, text, idx))
            said = said or side == "c"
    if not trial or said:
        return ""
    for s in ([title] if title else []) + sents:  # placebo, usual care: where it allocates or compares ("placebo-controlled")
        if s.role in ("objective", "methods") and re.search(r"randomi|allocat|assign|compar|versus|\bvs\b|control", s.text, re.I):
            m = comp_re.search(s.text)
            if m and not any(c.text.lower() == m.group(0).lower() for c in pico.comparators):
                pico.comparators.append(PicoItem(text=m.group(0), sentence_idx=s.idx))
                break
    return ""


def _add_on(settings, pico: Pico, sents: list[Sentence], title: Sentence | None, term, trial: bool) -> None:
    """An add-on comparison (`added_arms`): the comparator is the base given alone; the added treatment is the
    intervention when none was read or when what was read is the base itself (a drug of the background regimen)."""
    treat_re = cue_pattern(settings, "treatment")
    question = ([title] if title else []) + [s for s in sents if s.role == "objective"]
    # a background role from the position rules is a guess (no heading said it): such a sentence may be the methods
    methods = [s for s in sents if s.role in ("methods", "") or s.role == "background" and s.role_source == "rules"]
    found = added_arms.add_on(question, methods, lambda x: is_treatment(treat_re, term, x), " ".join(s.text for s in sents))
    if found:
        added, alone, idx, base, asked = found
        if not pico.interventions or any(i.text.lower() in base.lower() for i in pico.interventions):
            # said in the question, it is the question's exposure (index -1): the groups the abstract names by
            # what they underwent may name it more fully (service's treated groups)
            item = _coded(term, added, idx)
            item.sentence_idx = -1 if asked else idx
            pico.interventions = [item]
        pico.comparators = [_coded(term, alone, idx)]
    elif trial and not pico.comparators and (arm := added_arms.allocated_alone(methods)):
        pico.comparators = [_coded(term, *arm)]


def _same_treatment(doses: tuple[PicoItem, PicoItem], found: list[PicoItem]) -> bool:
    """The dose arms are of the treatment the other readers found (its name in theirs), or are a radiotherapy
    schedule (Gy in fractions) where they found one treatment only."""
    head = doses[0].text.split()[0].lower()
    return any(head in f.text.lower() for f in found) or (len(found) == 1 and "fractions" in doses[0].text)


def _as_written(n_text: str, n_idx: int, sents: list[Sentence], counted: list[Sentence]) -> str:
    """(review fix) the count as the abstract prints it ("1,234", "12.350"), not as normalised for reading ("1 234"):
    the card's evidence must be found in the source; one character for one, so the offsets carry over."""
    at = next((i for i, s in enumerate(counted) if s.idx == n_idx), None)
    if not n_text or at is None or n_text in sents[at].text:
        return n_text
    start = counted[at].text.find(n_text)
    return sents[at].text[start:start + len(n_text)] if start >= 0 else n_text


def is_trial(sents: list[Sentence], design_kind: str) -> bool:
    """A trial by its design, or (design not read) by a sentence that randomises."""
    # a placebo or sham arm is given by the investigators: an experiment even when the design is not named
    return design_kind in _TRIALS or design_kind in ("", "unknown") and any(
        re.search(r"randomi|\bplacebo\b|\bsham\b", s.text, re.I) for s in sents if s.role in ("methods", ""))


def read_pico(settings, paper: Paper, term=None, design_kind: str = "") -> Pico:
    sents = paper.sentences
    title = Sentence(-1, paper.title, 0, 0, None, "objective") if paper.title else None
    # the people are counted and their shares read in one form of numbers: decimal commas and European thousands
    # points ("12.350 patients", "45,5% were women") read as the readers expect them (session 28; one character
    # for one, so offsets hold)
    counted = [replace(s, text=counts_normalised(s.text)) for s in sents]
    n, n_idx, n_text = pick_n(counted, few_ok=design_kind in ("case_report", "case_series"))
    if n is None and design_kind == "case_report":  # a case report describes one patient (CARE), session 27
        n, n_idx, n_text = population_sex.one_case(counted) or (None, -1, "")
    n_text = _as_written(n_text, n_idx, sents, counted)
    pop = Population(n=n, n_sentence_idx=n_idx, n_text=n_text, age=_age(sents), sex=population_sex.sex(counted, n_idx, paper.title or "", n),
                     conditions=population_conditions.conditions(
                         term, sents, title, population_conditions.body_sites(settings) if term is not None else None))
    pop.sex = pop.sex or sex_specific.one_sex(settings, sents, n_idx, paper.title or "", pop.conditions)
    if design_kind in pooled.REVIEWS:  # a review's N: the studies pooled and their people, not one trial's arms
        pooled.fill(pop, sents)
    pico = Pico(population=pop)
    trial = is_trial(sents, design_kind)
    how = _arms(settings, pico, sents, title, term, trial)
    named = control_arms.named_control(sents)  # what "the control group received", when said (session 12)
    comp_re = cue_pattern(settings, "comparator")
    if named and not any(not (comp_re.fullmatch(c.text) or _ARM_LABEL.fullmatch(c.text.strip())) for c in pico.comparators):
        pico.comparators = [_coded(term, *named)]
    if how != "question":
        _add_on(settings, pico, sents, title, term, trial)
    doses = schedule_arms.schedule_arms(sents, title) if not pico.comparators else None
    if doses and _same_treatment(doses, pico.interventions):
        # two doses or schedules of one treatment and nothing else compared (session 28)
        pico.interventions, pico.comparators = [doses[0]], [doses[1]]
    allocation_arms.necessary_sides(title, pico.interventions, pico.comparators)  # "is B necessary?" (session 28)
    factorial_arms.set_sides(sents, title, pico.interventions, pico.comparators, lambda t, i: _coded(term, t, i))
    control_arms.vehicle_placebo(sents, pico.interventions, pico.comparators)  # "a saline placebo" (session 29)
    control_arms.title_against(title, pico.interventions, pico.comparators)  # "A against B" titles (session 29)
    if design_kind in pooled.REVIEWS and pico.interventions and not pico.comparators:
        placebo = control_arms.review_placebo(sents, title)  # "trials comparing X with placebo" (session 30)
        if placebo:
            pico.comparators = [PicoItem(text=placebo[0], sentence_idx=placebo[1])]
    people = control_arms.people_as_controls(sents, guessed=True) if pico.interventions and not pico.comparators else None
    if people:  # no control treatment: the people left unexposed are the comparison
        pico.comparators = [PicoItem(text=people[0], sentence_idx=people[1])]
    stated_outcomes.read_outcomes(term, sents, pico)
    return pico
