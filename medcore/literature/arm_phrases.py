"""Phrasings of compared arms that the PICO reader (`pico._arms`) and the arm reader (`arms.read_arms`) share
(session 12, issue 15: interventions and comparators were weak on unseen abstracts):
- a compared name trimmed to the treatment: "To compare outcomes of laparoscopic" -> "laparoscopic appendectomy"
  (the head noun the second arm names), "frames after knee surgery" -> "frames";
- whether an arm's name is a control: the comparator cue opens it ("sham acupuncture", "standard care alone"),
  not merely sits inside it ("text messages plus standard care" is the intervention);
- two named groups of one methods passage: "in the yoga group ... in the stretching group";
- people given A compared with people not given it (observational exposures);
- the question's exposure: "Is X associated with Y?", "Is X safe in Y?", "Should X be offered ...?".
Arms found by the arm reader fill an empty PICO (`fill_from_arms`)."""

from __future__ import annotations

import re

from medcore.literature import control_arms
from medcore.literature.model import Arm, Pico, PicoItem, Sentence

# how a question announces its comparison: cut from the front of the first arm
_LEAD_IN = re.compile(r"^.*?\b(?:to\s+)?compar(?:e|ed|ing)\s+(?:the\s+)?(?:(?:\w+\s+){0,3}?(?:of|between|after|with)\s+)?",
                      re.I)
# a phrase after the arm's name that says when, where or in whom, not what was given
# ("for" and "on" are kept: "screening for X", "education on Y" name the treatment)
_TAIL = re.compile(r"(?<!\s)\s+(?:after|before|following|during|in|among|at|within|prior\s+to)\s+.*$", re.I)
# an adjective that shares the second arm's head noun: "laparoscopic versus open appendectomy"
_ADJECTIVE = re.compile(r"^[a-z\-]+(?:ic|al|ive|ous|ary|ar|ed|ial)$|^(?:open|early|late|short|long|high|low|single|"
                        r"double|once|twice|daily|weekly|immediate|delayed|fixed|standard|usual|routine|liberal|"
                        r"strict|tight|lenient|"
                        # session 28: comparatives ("Lower versus usual blood pressure goals")
                        r"lower|higher|shorter|longer|earlier|later|tighter|stricter|faster|slower|larger|smaller)$", re.I)


# an arm that leaves out one step of the usual procedure, named by the protocol it follows ("a protocol where X was
# omitted", "the technique in which X is skipped"): TIDieR item 1 names such an arm by what it changes, "omission
# of X" (session 15; before, the trailing "where ..." was cut and the arm was only "a protocol")
_OMITS = re.compile(r"^(?:the\s+|a\s+|an\s+)?(?:\w+\s+)?(?:protocol|procedure|technique|strategy|approach|method|regimen)\s+"
                    r"(?:where|in\s+which|whereby)\s+(?:the\s+)?(?P<x>[a-z][\w\- ]{2,60}?)\s+(?:was|is|were|are)\s+"
                    r"(?:omitted|skipped|left\s+out|not\s+(?:performed|done|used|given))$", re.I)


def name_omission(text: str) -> str:
    """'a protocol where balloon dilatation was omitted' -> 'omission of balloon dilatation'; other names as
    they are."""
    m = _OMITS.match(text.strip())
    return f"omission of {m.group('x').strip()}" if m else text


# an abbreviation defined in brackets after a name, "split-liver transplantation (SLT)": no spaces, one capital at
# least; cut before a question's arms are read, since the compared names stop at a bracket (session 24: "to compare
# A (ABBR) and B (ABBR)" gave no arms). "(n = 40)" or "(group 1)" hold spaces and stay.
_DEFINED_ABBR = re.compile(r"(?<!\s)\s*+\((?=[^()\s]*[A-Z])[A-Za-z][\w\-]{0,9}\)")


def without_abbreviations(text: str) -> str:
    return _DEFINED_ABBR.sub("", text)


