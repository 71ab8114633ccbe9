"""Arms: the groups a study compares, each with the number allocated to it, read from the sentence that states
them. Forms read (counts in words too, via numwords):
- a count in brackets after the arm: "allocated to A (n = 58) or B (n = 61)", "A (220 patients)", and in an
  allocation sentence a bare "(48)";
- a count before the arm: "(120 to A, 120 to B)", "150 received A, 151 received B", "501 were assigned to A and
  501 to B", "255 were in the A arm and 257 in the B arm";
- two groups summing to a total the sentence states: "3,420 adults: 1,140 walkers and 2,280 inactive adults";
- an allocation list, with a count per group when given: "randomised to A, B or C (60 per group)".
A count that is the sum of the others in the same sentence is the total, not an arm. Without any of these the
PICO interventions and comparators are the arms, without N. Linking estimates to arms: `arm_links`."""

from __future__ import annotations

import re

from medcore.literature import arm_phrases
from medcore.literature.model import Arm, Pico, Sentence
from medcore.literature.numwords import digits_for_words
from medcore.literature.population_size import PEOPLE
from medcore.literature.roles import cue_pattern

_COUNT = r"(?<![\w.,])(?P<n>\d{1,3}(?:,\d{3})+|\d+)(?![\w.%]|,\d)"
_ALLOCATION = re.compile(r"randomi[sz]|allocat|assign|divided|enrol|\breceived\b|\bwere\s+in\b|\bgroups?\b|\barms?\b", re.I)
# a name: words, digits inside ("tarvesartan 20 mg"), no brackets or clause punctuation
_NAME = r"(?P<name>[A-Za-z][\w\-+/' ]{0,60}?)"
# the words before an arm's name in its clause: everything up to the last of them is cut ("thresholds differed
# between cases (n = 38)" -> "cases")
_CUT = re.compile(r"^.*\b(?:to|or|and|versus|vs\.?|received|receive|receiving|either|into|were|was|compared\s+with|"
                  r"" + PEOPLE + r"\s+(?:in|on|at|from)|between|among|than|showed|used|using|based\s+on|compared?|"
                  r"included|of\s+the|differ(?:ed)?|by)\s+", re.I)
# A (n = 58); A (58 patients); A (48) [the bare form only in an allocation sentence]
_BRACKET = re.compile(r"(?<![\w\-])" + _NAME + r"\s*\(\s*(?P<eq>[nN]\s*=\s*)?" + _COUNT + r"(?P<who>\s+" + PEOPLE + r")?\s*\)")
# 120 to A; 150 received A; 501 were assigned to A; 255 were in the A arm
# ... and "160 entered the A arm and 158 the B arm" (no verb: only before "arm" / "group")
_BEFORE = re.compile(
    _COUNT + r"\s+(?:" + PEOPLE + r"\s+)?(?:were\s+|was\s+)?(?:(?:(?:randomi[sz]ed|randomly\s+(?:assigned|allocated)|assigned|"
    r"allocated)\s+to|received|to|in|entered|joined)\s+(?:the\s+|a\s+|an\s+)?(?P<name>[A-Za-z][\w\-+/' ]{0,50}?)"
    r"(?=\s*(?:,|;|\.(?!\d)|\)|$|\band\b|\bor\b|\bgroups?\b|\barms?\b))"
    r"|the\s+(?P<name2>[A-Za-z][\w\-+/' ]{0,50}?)(?=\s+(?:groups?|arms?)\b))", re.I)
# A: n = 210 (a list in brackets: "(staples: n = 210; sutures: n = 205)")
_COLON = re.compile(r"(?<![\w\-])" + _NAME + r"\s*:\s*[nN]\s*=\s*" + _COUNT)
# compared 812 A with 1,624 B
_COMPARED = re.compile(r"\bcompar(?:ed|ing)\s+(?P<n1>\d{1,3}(?:,\d{3})+|\d+)\s+(?P<a>[A-Za-z][\w\-]*(?:\s+[A-Za-z][\w\-]*){0,3}?)"
                       r"\s+(?:with|to|and|versus|vs\.?)\s+(?P<n2>\d{1,3}(?:,\d{3})+|\d+)\s+"
                       r"(?P<b>[A-Za-z][\w\-]*(?:\s+[A-Za-z][\w\-]*){0,3}?)(?=\s*(?:[,;.)]|$|\b(?:who|for|in|over|during|at|after|since|from)\b))", re.I)
