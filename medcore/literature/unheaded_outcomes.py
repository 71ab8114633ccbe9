"""Outcomes of an abstract pasted without headings (session 29): with no "MAIN OUTCOME MEASURES" heading and no
"the primary outcome was ...", an abstract still names what it measured in its own wording. Only read when
stated_outcomes found no outcome at all and no sentence sits under a heading (a headed abstract's outcome heading
is read by stated_outcomes; these cues would add the measures of a methods section to it).

Two forms, before the results (never the first or last sentence; the first percentage, p-value or interval ends the
search, as the rule roles' position guess is unsure on a verbless line):
- a measuring clause whose subject says it is the outcome: "Functional outcomes were assessed with the A score and
  the B score" names the instruments; "Cognitive assessment was by the C examination" names the assessment. The
  subject may not be the people ("Patients were assessed by a neurologist") nor a baseline trait ("... at baseline").
- a verbless list of outcome names, the text of a dropped outcome heading: "A, B and C." where a part carries an
  outcome head noun (mortality, survival, incidence, score ...). A verbless exposure or design line carries none.

Results sentences ("the hazard ratio for X was") were tried as a third form and left out: the dev gold counts an
outcome only when the paper states it, and most abstracts with no stated outcome report ratios too."""

from __future__ import annotations

import re

from medcore.literature.model import Sentence
from medcore.literature.people_words import PEOPLE_WORDS

_MEASURED = re.compile(
    r"^(?:the\s+)?(?P<s>[A-Za-z][\w\-']*(?:\s+[\w\-']+){0,5}?)\s+(?:was|were)\s+(?:also\s+|then\s+)?"
    r"(?:assessed|measured|evaluated|determined|quantified|graded|scored)\s+(?:with|by|using|through|on)\s+"
    r"(?P<o>[^.;]{3,200})", re.I)
_ASSESSMENT_BY = re.compile(r"^(?P<s>[A-Za-z][\w\-']*(?:\s+[\w\-']+){0,3}?\s+assessment)\s+was\s+(?:by|with|using)\s+"
                            r"(?P<o>[^.;]{3,160})", re.I)
# a generic subject says only that outcomes were measured: the instruments after the verb name them
_GENERIC = re.compile(r"^(?:\w+\s+)?(?:outcomes?|results?|end\s?-?points?)$", re.I)
_PEOPLE = re.compile(r"\b" + PEOPLE_WORDS + r"\b|\b(?:they|all|each|both|groups?)\b", re.I)
# the people themselves (not "all" or "each": "all-cause mortality" is an outcome's name)
_WHOM = re.compile(r"\b" + PEOPLE_WORDS + r"\b", re.I)
# a trait measured once to describe the people, not an outcome
_BASELINE = re.compile(r"\b(?:at\s+(?:baseline|entry|enrol?ment|admission|inclusion)|before\s+(?:randomi[sz]ation|"
                       r"treatment|surgery))\b", re.I)
# figures reported: a result, not a statement of what was measured
_FIGURES = re.compile(r"\d\s*%|\bp\s*[<=>]|\b\d+(?:\.\d+)?\s*(?:±|vs\.?|versus)\b|\bratio\b", re.I)
# the results have begun: a percentage, a p-value or an interval
_RESULTS = re.compile(r"\d\s*%|\bp\s*[<=>]|\b95\s*%|\bCI\b", re.I)
# the head nouns of outcome names (the words the dev gold's heading outcomes end on)
_OUTCOME_HEAD = re.compile(
    r"\b(?:mortality|deaths?|survival|incidence|prevalence|recurrence|relapse|remission|admissions?|readmissions?|"
    r"complications?|events?|scores?|scales?|rates?|times?|stay|pain|quality\s+of\s+life|function(?:ing)?|"
    r"adherence|uptake|failure|healing|loss|costs?|restenosis|disability|infections?|fractures?|strokes?|"
    r"dependence|response|satisfaction|use|visits|hospitali[sz]ations?)\b", re.I)
# a finite verb or a subject pronoun: the sentence is a clause, not a heading's list of names
_CLAUSE = re.compile(r"\b(?:was|were|is|are|be|been|has|have|had|did|does|do|will|would|can|could|may|might|should|"
                     r"we|they|showed?|found|received|underwent|included|compared|enrolled|randomi[sz]ed|occurred|"
                     r"became|remained|increased|decreased|differed|improved|declined|rose|fell|no)\b", re.I)