# the comparison said after the first arm, as aims and titles put it: "the value of A compared with B", "of A
# rather than B", "A as opposed to B" (session 24; `pico._COMPARE` reads "compare A with B" and "A versus B").
# Read only in question sentences, where the compared things are what the study is about. Session 25: also after
# the verb that gives the arm ("patients who undergo A instead of B").
POSTPOSED = re.compile(
    r"\b(?:of|between|with|using|for|undergo|undergoing|underwent|receive|receiving|received)\s+(?:the\s+|a\s+|an\s+)?(?P<a>[A-Za-z][^,;.()]{2,60}?)\s+"
    r"(?P<sep>compared\s+(?:with|to)|rather\s+than|as\s+opposed\s+to|instead\s+of|in\s+comparison\s+(?:with|to))\s+"
    r"(?:(?:that|those)(?:\s+effects)?\s+of\s+)?(?:the\s+|a\s+|an\s+)?(?P<b>[A-Za-z][^,;.()]{2,60}?)"
    r"(?=\s*(?:[,;.()?]|$|\b(?:in|for|among|on|at|after|during|regarding|as)\s))", re.I)
# "the risk of X compared with Y": what stands before "of" is a measure, so X is an outcome, not an arm
_MEASURE_OF = re.compile(r"\b(?:risks?|rates?|incidence|odds|likelihood|prevalence|levels?|numbers?|proportions?|"
                         r"frequency|probability|hazards?|duration|severity|concentrations?)\s+of\s+(?:the\s+|an?\s+)?$", re.I)


def postposed(text: str) -> re.Match | None:
    """The first POSTPOSED comparison whose first arm follows no measure ("the risk of infection compared with")."""
    m = POSTPOSED.search(text)
    while m and _MEASURE_OF.search(text[max(0, m.start() - 30):m.start("a")]):
        m = POSTPOSED.search(text, m.start() + 1)  # overlapping: "the rate of falls of A compared with B"
    return m


def trim_arm(text: str) -> str:
    """An arm's name without the question's lead-in or a trailing when/where/whom phrase."""
    text = _LEAD_IN.sub("", text.strip()) if re.search(r"\bcompar", text, re.I) else text.strip()
    return _TAIL.sub("", name_omission(text)).strip(" ,:-")


def share_head(a: str, b: str) -> str:
    """'laparoscopic' beside 'open appendectomy' -> 'laparoscopic appendectomy'; other names as they are."""
    words = b.split()
    if len(a.split()) == 1 and len(words) >= 2 and _ADJECTIVE.match(a) and _ADJECTIVE.match(words[0]):
        return f"{a} {' '.join(words[1:])}"
    return a


def is_control(comp: re.Pattern, name: str) -> bool:
    """A control arm: the comparator cue opens its name ("placebo", "sham acupuncture", "usual care alone",
    "control (n = 33)" which lost its "group"), not one that adds the active part to it ("A plus usual care")."""
    name = re.sub(r"^(?:the|a|an|matching|matched)\s+", "", name.strip(), flags=re.I)
    m = comp.search(name) or comp.search(name + " group")
    return bool(m) and m.start() == 0


def withholds(name: str) -> bool:
    """"B alone", "insulin monotherapy", "exercise only": the arm that withholds the treatment the other adds is
    the control when no control cue names one ("A plus B or B alone")."""
    return bool(re.search(r"\b(?:alone|monotherapy|only)$", name.strip(), re.I))


# "in the yoga group ..., the stretching group ..."; not a group of people by age, sex or risk
_GROUP = re.compile(r"\b(?:the|a|an)\s+(?P<name>[a-z][\w\-+]*(?:\s+[a-z][\w\-+]*){0,2}?)\s+(?:group|arm)\b", re.I)
_NOT_ARM = re.compile(r"\b(?:age|same|other|each|study|whole|entire|first|second|third|two|three|treatment|"
                      r"intervention|experimental|older|younger|risk|total|this|that|one|either|both|former|latter)$",
                      re.I)


def named_groups(comp: re.Pattern, sentences: list[Sentence]) -> list[tuple[str, int]]:
    """(name, sentence index) of two named groups in the methods, the comparator-like one last; else []."""
    found: dict[str, tuple[str, int]] = {}
    for s in sentences:
        if s.role not in ("methods", ""):
            continue
        for m in _GROUP.finditer(s.text):
            name = m.group("name")
            if _NOT_ARM.search(name) or re.search(r"\d", name):
                continue
            found.setdefault(name.lower(), (name, s.idx))
    if len(found) != 2:
        return []
    out = list(found.values())
    if is_control(comp, out[0][0]) and not is_control(comp, out[1][0]):
        out.reverse()
    return out


