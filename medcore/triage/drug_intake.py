"""Taking a medicine is not an overdose: 'I took paracetamol for my headache', 'I take ibuprofen' say only
that the person uses it. The paracetamol and overdose findings stand only with an amount over the daily dose,
a whole pack, 'too many', the word overdose, or intent in the text; then an overdose is also read."""

from __future__ import annotations

import re

OVERDOSE_FINDINGS = ("overdose_taken", "paracetamol_taken")
_COUNT_WORDS = {"ten": 10, "twelve": 12, "fifteen": 15, "sixteen": 16, "twenty": 20, "thirty": 30, "forty": 40,
                "fifty": 50, "hundred": 100}
# more than 8 tablets (over 4 g of 500 mg paracetamol in a day: the licensed maximum, BNF) or over 4 grams
_AMOUNT = re.compile(r"\b(\d{1,3}|" + "|".join(_COUNT_WORDS) + r")\s+(?:x\s+)?(?:\d+\s*mg\s+)?"
                     r"(?:tablets?|pills?|caplets?|capsules?|paracetamol|co-codamol|ibuprofen|of\s+(?:them|my))\b")
_GRAMS = re.compile(r"\b(\d{1,2}(?:\.\d)?)\s*(?:g|grams?)\b")
_CUES = re.compile(
    r"\b(?:overdos\w*|od'?d|od|too\s+many|too\s+much|more\s+than\s+(?:i\s+should|the\s+(?:dose|maximum))"
    r"|whole\s+(?:packet|pack|box|bottle|strip|tub)|(?:a|two|three|several)\s+(?:packets?|packs?|boxes|bottles?|strips?)\s+of"
    r"|handful|all\s+(?:my|of\s+my|the)\s+(?:tablets|pills|paracetamol|medication)"
    r"|on\s+purpose|deliberately|to\s+(?:end|kill)|end\s+(?:it|my\s+life)|wanted?\s+to\s+die|everything\s+to\s+stop"
    r"|swallowed\s+(?:a|the|all)\b)"
)


# "kept taking all my pills", "still taking all my tablets": the usual medicines carried on with (a reason for a kidney
# injury in a stomach bug, NICE NG148 sick-day rules), not all the tablets at once
ONGOING_USE = re.compile(r"\b(?:kept|keep|keeps|kept\s+on|carried\s+on|carry\s+on|carrying\s+on|still|been|continued?"
                         r"|continuing|remember(?:ed)?\s+to|forgot\s+to|stopped|stop)(?:\s+(?:taking|take|on))?\s*$")
ALL_MY = re.compile(r"(?:(?:take|taking|took)\s+)?all\s+(?:my|of\s+my|the)\s+(?:tablets|pills|paracetamol|medication|medicines?)")


def ongoing_use_before(low: str, start: int) -> bool:
    """Whether the words just before `start` say ordinary, ongoing use ('kept taking', 'still on')."""
    return bool(ONGOING_USE.search(low[max(0, start - 40):start]))


def all_my_is_ordinary(low: str, start: int) -> bool:
    """'(taking) all my pills' at `start` after words of ongoing use: the usual medicines, not an overdose."""
    return bool(ALL_MY.match(low, start)) and ongoing_use_before(low, start)


def overdose_cue(low: str) -> bool:
    """Whether lower-case text says more than ordinary use of a medicine."""
    for m in _CUES.finditer(low):
        if all_my_is_ordinary(low, m.start()):
            continue
        return True
    for m in _AMOUNT.finditer(low):
        n = _COUNT_WORDS.get(m.group(1)) or (int(m.group(1)) if m.group(1).isdigit() else 0)
        if n > 8:
            return True
    return any(float(m.group(1)) > 4 for m in _GRAMS.finditer(low))
