"""Interventions and comparators from the sentence that allocates them (session 13, issue 15: arms were weak on
unseen abstracts). A trial's methods usually say what each group got where they randomise: "randomised to A or
B", "randomly assigned to receive A or a matching placebo", "received either A or B", "allocated to A, B or C".
CONSORT 2010 item 5 asks for exactly that sentence. The list is read by the arm reader's `arms.listed` (one home
for allocation lists); here each name loses its dose and schedule ("ferrous sulfate 200 mg three times daily" ->
"ferrous sulfate"; the dose is the drug's detail, not its name) and is put on its side: a control cue opening the
name (placebo, sham, usual care: `arm_phrases.is_control`) makes a comparator; with no control named, "A or B"
makes B the comparator, as the question "A versus B" would, unless one arm adds to the other ("A or B with A").

Also "we compared A with B" in a methods sentence: the authors' own statement of the comparison, read by the
same pattern as the question's (`pico._COMPARE`), so it is offered here only as the sentences to read."""

from __future__ import annotations

import re

from medcore.knowledge.normalize import PAREN
from medcore.literature import arm_phrases
from medcore.literature.arms import listed
from medcore.literature.model import Sentence

_ALLOCATES = re.compile(r"\b(?:randomi[sz]ed|randomly\s+(?:assigned|allocated|divided)|allocated|assigned|"
                        r"received\s+either)\b", re.I)
# "we compared A with B", "this trial compared ...": the authors state the comparison in their methods
_WE_COMPARED = re.compile(r"\b(?:we|this\s+(?:study|trial|randomi[sz]ed\s+trial))\s+compared\b", re.I)
# a dose, a route given after the name, or a schedule: not part of an arm's name
_DOSE_TAIL = re.compile(
    r"(?<!\s)\s*(?:\(\s*)?(?<!\d)\d+(?:\.\d+)?\s*(?:-\s*\d+(?:\.\d+)?\s*)?(?:mg|g|µg|μg|mcg|ug|ng|iu|IU|units?|U|ml|mL|mmol|mEq|%)(?!\w).*$"
    r"|(?<!\s)\s+(?:once|twice|three\s+times|four\s+times|daily|weekly|monthly|every\s+\d+\s+\w+|for\s+\d+\s+\w+)\b.*$", re.I)


_DOSE_HEAD = re.compile(r"^\s*\d+(?:\.\d+)?\s*(?:%|mg|g|µg|μg|mcg|ml|mL|IU)\s+(?:of\s+)?", re.I)
_LABEL = arm_phrases.LABEL_ONLY
_ADD_ON = re.compile(r"\b(?:in\s+addition\s+to|plus|combined\s+with|together\s+with|added\s+to|with\s+or\s+without)\b", re.I)


def strip_dose(name: str) -> str:
    """'ferrous sulfate 200 mg three times daily' -> 'ferrous sulfate', '24% oral sucrose' -> 'oral sucrose'; a
    name that is only a dose stays."""
    out = _DOSE_TAIL.sub("", _DOSE_HEAD.sub("", name)).strip(" ,;:-(")
    return out if re.search(r"[A-Za-z]{2}", out) else name


def _shares_a_word(a: str, b: str) -> bool:
    """"colchicine or a diet plan given with colchicine": one arm adds to the other, so the order of the list does
    not say which is the control (the PICO reader's other rules decide)."""
    words = lambda x: {w for w in re.findall(r"[a-z]{4,}", x.lower())}  # noqa: E731
    return bool(words(a) & words(b))


def compared_in_methods(sentences: list[Sentence]) -> list[Sentence]:
    """Methods sentences in which the authors say what they compared ("We compared A with B in 80 adults")."""
    return [s for s in sentences if s.role in ("methods", "") and _WE_COMPARED.search(s.text)]


# session 28: a route standing alone in the list gives the next name its route ("oral or intravenous dexamethasone"
# is one arm, either route; "oral" alone is no treatment)
_ROUTE_ONLY = re.compile(r"^(?:oral|intravenous|iv|intramuscular|subcutaneous|topical|inhaled|intranasal|nasal|rectal|"
                         r"vaginal|sublingual|buccal|transdermal|intrathecal|epidural|enteral|parenteral)$", re.I)


