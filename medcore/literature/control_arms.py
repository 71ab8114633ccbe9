"""The control arm named by what it received (session 12). Abstracts often call the comparator only "the control
group" where they allocate, and say what that group got in a sentence of its own: "The control group received
written advice only", "Controls were given a sham device", "Patients who underwent other procedures served as
controls". CONSORT 2010 item 5 asks for the interventions of each group "including the control"; this reads the
control's own intervention from those forms, so the card names it instead of the generic cue.

Pure functions over sentences; pico._arms calls `named_control` when its comparators are missing or generic."""

from __future__ import annotations

import re

from medcore.literature.model import Sentence
from medcore.literature.numwords import NUMBER_WORDS

# what a group received, up to the clause's end or a word that starts a time or a circumstance
_WHAT = r"(?P<x>[A-Za-z][^,;:.()]{2,80}?)"
_STOP = r"(?=\s*(?:[,;:.()]|$|\b(?:for|during|over|at|from|until|after|before|while|whereas|instead|daily|each|every|once|twice|thrice)\b))"
_FORMS = [
    # "the control group received X", "patients in the control arm were given X", "controls underwent X"
    # ... "control women received X" (the people named by who they are: women, mothers, infants; session 13)
    re.compile(r"\b(?:(?:the\s+)?(?:control|comparison)\s+(?:group|arm|patients|participants|subjects|women|men|mothers|"
               r"infants|children|adults|students)|controls?|"
               r"(?:patients|participants|subjects)\s+in\s+the\s+(?:control|comparison)\s+(?:group|arm))\s+"
               r"(?:received|receive|were\s+given|was\s+given|got|underwent|were\s+offered|was\s+offered|"
               r"were\s+treated\s+with|was\s+treated\s+with)\s+(?:only\s+)?" + _WHAT + _STOP, re.I),
    # "people who underwent X(, a clause,) served as controls"
    re.compile(r"\b(?:who|that)\s+(?:underwent|received|had|were\s+given)\s+" + _WHAT +
               r"(?:\s*,[^,;.()]{0,60})?,?\s+(?:served|acted)\s+as\s+(?:the\s+)?controls?\b", re.I),
]
# the comparator of a service comparison named by the usual way of care (session 15): "people seen in the
# traditional one-specialist-after-another manner", "managed by the conventional outpatient pathway"; the adjective
# says it is the usual care the new service replaces (Cochrane EPOC: organisation-of-care interventions)
_USUAL_WAY = re.compile(
    r"\b(?:referred|managed|treated|seen|cared\s+for|followed(?:\s+up)?|assessed|evaluated)\s+(?:in|by|through|via|under|"
    r"according\s+to)\s+the\s+(?:traditional|conventional|usual|customary|standard|existing)\s+"
    r"(?P<x>[a-z][a-z\-]+(?:\s+[a-z][a-z\-]+){0,3}?)\s+(?:manner|way|fashion|model|pathway|system|approach|route)\b", re.I)
_FORMS.append(_USUAL_WAY)
# a generic answer is no name: "the control group received no intervention" keeps the cue ("no intervention")
_EMPTY = re.compile(r"^(?:the\s+)?(?:same|similar|nothing|none)\b", re.I)


def named_control(sentences: list[Sentence]) -> tuple[str, int] | None:
    """(what the control group received, sentence idx) from the first methods (or unlabelled) sentence that says
    it; None when no sentence does."""
    order = [s for s in sentences if s.role == "methods"] + [s for s in sentences if s.role in (None, "", "objective")]
    for s in order:
        for form in _FORMS:
            m = form.search(s.text)
            if m and not _EMPTY.match(m.group("x")):
                x = re.sub(r"^(?:a|an|the)\s+", "", m.group("x").strip(), flags=re.I)
                x = re.sub(r"(?<!\s)\s+(?:only|alone)$", "", x, flags=re.I)  # "a booklet only": the arm is the booklet
                return " ".join(x.split()), s.idx
    return None