# 1,140 regular walkers and 2,280 inactive adults (kept only when the two add up to a stated total); "40 had A
# and 35 had B": the verb is not part of the group's name (session 14b)
# ("(?<!\d)": a bare count starts where its digits start; from every digit it rescanned a long run)
_GOT = r"(?:(?:had|underwent|received)\s+)?"
_PAIR = re.compile(r"(?!(?<=\d)\d{1,2},|(?<=\d,)\d{3}(?!\d))(?P<n1>\d{1,3}(?:,\d{3})+|(?<!\d)\d+)\s+" + _GOT + r"(?P<a>[A-Za-z][\w\-]*(?:\s+[A-Za-z][\w\-]*){0,3}?)\s+and\s+"
                   r"(?P<n2>\d{1,3}(?:,\d{3})+|\d+)\s+" + _GOT + r"(?P<b>[A-Za-z][\w\-]*(?:\s+[A-Za-z][\w\-]*){0,3}?)"
                   r"(?=\s*(?:[,;.)]|$|\bwere\b|\bwho\b))", re.I)
_NOT_A_GROUP = re.compile(r"^(?:men|women|males?|females?|boys|girls|years?|months?|weeks?|days?|hours?|times|"
                          r"centres|centers|sites|hospitals|countries|studies|trials)(?![\w-])", re.I)  # not "day-shift"
# between the verb and "to": the people allocated, with their condition ("assigned 140 adults with resistant
# hypertension to A or B"; 80 characters since session 14, 40 before)
_LIST = re.compile(
    r"\b(?:randomi[sz]ed|randomly\s+(?:assigned|allocated)|allocated|assigned|divided)\b[^.;]{0,80}?\b(?:to|into)\s+(?:either\s+)?"
    r"(?:receive\s+|one\s+of\s+\w+\s+(?:groups|arms)\s*:?\s*|(?:\w+\s+)?groups?\s*:?\s*)?(?P<list>[^.;()]{3,200})"
    r"|\breceived\s+either\s+(?P<list2>[^.;()]{3,200})"
    # "received A or B", "were given A or B" (the "or" says these are alternatives, not one regimen)
    r"|\b(?:received|were\s+given|were\s+treated\s+with)\s+(?P<list3>[^.;(),]{2,80}?\s+or\s+[^.;(),]{2,80})", re.I)
_LIST_END = re.compile(r"(?<!\s)\s+(?:for|during|over|in\s+(?:a|an|this|the|each|their)|at|with\s+a|using|after|before|until|from)\s+.*$",
                       re.I)
_PER_GROUP = re.compile(r"(?<![\w.,])(?P<n>\d+)\s+(?:" + PEOPLE + r"\s+)?(?:per|in\s+each|each)\s+(?:group|arm)", re.I)
_TRAIL = re.compile(r"(?<!\s)\s+(?:groups?|arms?|patients|participants)$", re.I)
_LEAD = re.compile(r"^(?:a|an|the|either|both|to|receive|receiving|treatment\s+with|with\s+the|that|which|those|in|"
                   r"during|at|after|before|with)\s+", re.I)
_NOT_A_NAME = re.compile(r"\b(?:sub)?groups\b|\barms\b|^\W*$", re.I)  # "four subgroups": a count of groups, not one


def _num(s: str) -> int:
    return int(s.replace(",", ""))


def _clean(name: str, cut: bool = True) -> str:
    """`cut=False`: the name is already an item of an allocation list, so a "to" or "and" inside it is part of
    the treatment ("insulin in addition to metformin"), not a lead-in to cut."""
    name = re.split(r"\s{2,}|\t|\n", name.strip())[-1]  # a table's columns: "Characteristic   Drug A (n = 120)"
    name = _CUT.sub("", name.strip()) if cut else name.strip()
    for _ in range(3):
        name = _LEAD.sub("", name.strip())
    name = _TRAIL.sub("", name.strip(" ,:-'"))
    return " ".join(name.split()[-6:] if cut else name.split()[:8])


def _drop_totals(found: list[tuple[str, int, str]], text: str) -> list[tuple[str, int, str]]:
    """A count that is the sum of the others is the study's total ("N = 330 ... 220 ... 110")."""
    if len(found) >= 3:
        for i, (_, n, _) in enumerate(found):
            if n == sum(x[1] for j, x in enumerate(found) if j != i):
                return found[:i] + found[i + 1:]
    return found