_PEOPLE_GIVEN = (r"(?:patients|participants|subjects|people|adults|children|women|men|those|individuals|infants)\s+"
                 r"(?:who\s+)?")
_GIVEN = r"(?:received|receiving|given|treated\s+(?:with|by)|taking|on|undergoing|underwent|who\s+had|having)"
_GIVEN_VS = re.compile(
    _PEOPLE_GIVEN + _GIVEN + r"\s+(?P<a>[^,;.()]{2,50}?)\s+(?:were|was)\s+compared\s+(?:with|to)\s+" + _PEOPLE_GIVEN +
    r"(?P<neg>not\s+given|not\s+receiving|without|(?:did|had)\s+not\s+(?:receive|take|undergo|have)|"
    + _GIVEN + r")\s+(?P<b>[^,;.()]{2,50}?)(?=\s*(?:[,;.()]|$|\b(?:for|in|during|at|after)\b))", re.I)


# "patients who did or did not receive A", "with or without A": A against no A
# an arm label may stand after each side: "with (arm A) or without (arm B) A" (session 14)
_LABEL = r"(?:\s*\(\s*(?:group|arm|cohort)?\s*[A-D1-4I]{1,3}\s*\))?"
_OR_NOT = re.compile(r"\b(?:(?:who\s+)?(?:did|had)\s+or\s+(?:did|had)\s+not\s+(?:receive|undergo|take|have|get)|"
                     r"(?:(?:treated|managed)\s+)?with" + _LABEL + r"\s+or\s+without" + _LABEL + r")\s+(?:an?\s+|the\s+)?"
                     r"(?P<a>[^,;.()]{2,50}?)(?=\s*(?:[,;.()]|$|\b(?:were|was|and|in|for|during|at|after|to)\b))", re.I)
# "A and non-A groups", "the A group versus the non-A group", "A users and non-users" (session 14): A against no A
# (a word is at most 41 characters: unbounded, search rescanned a long hyphenated run from each of its words)
_NON_A = re.compile(r"\b(?P<a>[a-z][\w\-]{2,40})(?:\s+(?P<h>groups?|arms?|cohorts?|patients))?\s+(?:(?:was|were)\s+)?(?:and|or|with|versus|vs\.?|"
                    r"compared\s+(?:with|to))\s+(?:the\s+|a\s+|an\s+)?(?P<non>non-?\s?(?P=a))\b"
                    r"|\b(?P<u>[a-z][\w\-]{2,40}(?:\s+[a-z][\w\-]{2,40})?)\s+users\s+(?:and|or|versus|vs\.?)\s+non-?\s?users\b", re.I)


def non_groups(text: str) -> tuple[str, str] | None:
    """(A, not A) from groups named by A and its negation: "statin and non-statin groups" -> (statin, non-statin),
    "the surgery group and the non-surgery group", "aspirin users and non-users" -> (aspirin, no aspirin). The
    negated side is named as written where the text writes it. Whether A is a treatment is the caller's test."""
    m = _NON_A.search(text)
    if not m:
        return None
    if m.group("u"):
        return m.group("u"), f"no {m.group('u')}"
    if m.group("a").lower() in ("the", "and", "with", "were", "was", "group", "groups"):
        return None
    return m.group("a"), m.group("non")


# "those who received A and those who received B"
_THOSE_AND_THOSE = re.compile(
    r"\b(?:those|patients|people|participants)\s+(?:who\s+)?" + _GIVEN + r"\s+(?P<a>[^,;.()]{2,50}?)"
    r"(?:\s*\([^()]{0,40}\))?,?\s+(?:and|with|versus|vs\.?)\s+"  # an aside may name the first group: "(group 1)"
    r"(?:those|patients|people|participants)\s+(?:who\s+)?(?P<neg>(?:did|had)\s+not\s+(?:receive|take|undergo|have)|"
    + _GIVEN + r")\s+(?P<b>[^,;.()]{2,50}?)(?=\s*(?:[,;.()]|$|\b(?:were|was|for|in|during|at|after)\b))", re.I)


