"""Which numbers of a note are dates: a ratio, a score or a device setting is not ("128/76", "pain 7/10", "the wand on
7/3"), and a year written straight after the event it dates is ("knee surgery 1998,", "diagnosed 2004").

The year-after-event convention is the one of the i2b2 de-identification annotations that the real-note sets
follow (a year alone is a DATE; over-redacting a year is safe). The year needs an event word right before it: a word
of the clinical vocabulary, an operation or a diagnosis by its ending ("endarterectomies", "appendicitis") or a verb
of doing ("diagnosed", "removed"); a word that takes a measurement ("loss", "glucose", "weight") is not an event, and
a unit after the number makes it an amount. Every quantifier is bounded."""

from __future__ import annotations

import re
from typing import Callable

from medcore.deid.patterns import _AMOUNT_UNIT, _YEAR

_TIME_BEFORE = re.compile(r"\b(?:on|from|until|till|since|starting|dated|due|before|after)\s+$", re.I)
_YEAR_BEFORE = re.compile(r"\b(?:in|since|late|early|mid|until|by|(?:beginning|end|middle)\s+of)\s+$", re.I)  # "in 09/06": month and year
_DILUTION_CONTEXT = re.compile(r"\b(?:dilut\w*|tit(?:er|re)s?|ratio|concentration|ANA|antibod\w*)\b", re.I)
_SCORE_CONTEXT = re.compile(r"\b(?:pain|score|severity|scale|power|murmur|grade|vas|nrs)\b", re.I)
# an energy device's setting said as "on 7/3" (ablation/coagulation levels): not a day
_SETTING_CONTEXT = re.compile(r"\b(?:wand|coblat\w*|ablat\w*|coag\w*|cautery|bovie|setting|settings|level|mode|"
                              r"watts?|joules?)\b", re.I)


# a fraction of a measure right after the number: "3/4 L", "1/2 tab", "3/4 of an inch", "1/2 cup" (s29 review: a litre
# of oxygen, not a left side: "on 3/4 L knee" is a date)
_FRACTION_OF = re.compile(r"[ \t]?(?:L(?=/|[ \t]+(?i:of|oxygen|O2|NC|nasal|via|by|per|supplemental|mask|NRB)\b)|(?i:lpm|liters?|litres?|cups?|tabs?|tablets?|pills?|inch(?:es)?|teaspoons?|tsp|"
                          r"ml|cc|mg|of[ \t]+(?:an?|the)[ \t]+(?:inch|tablet|pill|cup|liter|litre)))\b")


def looks_like_ratio(text: str, start: int, end: int) -> bool:
    """'128/76' is a blood pressure, not a date; '7/10' pain score neither. A month/day after a preposition
    of time ('resume on 11/18') or before 'at' ('11/18 at 16:10') is a date, unless a score or a device setting
    is being talked about ('the wand on 7/3')."""
    span = text[start:end]
    if re.fullmatch(r"\d{1,2}/\d{4}", span):  # month/year, unless a dilution or titre: "1/2000 dilution"
        return bool(_DILUTION_CONTEXT.search(text[max(0, start - 24):end + 14]))
    if (m := re.fullmatch(r"\d{1,2}/(\d{2})", span)) and int(m[1]) > 12:  # month/year or month/day
        return bool(_SCORE_CONTEXT.search(text[max(0, start - 40):end + 12]))
    if re.fullmatch(r"\d{1,2}/\d{1,2}", span):
        if _FRACTION_OF.match(text, end):  # "on 3/4 L of oxygen", "1/2 tablet": an amount (session 29)
            return True
        dated = (_TIME_BEFORE.search(text[max(0, start - 12):start]) or re.match(r"\s+(?:at|@)\b", text[end:end + 4])
                 or (re.fullmatch(r"\d{1,2}/(?!12$|52$)\d{2}", span) and _YEAR_BEFORE.search(text[max(0, start - 16):start])))
        around = text[max(0, start - 40):end + 12]
        before = re.split(r"[.;]\s", text[max(0, start - 40):start])[-1]  # a setting is named in the same sentence
        return not dated or bool(_SCORE_CONTEXT.search(around) or _SETTING_CONTEXT.search(before))
    if re.search(r"\d\.$", text[max(0, start - 2):start]):  # a blood gas "7.38/42/88", not a date
        return True
    before = text[max(0, start - 12):start].lower()
    return bool(re.search(r"(bp|pressure|b/p)\s*[:]?\s*$", before))


