"""The arms of a factorial trial (session 29): each factor is its own treatment against placebo ("to A or placebo and
to B or placebo", "A plus placebo, B plus placebo, both, or placebo plus placebo"), so both treatments are
interventions and the placebo is the comparator (CONSORT extension for factorial trials: each factor is compared
with its absence). The general arm readers take the title's "A or B" as A against B and a "placebo plus placebo" arm
as a comparator's name; this pass sets the sides when the paper names its design factorial."""

from __future__ import annotations

import re

from medcore.literature.model import PicoItem, Sentence

# "factorial" as this trial's design, not a factorial analysis or a factorial ANOVA of the data
_FACTORIAL = re.compile(r"\bfactorial\b(?!\s+(?:analys\w*|anova|regression|survey))", re.I)
# a treatment set against placebo inside a factorial allocation: "to A or placebo", "compared A with placebo", ", B
# plus placebo" (a dose in brackets may follow the name); the name never opens with "to" or "placebo"
_AGAINST_PLACEBO = re.compile(
    r"(?:\bto\s+|\bcompared\s+|\breceive\s+|,\s*|\band\s+|\bor\s+)(?:either\s+)?(?!(?:to|placebo|either|both)\b)"
    r"(?P<a>[A-Za-z][\w\-]*(?:\s+(?!(?:or|with|versus|plus|and|placebo)\b)[\w\-]+){0,3})(?:\s*\([^()]{0,60}\))?"
    r"\s+(?:or|with|versus|vs\.?|plus|and)\s+(?:a\s+|matching\s+|identical\s+)?placebo\b", re.I)
_PLACEBO = re.compile(r"^(?:(?:a|the|matching|identical|double|dummy|saline)\s+)*placebos?"
                      r"(?:\s*(?:plus|and|-|/)\s*placebos?)?$", re.I)
_NOT_A_TREATMENT = re.compile(r"\b(?:patients|participants|adults|children|women|men|groups?|arms?|trial|design)\b", re.I)


# (review fix) two factors each against its own control, with or without a placebo: "to metoprolol or placebo and to
# intensive or standard blood pressure control", "to exercise or usual care and to diet advice or no advice"; the
# general arm reader took "placebo and to intensive" as one comparator's name
_NAME = r"[A-Za-z][\w\-]*(?:\s+(?!(?:or|and|to|versus|vs)\b)[\w\-]+){0,4}"
# (review s30) a colon opens the pairs only after the design or the arms ("factorial trial: A versus B, and C versus
# D", "Interventions: ..."), never after outcomes ("Co-primary outcomes: falls or fractures, and pain or disability")
_TWO_PAIRS = re.compile(r"(?:\bto|\b(?:factorial|design|trial|interventions?|arms?|groups?|allocation|randomi[sz]ation)\s*:)"
                        r"\s+(?:either\s+)?(?P<a1>" + _NAME + r")\s+(?:or|versus|vs\.?)\s+(?P<b1>" + _NAME + r"),?\s+and\s+"
                        r"(?:to\s+)?(?:either\s+)?(?P<a2>" + _NAME + r")\s+(?:or|versus|vs\.?)\s+(?P<b2>" + _NAME + r")", re.I)
_CONTROL = re.compile(r"^(?:(?:a|an|the|matching|identical)\s+)?(?:placebo|sham|usual|standard|conventional|routine|"
                      r"no|none|nothing|control|observation|waiting)\b", re.I)


# a lone adjective ("intensive", "early", "liberal") against a standard one with a head noun after it
_MODIFIER = re.compile(r"(?:high|low|early|late|short|long)(?:-[a-z]+)?|tight|strict|more|less", re.I)
_ADJECTIVE_END = ("ive", "al", "ed", "ic", "ous")
_SHARED_HEAD = re.compile(r"(?:standard|usual|conventional|routine|less|lenient)\s+(?P<head>[\w\-]+(?:\s+[\w\-]+){0,3})$", re.I)
# session 30: two active levels of one factor share the head too ("conservative versus liberal oxygen")
_PARTNER_HEAD = re.compile(r"(?<![\w\-])[\w\-]+\s+(?P<head>[\w\-]+(?:\s+[\w\-]+){0,3})$", re.I)


