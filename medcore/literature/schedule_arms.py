"""Arms that differ only in dose or schedule (session 28, issue 15): "esomeprazole (10 or 40 mg daily)", "drug X
10 mg or 20 mg", "25 Gy in 5 fractions or 50 Gy in 20 fractions", "every 12 hours or every 6 hours", "once weekly
or daily". The arm readers refuse names with numbers (a number in a compared name is mostly a measure), so such
trials had no comparator. Here both arms keep the shared treatment's name with their own dose or schedule, as
written; which side is the intervention is not said by such a list, so the more intensive arm (the higher dose,
the more fractions, the more frequent schedule) is read as the intervention and the card says the side is
inferred (CONSORT 2010 item 5 asks for each group's dose and schedule; a dose-comparison trial tests more against
less)."""

from __future__ import annotations

import re

from medcore.literature.model import PicoItem, Sentence

_UNIT = r"(?:mg|g|µg|μg|mcg|ug|IU|units|ml|mL|mmol|Gy|cGy)"
_NUM = r"\d+(?:\.\d+)?"
# "esomeprazole (10 or 40 mg", "aspirin 75 mg or 300 mg", "insulin 0.1 versus 0.2 units": one name, two doses
_DOSES = re.compile(r"\b(?P<name>[A-Za-z][\w\-]{1,30}(?:\s[A-Za-z][\w\-]{1,30}){0,2})\s*\(?\s*(?P<a>" + _NUM + r")\s*(?P<ua>" + _UNIT + r")?\s*"
                    r"(?:or|vs\.?|versus)\s*(?P<b>" + _NUM + r")\s*(?P<ub>" + _UNIT + r")(?!\w|\s*/)")  # not a rate ("1 or 0.5 mL/second")
# "25 Gy in 5 fractions or 50 Gy in 20 fractions" (a radiotherapy schedule is its dose and its fractions)
_FRACTIONS = re.compile(r"(?<![\d.])(?P<sa>(?P<a>" + _NUM + r")\s*Gy\s+(?:(?:applied|given|delivered)\s+)?in\s+\d+\s+fractions?)\s+"
                        r"(?:or|vs\.?|versus|and)\s+(?P<sb>(?P<b>" + _NUM + r")\s*Gy\s+(?:(?:applied|given|delivered)\s+)?in\s+"
                        r"\d+\s+fractions?)\b", re.I)
# the sentence that allocates the arms (read before the other arm readers, which split "X 10 or 20 mg daily" badly)
_ALLOCATES = re.compile(r"\b(?:randomi[sz]ed|randomly|allocated|assigned|either)\b", re.I)
# "every 12 hours or every 6 hours", "once weekly or once daily": how often, hours between doses or doses a week
_EVERY = r"every\s+(?P<{k}>\d+)\s+(?P<{k}u>hours|days|weeks)"
# (review fix) a bare "daily" or "weekly" is never the tail of "once daily" (that split named an arm "once")
_TIMES = r"(?:once|twice|three\s+times)\s+(?:a\s+|per\s+)?(?:day|daily|week|weekly)|(?<!once\s)(?<!twice\s)(?<!times\s)(?:daily|weekly)"
_FREQ = re.compile(r"(?:\b(?P<name>[A-Za-z][\w\-]{1,30}(?:\s[A-Za-z][\w\-]{1,30}){0,2})\s+)?(?P<x>" + _EVERY.format(k="ea") + r"|" + _TIMES + r")\s+(?:or|vs\.?|versus)\s+(?P<y>"
                   + _EVERY.format(k="eb") + r"|" + _TIMES + r")\b", re.I)
_PER_WEEK = {"once daily": 7, "once a day": 7, "once per day": 7, "daily": 7, "twice daily": 14, "twice a day": 14,
             "three times daily": 21, "three times a day": 21, "once weekly": 1, "once a week": 1, "weekly": 1,
             "twice weekly": 2, "twice a week": 2, "three times weekly": 3, "three times a week": 3}