def _join_routes(names: list[str]) -> list[str]:
    """(holdout fix) only when another arm follows the drug ("oral or intravenous X, or usual care"): with no other
    arm, "oral or intravenous X" compares the two routes"""
    if len(names) < 3:
        return names
    out: list[str] = []
    for i, name in enumerate(names):
        if _ROUTE_ONLY.match(name.strip()) and i + 1 < len(names):
            names[i + 1] = f"{name.strip()} or {names[i + 1]}"
            continue
        out.append(name)
    return out


def allocated(comp: re.Pattern, sentences: list[Sentence]) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    """(interventions, comparators), each (name, sentence index), from the first methods sentence that allocates
    to a list of two or more arms; ([], []) when none does."""
    for s in sentences:
        if s.role not in ("methods", "") or not _ALLOCATES.search(s.text):
            continue
        # "(gum group)", "(n = 50)": not part of the list's words
        names = _join_routes(listed(PAREN.sub("", s.text), tidy=lambda n: arm_phrases.name_omission(strip_dose(n)), cut=False))
        if len(names) < 2 or len({n.lower() for n in names}) < len(names) or any(_LABEL.match(n) for n in names):
            continue  # dose arms of one drug, or arms named only by their label ("the experimental or control group")
        if any(_ADD_ON.search(n) for n in names):
            continue  # "A in addition to B or A alone": the card lists the drugs of such an arm (pico's drug reading)
        controls = [n for n in names if arm_phrases.is_control(comp, n)] or [n for n in names if arm_phrases.withholds(n)]
        if not controls and len(names) == 2 and not _shares_a_word(*names):
            controls = names[-1:]
        if not controls or len(controls) == len(names):
            continue  # three active arms, or only controls: which is compared with which is not said here
        return ([(n, s.idx) for n in names if n not in controls], [(n, s.idx) for n in controls])
    return [], []


# "whether A is superior to B", "A was as effective as B", "A is non-inferior to B": the question states both arms
_STATED = re.compile(
    r"\b(?:whether|that|if)\s+(?:the\s+|a\s+|an\s+)?(?P<a>[^,;:.()]{3,60}?)\s+(?:is|was|are|were|would\s+be|could\s+be)\s+"
    r"(?:(?:superior|inferior|non-?inferior|equivalent|comparable|similar)\s+to|as\s+(?:effective|safe|good|accurate)\s+as|"
    r"(?:more|less)\s+(?:effective|efficacious|accurate)\s+than|better\s+than)\s+(?:the\s+|a\s+|an\s+)?"
    r"(?P<b>[^,;:.()]{3,60}?)(?=\s*(?:[,;:.()?]|$|\b(?:in|for|among|at|after|during|on|with|to|when)\b))", re.I)
# a title question that names two treatments: "Honey or dextromethorphan for cough in children?"
_TITLE_OR = re.compile(r"^(?:(?:is|are|should\s+we\s+use)\s+)?(?P<a>[A-Za-z][\w\- ]{2,40}?)\s+or\s+(?P<b>[A-Za-z][\w\- ]{2,40}?)"
                       r"\s+(?:for|in|after|before|during|to\s+treat|to\s+prevent)\b[^?]*\?\s*$", re.I)


# a yes/no title asking whether either of two treatments changes an outcome: "Does A or B improve survival in Z?"
# asks about each one's effect (each against its absence), not A against B (session 25)
_TITLE_EITHER = re.compile(r"^(?:does|do|did|can|could|will|would|may|might)\s+(?P<a>[A-Za-z][\w\- ]{2,40}?)\s+or\s+"
                           r"(?P<b>[A-Za-z][\w\- ]{2,40}?)\s+(?:impact|affect|influence|improve|change|alter|reduce|"
                           r"increase|decrease|prolong|shorten|lower|raise|prevent|predict|benefit|matter)\b", re.I)


def either_treatment(title: Sentence | None, is_treatment) -> list[str]:
    """[A, B] from a title "Does A or B improve X?" when both name a treatment (`is_treatment(name)`); else []."""
    m = _TITLE_EITHER.match(title.text.strip()) if title is not None else None
    if m and is_treatment(m.group("a")) and is_treatment(m.group("b")):
        return [m.group("a").strip(), m.group("b").strip()]
    return []


