"""The treatment, procedure, programme or strategy an observational study is about, read from its question when
no arm reader found one (session 26, issue 15: interventions of observational abstracts were read at recall .09 on
the unseen s25 set).

The annotation rule of the extraction sets decides what counts: an observational study's intervention is the
treatment, procedure, programme or strategy its question is about, or the one every participant had when its own
results are measured ("the outcome of double-balloon enteroscopy in ..."); a risk factor, a population, an outcome,
or a level or score measured in everyone is none. So every name read here must be a treatment or a care strategy by
the knowledge layer's cues (`is_exposure`), never just the subject of the question. Three general forms:
- the title names it as its subject: "X: is it safe and effective in ...?", "Is X an accurate method to ...?",
  "Has X improved Y?", "Do X programs impact Y?", "Are the Z's recommendations for X applicable?";
- the objective names its effect: "the impact / effect / role / feasibility / results of X on / in Y";
- the objective names it as what is evaluated in a group of people: "to evaluate X in patients after Y".
"""

from __future__ import annotations

import re

from medcore.literature.arm_phrases import NOT_AN_ARM, trim_arm, without_abbreviations
from medcore.literature.model import Sentence
from medcore.literature.population_size import PEOPLE
from medcore.literature.treated_groups import expand

# words that end the name: a preposition that starts what it acts on, where, when or in whom
_STOP = r"(?=\s+(?:on|upon|in|into|for|among|as|after|to|with|at|when|during|versus|vs\.?|compared|from|by|within|and\s+its)\b|\s*[,;:.()?]|$)"
# "X: is it safe ...?", "X: are they worth it?" (the subject before the colon, asked about with a pronoun)
# (session 26) and a title's topic before a colon or full stop that a question follows: "Inpatient tonsillectomy:
# does hospital type affect cost?", "X in patients with Z: are abscesses contraindications?"
_TITLE_IT = re.compile(r"^(?P<x>[A-Za-z][^:?;.]{2,80}?)\s*[:.]\s+(?:is|are|was|were|does|do|did|can|could|should|will|has|have|"
                       r"what|which|how|when)\b", re.I)
# the procedure every participant had, named where the title says when or in what its question is asked: "weight
# loss after laparoscopic sleeve gastrectomy", "ligament balancing in total knee arthroplasty"
_TITLE_AFTER = re.compile(r"\b(?:after|following|during|in|undergoing|(?:when\s+)?performing)\s+(?:the\s+|an?\s+)?(?P<x>[A-Za-z][^,;:?()]{2,60}?)"
                          r"(?=\s*(?:[,;:?()]|$)|\s+(?:for|in|among|with|at|of|using)\b)", re.I)
# (session 27) "in patients undergoing X": the people before the procedure are cut
_UNDERGOING = re.compile(r"^(?:[\w\-]+\s+){0,2}?" + PEOPLE + r"\s+(?:who\s+(?:are|were|had|have)\s+)?(?:undergoing|underwent|treated\s+with|"
                         r"receiving|having)\s+", re.I)
# treatment words that say no procedure of their own ("in the management of", "after treatment"): not enough there
_GENERIC = re.compile(r"^(?:(?:the\s+)?(?:management|care|treatment|treatments|therapy|therapies|intervention|interventions|"
                      r"procedure|procedures|surgery|operation|operative|surgical|medication|medications|programs?|programmes?)\b)", re.I)
# "post-ERCP pancreatitis", "post-transplant diabetes": the procedure a complication follows, which everyone had
_POST = re.compile(r"\bpost-?(?P<x>[A-Z][A-Za-z]{1,8}|[a-z]{5,})\b")
# "statin-induced myopathy", "aromatase inhibitor-related symptoms": the treatment a harm is put down to; not
# "exercise-induced" (exercise there is the trigger of a test or a symptom, not a treatment given)
_RELATED = re.compile(r"(?<=\w)-(?:related|induced|associated)\b", re.I)  # the words before it are taken by split
_STOPWORD = re.compile(r"^(?:in|the|of|with|and|on|for|after|is|are|does|do|can|a|an|to|by|from|at)$", re.I)
# "Is X an accurate method to ...", "Is X a contraindication for ...", "Are X a reliable tool ..."
_TITLE_IS_A = re.compile(r"(?:^|[:.]\s+)(?:is|are|was|were)\s+(?:the\s+|a\s+|an\s+)?(?:use\s+of\s+)?(?P<x>[^,;:?()]{3,70}?)\s+"
                         r"(?:an?|the)\s+(?:[\w\-]+\s+){0,2}?(?:method|tool|technique|approach|option|procedure|strategy|"
                         r"modality|test|contraindication|answer|response|solution)\b", re.I)
