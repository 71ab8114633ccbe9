"""Results with numbers: effect measures with confidence intervals, p-values and group rates, parsed to numbers,
each tied to its outcome and comparison, then checked for internal consistency.

Forms read: "HR 0.75, 95% CI 0.61-0.92", "(hazard ratio, 0.75; 95% CI, 0.61 to 0.92)", "OR = 2.1 [1.3; 3.4]",
"95% confidence interval 0.61–0.92", "mean difference -2.3 (-4.1 to -0.5)" with unicode minus and dashes;
"P = .03", "p<0.001", "P value 0.2", "NS", "not significant"; "12/100 (12%) vs 20/98 (20.4%)"."""

from __future__ import annotations

import re

from medcore.literature.model import RATIO_MEASURES, Effect, Sentence
from medcore.literature import effect_outcomes
from medcore.literature.number_forms import _DASHES, _RATE, normalise, rates as _rates  # noqa: F401 - read here and by others
from medcore.literature.effect_outcomes import label_of, outcome_of  # noqa: F401 - their old home


# Measure names -> (measure, adjusted). Longest first so "adjusted odds ratio" beats "odds ratio".
_MEASURE_WORDS = [
    (r"adjusted\s+odds\s+ratios?|\b[aA]ORs?", "OR", True),  # "AOR", "AHR": read only with a CI (extract_effects)
    (r"adjusted\s+hazard\s+ratios?|\b[aA]HRs?", "HR", True),
    (r"adjusted\s+(?:relative\s+risks?(?!\s+(?:reduction|increase))|risk\s+ratios?)|\baRRs?", "RR", True),
    (r"adjusted\s+(?:incidence\s+)?rate\s+ratios?|\baIRRs?", "IRR", True),
    (r"odds\s+ratios?|\bORs?", "OR", False),
    (r"(?:sub)?hazard\s+ratios?|\bHRs?", "HR", False),
    # ("a relative risk reduction of 22%" is 1 - RR, no RR: not read; session 24b)
    (r"relative\s+risks?(?!\s+(?:reduction|increase))|risk\s+ratios?|\bRRs?", "RR", False),
    (r"incidence\s+rate\s+ratios?|rate\s+ratios?|\bIRRs?", "IRR", False),
    (r"prevalence\s+ratios?|\bPRs?", "PR", False),
    (r"standardi[sz]ed\s+mean\s+differences?|\bSMDs?|effect\s+sizes?|[Cc]ohen['’]?s\s+d\b|[Hh]edges['’]?\s*g\b", "SMD", False),
    (r"(?:weighted\s+)?mean\s+differences?|\bW?MDs?|(?:adjusted\s+)?differences?\s+in\s+means?", "MD", False),
    (r"(?:absolute\s+)?risk\s+differences?|absolute\s+(?:risk\s+)?(?:reduction|difference)s?|\bARR\b|\bRD\b", "RD", False),
    (r"numbers?\s+needed\s+to\s+treat|\bNNTB?\b", "NNT", False),
    (r"\bdifferences?\b", "MD", False),  # a bare "difference": kept only with a CI (see extract_effects)
    # "shortened the stay by a mean of 1.9 days (95% CI ...)": read with a CI only
    (r"\bby\s+a\s+mean\s+of\b", "MD", False),
    # "the odds were 2.3 times higher (95% CI 1.4-3.8)": an odds ratio told in words, read with a CI only
    (r"\bodds(?=\s+(?:were|was|is|are)\s+\d+(?:\.\d+)?\s*-?\s*(?:times|fold))", "OR", False),
    (r"numbers?\s+needed\s+to\s+harm|\bNNTH\b|\bNNH\b", "NNH", False),
]


def _either_case(pattern: str) -> str:
    """Each spelled-out word of a measure pattern with its first letter in either case: a sentence or a table-like
    header starts with it ("Hazard ratio (95% CI) for death: ...", "Odds Ratio"); abbreviations keep their case
    ("OR" must not match the word "or"). Session 24b."""
    return re.sub(r"(?<![\\\w\[])([a-z])(?=[a-z])", lambda m: f"[{m.group(1).upper()}{m.group(1)}]", pattern)