_HOURS = {"hours": 1, "days": 24, "weeks": 168}
_SIDE = "({} dose or schedule: its side is inferred)"
_AIMED = "(the less intensive dose or schedule, the one the title or aim names as tested: its side is inferred)"


# words before a treatment's name in a sentence ("assigned to the", "received either"): cut from the name
_LEAD = re.compile(r"^(?:(?:to|the|a|an|of|with|either|both|received?|given|administered|assigned|allocated|"
                   r"randomi[sz]ed|treated|managed|started|was|were|and|or|dosed|taken|applied|that|which|at|on|"
                   # (review fix) "either group could take X", "who took X"
                   r"who|could|can|may|might|would|took|takes?|taking|used?|using)\s+)+", re.I)
_NOT_A_NAME = re.compile(r"^(?:between|from|of|to|and|with|aged|age|weeks|days|months|years|patients|given|"
                         r"administered|received|receive|was|were|dosed|taken|applied|either|both|that|which|once|twice)?$", re.I)
# (review fix) a pair that is not the list of arms: a dose chosen by a person's kidney function, weight or age ("apixaban
# 5 or 2.5 mg by kidney function") is one arm's dosing rule; a dose escalated or titrated in cohorts is one arm; the
# same total dose split differently is no more intensive on either side
_BY_CRITERION = re.compile(r"[^;.]{0,40}?\b(?:according\s+to|depending\s+on|based\s+on|adjusted\s+(?:for|to)|by)\s+"
                           r"(?:the\s+|their\s+|his\s+|her\s+)?(?:kidney|renal|hepatic|liver|body|weight|age|creatinine|"
                           r"egfr|bmi|surface|clinical|response|tolerance|tolerability|severity)", re.I)
_ONE_ARM = re.compile(r"\b(?:dose[- ]escalat\w*|escalating\s+doses?|titrat\w*|successive\s+cohorts|sequential\s+cohorts|"
                      r"same\s+(?:total\s+)?(?:daily\s+|weekly\s+)?dose|equal\s+(?:total\s+)?(?:daily\s+)?doses?)\b", re.I)
# (review fix) a further arm after the pair in its clause or right after its bracket ("apixaban (5 or 2.5 mg) or
# warfarin"; not "(10 or 40 mg for 4 weeks) for grade C or D disease", whose bracket closes the arms), or another arm
# between the allocation and the pair ("assigned to physiotherapy or usual care; either group could take X 500 or
# 1000 mg"): the pair is not the whole list of arms
_FURTHER_ARM = re.compile(r"[^;.()]{0,60}?(?:\)\s{0,3})?,?\s{1,3}(?:or|versus|vs\.?)\s{1,3}(?![A-Z0-9]\b)")  # not "grade C or D"
_ARM_BEFORE = re.compile(r"\b(?:or|versus|vs)\b|;", re.I)
# (review fix) which side is studied, when the title or aim says it: hypofractionation, de-escalation, a reduced or
# low dose, a shorter course, an extended interval, a non-inferiority question test the less intensive arm against
# the usual one (CONSORT 2010 extension for non-inferiority trials, Piaggio et al. 2012: the new treatment is the
# less burdensome one); a high dose, dose-dense or intensified schedule tests the more intensive one
_LESS_STUDIED = re.compile(r"\b(?:hypo-?fraction\w*|de-?escalat\w*|reduced[- ]dose|dose[- ]reduction|reduced|low[- ]dose|"
                           r"lower[- ]dose|short[- ]course|shorter|extended[- ]interval|less\s+frequent|single[- ]fraction|"
                           r"single[- ]dose|non-?inferiority|non-?inferior)\b", re.I)
_MORE_STUDIED = re.compile(r"\b(?:high[- ]dose|higher[- ]dose|dose[- ]dense|dose[- ]intens\w*|intensified|escalated|"
                           r"more\s+frequent|hyperfraction\w*|accelerated)\b", re.I)