# "those with A (A group) and those without it": A against no A, as "with or without A"
_THOSE_WITHOUT = re.compile(r"\bthose\s+with\s+(?P<a>[^,;.()]{2,50}?)(?:\s*\([^()]{0,40}\))?,?\s+and\s+those\s+without\b", re.I)
# "A with and without B": the same treatment given with B and without it (words bounded as in _NON_A); B may hold
# the abbreviation it defines ("a gastrostomy (G) tube", session 23)
_WITH_AND_WITHOUT = re.compile(r"(?P<a>(?:[a-z][\w\-]{0,40}\s+){0,3}[a-z][\w\-]{0,40})\s+with\s+and\s+without\s+"
                               r"(?P<b>[^,;.()]{2,50}?(?:\s*\([A-Za-z][\w\-]{0,9}\)[^,;.()]{0,30}?)?)"
                               r"(?=\s*(?:[,;.()]|$|\b(?:for|in|during|at|after|were|was|using|on|among)\b))", re.I)
# words that open a phrase rather than name a treatment: cut from the front of "between drug X with and without B"
_OPENER = re.compile(r"^.*\b(?:between|of|the|a|an|in|on|using|by|for|to|compared|comparing|evaluated|assessed)\s+", re.I)
# "49 had A and 37 had B": counts of the people each treatment was given to
_COUNTS_GOT = re.compile(r"\b\d+\s+(?:patients\s+|participants\s+)?(?P<v>had|underwent|received)\s+(?P<a>[^,;.()]{2,50}?),?\s+and\s+"
                         r"\d+\s+(?:patients\s+|participants\s+)?(?P=v)\s+(?P<b>[^,;.()]{2,50}?)(?=\s*(?:[,;.()]|$))", re.I)


def _paired(s: Sentence, is_treat, title: str = "") -> tuple[str, str, int] | None:
    """The arms of the session-14b phrasings: "those with A and those without it", "A with and without B", "49
    had A and 37 had B" (the latter two only when a side names a treatment; "12 had diabetes and 9 had gout" list
    the people's conditions)."""
    m = _THOSE_WITHOUT.search(s.text)
    if m and is_treat is not None and is_treat(m.group("a")):
        a = trim_arm(m.group("a"))
        return a, f"no {a}", s.idx
    m = _WITH_AND_WITHOUT.search(s.text)
    if m:
        a, b = _OPENER.sub("", m.group("a")), trim_arm(m.group("b"))
        if is_treat is not None and is_treat(a):
            return f"{a} with {b}", f"{a} without {b}", s.idx
        # the question's "survival with and without a feeding tube": what comes before names an outcome or the
        # units, so B is the exposure, against no B (as "with or without B") when the title names B's head noun
        # too; a methods sentence's "the organ with and without a prior step" tells a variant of a technique
        b = re.sub(r"^(?:an?|the)\s+", "", b, flags=re.I)
        head = (re.findall(r"[A-Za-z][\w\-]*", b) or [""])[-1]
        if is_treat is not None and s.role == "objective" and is_treat(b) and len(head) > 2 \
                and re.search(r"\b" + re.escape(head) + r"\b", title, re.I):
            return b, f"no {b}", s.idx
    m = _COUNTS_GOT.search(s.text)
    if m and is_treat is not None and (is_treat(m.group("a")) or is_treat(m.group("b"))):
        return trim_arm(m.group("a")), trim_arm(m.group("b")), s.idx
    return None


_TITLE_COMPARES = re.compile(r"\b(?:than|versus|vs\.?|or|compared|comparison|between)\b", re.I)


def title_names_second(title: str, a: str, b: str) -> bool:
    """True when a title that compares nothing itself names only the second of two treated groups ("Is there an
    advantage to B?" over "those treated by A and those treated by B"): the question's subject is what the study
    tests, so B is the intervention. A negated side ("no A") is never the intervention."""
    if not title or _TITLE_COMPARES.search(title) or b.lower().startswith("no "):
        return False
    words = lambda x: set(re.findall(r"[a-z]{5,}", x.lower()))  # noqa: E731
    t = words(title)
    return bool(words(b) & t) and not words(a) & t