_MEASURE = re.compile("|".join(f"(?P<m{i}>{_either_case(p)})" for i, (p, _, _) in enumerate(_MEASURE_WORDS)))
_NUM = r"[-]?\s?(?:\d+(?:,\d{3})*(?:\.\d+)?|\.\d+)"
_CI_WORD = r"(?:CI|C\.I\.|IC|CrI|conf|cred)"  # "IC 95%": the interval's name in French, Spanish and Italian abstracts
_LEVEL = (r"(?:(?:(?P<lvl>\d{2}(?:\.\d)?)\s?%\s*(?:CI|C\.I\.|IC|CrI|confidence\s+(?:intervals?|limits?)|credible\s+intervals?)|(?:CI|IC|confidence\s+intervals?)\s*(?P<lvl2>\d{2})\s?%|CI)"
          r"(?:\s*[(\[](?:CI|95\s?%\s*CI)[)\]])?(?:\s+of\s+(?:the\s+)?[A-Za-z]{2,4})?)")
# the estimate after its measure name: "HR 0.75", "HR, 0.75", "OR = 2.1", "(HR: 0.75", "odds ratio of 2.1",
# "hazard ratio [HR] 0.75", "HR (95% CI) 0.75 (0.6-0.9)"
# (a unit of time is no estimate, "HR 2 years", unless a CI follows it: "mean difference -2.7 days (95% CI ...)")
_NOT_ESTIMATE = (r"(?!\s?%\s*(?:CI|conf))(?!\s*-?\s*(?:days?|weeks?|months?|years?|hours?|mg|patients|subjects)\b"
                 r"(?!\s*[,;(\[]\s*(?:\d{2}(?:\.\d)?\s?%\s*)?" + _CI_WORD + r"))")
# (blanks are possessive: a run of them between optional parts was split every way before failing, a polynomial
# blow-up under a long run; what follows each cannot start with a blank, so the matches are the same)
_AFTER_MEASURE = re.compile(
    r"\s*+(?:\[[A-Za-z]{1,4}\]|\([A-Za-z]{1,4}\))?\s*+(?:\(\s*95\s?%\s*CI\s*\))?\s*+"
    r"(?:,|:|=|;|\bof\b|\bwas\b|\bwere\b|\bis\b|\bwas\s+estimated\s+at\b)?\s*+(?:=\s*+)?(?P<val>" + _NUM + r")(?!\d)(?!\.\d)"
    + _NOT_ESTIMATE + r"(?P<pct>\s?%)?")
# "The adjusted odds ratios for A versus B, with ... as endpoints, were 0.46 (95% CI ...)": the estimate comes
# later in the clause, right before its CI
# a unit between an estimate and its CI: "4.38 mmHg (95% CI ...)"
_UNIT = (r"(?:\s*(?:mm\s?Hg|kg/m2|[A-Za-zµμ]{1,6}/(?:[A-Za-z]{1,5}|1\.73\s?m2)|kg|cm|mm|mL|ml|percentage\s+points?|points?|"
         r"units?|days?|hours?|h|min|g|mg|nights?|steps?|minutes?|weeks?|months?|years?|%|"
         r"(?:times|-?fold)(?:\s+(?:higher|greater|lower|increased|more\s+likely|less\s+likely))?)(?![\w]))?")
_LATE_VALUE = re.compile(r"[^;]{0,160}?(?:\b(?:was|were|of|is|are)|[=:,])\s*(?P<val>" + _NUM + r")" + _UNIT + r"(?=\s*[(\[]\s*(?:\d{2}\s?%\s*)?" + _CI_WORD + r")")
# the next estimate of a list, "..., 0.46 (95% CI ...), and 0.52 (95% CI ...)": a number right before a CI with
# no other measure name in between
# (a dose between two estimates does not end the list: "-6.2 (95% CI ...) with 40 mg and -8.9 (95% CI ...)")
# (nor a time: "1.8 (95% CI ...) at 6 months and 2.3 (95% CI ...) at 12 months"; session 24b)
_DOSE_IN_GAP = r"\d+(?:\.\d+)?\s?(?:mg|g|µg|μg|mcg|IU|units?|mL|ml|days?|weeks?|months?|years?|hours?)\b"
_NEXT_IN_LIST = re.compile(r"(?:[^\d.;]|\.(?!\d)|" + _DOSE_IN_GAP + r"){0,40}?(?<![\w.])(?P<val>" + _NUM + r")(?=" + _UNIT
                           + r"\s*[(\[]\s*(?:\d{2}\s?%\s*)?" + _CI_WORD + r")")
