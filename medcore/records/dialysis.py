"""Stage 5 chronic kidney disease told on dialysis in another sentence of the same section (issue 11, session 28).

ICD-10-CM N18.6 End stage renal disease has the inclusion term "chronic kidney disease requiring chronic dialysis"
(Official Guidelines I.C.14.a.1: CKD stage 5 with dialysis is coded N18.6). extract.py reads the dialysis told after
the stage in its own sentence ("CKD stage 5 on hemodialysis"); notes as often tell it in the next one ("CKD stage 5.
He started hemodialysis in May."). A present N18.5 becomes N18.6 when a sentence of the same section says the patient
is on, started or receives dialysis. Not when the dialysis is denied, planned or discussed ("not yet on dialysis",
"will need dialysis", "dialysis access planning", "before starting dialysis"): those say the patient is not on it."""

from __future__ import annotations

import re
from dataclasses import replace

from medcore.knowledge import assertions as ctx

# the patient is on dialysis: "on (chronic) hemodialysis", "started dialysis", "receives peritoneal dialysis",
# "dialysis-dependent", "hemodialysis three times a week"
_KIND = r"(?:chronic\s+|maintenance\s+|regular\s+|outpatient\s+|home\s+)?(?:hemo|haemo|peritoneal\s+)?dialysis"
_ON = re.compile(rf"\b(?:on|started(?:\s+on)?|began|receives|receiving|undergoes|undergoing|"
                 rf"dependent\s+on|requires|requiring)\s+{_KIND}\b|\b(?:hemo|haemo)?dialysis[- ]dependent\b|"
                 rf"\b(?:hemo|haemo)?dialysis\s+(?:three|3|two|2)\s+times\s+(?:a|per)\s+week\b|"
                 rf"\b(?:hemo|haemo)?dialysis\s+(?:on\s+)?(?:mwf|tts|tth?s|monday)", re.I)
# words before it that say the patient is not (yet) on it
_NOT = re.compile(r"\b(?:not|no|never|yet|before|prior\s+to|until|will|would|may|might|need|needs|plan|plans|planning|"
                  r"planned|consider|considering|discuss|discussed|avoid|delay|refuse[sd]?|declined?|declines|if|when|"
                  r"should|could)\b[^.;]{0,25}$", re.I)


# review fix (rec28fix): dialysis that is over or only advised is no dialysis now ("was on dialysis until his
# transplant", "hemodialysis three times a week is recommended", "stopped hemodialysis"): a past "was / were / had been"
# just before, or such a word after it in the clause
_PAST_AUX = re.compile(r"\b(?:was|were|had\s+been)\s*$", re.I)
_NOT_AFTER = re.compile(r"[^.;]{0,40}?\b(?:until|till|stopped|discontinued|withdrawn|recommended|advised|proposed|"
                        r"suggested|considered|offered|discussed|declined|refused|planned)\b", re.I)


def _on_dialysis(sentence: str, rules) -> bool:
    # a relative named before it ("His brother is on dialysis"): ConText's family triggers, one home for the words
    family = [m.start for m in ctx.find_modifiers(sentence, rules)[0] if m.category == "family"] if rules else []
    for m in _ON.finditer(sentence):
        head = sentence[max(0, m.start() - 40):m.start()]
        if _NOT.search(head) or _NOT_AFTER.match(sentence, m.end()) or any(f < m.start() for f in family):
            continue
        if _PAST_AUX.search(head) and not m.group(0).lower().startswith(("start", "began")):
            continue  # "was started on dialysis" is now
        return True
    return False


def apply(sentences, problems, terminology, name, rules=None) -> list:
    """Present N18.5 problems of a section where a sentence tells the patient on dialysis, coded N18.6. `rules`: the
    records' ConText rules (their family triggers say the dialysis is a relative's)."""
    esrd = terminology.get("condition:esrd")
    if esrd is None or not any(p.icd10cm == "N18.5" and p.assertion == "present" for p in problems):
        return problems
    on = {s.section for s in sentences if _on_dialysis(s.text, rules)}
    title = terminology.get("icd10cm:N18.6")
    return [replace(p, icd10cm="N18.6", name=name(esrd), concept_id=esrd.id,
                    icd10cm_display=title.name if title else "")
            if p.icd10cm == "N18.5" and p.assertion == "present" and p.section in on else p for p in problems]