# a year straight after a word (perhaps after a comma, a colon or "was": "her last childbirth was 2001."), ending a
# clause or a list item; not a number in a run of numbers ("1998 2004"), a decimal or a date part, nor an amount
# ("loss 1950 mL")
YEAR_AFTER_WORD = re.compile(
    rf"(?<![\w'-])([A-Za-z][A-Za-z-]{{1,30}})(?:[ \t]+(?:was|were))?[ \t]*[,:]?[ \t]+({_YEAR})\b(?![.,/:-]?\d)(?![ \t]*(?:{_AMOUNT_UNIT}))"
    rf"(?=[ \t]*(?:[,.;)\]]|$|[ \t]+(?:and|with|for|at|in|by|after|without|which|that|then|when|while|where|"
    rf"but|-)\b|[ \t]+[-(]))", re.M)
_EVENT_ENDING = re.compile(r"(?:ectom|otom|ostom|plast|scop|graph|pex|rrhaph|lys|desis|tripsy)(?:y|ies)$|"
                           r"(?:itis|osis|oma|omas|emia|aemia|tion|tions|sion|sions|ure|ures|ery|eries|ment|ments)$")
_EVENT_VERBS = frozenset("""diagnosed done performed treated repaired removed excised resected placed inserted started
stopped quit discontinued admitted hospitalized hospitalised operated found noted detected confirmed implanted replaced
fixed fused grafted transplanted amputated delivered born died passed married divorced retired moved immigrated
emigrated injured hurt broken fractured had since dx repair repairs removal transplant bypass graft stent stents
accident injury injuries attack attacks episode episodes birth childbirth""".split())
# words that take a measurement or a count, not an event: "loss 1950", "glucose 2010", "platelets 1999"
_MEASURES = frozenset("""loss output intake glucose sugar platelets platelet plt weight wt count counts volume level levels
dose doses total sodium potassium chloride calcium protein albumin ferritin triglycerides cholesterol ldl hdl tsh psa
wbc rbc hgb hct mcv creatinine bun amylase lipase iron folate vitamin units pressure rate ebl fluids fluid saline lactate
urine blood crystalloid colloid cells number score titer titre bolus drip infusion heparin insulin kcal calories diet
steps feet meters miles room bed suite ext extension pager code model lot serial
and the with for from was were has had have his her their this that who which than then type stage grade class size
age aged year years old ago about over under per above below greater less exceeding beyond within around nearly
almost only least most up ldh ck cpk ast alt alp ggt bnp troponin ammonia esr crp d-dimer fibrinogen lipids
bilirubin magnesium phosphorus osmolality afp cea hcg ige igg iga igm lh fsh inr ptt esr anc cd4 ef fio2 peep""".split())  # and the words of the vocabulary that date nothing


def _event_word(word: str, clinical: frozenset[str]) -> bool:
    w = word.lower()
    if w in _MEASURES:
        return False
    if word.isupper() and 2 <= len(word) <= 6:  # an operation or a diagnosis by its acronym: "CABG 1998", "NQWMI 1994"
        return True
    last = w.rsplit("-", 1)[-1]  # "C-section", "re-implantation": the head word is the last part
    return any(x in _EVENT_VERBS or _EVENT_ENDING.search(x) or (x in clinical and x not in _MEASURES)
               for x in {w, last} if len(x) > 1)


def find_event_years(text: str, add: Callable[[int, int, str], None], clinical: frozenset[str]) -> None:
    """Add a DATE span for each year written straight after the event it dates: "back surgery 1998,", "diagnosed
    2004.", "bilateral endarterectomies 1986, ..." (i2b2 convention)."""
    for m in YEAR_AFTER_WORD.finditer(text):
        if _event_word(m.group(1), clinical):
            add(m.start(2), m.end(2), "DATE")