# the next estimate of a list whose intervals are unnamed brackets, after a first one read with such a bracket:
# "the adjusted HRs were 1.12 (0.98-1.28) for former and 1.41 (1.22-1.63) for current users" (kept only when the
# estimate lies inside its bracket)
_BARE_BRACKET = r"\s*[(\[]\s*" + _NUM + r"\s*(?:-|to|,|;)\s*" + _NUM + r"\s*[)\]]"
_NEXT_IN_BARE_LIST = re.compile(r"(?:[^\d.;()\[\]]|\.(?!\d)|" + _DOSE_IN_GAP + r"){0,40}?(?<![\w.])(?P<val>" + _NUM + r")(?="
                                + _UNIT + _BARE_BRACKET + r")")
# a measure named with "(95% CI)" as a column header, its estimate and bare bracket later: "Hazard ratio (95% CI)
# for cardiovascular death: 0.79 (0.66-0.95)"
_HEADER_CI = re.compile(r"\s*[(\[]\s*95\s?%\s*CI\s*[)\]]")
_LATE_BARE = re.compile(r"[^;()\[\]]{0,80}?(?:\b(?:was|were|of|is|are)|[=:,])\s*(?P<val>" + _NUM + r")" + _UNIT
                        + r"(?=" + _BARE_BRACKET + r")")
# a scale between the measure and its estimate: "HR per 10 mmHg 1.27, 95% CI ...", "OR per SD increase, 1.4 (...)"
_PER_LEAD = re.compile(r"\s*+per\s++(?:\d+(?:\.\d+)?\s*)?(?:[A-Za-z%][\w/%\-]*\s*){1,3}?[,:]?\s*(?=-?\d)")
_CI = re.compile(
    r"\s*+[,;(\[]?\s*+(?:" + _LEVEL + r")?\s*+[:,=]?\s*+(?:of\s+|from\s+|was\s+)?[(\[]?\s*+(?P<lo>" + _NUM + r")\s?%?\s*+"
    r"(?:to|,|;|-|\u2013|and)\s*+(?P<hi>" + _NUM + r")\s?%?\s*+[)\]]?")
# (session 24b: "p-value: 0.001", "P (trend) = 0.01", "P = 2e-4")
_P = re.compile(
    r"(?<![A-Za-z])[Pp]\s*(?:[- ]?values?|\s+for\s+(?:trend|interaction|heterogeneity)|\s?\((?:for\s+)?(?:trend|interaction|heterogeneity)\))?\s*"
    r"(?P<rel><\s?or\s?=|>\s?or\s?=|<=|>=|≤|≥|=|<|>|:|\bof\b|\bwas\b|\bis\b)?\s*(?P<num>\d*\.\d+|\d+(?:\.\d+)?)"
    r"(?:\s*[x×]\s*10\s*(?:\^\s*)?(?P<exp>-\s?\d+|\d+)|[eE](?P<exp2>-?\d+)(?![\w.]))?")
_NS = re.compile(r"\bNS\b|\bn\.s\.|\bnot\s+(?:statistically\s+)?significant(?:ly)?\b|\bnonsignificant\b|\bnon-significant\b",
                 re.IGNORECASE)
_PCT = re.compile(r"(?<![\d.])(?P<pct>\d+(?:\.\d+)?)\s?%(?!\s*(?:CI|confidence|credible))")
_VS = re.compile(r"(?:(?<!\s)\s*)?(?:vs\.?|versus|compared\s+(?:with|to)|and|in\s+the\s+\w+\s+group\s+(?:vs\.?|and))\s*", re.IGNORECASE)


def _num(s: str) -> float:
    return float(s.replace(" ", "").replace(",", ""))


def parse_p(text: str) -> list[tuple[int, int, float | None, str, str]]:
    """(start, end, value, relation, as written) of every p-value in `text` (already dash-normalised)."""
    out = []
    for m in _P.finditer(text):
        num = m.group("num")
        if not m.group("rel") and not re.match(r"[Pp]\s*[- ]?values?", m.group(0)):
            continue  # "P 0.2" without a relation is too ambiguous (P can be a variable); "P value 0.2" is fine
        val = float(num)
        if m.group("exp") or m.group("exp2"):
            val = val * 10 ** int((m.group("exp") or m.group("exp2")).replace(" ", ""))
        if val > 1 or val <= 0:
            continue  # not a probability ("P = 1.5"), or a number cut by a typo ("p<0. 05" reads as 0)
        rel = re.sub(r"(?:(?<!\s)\s*)?or\s*", "", (m.group("rel") or "=").strip())  # "<or =" is PubMed's spelling of <=
        rel = {"of": "=", "was": "=", "is": "=", ":": "=", "≤": "<=", "≥": ">="}.get(rel, rel)
        out.append((m.start(), m.end(), val, rel, m.group(0).strip()))
    for m in _NS.finditer(text):
        out.append((m.start(), m.end(), None, "", m.group(0)))
    return sorted(out)