def _name(words: str | None) -> str:
    name = _LEAD.sub("", (words or "").strip() + " ").strip()
    return "" if _NOT_A_NAME.match(name) else name


def _per_week(text: str, every: str | None, unit: str | None) -> float | None:
    if every:
        return 168 / (int(every) * _HOURS[unit.lower()]) if int(every) else None
    return _PER_WEEK.get(re.sub(r"\s+", " ", text.lower()).replace("per ", "a "))


def _pair(s: Sentence, allocating: bool = False) -> tuple[str, str, float, float] | None:
    """(arm a, arm b, intensity a, intensity b) of the first dose or schedule pair in a sentence; None when the pair
    is not the list of arms (see _BY_CRITERION, _ONE_ARM, _FURTHER_ARM)."""
    if _ONE_ARM.search(s.text):
        return None
    m = next((m for m in (p.search(s.text) for p in (_FRACTIONS, _DOSES, _FREQ)) if m), None)
    if m is None or _BY_CRITERION.match(s.text, m.end()) or _FURTHER_ARM.match(s.text, m.end()):
        return None
    cue = _ALLOCATES.search(s.text)
    if allocating and cue and cue.start() < m.start() and _ARM_BEFORE.search(s.text, cue.end(), m.start("a" if m.re is not _FREQ else "x")):
        return None
    m = _FRACTIONS.search(s.text)
    if m:
        return m.group("sa"), m.group("sb"), float(m.group("a")), float(m.group("b"))
    m = _DOSES.search(s.text)
    if m and _name(m.group("name")):
        unit_a = m.group("ua") or m.group("ub")
        if unit_a.lower() != m.group("ub").lower():
            return None  # "10 mg or 2 g": different units, not read
        name = _name(m.group("name"))
        return (f"{name} {m.group('a')} {unit_a}", f"{name} {m.group('b')} {m.group('ub')}",
                float(m.group("a")), float(m.group("b")))
    m = _FREQ.search(s.text)
    if m:
        a, b = _per_week(m.group("x"), m.group("ea"), m.group("eau")), _per_week(m.group("y"), m.group("eb"), m.group("ebu"))
        name = _name(m.group("name"))
        if a and b:
            return f"{name} {m.group('x')}".strip(), f"{name} {m.group('y')}".strip(), a, b
    return None


# session 29: one arm keeps the current dose and the other changes it ("continue aspirin 300 or reduce to 75 mg",
# "stay on 40 mg or halve the dose to 20 mg"): the change is what the trial tests, continuing is the usual care, so
# the changed dose is the intervention whichever is higher (a de-escalation trial tests the lower one)
_CHANGE = re.compile(r"\b(?:continu\w*|keep\w*|maintain\w*|stay\w*\s+on|remain\w*\s+on)\s+(?:on\s+|with\s+|taking\s+)?"
                     r"(?:the(?:ir)?\s+|usual\s+|current\s+)?(?P<name>[A-Za-z][\w\-]{1,30}(?:\s[A-Za-z][\w\-]{1,30})?)?\s*"
                     r"(?:at\s+)?(?P<a>" + _NUM + r")\s*(?P<ua>" + _UNIT + r")?(?:\s+(?:daily|a\s+day|once\s+daily))?\s*,?\s*"
                     r"(?:or|vs\.?|versus)\s+(?:to\s+)?(?P<verb>reduc\w*|lower\w*|decreas\w*|increas\w*|rais\w*|halv\w*|"
                     r"doubl\w*|switch\w*|chang\w*|cut\w*|taper\w*)\s+(?:it\s+|the\s+dose\s+|their\s+dose\s+)?(?:to\s+)(?P<b>"
                     + _NUM + r")\s*(?P<ub>" + _UNIT + r")\b", re.I)
_CHANGED = "(the changed dose: continuing the current dose is the usual care, so its side is inferred)"
_KEPT = "(the current dose continued: its side is inferred)"


