"""A status told in a relative clause after a medication's dose (session 29, issue 11): "aspirin 325 mg daily, which
is currently stopped, and lisinopril 10 mg daily". The clause speaks of the drug before it (stopped), not of the drug
after it (lisinopril stays current). Status words are the vocabulary's (`status` in assets/kb/records/rules.yaml)."""

from __future__ import annotations

import re

# the clause right after this item's dose and schedule: ", which is currently stopped", ", which has been held"
# (a bounded gap, read only up to the next drug name)
# (or a bare adverb: "Premarin 0.3 mg daily, currently stopped"; never a bare verb, "aspirin daily, stop Plavix")
_WHICH = re.compile(r"[^,;()]{0,40}?,[ \t]*(?:(?:which|that)[ \t]+(?:is|was|were|are|has[ \t]+been|have[ \t]+been|had[ \t]+been)"
                    r"[ \t]+(?:(?:currently|now|since|recently|temporarily)[ \t]+)?|(?:currently|now|temporarily)[ \t]+(?=(?:held|stopped|discontinued|ceased|on[ \t]+hold)\b))", re.I)
# ... seen from the next drug: the clause ends right before it (", which is currently stopped, and ")
# (s29 review: the clause set off by a comma after an earlier drug: not a defining clause, "the medication that was
# stopped was lisinopril", "Medications which were held include X and Y", where the status is the drugs' own)
_WHICH_BEFORE = re.compile(r",[ \t]*(?:which|that)[ \t]+(?:is|was|were|are|has[ \t]+been|have[ \t]+been|had[ \t]+been)"
                           r"[ \t]+(?:(?:currently|now|since|recently|temporarily)[ \t]+)?$", re.I)


def relative_status(s: str, end: int, matchers) -> str | None:
    """The status a relative clause right after the drug ending at `end` gives it ("..., which is currently
    stopped"), read up to the next drug name of the sentence (`matchers.drug`)."""
    nxt = matchers.drug.search(s, end)
    segment = s[end:nxt.start() if nxt else len(s)]
    m = _WHICH.match(segment)
    if not m:
        return None
    for name, pat in matchers.status:
        if pat.match(segment, m.end()):
            return name
    return None


# ... or its bare-adverb form, with a participle only (", currently stopped, fish oil"; not ", now stop Plavix")
_ADVERB_BEFORE = re.compile(r",[ \t]*(?:currently|now|temporarily)[ \t]+$", re.I)
_PARTICIPLE = re.compile(r"(?:held|stopped|discontinued|ceased|on[ \t]+hold)\b", re.I)


def said_of_earlier(s: str, pos: int, drug: re.Pattern) -> bool:
    """The status word at `pos` of the sentence `s` closes a relative clause about an earlier drug (for "which" /
    "that", a drug name, `drug`, before the clause: "Her medicines, which were held, include X" are X's own)."""
    clause = _WHICH_BEFORE.search(s, max(0, pos - 60), pos)
    if clause:
        return drug.search(s, 0, clause.start()) is not None
    return _ADVERB_BEFORE.search(s, max(0, pos - 20), pos) is not None and _PARTICIPLE.match(s, pos) is not None