# "Has X improved Y?", "Do X programs impact Y?", "Did X change Y?" (what the title asks to act on something)
_TITLE_ACTS = re.compile(r"^(?:has|have|had|does|do|did|will|would|can|could|is|are)\s+(?:the\s+|a\s+|an\s+)?(?:introduction\s+of\s+|"
                         r"use\s+of\s+)?(?P<x>[^,;:?()]{3,70}?)\s+(?:really\s+)?(?:(?:impact|improve|affect|influence|"
                         r"change|reduce|increase|decrease|alter|lower|shorten|prolong)(?:s|d|ed)?|made|make)\b", re.I)
# "Are the GFRUP's recommendations for X applicable?", "Is X appropriate / adequate / accurate / reliable?"
# (session 27) after a topic and a colon too ("Ovarian torsion in children: is oophorectomy necessary?"), and the
# words that ask whether it should be done ("Is extended aortic replacement in acute dissection justifiable?")
_TITLE_FIT = re.compile(r"(?:^|[:.]\s+)(?:is|are|was|were)\s+(?:the\s+|a\s+|an\s+)?(?P<x>[^,;:?()]{3,90}?)\s+(?:really\s+|still\s+|always\s+)?"
                        r"(?:applicable|appropriate|adequate|accurate|reliable|valid|acceptable|cost-effective|successful|"
                        r"efficacious|worth\s+it|justifiable|justified|necessary|needed|indicated|warranted|beneficial|safe|"
                        r"effective|feasible|worthwhile|useful|mandatory|required)\s*(?:\?|$|\b(?:in|for|to|at|and|as)\b)", re.I)
# (session 27) "Is X the best / ideal Y for Z?"; "Outcomes of X in Y", "X: a 10-year experience" as a title
# (a colon inside a name, "holmium:YAG laser", is kept)
_TITLE_BEST = re.compile(r"(?:^|[:.]\s+)(?:is|are)\s+(?:the\s+|a\s+|an\s+)?(?P<x>(?:[^,;:?()]|(?<=\w):(?=\w)){3,70}?)\s+(?:the|an?)\s+"
                         r"(?:best|ideal|optimal|preferred|first-line|gold\s+standard)\b", re.I)
_TITLE_EXPERIENCE = re.compile(r"^(?P<x>[A-Za-z][^:?;.]{2,80}?)\s*[:.]\s+(?:an?|our|the)\s+(?:[\w\-]+\s+){0,3}?experience\b", re.I)
# (session 28) a cohort's title that pairs what people took with what became of them: "Hormone therapy and breast
# cancer in women", "X vaccination and autism: a cohort"; the exposure is the words before the title's last "and"
# (before any colon or "in / among"), read only when they name a treatment (the exposure test below) and not a
# substance used for pleasure (smoking, alcohol, cannabis: exposures, never interventions, by the annotation rule)
_TITLE_AND = re.compile(r"^(?P<x>[A-Za-z][^:?;.()]{2,80})\s+and\s+(?:the\s+)?(?:risk\s+of\s+|later\s+)?[a-z][^:?;.()]{2,60}?"
                        r"(?=\s*(?:[:?.]|$)|\s+(?:in|among|of)\s)", re.I)
_RECREATIONAL = re.compile(r"\b(?:smok\w*|tobacco|cigarettes?|alcohol|drinking|cannabis|marijuana|cocaine|heroin|opium|"
                           r"khat|betel|vaping|e-cigarettes?|coffee|tea)\b", re.I)