# (review fix) "continue it at 80 mg": the pronoun stands for the treatment the people were on, named before it
_PRONOUN = re.compile(r"^(?:it|them|this|that|same|treatment|therapy|medication|drug|dose)(?:\s+at)?$", re.I)
_ON_BEFORE = re.compile(r"\b(?:on|taking|receiving|using)\s+(?P<name>[A-Za-z][\w\-]{2,30})\s+\d", re.I)
# (review fix) one arm keeps the current treatment and the other switches to another ("continue warfarin or switch to
# apixaban"): the switch is what the trial tests, continuing is the usual care (the general reader named the arms
# "continue warfarin" and "switch to apixaban", the continued one as the intervention)
_SWITCH = re.compile(r"\b(?:continu\w*|keep\w*|stay\w*\s+on|remain\w*\s+on)\s+(?:on\s+|with\s+|taking\s+)?"
                     r"(?:the(?:ir)?\s+|usual\s+|current\s+)?(?P<a>[A-Za-z][\w\-]{1,30}(?:\s(?!or\b)[A-Za-z][\w\-]{1,30})?)"
                     r"\s*,?\s+(?:or|vs\.?|versus)\s+(?:to\s+)?switch\w*\s+(?:over\s+)?to\s+"
                     r"(?P<b>[A-Za-z][\w\-]{1,30}(?:\s(?!or\b|and\b|for\b|at\b|in\b)[A-Za-z][\w\-]{1,30})?)", re.I)
_SWITCHED = "(the switch tested: continuing the current treatment is the usual care, so its side is inferred)"
_CONTINUED = "(the current treatment continued: its side is inferred)"


def _switch(s: Sentence) -> tuple[PicoItem, PicoItem] | None:
    m = _SWITCH.search(s.text)
    if not m or _PRONOUN.match(m.group("a")) or re.match(r"\d", m.group("b")):
        return None
    return (PicoItem(text=m.group("b"), sentence_idx=s.idx, detail=_SWITCHED),
            PicoItem(text=m.group("a"), sentence_idx=s.idx, detail=_CONTINUED))


def changed_dose(pool: list[Sentence], names: list[str]) -> tuple[PicoItem, PicoItem] | None:
    """(changed dose, continued dose) of a "continue X a or change to b" pair; the name may be said only before
    it (the arm read already, `names`) or, after a pronoun ("continue it at 80 mg"), as the treatment the people
    were on. A switch to another treatment gives (switched to, continued)."""
    for s in pool:
        m = _CHANGE.search(s.text)
        if not m:
            switched = _switch(s)
            if switched:
                return switched
            continue
        name = _name(m.group("name"))
        if _PRONOUN.match(name):
            on = list(_ON_BEFORE.finditer(s.text, 0, m.start()))
            name = on[-1].group("name") if on else ""
        name = name or next(iter(names), "")
        unit = m.group("ua") or m.group("ub")
        if not name or unit.lower() != m.group("ub").lower() or float(m.group("a")) == float(m.group("b")):
            continue
        return (PicoItem(text=f"{name} {m.group('b')} {m.group('ub')}", sentence_idx=s.idx, detail=_CHANGED),
                PicoItem(text=f"{name} {m.group('a')} {unit}", sentence_idx=s.idx, detail=_KEPT))
    return None