def given_versus(sentences: list[Sentence], treat=None) -> tuple[str, str, int] | None:
    """(intervention, comparator, sentence index) from "people given A were compared with people not given
    A / given B", "those who received A and those who received B", or "people who did or did not receive A" /
    "with or without A" / "A and non-A groups" (the latter only when A names a treatment: `treat`, a cue pattern or
    a test of a name); a negated side is "no A"."""
    is_treat = treat.search if isinstance(treat, re.Pattern) else treat
    title = next((s.text for s in sentences if s.idx == -1), "")
    for s in sentences:
        m = _GIVEN_VS.search(s.text) or _THOSE_AND_THOSE.search(s.text)
        if m:
            a, b = trim_arm(m.group("a")), trim_arm(m.group("b"))
            neg = not re.match(_GIVEN, m.group("neg"), re.I)
            return a, (f"no {b}" if neg else b), s.idx
        pair = non_groups(s.text)
        if pair and is_treat is not None and is_treat(pair[0]):
            return pair[0], pair[1], s.idx
        m = _OR_NOT.search(s.text)
        if m and is_treat is not None and is_treat(m.group("a")):
            a = trim_arm(m.group("a"))
            return a, f"no {a}", s.idx
        pair = _paired(s, is_treat, title)
        if pair:
            return pair
    return None


# the subject of a question about an exposure: "Is X associated with ...", "Is X safe ...", "Should X be ..."
_EXPOSURE = re.compile(
    r"^(?:is|are|was|were|does|do|can|could|should|must)\s+(?:the\s+|a\s+|an\s+)?(?:use\s+of\s+)?"
    r"(?P<x>[^,;:?()]{3,70}?)\s+(?:(?:still\s+)?(?:associated|related|linked|correlated)\s+(?:with|to)|a\s+risk\s+factor|"
    r"(?:really\s+|still\s+|always\s+)?(?:safe|effective|feasible|beneficial|useful|necessary|justified|worthwhile|"
    r"indicated|superior|inferior|equivalent|helpful|harmful|efficacious)\b|be\s+(?:used|performed|offered|given|"
    r"recommended|considered|avoided|omitted|abandoned|continued|stopped|done))", re.I)


# "the control group received X", "the intervention group was given Y": what each group was given
_GROUP_GOT = re.compile(
    r"\b(?:the|a)\s+(?P<g>control|comparison|placebo|usual[\s-]care|intervention|experimental|treatment)\s+"
    r"(?:group|arm)s?\s+(?:received|was\s+given|were\s+given|got|underwent|was\s+treated\s+with|were\s+treated\s+with|"
    r"was\s+offered|were\s+offered)\s+(?:only\s+)?(?P<x>[^,;.()]{2,60}?)"
    r"(?=\s*(?:[,;.()]|$|\b(?:and|while|whereas|during|in|at|after|before|from|by|with)\b))", re.I)


def group_receives(sentences: list[Sentence]) -> list[tuple[str, str, int]]:
    """(side 'i' or 'c', what the group was given, sentence index) for each group the methods say was given
    something ("the intervention group received X"); the first for each side. The control side is read by
    control_arms.named_control, the one home of "the control group received X" / "... served as controls"."""
    out: dict[str, tuple[str, str, int]] = {}
    named = control_arms.named_control(sentences)
    if named:
        out["c"] = ("c", trim_arm(named[0]), named[1])
    for s in sentences:
        for m in _GROUP_GOT.finditer(s.text):
            side = "c" if re.match(r"control|comparison|placebo|usual", m.group("g"), re.I) else "i"
            x = trim_arm(re.sub(r"^(?:a|an|the)\s+", "", m.group("x").strip(), flags=re.I))
            if x and not re.search(r"\d", x):
                out.setdefault(side, (side, x, s.idx))
    return list(out.values())


# a measured quantity is a finding, not a treatment, even when it names a drug ("glucose levels")
_MEASURED = re.compile(r"\b(?:levels?|concentrations?|values?|status|counts?|scores?|index|ratio|measurements?)\b", re.I)


# "Nurse-led clinics. Do they work?", "Does a nurse-led service work?": what is asked to "work" is the
# intervention by the question's own words, whatever its kind (a service, a programme), so no treatment cue is
# needed (session 15: service comparisons were left unnamed)
_WORKS = re.compile(r"^(?:(?P<x1>[A-Za-z][^.?:;]{2,70}?)\s*[.:]\s*(?:do|does)\s+(?:they|it)|(?:do|does)\s+"
                    r"(?:the\s+|a\s+|an\s+)?(?P<x2>[^,;:?()]{3,70}?))\s+(?:really\s+)?work\s*\?", re.I)