def _counted(text: str) -> list[tuple[str, int, str]]:
    """(name, n, n as written) of the arms with a count in one sentence (digits for number words already)."""
    allocation = bool(_ALLOCATION.search(text))
    found = []
    for m in _BRACKET.finditer(text):
        if not (m.group("eq") or m.group("who") or allocation):
            continue
        found.append((_clean(m.group("name")), _num(m.group("n")), m.group(0)[m.group(0).rfind("(") + 1:-1].strip()))
    if len([f for f in found if f[0]]) < 2:
        found += [(_clean(m.group("name")), _num(m.group("n")), m.group(0)[m.group(0).find(":") + 1:].strip())
                  for m in _COLON.finditer(text)]
    if len([f for f in found if f[0]]) < 2:
        found = [(_clean(m.group("name") or m.group("name2")), _num(m.group("n")), m.group("n"))
                 for m in _BEFORE.finditer(text) if allocation] + found
    found = [f for f in found if re.search(r"[A-Za-z]{2}", f[0]) and not _NOT_A_GROUP.match(f[0])
             and not _NOT_A_NAME.search(f[0])]
    found = _drop_totals(found, text)
    if len(found) < 2:
        found = []
        totals = {_num(x) for x in re.findall(r"\d{1,3}(?:,\d{3})+|\d+", text)}
        for m in [*_COMPARED.finditer(text), *_PAIR.finditer(text)]:
            a, b = _num(m.group("n1")), _num(m.group("n2"))
            if (a + b in totals or m.re is _COMPARED) and not (_NOT_A_GROUP.match(m.group("a")) or _NOT_A_GROUP.match(m.group("b"))):
                found = [(_clean(m.group("a")), a, m.group("n1")), (_clean(m.group("b")), b, m.group("n2"))]
                break
    return found if len({f[0].lower() for f in found}) >= 2 else []


def listed(text: str, tidy=None, cut: bool = True) -> list[str]:
    """Arm names of an allocation list: "randomised to A, B, or C for 12 weeks" -> [A, B, C]. `tidy`: applied to
    each item before it is cleaned (allocation_arms strips doses: the arm reader keeps them, dose arms differ)."""
    m = _LIST.search(text)
    if not m:
        return []
    raw = m.group("list") or m.group("list2") or m.group("list3")
    # the list ends at a when/where phrase after its last "or"; a phrase inside an earlier item ("A after surgery or
    # B") ends that item only (session 13)
    last_or = raw.lower().rfind(" or ")
    body = raw[:last_or] + _LIST_END.sub("", raw[last_or:]) if last_or > 0 else _LIST_END.sub("", raw)
    parts = [_LIST_END.sub("", p) for p in re.split(r"(?:(?<!\s)\s*)?,\s*(?:or\s+|and\s+)?|(?<!\s)\s+or\s+(?:to\s+)?", body) if p.strip()]
    parts = [p for p in parts if p.strip()]
    if len(parts) == 1:
        parts = re.split(r"(?<!\s)\s+and\s+", body)
    names = [_clean(tidy(p) if tidy else p, cut) for p in parts]
    # an item without a word ("placebo or 200, 500 or 1500 mg of X": the doses share a unit written once) or a
    # clause rather than a name: not a list of arms read this way
    # ... nor are ranges and thresholds ("age <30 years", "24-37 weeks"), a label before a colon, a cut number,
    # "A or not" (a choice made case by case, not a list of arms)
    if len(names) < 2 or any(not re.search(r"[A-Za-z]{2}", n) or len(n.split()) > (6 if cut else 8) or re.search(r"(?<!\d)\d+\s*%|\bCI\b", n)
                             or _NOT_A_NAME.search(n) or re.search(r"[<>≤≥:]|^\d|\d-\d|^not\b", n) for n in names):
        return []
    return names


def read_arms(settings, sentences: list[Sentence], pico: Pico, trial: bool = True) -> list[Arm]:
    """The study's arms, from the first sentence (methods first) that states two or more of them. Only a trial
    falls back to its PICO interventions and comparators (an observational study's are exposures, not groups)."""
    comp = cue_pattern(settings, "comparator")
    order = [s for s in sentences if s.role == "methods"] + [s for s in sentences if s.role != "methods"]
    arms: list[Arm] = []
    for s in order:
        text, _ = digits_for_words(s.text)
        counted = _counted(text)
        if counted:
            arms = [Arm(name=name, n=n, sentence_idx=s.idx, n_text=written) for name, n, written in counted]
            break
    if not arms:
        for s in order:
            text, _ = digits_for_words(s.text)
            names = listed(text)
            if names:
                per = _PER_GROUP.search(text)
                arms = [Arm(name=name, n=_num(per.group("n")) if per else None, sentence_idx=s.idx,
                            n_text=per.group("n") if per else "") for name in names]
                break
    if not arms and trial:
        arms = [Arm(name=i.text, sentence_idx=i.sentence_idx) for i in pico.interventions + pico.comparators]
    seen, out = set(), []
    for a in arms:
        if a.name.lower() not in seen:
            seen.add(a.name.lower())
            # "control (n = 33)": the name as written lost its "group", which the cue "control group" needs
            a.kind = "comparator" if arm_phrases.is_control(comp, a.name) else "intervention"
            out.append(a)
    if not any(a.kind == "comparator" for a in out):
        # "A plus B or B alone", "insulin monotherapy": the arm that withholds the added treatment is the control
        for a in out:
            if arm_phrases.withholds(a.name):
                a.kind = "comparator"
    return out if len(out) >= 2 else []