def _measure_at(m: re.Match) -> tuple[str, bool]:
    for i, (_, measure, adjusted) in enumerate(_MEASURE_WORDS):
        if m.group(f"m{i}"):
            return measure, adjusted or bool(re.match(r"adjusted", text_before(m), re.I))
    raise AssertionError("a measure group always matches")


def text_before(m: re.Match) -> str:
    return m.string[max(0, m.start() - 9): m.start()].strip()


def extract_effects(sentence: Sentence) -> list[Effect]:
    """The effect estimates, and the group-rate comparisons with a p-value, reported in one sentence."""
    text = normalise(sentence.text)
    effects: list[Effect] = []
    used_until = 0
    for m in _MEASURE.finditer(text):
        if m.start() < used_until:
            continue
        measure, adjusted = _measure_at(m)
        am = _AFTER_MEASURE.match(text, m.end())
        if am and am.group("pct") and measure != "RD" and (measure != "MD" or not _CI_NEXT.match(text, am.end())):
            am = None  # "OR 12%" is no estimate; a difference in % is one when its CI follows ("-0.42%, 95% CI ...")
        if not am and (per := _PER_LEAD.match(text, m.end())):
            am = _AFTER_MEASURE.match(text, per.end())
        if not am:
            am = _LATE_VALUE.match(text, m.end()) or ((hd := _HEADER_CI.match(text, m.end())) and _LATE_BARE.match(text, hd.end()))
            if not am or _MEASURE.search(text, m.end(), am.start("val")):
                continue
        bare_difference = m.group(0).lower().startswith(("difference", "by")) or m.group(0).lower() == "odds"
        start = m.start()
        while am:
            eff = Effect(measure=measure, value=_num(am.group("val")), adjusted=adjusted, sentence_idx=sentence.idx)
            end = _read_ci(text, am.end(), eff)
            if (bare_difference or _CAPITAL_ADJUSTED.fullmatch(m.group(0))) and eff.ci_low is None:
                break  # "AHR" is also airway hyperresponsiveness: an adjusted ratio only when a CI follows  # "no difference of 2 points": without a CI a bare difference is not an estimate we read
            if measure in RATIO_MEASURES and (_A_UNIT.match(text, am.end()) or _A_UNIT.match(text, end)):
                break  # a ratio has no unit: "HR 72 (64-80) beats/min" is a heart rate, "the OR ... 120 min" a theatre
            if eff.ci_low is None and _PLANNING.search(text) and not parse_p(text):
                break  # "we assumed an HR of 0.75 with 80% power": a planning value, not a result
            eff.span = (start, end)
            effects.append(eff)
            used_until = end
            am = (_NEXT_IN_LIST.match(text, end) or _next_in_bare_list(text, end, eff)) if eff.ci_low is not None \
                else _AND_NEXT.match(text, end)
            if am and _MEASURE.search(text, end, am.start("val")):
                am = None
            start = am.start("val") if am else start
    # a later bracket holding "estimate; low-high" with no measure name repeats the sentence's last measure:
    # "(OR = 0.62; 95% CI = 0.41-0.93) ... (for >=4 hours per day: 1.07; 0.58-1.97)"
    while effects and effects[-1].ci_low is not None:
        # (session 28) also _CARRIED's two forms
        found = [m for m in (_BARE_TRIPLE.search(text, used_until), _CARRIED.search(text, used_until)) if m]
        bm = min(found, key=lambda m: m.start()) if found else None
        if not bm or _MEASURE.search(text, used_until, bm.start()) or _COUNTED.match(text, bm.end()):
            break
        two = "val2" in bm.re.groupindex and bm.group("val2") is not None
        val, lo, hi = (_num(bm.group(k + ("2" if two else ""))) for k in ("val", "lo", "hi"))
        if not lo <= val <= hi:
            break
        prev = effects[-1]
        effects.append(Effect(measure=prev.measure, value=val, adjusted=prev.adjusted, ci_low=lo, ci_high=hi,
                              ci_level=prev.ci_level, sentence_idx=sentence.idx,
                              span=(bm.start("val2" if two else "val"), bm.end())))
        used_until = bm.end()
    # effects written with the CI first: "95% CI 0.61-0.92" right after a bare estimate is already handled; a
    # group-rate comparison without a measure becomes a 'comparison' when the sentence reports a p-value for it
    ps = parse_p(text)
    for i, eff in enumerate(effects):
        limit = effects[i + 1].span[0] if i + 1 < len(effects) else len(text)
        for ps_, pe, val, rel, written in ps:
            if eff.span[1] - 2 <= ps_ < limit and ps_ - eff.span[1] < 80:
                eff.p_value, eff.p_relation, eff.p_text = val, rel, written
                break
    if not effects:
        effects.extend(_comparisons(text, sentence.idx, ps))
    for eff in effects:
        if eff.measure != "comparison":
            eff.group_rates = _rates(text, 0, eff.span[0]) or _rates(text, eff.span[1], len(text))
        eff.comparison = comparison_of(text)
        eff.label = label_of(text, eff.span[0])
        eff.flags = check(eff)
    effect_outcomes.assign(text, effects)
    return effects