def _sides(a: str, b: str) -> tuple[str, str]:
    """(treatment, control) of one factor; a lone modifier borrows its partner's head noun ("intensive or standard
    blood pressure control": "intensive blood pressure control")."""
    a, b = (re.sub(r"^(?:a|an|the)\s+", "", x, flags=re.I) for x in (a, b))  # (review s30) "to a short or long course"
    modifier = _MODIFIER.fullmatch(a) or (a.replace("-", "").isalpha() and a.lower().endswith(_ADJECTIVE_END))
    if not modifier and "-" in a and " " not in a and "-" in b.split()[0] and len(b.split()) > 1:
        modifier = True  # (review s30) a compound against a compound: "a hypotension- or hypertension-avoidance strategy"
    head = _SHARED_HEAD.match(b) or (_PARTNER_HEAD.match(b) if modifier and (_is_modifier(b.split()[0]) or "-" in a) else None)
    if modifier and head:
        a = f"{a} {head.group('head')}"
    return (b, a) if _CONTROL.match(a) and not _CONTROL.match(b) else (a, b)


def _is_modifier(word: str) -> bool:
    return bool(_MODIFIER.fullmatch(word)) or (word.replace("-", "").isalpha() and word.lower().endswith(_ADJECTIVE_END))


def two_pairs(sentences: list[Sentence]) -> tuple[list[tuple[str, int]], list[tuple[str, int]]] | None:
    """(treatments, controls) of a factorial allocation told as two "A or B" pairs, each with one control or
    (session 30) two active levels: "to apixaban or warfarin, and to rhythm or rate control" compares apixaban with
    warfarin and rhythm with rate control; the first named of an active pair is its intervention, as the general
    arm reader takes it (CONSORT extension for factorial trials: each factor is its own comparison)."""
    for s in sentences:
        m = _TWO_PAIRS.search(s.text)
        if not m:
            continue
        pairs = [_sides(m.group("a1"), m.group("b1")), _sides(m.group("a2"), m.group("b2"))]
        if any(_CONTROL.match(t) for t, _ in pairs) or any(_NOT_A_TREATMENT.search(x) for p in pairs for x in p):
            continue  # each factor sets a treatment against a control or against another treatment
        controls: list[tuple[str, int]] = []
        for _, c in pairs:
            if c.lower() not in (x.lower() for x, _ in controls):
                controls.append((c, s.idx))
        return [(t, s.idx) for t, _ in pairs], controls
    return None


def is_factorial(sentences: list[Sentence], title: Sentence | None) -> bool:
    return any(_FACTORIAL.search(s.text) for s in ([title] if title else []) + list(sentences))


def against_placebo(sentences: list[Sentence]) -> list[tuple[str, int]]:
    """The treatments each set against placebo, in the order written (first sentence that names two or more)."""
    for s in sentences:
        names: list[tuple[str, int]] = []
        for m in _AGAINST_PLACEBO.finditer(s.text):
            a = m.group("a").strip()
            if not _NOT_A_TREATMENT.search(a) and a.lower() not in (n.lower() for n, _ in names):
                names.append((a, s.idx))
        if len(names) >= 2:
            return names
    return []


def set_sides(sentences: list[Sentence], title: Sentence | None, interventions: list, comparators: list, coded) -> bool:
    """Set a factorial trial's sides in place (True when changed): the treatments set against placebo are the
    interventions (the title's first), placebo the comparator; else a treatment read as a comparator joins the
    interventions and a "placebo plus placebo" arm is the placebo."""
    if not is_factorial(sentences, title):
        return False
    placebo = next((c for c in comparators if _PLACEBO.match(c.text.strip())), None)
    named = against_placebo(sentences)
    pairs = two_pairs(sentences) if len(named) < 2 else None
    if pairs:
        interventions[:] = [coded(text, idx) for text, idx in pairs[0]]
        comparators[:] = [coded(text, idx) for text, idx in pairs[1]]
        return True
    if named:
        where = (title.text.lower() if title else "")
        named.sort(key=lambda n: (where.find(n[0].lower()) if n[0].lower() in where else len(where) + 1))
        interventions[:] = [coded(text, idx) for text, idx in named]
        comparators[:] = [PicoItem(text="placebo", sentence_idx=placebo.sentence_idx if placebo else named[0][1])]
        return True
    if placebo is None:
        return False
    moved = [c for c in comparators if c is not placebo]
    interventions.extend(c for c in moved if c.text.lower() not in (i.text.lower() for i in interventions))
    comparators[:] = [PicoItem(text="placebo", sentence_idx=placebo.sentence_idx)]
    return True