# "the impact / effect / role ... of X on / in Y" in an objective; not a "prognostic / predictive value of X": a test
# or marker measured in everyone to foretell the outcome is no intervention (the annotation rule)
_OF = re.compile(r"(?<!prognostic\s)(?<!predictive\s)\b(?:effects?|impact|influence|role|efficacy|effectiveness|safety|feasibility|usefulness|utility|value|"
                 r"contribution|benefits?|results|outcomes?|applicability|yield|experience|success)\s+of\s+(?:the\s+|a\s+|an\s+)?"
                 r"(?:use\s+of\s+)?(?P<x>[A-Za-z][^,;:.()?]{2,70}?)" + _STOP, re.I)
# "to evaluate X in patients ...": what is evaluated in a group of people
_EVALUATE = re.compile(r"\bto\s+(?:evaluate|assess|analy[sz]e|review|report|describe|investigate|examine|study)\s+(?:the\s+)?"
                       r"(?P<x>[A-Za-z][^,;:.()?]{2,60}?)\s+(?:in|among|for)\s+(?:[\w\-]+\s+){0,3}?" + PEOPLE + r"\b", re.I)
# a name that is a measure, a level or a group of people (population_size's PEOPLE: one home), never what was given
_MEASURE = re.compile(r"-related\b|\b(?:symptoms?|complications?|levels?|concentrations?|values?|status|counts?|scores?|index|ratio|measurements?|rates?|"
                      r"incidence|prevalence|risk|factors?|characteristics|expression|mutations?|volume|size|age|sex|gender|"
                      r"ethnicity|race|exposure)\b|\b" + PEOPLE + r"\b", re.I)
# a strategy noun that is a programme by itself
_STRATEGY_HEAD = re.compile(r"\b(?:fellowships?|residency|screening|training|education|rehabilitation|vaccination)$", re.I)
# a possessive owner before the name ("Canada's", "the GFRUP's"): who issued it, not part of what it is
_OWNER = re.compile(r"^(?:the\s+)?[\w\-]+['\u2019]s?\s+(?=\w)")


def _clean(x: str) -> str:
    x = trim_arm(re.sub(r"^(?:the|a|an|any|all|current|routine|using|use\s+of)\s+", "", x.strip(), flags=re.I))
    # an ordinal says which time, not what ("the first transfusion" is a transfusion)
    x = re.sub(r"^(?:first|second|third|initial|repeat|repeated)\s+(?=\w)", "", _OWNER.sub("", x), flags=re.I)
    # "fellowship programs", "screening programmes": the programme is the strategy its first words name
    x = re.sub(r"(?<=\w)\s+(?:programs?|programmes?)$", lambda m: m.group(0) if not _STRATEGY_HEAD.search(x[:m.start()]) else "", x)
    return without_adverb(x.strip(" ,:-"))


def without_adverb(x: str) -> str:
    """(session 27) an adverb that ends the name belongs to the question ("is partial prostatectomy oncologically
    safe?"): not part of what was done."""
    return re.sub(r"(?<=\w)\s+[a-z]+ly$", "", x).strip(" ,:-")


def _usable(x: str, is_exposure) -> bool:
    # a number only as a unit's count ("the 80-hour workweek"), never a dose, a year or a group size
    return bool(x) and len(x.split()) <= 9 and not re.search(r"(?<!\d)\d++(?!-[a-z])", x) and not NOT_AN_ARM.match(x) \
        and not _MEASURE.search(x) and is_exposure(x)


def _names(x: str, is_exposure, whole: str) -> list[str]:
    """The name, or its two parts when it joins two exposures ("emergency enteroscopy and capsule endoscopy"). An
    abbreviation inside a longer name takes the long form the abstract (`whole`) defines ("emergency DBE"); one
    that is the whole name stays as the question writes it."""
    if len(x.split()) > 1:
        x = " ".join(expand(w, whole) for w in x.split())
    parts = [p.strip() for p in re.split(r"(?<!\s)\s++and\s+", x)] if re.search(r"\sand\s", x) else []
    if len(parts) == 2 and all(_usable(p, is_exposure) for p in parts):
        return parts
    return [x] if _usable(x, is_exposure) else []