def _read_ci(text: str, pos: int, eff: Effect) -> int:
    """Read the CI after an estimate (and its unit) into `eff`; the end of what was read. The estimate's scale
    may stand between it and a CI named as such: "OR 0.9 per 5 kg gained, 95% CI 0.8-0.99"."""
    cm = _CI.match(text, re.compile(_UNIT).match(text, pos).end())
    per = _PER_SCALE.match(text, pos)
    if per and not (cm and (cm.group("lvl") or cm.group("lvl2") or re.search(r"CI|confidence|[(\[]", cm.group(0)))):
        cm = _CI.match(text, per.end())
    if cm and (cm.group("lvl") or cm.group("lvl2") or re.search(r"CI|confidence|[(\[]", cm.group(0))):
        eff.ci_low, eff.ci_high = _num(cm.group("lo")), _num(cm.group("hi"))
        lvl = cm.group("lvl") or cm.group("lvl2")
        eff.ci_level = float(lvl) if lvl else 95.0
        return cm.end()
    bare = _BARE_CI.match(text, pos)
    if bare and eff.measure in RATIO_MEASURES and _num(bare.group("lo")) <= eff.value <= _num(bare.group("hi")):
        # "(OR 1.4, 1.2-1.8)": a ratio's interval after a comma, unnamed, closing the bracket (session 23c)
        eff.ci_low, eff.ci_high, eff.ci_level = _num(bare.group("lo")), _num(bare.group("hi")), 95.0
        return bare.end()
    return pos


_BARE_BOUNDS = re.compile(_UNIT + r"\s*[(\[]\s*(?P<lo>" + _NUM + r")\s*(?:-|to|,|;)\s*(?P<hi>" + _NUM + r")\s*[)\]]")
_COUNTED = re.compile(r"\s*(?:patients|participants|subjects|people|persons|women|men|children|adults|years|months|weeks|"
                      r"days|hours|minutes|cases|events)\b", re.I)
_ENDS_BARE = re.compile(r"[(\[]\s*" + _NUM + r"\s*(?:-|to|,|;)\s*" + _NUM + r"\s*[)\]]\s*$")


def _next_in_bare_list(text: str, end: int, prev: Effect) -> re.Match | None:
    """The next estimate of a list with unnamed bracket intervals, when the previous one's was such a bracket and
    the estimate lies inside its own."""
    if not _ENDS_BARE.search(text[max(prev.span[0], end - 40):end]):
        return None
    nm = _NEXT_IN_BARE_LIST.match(text, end)
    if not nm:
        return None
    bm = _BARE_BOUNDS.match(text, nm.end())
    if not bm or not _num(bm.group("lo")) <= _num(nm.group("val")) <= _num(bm.group("hi")) or _COUNTED.match(text, bm.end()):
        return None  # "45 (30-60) patients": a median and its range counting something, no estimate
    return nm


_CAPITAL_ADJUSTED = re.compile(r"A(?:OR|HR)s?")
# a unit after a "ratio" or its bracket: HR, RR, OR and PR are also heart rate, respiratory rate, the operating room
# and the PR interval (session 24b)
_A_UNIT = re.compile(r"\s*(?:±\s*\d+(?:\.\d+)?\s*)?(?:/\s*min\b|bpm\b|beats?\b|breaths?\b|ms\b|min\b|minutes?\b|mm\s?Hg\b|"
                     r"per\s+minute\b|cm\b|mg\b|kg\b)", re.I)