# (review fix) who, how or with which statistics outcomes were assessed is no outcome: "Outcomes were assessed by
# blinded assessors", "by telephone at six months", "Results were evaluated using the chi-square test"
_NOT_A_MEASURE = re.compile(
    r"\b(?:assessors?|reviewers?|investigators?|researchers?|raters?|observers?|examiners?|interviewers?|staff|"
    r"nurses?|physicians?|doctors?|clinicians?|neurologists?|physiotherapists?|psychologists?|committee|panel|"
    r"telephone|phone|post|mail|e-?mail|interviews?|visits?|intention|chi-squared?|t-?tests?|regression|anova|"
    r"analys[ie]s|statistics?|statistical|software|SPSS|Stata|SAS|methods?|mann-whitney|wilcoxon|fisher|log-?rank|"
    r"kruskal|mcnemar|kaplan|cox|poisson|logistic|bonferroni)\b", re.I)
_BY_WHOM = re.compile(r"(?<!\s)\s++(?:by|at|after|before|using|via)\s.*$", re.I)
# an instrument's name may hold such a word ("International Knee Documentation Committee score")
_INSTRUMENT_END = re.compile(r"\b(?:score|scale|index|questionnaire|inventory|instrument|checklist|criteria)s?$", re.I)
# (review fix) an assessment that describes the study's conduct or the people at entry, not what it measured:
# "Quality assessment was by two reviewers", "Baseline assessment was by a research nurse", "Eligibility assessment"
_CONDUCT = re.compile(r"\b(?:quality|bias|eligibility|baseline|risk|methodological|screening|initial|entry|"
                      r"pre-?operative|pre-?treatment|study|data|statistical|inclusion)\b", re.I)
_SPLIT = re.compile(r",\s*(?:and\s+)?|;\s*|(?<!\s)\s+and\s+")
_NAME = re.compile(r"[A-Za-z][\w\-/']*(?:\s+[\w\-/']+){0,6}")
_ARTICLE = re.compile(r"^(?:the|a|an|their|its)\s+", re.I)


def _names(text: str) -> list[str]:
    text = re.sub(r"\s?\([^()]{0,120}\)", "", text)  # "(IKDC)", "(BMI of 30 or more)" detail the name
    return [_ARTICLE.sub("", p.strip(" ,;")) for p in _SPLIT.split(text) if p.strip(" ,;")]


def measured(s: Sentence) -> list[str]:
    """The outcomes a measuring clause names ([] when the sentence is not one)."""
    text = s.text.strip()
    if _FIGURES.search(text) or _BASELINE.search(text):
        return []
    m = _MEASURED.match(text) or _ASSESSMENT_BY.match(text)
    if not m or _PEOPLE.search(m.group("s")) or _CONDUCT.search(m.group("s")):
        return []
    subject = _ARTICLE.sub("", m.group("s").strip())
    if _GENERIC.match(subject):
        # who or when after the instrument ("the Oswestry index by blinded assessors at 12 weeks") is no part of it
        names = [n for n in (_BY_WHOM.sub("", x) for x in _names(m.group("o"))) if n]
        if any(_NOT_A_MEASURE.search(n) and not _INSTRUMENT_END.search(n) for n in names):
            return []  # who, how or with which statistics: not what was measured
        return [n for n in names if _NAME.fullmatch(n)][:10]
    # any other measured thing only in the "X assessment was by Y" form: "Grip strength was measured with a
    # dynamometer" also describes covariates and descriptive measures, which the dev gold (stated outcomes only)
    # does not count: read on all dev splits it added 12 wrong readings for 4 right ones
    return [subject] if m.re is _ASSESSMENT_BY else []


def listed(s: Sentence) -> list[str]:
    """The names of a verbless outcome list ([] when the sentence is a clause or names no outcome)."""
    text = s.text.strip().rstrip(".")
    if _CLAUSE.search(text) or re.search(r"\d", re.sub(r"\([^()]{0,120}\)", "", text)):
        return []
    parts = _names(text)
    if not parts or len(parts) > 10 or not all(_NAME.fullmatch(p) for p in parts):
        return []
    if any(_WHOM.search(p) for p in parts):
        return []  # (review fix) a verbless line of whom ("Adults with chronic low back pain."), not of what
    named = [p for p in parts if _OUTCOME_HEAD.search(p)]  # most parts carry an outcome head noun: all are names
    return parts if len(named) * 2 >= len(parts) else []


def read(sents: list[Sentence]) -> tuple[int, list[str]] | None:
    """(sentence index, names) of the first unheaded outcome statement, or None."""
    if any(s.section for s in sents):
        return None
    for s in sents[1:-1]:  # the rule roles guess results by position, unsure on a verbless line: figures end it
        if _RESULTS.search(s.text):
            break
        names = measured(s) or listed(s)
        if names:
            return s.idx, names
    return None
