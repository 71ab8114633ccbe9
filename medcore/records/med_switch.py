"""A drug given up for another: "Risperdal was changed to Zyprexa", "we switched her from Norco to Percocet". The
first drug's course ends (it is not a current medicine); the drug it was changed to is the current one. A change to
a dose or a schedule ("metoprolol was changed to 50 mg") is not a switch: the words must lead to a drug name."""

from __future__ import annotations

import re

# the words that give a drug up for another: "changed to", "switched over to", "converted to oral"
_SWITCH_TO = r"(?:changed|switched|converted|transitioned)\s+(?:over\s+)?to\s+(?:(?:oral|iv|po|the)\s+)?"
SWITCHED_TO = re.compile(r"\b" + _SWITCH_TO, re.I)  # also used by med_course ("this was changed to Zyprexa")
# ... right after the drug ("Risperdal was changed to Zyprexa") or before it ("switched from Norco to Percocet")
# (session 16: "stayed on cefepime, and was later switched to oral ciprofloxacin")
_REPLACED_BY = re.compile(r"[\s,]*(?:(?:and|is|was|were|has|have|had|been|then|now|later|subsequently)\s+){0,3}" + _SWITCH_TO,
                          re.I)
# (any form of the verb: "wants to switch from Norco to Percocet", "changing from metoprolol to carvedilol")
_REPLACED_FROM = re.compile(r"\b(?:chang(?:e|ed|es|ing)|switch(?:ed|es|ing)?|convert(?:ed|s|ing)?|transition(?:ed|s|ing)?)\s+(?:(?:him|her|them|the\s+patient)\s+)?"
                            r"(?:over\s+)?from\s+(?:(?:the|his|her|iv|oral)\s+)?$", re.I)


# another drug taken in its place (session 16): "instead of atenolol, she now takes carvedilol"
_INSTEAD_OF = re.compile(r"\b(?:instead\s+of|in\s+place\s+of|rather\s+than)\s+(?:(?:the|his|her|taking|using)\s+)?$", re.I)


def replaced(s: str, start: int, end: int, m) -> bool:
    """The drug at s[start:end] is given up for another drug the sentence names."""
    to = _REPLACED_BY.match(s, end)
    if to and m.drug.match(s, to.end()):
        return True
    if _INSTEAD_OF.search(s, max(0, start - 30), start) and m.drug.search(s, end):
        return True
    return bool(_REPLACED_FROM.search(s[max(0, start - 40):start])) and re.match(r"[^.;]{0,40}?\bto\s+", s[end:]) is not None
