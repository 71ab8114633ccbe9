"""Problems of a newborn take their perinatal codes (issue 11, session 17).

ICD-10-CM codes a condition that starts in the perinatal period with its chapter-16 code (P00-P96), not the adult one:
a newborn's jaundice is P59.9, not R17; its respiratory distress P22.9, not R06.03; its sepsis P36.9, not A41.9
(ICD-10-CM Official Guidelines, section I.C.16: chapter 16 codes are used for a newborn's conditions that originate in
the perinatal period). A note is a newborn's when it names the baby as one ('newborn', 'neonate', 'NICU', 'day of
life', 'baby boy', a '3-day-old' or '2 weeks old' patient) and names no patient aged in years near its start (an
obstetric note about a mother, who is the patient there, names her age in years). The code pairs are data:
`newborn_codes` in assets/kb/records/problem_vocabulary.yaml."""

from __future__ import annotations

import re
from dataclasses import replace

from medcore.records.entities import Problem

_NEWBORN = re.compile(r"\b(?:newborns?|neonates?|neonatal|NICU|day of life|baby (?:boy|girl)|"
                      r"\d+[- ](?:day|hour|week)s?[- ]old)\b", re.I)
_ADULT = re.compile(r"\b\d+[- ]years?[- ]old\b|\b\d+-year\b", re.I)
HEAD = 600  # characters at the note's start where a patient's age in years shows it is not a newborn's note


def is_newborn(text: str) -> bool:
    """The note is about a newborn (see the module docstring)."""
    return bool(_NEWBORN.search(text)) and not _ADULT.search(text, 0, HEAD)


def apply(text: str, problems: list[Problem], codes: dict[str, str], term, name_of) -> list[Problem]:
    """The problems with each adult code that has a perinatal one recoded, in a newborn's note (a relative's
    problems keep theirs). `codes`: adult ICD-10-CM code -> perinatal code; `name_of(concept)`: the display name."""
    if not codes or not any(p.icd10cm in codes for p in problems) or not is_newborn(text):
        return problems
    out = []
    for p in problems:
        concept = term.get(f"icd10cm:{codes[p.icd10cm]}") if p.icd10cm in codes and p.assertion != "family" else None
        out.append(replace(p, name=name_of(concept), concept_id=concept.id, icd10cm=codes[p.icd10cm],
                           icd10cm_display=concept.name) if concept is not None else p)
    return out