# session 30: arms that differ in how long one treatment is given ("continue amoxicillin for 10 days or stop at 5
# days", "stop X after 7 days or continue it to 14 days", "X for 5 or 10 days", "a 5-day or 10-day course of X"): a
# duration trial tests the shorter course against the standard one (the less burdensome treatment, as a
# non-inferiority question does), unless the title or aim says the longer one is tested ("extended", "prolonged")
# (review s30) and years ("continue tamoxifen to 10 years or stop at 5 years", "alendronate for 5 or 10 years")
_SPAN = r"(?P<{k}>\d+)(?:\s*-\s*|\s+)(?P<{k}u>days?|weeks?|months?|years?)"
_SPAN_OPT = r"(?P<{k}>\d+)(?:(?:\s*-\s*|\s+)(?P<{k}u>days?|weeks?|months?|years?))?"  # "stop on day 5": no unit after
_KEEP = r"(?:continu\w*|keep\w*|complet\w*|maintain\w*)"
_STOP = r"(?:stop\w*|discontinu\w*|ceas\w*|end\w*|withdraw\w*)"
_DRUG = r"(?P<name>[A-Za-z][\w\-]{1,30}(?:\s(?!for\b|to\b|at\b|after\b)[A-Za-z][\w\-]{1,30})?)"
_DURATIONS = (
    re.compile(r"\b" + _KEEP + r"\s+(?:(?:the(?:ir)?|with)\s+)?" + _DRUG + r"\s+(?:for|to|until)\s+(?:a\s+total\s+of\s+)?"
               + _SPAN.format(k="a") + r"\s*,?\s+(?:or|vs\.?|versus)\s+(?:to\s+)?" + _STOP + r"\s+(?:it\s+|them\s+|treatment\s+|"
               r"therapy\s+)?(?:at|after|on)\s+(?:day\s+)?" + _SPAN_OPT.format(k="b"), re.I),
    re.compile(r"\b" + _STOP + r"\s+(?:(?:the(?:ir)?|with)\s+)?" + _DRUG + r"\s+(?:at|after|on)\s+(?:day\s+)?" + _SPAN_OPT.format(k="b")
               + r"\s*,?\s+(?:or|vs\.?|versus)\s+(?:to\s+)?" + _KEEP + r"\s+(?:it\s+|them\s+|treatment\s+|therapy\s+)?"
               r"(?:for|to|until)\s+(?:a\s+total\s+of\s+)?(?:day\s+)?" + _SPAN.format(k="a"), re.I),
    re.compile(r"\b" + _DRUG + r"\s+for\s+(?P<b>\d+)(?:\s+(?P<bu>days?|weeks?|months?|years?))?\s+(?:or|vs\.?|versus)\s+"
               + _SPAN.format(k="a"), re.I),
)
# (review s30) also "3 days or 7 days of amoxicillin" (no course word)
_COURSES = re.compile(r"\b(?:an?\s+|the\s+)?(?P<b>\d+)(?:-|\s)(?P<bu>(?:day|week|month|year)s?)\s+(?:course\s+)?(?:or|vs\.?|versus)\s+"
                      r"(?:an?\s+)?(?P<a>\d+)(?:-|\s)(?P<au>(?:day|week|month|year)s?)\s+(?:(?:courses?|regimens?|treatment)\s+)?of\s+"
                      + _DRUG, re.I)
_NOT_A_COURSE = re.compile(r"\b(?:follow\w*|observ\w*|monitor\w*|assess\w*|measur\w*|record\w*|stor\w*|incubat\w*|"
                           r"hospitali[sz]\w*|admitted|stay\w*|lasting|lasted|aged?|old|symptoms?)\b", re.I)
_LONGER_STUDIED = re.compile(r"\b(?:extended|prolonged|longer|extension|long-term)\b", re.I)
_SHORTER = "(the shorter course: a duration trial tests it against the standard course, so its side is inferred)"
_STANDARD = "(the standard, longer course: its side is inferred)"
# (review s30) the second of two treatments ("to aspirin or placebo for 2 or 3 years": both arms for as long) and a
# placebo or control are no course of one treatment
_SECOND_ARM = re.compile(r"\b(?:or|and|versus|vs\.?|with|plus)\s+$", re.I)
_NO_TREATMENT = re.compile(r"^(?:matching\s+)?(?:placebo|sham|control|usual|standard|no)\b", re.I)
_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}


def _days(count: str, unit: str | None, other_unit: str) -> float:
    return int(count) * _DAYS[(unit or other_unit).lower().rstrip("s")]


