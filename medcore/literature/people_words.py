"""The words for the people a study counts, and a count as written (session 27: moved out of population_size.py so
that control_groups.py can read them without an import cycle; `population_size.PEOPLE` still names them)."""

from __future__ import annotations

import re

PEOPLE_WORDS = (r"(?:patients|outpatients|inpatients|participants|subjects|women|men|children|adults|adolescents|infants|individuals|persons|people|"
                r"cases|volunteers|residents|mothers|neonates|newborns|pregnancies|pregnant\s+women|girls|boys|respondents|"
                r"veterans|students|survivors|smokers|eyes|couples|families|nurses|physicians|doctors|users|donors|recipients|"
                r"providers|drivers|workers|athletes|employees|males|females|beneficiaries|enrollees|trainees|professionals|"
                # sessions 25 and 25b: more people a study counts (staff by trade, family members, groups by age or
                # status, the people surveys and service studies count)
                r"parents|fathers|caregivers|carers|relatives|siblings|twins|members|teachers|pupils|schoolchildren|"
                r"teenagers|toddlers|elderly|seniors|retirees|pharmacists|dentists|midwives|surgeons|radiologists|"
                r"psychiatrists|clinicians|practitioners|professors|faculty|interns|soldiers|recruits|prisoners|"
                r"inmates|refugees|migrants|immigrants|travellers|travelers|clients|attendees|primiparas|multiparas|"
                r"primigravidas|nulliparas|therapists|physiotherapists|paramedics|elders|pensioners|"
                r"runners|players|cyclists|swimmers|pilots|farmers|miners|firefighters|officers|dyads)")

_BLANKS = re.compile(r"[, \u2009\u202f]")


def count_of(written: str) -> int:
    """The integer a count as written stands for: "1,250" and "12 537" alike."""
    return int(_BLANKS.sub("", written))