def works_subject(title: str) -> str:
    """What a title asks to work ("X. Do they work?", "Does X work?"), in the singular; '' otherwise."""
    m = _WORKS.match(title.strip())
    if not m:
        return ""
    x = trim_arm(m.group("x1") or m.group("x2"))
    return re.sub(r"(?<=[a-z]{3})s$", "", x) if re.search(r"(?:ic|ce|am|it|me)s$", x) else x


def question_exposure(title: str) -> str:
    """The treatment a yes/no question is about, as written; '' when it asks about something else."""
    m = _EXPOSURE.match(title.strip())
    if not m or _MEASURED.search(m.group("x")):
        return ""
    return trim_arm(m.group("x"))


# an arm named by its label only: what the group got is said elsewhere (control_arms, group_receives); such a name
# is no intervention of the PICO (allocation_arms and fill_from_arms)
# an arm that leaves a step out ("no drain", "without X", "omission of X"; session 28, moved here in the review so that
# fill_from_arms and allocation_arms.necessary_sides share it)
LEAVES_OUT = re.compile(r"^(?:no|without|omission\s+of|omitting|avoidance\s+of|not\s+\w+ing)\b|\bwithout\b", re.I)
LABEL_ONLY = re.compile(r"^(?:experimental|experiment|intervention|treatment|study|active|index|test|case|control|comparison)"
                        r"(?:\s+(?:group|arm))?$|^(?:group|arm)\s+\w+$", re.I)
# what is measured or sampled, never what is given: "compare the incidence and severity of X" lists outcomes,
# "an RCT sample versus a clinic sample" compares samples of people (session 22b)
NOT_AN_ARM = re.compile(r"^(?:the\s+)?(?:incidence|prevalence|severity|rates?|frequency|risks?|samples?|populations?|"
                        r"cohorts?|data|characteristics|outcomes?|results|accuracy|performance|costs?|efficacy|"
                        r"effectiveness|safety|experiments?)$", re.I)


# session 30: when a dose is taken, told after the arms ("to X or to placebo, the first dose taken 2 hours before the
# operation"), is no arm
_DOSE_TIMING = re.compile(r"^(?:first|last|initial|loading|next|final)\s+(?:dose|injection|infusion|tablet|capsule)s?\s+"
                          r"(?:taken|given|started|administered|received)\b", re.I)


def drop_labels(pico: Pico) -> None:
    """Interventions that only name an arm's label ("the test group") or a measure: what each arm got is not
    known from them, and a label is no treatment (comparators keep "control": the arm exists and gets nothing
    named)."""
    def label(text: str) -> bool:
        text = re.sub(r"^(?:the|a|an)\s+", "", text.strip(), flags=re.I)
        return bool(LABEL_ONLY.match(text) or NOT_AN_ARM.match(text) or _DOSE_TIMING.match(text))

    pico.interventions = [i for i in pico.interventions if not label(i.text)]


def fill_from_arms(pico: Pico, arms: list[Arm], trial: bool = True) -> None:
    """An empty side of the PICO takes the arms the arm reader found: controls are comparators; in a trial, of two
    arms with no control the one named second is ("A or B"). An observational study's groups without a control
    are all exposures (people who had surgery or radiotherapy: neither is the other's comparator)."""
    if len(arms) < 2 or (pico.interventions and pico.comparators):
        return
    have = [(i.text.lower(), "i") for i in pico.interventions] + [(c.text.lower(), "c") for c in pico.comparators]
    controls = [a for a in arms if a.kind == "comparator"]
    if not controls and len(arms) == 2 and trial:
        controls = [arms[1]]
    empty = {"i": not pico.interventions, "c": not pico.comparators}  # a side already read is left as it is
    for a in arms:
        side = "c" if a in controls else "i"
        name = a.name.lower()
        if side == "i" and LABEL_ONLY.match(name):
            continue  # "the study group": its treatment is named elsewhere or not at all (session 14)
        # already read: the same arm, one the PICO names more fully, or an arm that names a known intervention;
        # only an arm that adds to a control ("A plus usual care") is new beside that control
        # (review fix) "no drain" beside a read "drain" is the other arm, not the same one named more fully
        if any(name in h or h in name and not (hs == "c" and side == "i") and not (hs == "i" and LEAVES_OUT.search(name))
               for h, hs in have):
            continue
        if empty[side]:
            (pico.comparators if side == "c" else pico.interventions).append(PicoItem(text=a.name, sentence_idx=a.sentence_idx))