def durations(pool: list[Sentence], aim: str = "") -> tuple[PicoItem, PicoItem] | None:
    """(tested, compared) courses of one treatment given for two lengths of time; None when no such pair."""
    for s in pool:
        m = next((m for m in (p.search(s.text) for p in _DURATIONS + (_COURSES,)) if m), None)
        if not m:
            continue
        # "X for 5 or 10 days" only where arms are allocated or in the title ("followed for 6 or 12 months" is no arm)
        listed = m.re is _DURATIONS[2] or m.re is _COURSES
        name = _name(m.group("name"))
        if not name or _PRONOUN.match(name) or _NOT_A_COURSE.search(name) or _SECOND_ARM.search(
                s.text[:m.start("name")]) or _SECOND_ARM.search(m.group("name").split()[0] + " ") or _NO_TREATMENT.match(name) or (
                listed and s.idx != -1 and not _ALLOCATES.search(s.text)):
            continue
        unit_a, unit_b = m.group("au"), m.group("bu") or m.group("au")
        a, b = _days(m.group("a"), unit_a, unit_a), _days(m.group("b"), unit_b, unit_a)
        if a == b:
            continue
        arm = {x: f"{name} for {m.group(x)} {(m.group(x + 'u') or unit_a).lower().rstrip('s')}s" for x in ("a", "b")}
        short, long_ = ("a", "b") if a < b else ("b", "a")
        if _LONGER_STUDIED.search(aim):
            return (PicoItem(text=arm[long_], sentence_idx=s.idx, detail=_AIMED),
                    PicoItem(text=arm[short], sentence_idx=s.idx, detail=_SIDE.format("the shorter")))
        return (PicoItem(text=arm[short], sentence_idx=s.idx, detail=_SHORTER),
                PicoItem(text=arm[long_], sentence_idx=s.idx, detail=_STANDARD))
    return None


def schedule_arms(sentences: list[Sentence], title: Sentence | None,
                  allocating: bool = False) -> tuple[PicoItem, PicoItem] | None:
    """(intervention, comparator) of two arms of one treatment that differ in dose or schedule, from the title,
    objective or methods; None when no such pair is written or the two are equally intensive. `allocating`: only
    from a methods sentence that allocates the arms ("randomly assigned to X 10 or 20 mg")."""
    pool = ([title] if title is not None else []) + [s for s in sentences if s.role in ("objective", "methods", "")]
    if allocating:
        pool = [s for s in sentences if s.role in ("methods", "") and _ALLOCATES.search(s.text)]
    aim = " ".join(x.text for x in ([title] if title is not None else []) + [x for x in sentences if x.role == "objective"])
    less_studied = bool(_LESS_STUDIED.search(aim)) and not _MORE_STUDIED.search(aim)
    # an opening sentence that allocates is methods, whatever role its position gave it
    # (review fix) never a results or conclusions sentence: "those assigned to exercise who continued aspirin 300 mg or
    # reduced to 75 mg" describes a subgroup of the arms, it allocates none
    changed = changed_dose(pool + [s for s in sentences if s not in pool and _ALLOCATES.search(s.text)
                                   and s.role not in ("results", "conclusions")], [])
    if changed:
        return changed
    course = durations(pool, aim)
    if course:
        return course
    for s in pool:
        found = _pair(s, allocating)
        if found is None or found[2] == found[3]:
            continue
        a, b, ia, ib = found
        (hi, lo) = (a, b) if ia > ib else (b, a)
        if less_studied:  # (review fix) the title or aim names the lighter arm as the one tested
            return (PicoItem(text=lo, sentence_idx=s.idx, detail=_AIMED),
                    PicoItem(text=hi, sentence_idx=s.idx, detail=_SIDE.format("the more intensive")))
        return (PicoItem(text=hi, sentence_idx=s.idx, detail=_SIDE.format("the more intensive")),
                PicoItem(text=lo, sentence_idx=s.idx, detail=_SIDE.format("the less intensive")))
    return None