def stated_pair(question: list[Sentence], is_treatment) -> tuple[str, str, int] | None:
    """(intervention, comparator, sentence index) from a question that states both arms: "whether A is superior
    to B" (objective or title), or a title "A or B for Z?" when both name a treatment (`is_treatment(name)`)."""
    for s in question:
        m = _STATED.search(s.text)
        if m:
            return m.group("a").strip(), m.group("b").strip(), s.idx
        m = _TITLE_OR.match(s.text.strip()) if s.idx == -1 and not _TITLE_EITHER.match(s.text.strip()) else None
        if m and is_treatment(m.group("a")) and is_treatment(m.group("b")):
            return m.group("a").strip(), m.group("b").strip(), s.idx
    return None



# session 28: the authors' own names for the arms, in brackets after what each arm got, in the sentence that
# allocates ("assigned to aim for X under 120 (intensive treatment) or under 140 (standard treatment)", "a bolus of
# albumin (albumin bolus), a bolus of saline (saline bolus) or no bolus"): one to four plain words each, no digits,
# no abbreviation, not a group's number or letter ("(group A)", "(arm 1)", "(n = 40)") and not a dose band
_BRACKET_LABEL = re.compile(r"\(\s{0,2}(?P<name>[a-z][a-z\-]{1,30}(?:\s[a-z][a-z\-]{1,30}){0,3})\s{0,2}\)")
_NOT_A_LABEL = re.compile(r"\b(?:groups?|arms?|cohorts?|n|dose|doses|dosage|low|high|mean|median|range|sd|ci|respectively|"
                          r"i\.e|e\.g|approximately|about|or|and|vs|versus|both|all|each)\b"
                          # (review fix) a bracketed place or time ("(in hospital)", "(at home)") is no arm's name
                          r"|^(?:in|at|on|after|before|during|from|for|per|to|by|within|until)\b", re.I)
# (review fix) two arm labels stand in a list: "or", "versus", "and" or a comma between them ("exercise or usual care
# (both groups) after discharge (in hospital)" has none: its brackets qualify, they name no arm)
_JOINT = re.compile(r"\b(?:or|versus|vs|and)\b|,", re.I)


def labelled(comp: re.Pattern, sentences: list[Sentence]) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    """(interventions, comparators) named by two or more bracketed labels in the first methods sentence that
    allocates; a label opening with a control cue ("standard treatment", "usual care") is a comparator."""
    for s in sentences:
        if s.role not in ("methods", "") or not _ALLOCATES.search(s.text):
            continue
        found = list(_BRACKET_LABEL.finditer(s.text))
        names = [m.group("name") for m in found]
        if len(names) < 2 or any(_NOT_A_LABEL.search(n) for n in names) or \
                not all(_JOINT.search(s.text, a.end(), b.start()) for a, b in zip(found, found[1:])):
            continue
        inter = [(n, s.idx) for n in names if not arm_phrases.is_control(comp, n)]
        comps = [(n, s.idx) for n in names if arm_phrases.is_control(comp, n)]
        more = re.search(r"\b(?:or|and)\b", s.text[found[-1].end():])  # an unlabelled arm after them ("or no bolus")
        if len(names) == 2 and not comps and not more:  # "A or B", no control named: B is compared, as `allocated` reads it
            inter, comps = inter[:1], inter[1:]
        if inter:
            return inter, comps
    return [], []


# session 28: a title asking whether a step is needed ("X: is routine B necessary?", "Is B always required in A?")
# studies leaving B out: the arm without B is the one studied, B (the usual practice) its comparator
_NECESSARY = re.compile(r"\b(?:is|are)\s+(?:the\s+|a\s+|an\s+)?(?:routine\s+|prophylactic\s+|preoperative\s+|postoperative\s+)?"
                        r"(?P<b>[^,;:?()]{3,60}?)\s+(?:always\s+|really\s+|still\s+|routinely\s+)?(?:necessary|needed|required|"
                        r"mandatory|essential|indispensable)\b", re.I)


def necessary_sides(title: Sentence | None, interventions: list, comparators: list) -> bool:
    """Swap the sides in place when the title asks whether B is necessary and the arms read are B (intervention)
    against its omission (comparator); True when swapped."""
    m = _NECESSARY.search(title.text) if title is not None else None
    if not m or len(interventions) != 1 or len(comparators) != 1:
        return False
    head = m.group("b").split()[0].lower()[:6]
    given, left_out = interventions[0], comparators[0]
    if head in given.text.lower() and arm_phrases.LEAVES_OUT.search(left_out.text) and not arm_phrases.LEAVES_OUT.search(given.text):
        interventions[0], comparators[0] = left_out, given
        return True
    return False