# a comparison group named by who its people are (session 24c): "Northern (serving as controls) residents", "healthy
# volunteers served as controls", "40 office workers were used as a control group". An exposure study (a campaign,
# a region's policy) often has no control treatment, only people left unexposed; the card names them.
_PEOPLE = (r"volunteers|adults|people|persons|subjects|individuals|participants|patients|women|men|children|students|"
           r"residents|workers|drivers|donors|controls")
_AS_CONTROLS = r"(?:acting|serving|served|acted|used|were\s+used|was\s+used)\s+as\s+(?:a\s+|an\s+|the\s+)?(?:controls?|control\s+(?:group|population))"
_PEOPLE_FORMS = [  # a word is at most 41 characters: bounded, a long hyphenated run is scanned once per start
    # "urban and rural (acting as controls) residents": the qualifier said just before the aside
    re.compile(r"(?P<x>\b[A-Za-z][\w\-]{0,40})\s*\(\s*" + _AS_CONTROLS + r"\s*\)", re.I),
    # "(the) healthy volunteers (n = 20) served as controls", "younger drivers - used as a control group"
    re.compile(r"(?P<x>\b(?:[A-Za-z][\w\-]{0,40}\s+){0,2}?(?:" + _PEOPLE + r"))\s*(?:\([^()]{0,30}\)\s*)?[-,–]?\s*" + _AS_CONTROLS
               + r"\b", re.I),
]
_NOT_A_QUALIFIER = re.compile(r"^(?:the|a|an|and|or|of|who|which|were|was|as|all|other)$", re.I)


def people_as_controls(sentences: list[Sentence], guessed: bool = False) -> tuple[str, int] | None:
    """(the people who served as the comparison group, sentence idx): a bare qualifier gets "controls" after it
    ("Northern controls"); a group named by its people stays as written. None when no sentence says it.
    `guessed`: a background role the position rules gave (no heading) may be the methods, so it is read too."""
    for s in sentences:
        if s.role not in ("methods", "objective", "", None) and not (
                guessed and s.role == "background" and s.role_source == "rules"):
            continue
        for i, form in enumerate(_PEOPLE_FORMS):
            m = form.search(s.text)
            if not m:
                continue
            # a count is not the group's name ("Thirty healthy volunteers")
            words = [w for w in m.group("x").split() if not (_NOT_A_QUALIFIER.match(w) or w.isdigit()
                                                               or NUMBER_WORDS.fullmatch(w))]
            if not words:
                continue
            x = " ".join(words)
            if i == 0 and not re.search(r"\b(?:" + _PEOPLE + r")$", x, re.I):
                x = f"{x} controls"
            return x, s.idx
    return None


# session 29: a drug named as the vehicle of a placebo ("a saline placebo", "placebo (saline)", "saline as placebo")
# is the placebo arm, not a treatment tested: the drug reader finds "saline" in the lexicon and lists it as an arm
def _vehicle(name: str) -> re.Pattern:
    n = re.escape(name)
    return re.compile(r"\b" + n + r"\s+(?:placebo|sham)\b|\bplacebo\s*\(\s*" + n + r"\b|\b" + n + r"\s+(?:as|was\s+the|served\s+as)\s+"
                      r"(?:a\s+|the\s+)?placebo\b|\bplacebo\s+(?:of|with|containing)\s+" + n + r"\b", re.I)


_JUST_PLACEBO = re.compile(r"(?<![\w\s])(?:(?:a|the|matching|identical|dummy)\s++)*+placebos?$|^placebos?$", re.I)