# the words of a sample-size calculation: an estimate there without a CI or p-value was assumed, not found
_PLANNING = re.compile(r"\b(?:assum(?:e|ed|ing)|power(?:ed)?|sample\s+size|hypothesi[sz]ed)\b", re.I)
# plain bounds (no thousands commas): a run of "1,1,1,..." must fail at once from every comma
_BARE_CI = re.compile(r",\s*+(?P<lo>-?\d+(?:\.\d+)?)\s*+(?:-|to)\s*+(?P<hi>-?\d+(?:\.\d+)?)(?=\s*[)\];])")


# "per 10 mm Hg increase in X", "per SD": at most 60 characters without a digit other than the step, up to a
# comma or bracket that opens a CI with its level or name
_PER_SCALE = re.compile(r"\s++per\s++(?:\d+(?:\.\d+)?\s*)?[A-Za-z][^,;()\[\]\d]{0,60}?(?=\s*[,;(\[]\s*(?:\d{2}\s?%\s*)?(?:CI|conf))")
_CI_NEXT = re.compile(r"\s*+[,;(\[]?\s*+(?:\d{2}\s?%\s*)?(?:CI|IC|conf)", re.I)
_BARE_TRIPLE = re.compile(r"[(\[][^()\[\]]{0,60}?[:,]\s*(?P<val>" + _NUM + r")\s*[;,]\s*(?:\d{2}\s?%\s*CI\s*[:=]?\s*)?"
                          r"(?P<lo>" + _NUM + r")\s*(?:-|to)\s*(?P<hi>" + _NUM + r")\s*[)\]]")
# (session 28) "(1.01, 0.94-1.09)": a bracket holding only an estimate and its bounds; "1.01 (95% CI, 0.78 to 1.29": an
# estimate whose CI is named; read only after an estimate of the same sentence with its CI (the measure carried on)
_CARRIED = re.compile(r"[(\[]\s*(?P<val>" + _NUM + r")\s*[;,]\s*(?P<lo>" + _NUM + r")\s*(?:-|to)\s*(?P<hi>" + _NUM + r")\s*[)\]]"
                      r"|(?<![\w.,\-])(?P<val2>" + _NUM + r")\s*[(\[]\s*(?:\d{2}\s?%\s*)?CI[,:=]?\s*(?P<lo2>" + _NUM
                      + r")\s*(?:-|to)\s*(?P<hi2>" + _NUM + r")\s*[;,)\]]")
_AND_NEXT = re.compile(r"\s++and\s++(?P<val>" + _NUM + r")(?![\d.%])(?!\s*(?:days?|weeks?|months?|years?|mg|patients))")


def _comparisons(text: str, idx: int, ps) -> list[Effect]:
    """Group rates compared with a p-value and no effect measure: "12/100 (12%) vs 20/98 (20.4%), P = .03" or
    "71% vs 61% (p<0.01)"."""
    out = []
    for ps_, pe, val, rel, written in ps:
        window_start = max(0, ps_ - 120)
        seg = text[window_start:ps_]
        rates = _rates(text, window_start, ps_)
        if len(rates) < 2:
            pcts = [float(m.group("pct")) for m in _PCT.finditer(seg)]
            if len(pcts) < 2 or not _VS.search(seg):
                continue
            rates = [{"events": None, "total": None, "percent": p} for p in pcts[-2:]]
        eff = Effect(measure="comparison", value=None, p_value=val, p_relation=rel, p_text=written,
                     group_rates=rates[-2:], sentence_idx=idx, span=(window_start + _first_digit(seg), pe))
        out.append(eff)
    return out


def _first_digit(seg: str) -> int:
    m = re.search(r"\d", seg)
    return m.start() if m else 0


_COMPARISON = re.compile(
    r"(?P<a>[A-Za-z][\w\-+/ ]{1,40}?)\s+(?:vs\.?|versus|compared\s+(?:with|to)|than(?:\s+with)?|relative\s+to)\s+"
    r"(?P<b>[A-Za-z][\w\-+/ ]{1,40}?)(?=\s*(?:\(|,|;|\.|$|was|were|group|arm))", re.IGNORECASE)