def from_title(title: str, is_exposure, whole: str = "") -> list[str]:
    """The treatment(s) or strategy a title asks about, by one of its subject forms; [] when none names one."""
    title = without_abbreviations(title.strip())
    for pat in (_TITLE_IT, _TITLE_IS_A, _TITLE_ACTS, _TITLE_FIT, _TITLE_BEST, _TITLE_EXPERIENCE, _OF, _TITLE_AND):
        m = pat.search(title)
        if m and pat is _TITLE_AND and _RECREATIONAL.search(m.group("x")):
            continue
        if m:
            x = _clean(m.group("x"))
            # "the GFRUP's recommendations for withholding treatments": the recommendations, not what they are for
            x = re.split(r"(?<!\s)\s++(?:for|of|on|in|among|after)\s+", x, maxsplit=1)[0] if pat is _TITLE_FIT else x
            if _names(x, is_exposure, whole):
                return _names(x, is_exposure, whole)
    return []


def procedure_had(title: str, is_procedure, whole: str = "") -> list[str]:
    """The procedure every participant had, by what the title says of it, when the abstract names it again (so that
    it is what the participants had, not a word of the title only); [] otherwise. Three forms: the question asked
    after or in it ("weight loss after sleeve gastrectomy"), a complication named after it ("post-ERCP
    pancreatitis"), a harm put down to it ("statin-induced myopathy"). `is_procedure` is the treatment test; a
    generic word ("management", "treatment") alone names no procedure."""
    title = without_abbreviations(title.strip())
    for m in _TITLE_AFTER.finditer(title):
        x = _clean(_UNDERGOING.sub("", m.group("x")))
        full = " ".join(expand(w, whole) for w in x.split()) if len(x.split()) > 1 else x
        head = full.split()[-1] if full else ""
        # the head noun must name the procedure itself ("sleeve gastrectomy", "knee arthroplasty"); "CABG surgery",
        # "delay treatment" or a level of care ("primary care", "day surgery": a setting) name none by their head
        if not head or _GENERIC.match(head) or not is_procedure(head) or not _usable(full, is_procedure):
            continue
        if re.search(r"\b" + re.escape(head) + r"\b", whole, re.I):
            return [full]
    for m in _POST.finditer(title):
        x = m.group("x")
        full = expand(x, whole)
        if not _GENERIC.match(full) and is_procedure(full) and re.search(r"\b" + re.escape(x) + r"\b", whole):
            return [x]
    for m in _RELATED.finditer(title):
        words = [w for w in re.split(r"[^\w\-]++", title[max(0, m.start() - 80):m.start()].split(":")[-1]) if w][-3:]
        cut = max((i + 1 for i, w in enumerate(words) if _STOPWORD.match(w)), default=0)
        words = words[cut:]  # the name starts after the last small word ("in patients with statin-induced")
        x = " ".join(words)
        if x and not re.match(r"exercise$", x, re.I) and not _GENERIC.match(x) and _usable(x, is_procedure) \
                and re.search(r"\b" + re.escape(words[-1]), whole, re.I):
            return [x]
    return []


def from_question(sentences: list[Sentence], is_exposure, whole: str = "") -> list[str]:
    """The treatment(s) or strategy an objective sentence names by its effect or as what it evaluates in a group
    of people; [] when no objective names one."""
    for s in sentences:
        text = without_abbreviations(s.text)
        for pat in (_OF, _EVALUATE):
            for m in pat.finditer(text):
                x = _clean(m.group("x"))
                if _names(x, is_exposure, whole):
                    return _names(x, is_exposure, whole)
    return []


def no_arms_in_case_control(pico, design_kind: str) -> bool:
    """Session 30: a case-control study compares people with and without a disease and looks back at what they were
    exposed to (STROBE 2007 items 6a, 7): its exposures (a medicine taken, a product used) are no intervention or
    comparator of its own, however the title names them ("Oral contraceptives, factor V Leiden and thrombosis").
    Clears both lists in place; True when anything was cleared."""
    if design_kind != "case_control" or not (pico.interventions or pico.comparators):
        return False
    pico.interventions, pico.comparators = [], []
    return True