def vehicle_placebo(sentences: list[Sentence], interventions: list, comparators: list) -> bool:
    """Move an intervention named only as a placebo's vehicle to the comparators as the placebo, in place (True
    when moved). Not when it is also given as a treatment of its own ("saline 0.9% infusion" with no placebo)."""
    whole = " ".join(s.text for s in sentences)
    # (review fix) a double-dummy trial names a placebo of each active drug ("A plus B placebo or B plus A
    # placebo"): both drugs are arms, neither is a placebo's vehicle, and the placebos keep the blinding only (no
    # placebo arm): the first drug is the intervention, the other its comparator
    dummies = [i for i in interventions + comparators if i.text and not _JUST_PLACEBO.match(i.text)
               and _vehicle(i.text).search(whole)]
    if len(dummies) > 1:
        comparators[:] = [c for c in comparators if not _JUST_PLACEBO.match(c.text)]
        if not comparators and len(interventions) > 1:
            comparators.append(interventions.pop(interventions.index(dummies[-1]) if dummies[-1] in interventions
                                                 else len(interventions) - 1))
        return False
    for item in list(interventions):
        if len(interventions) > 1 and item.text and _vehicle(item.text).search(whole):
            interventions.remove(item)
            if not any(re.search(r"\bplacebo\b", c.text, re.I) for c in comparators):
                comparators.insert(0, type(item)(text="placebo", sentence_idx=item.sentence_idx))
            return True
    return False


# session 29: the title sets the tested treatment against its comparator ("Two doses of A against B", "A versus B");
# when the arm readers listed both as interventions and no comparator, B is the comparator
_TITLE_AGAINST = re.compile(r"\b(?:against|versus|vs\.?|compared\s+with)\s+(?:the\s+|standard\s+|usual\s+)?"
                            r"(?P<b>[A-Za-z][\w\-]+)", re.I)


def title_against(title: Sentence | None, interventions: list, comparators: list) -> bool:
    """Move the intervention the title names after "against / versus" to the comparators, in place (True when
    moved); only when two or more interventions and no comparator were read."""
    m = _TITLE_AGAINST.search(title.text) if title is not None else None
    if not m or comparators or len(interventions) < 2:
        return False
    b = m.group("b").lower()
    item = next((i for i in interventions if i.text.lower().split()[0] == b), None)
    if item is None or item is interventions[0] and not any(b not in i.text.lower() for i in interventions):
        return False
    interventions.remove(item)
    comparators.append(item)
    return True


# session 30: a review of placebo-controlled trials ("trials comparing X with placebo", "placebo-controlled trials of
# X", "X versus placebo") compares its treatment with placebo: the pooled comparator, as a trial's placebo arm is
# (the general arm readers read allocations of one trial; a review allocates none). Not a review of the placebo
# itself ("the placebo response in trials of X", "placebo effects").
_REVIEW_PLACEBO = re.compile(r"\b(?:compar\w*|versus|vs\.?|against|with|or)\s+(?:a\s+|matching\s+)?placebo\b(?!\s+(?:response|effect))"
                             r"|\bplacebo[- ]controlled\s+(?:randomi[sz]ed\s+)?(?:trials|studies|RCTs)\b", re.I)
_ABOUT_PLACEBO = re.compile(r"\bplacebo\s+(?:responses?|effects?|groups?\s+response|arms?\s+response|nocebo)\b|\bnocebo\b", re.I)


# (review s30) placebo trials the review left out ("trials comparing X with placebo were excluded", "we excluded
# placebo-controlled trials"): no placebo comparator (a network review of head-to-head and placebo trials keeps it)
_EXCLUDED_AFTER = re.compile(r"[^;.]{0,60}?\b(?:were|was)\s+(?:also\s+)?(?:excluded|not\s+(?:included|eligible|considered))\b", re.I)
_EXCLUDED_BEFORE = re.compile(r"\b(?:exclud\w*|except|not|without|other\s+than)\s+(?:all\s+|any\s+)?(?:[\w\-]+\s+){0,4}$", re.I)


def _pools_placebo(text: str) -> bool:
    return any(not _EXCLUDED_AFTER.match(text, m.end()) and not _EXCLUDED_BEFORE.search(text, 0, m.start())
               for m in _REVIEW_PLACEBO.finditer(text))


def review_placebo(sentences: list[Sentence], title: Sentence | None) -> tuple[str, int] | None:
    """("placebo", sentence index) when a review pools trials against placebo, else None."""
    texts = ([title] if title is not None else []) + [s for s in sentences if s.role != "conclusions"]
    if any(_ABOUT_PLACEBO.search(s.text) for s in texts):
        return None
    return next((("placebo", s.idx) for s in texts if _pools_placebo(s.text)), None)