def comparison_of(text: str) -> str:
    m = _COMPARISON.search(text)
    if not m:
        return ""
    a = re.sub(r"^.*\b(?:with|in|of|for|receiving|taking|the)\s+", "", m.group("a"), flags=re.IGNORECASE)
    b = re.sub(r"^(?:the|those|patients|participants)\s+(?:receiving|taking|given|in\s+the)?\s*", "", m.group("b"),
               flags=re.IGNORECASE)
    if re.search(r"\d", a + b):
        return ""
    return f"{a.strip()} vs {b.strip()}"


def significant(eff: Effect) -> bool | None:
    """Is this result significant: the one home of the question (the consistency check, `literature ask`).
    The p-value says when it is given; else a CI says whether it excludes no effect (1 for a ratio, 0 for a
    difference); None when neither says."""
    by_p = p_significant(eff)
    return by_p if by_p is not None else ci_significant(eff)


def null_value(measure: str) -> float | None:
    """The value of no effect: 1 for a ratio, 0 for a difference, None for other measures (NNT, comparisons)."""
    return 1.0 if measure in RATIO_MEASURES else 0.0 if measure in ("MD", "RD", "SMD") else None


def ci_significant(eff: Effect) -> bool | None:
    """True when the CI excludes no effect, False when it includes it, None without a usable CI or when a bound
    is the no-effect value itself: a bound as written is rounded ("1.0 to 2.7" may be 1.04 to 2.66), so it
    cannot tell (session 16)."""
    null = null_value(eff.measure)
    if null is None or eff.ci_low is None or eff.ci_high is None or eff.ci_low > eff.ci_high:
        return None
    if null in (eff.ci_low, eff.ci_high):
        return None
    return not eff.ci_low <= null <= eff.ci_high


def p_significant(eff: Effect) -> bool | None:
    """True / False when the p-value says so at 0.05, None when it does not say."""
    if eff.p_text and eff.p_value is None:
        return False  # NS
    if eff.p_value is None:
        return None
    if eff.p_relation in ("<", "<="):
        return eff.p_value <= 0.05
    if eff.p_relation in (">", ">="):
        return False if eff.p_value >= 0.05 else None
    return eff.p_value < 0.05


def check(eff: Effect) -> list[str]:
    """Internal consistency of one result, in words (empty: consistent or nothing to check)."""
    flags = []
    if eff.value is None:
        for r in eff.group_rates:
            if r.get("events") is not None and r.get("total") and r.get("percent") is not None:
                if abs(100 * r["events"] / r["total"] - r["percent"]) > 1.0:
                    flags.append(f"{r['events']}/{r['total']} is {100 * r['events'] / r['total']:.1f}%, "
                                 f"not {r['percent']}%")
        return flags
    lo, hi = eff.ci_low, eff.ci_high
    if eff.measure in RATIO_MEASURES and eff.value <= 0:
        flags.append(f"a {eff.measure} must be above 0, read {eff.value}")
    if lo is not None and hi is not None:
        if lo > hi:
            flags.append(f"CI lower bound {lo} is above the upper bound {hi}")
        elif not (lo - 1e-9 <= eff.value <= hi + 1e-9):
            flags.append(f"the estimate {eff.value} lies outside its CI {lo} to {hi}")
        null = null_value(eff.measure)
        sig = p_significant(eff)  # the p-value against the CI: significant() would read the CI itself
        by_ci = ci_significant(eff)  # None for a bound at the no-effect value: rounded, it cannot disagree
        if by_ci is not None and sig is not None:
            crosses = not by_ci
            if crosses and sig:
                flags.append(f"the CI {lo} to {hi} includes {null:g} (no effect) but {eff.p_text} says significant")
            if not crosses and not sig:
                flags.append(f"the CI {lo} to {hi} excludes {null:g} (no effect) but {eff.p_text} says not significant")
    for r in eff.group_rates:
        if r.get("events") is not None and r.get("total") and abs(100 * r["events"] / r["total"] - r["percent"]) > 1.0:
            flags.append(f"{r['events']}/{r['total']} is {100 * r['events'] / r['total']:.1f}%, not {r['percent']}%")
    return flags


def extract_all(sentences: list[Sentence]) -> list[Effect]:
    """Effects of every sentence in reading order, whatever its role: a role classifier's mistake must not hide a
    number."""
    out = []
    for s in sentences:
        out.extend(extract_effects(s))
    return out
