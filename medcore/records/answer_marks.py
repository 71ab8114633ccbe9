"""A problem answered after its name, or marked by a sign, in a review-of-systems style line (issue 11, session 28).

ConText (medcore/knowledge/assertions.py) reads a denial before the problem ("denies chest pain") and a checklist
answer after a colon ("Headache: none"). Notes also answer after the name with no colon or with a dash, and mark
items with plus and minus signs:
- "Low back pain denied.", "Chest pain: denies.", "Fever - none.", "Nausea and vomiting denied." (a denial that ends
  its clause right after the problem, or after a run of problems joined by "and" / "or"; a colon or dash form is a
  checklist and runs back over commas too: "Fever, chills - none");
- "+ nausea, - vomiting", "(+) cough (-) fever", "nausea +, vomiting -": each item takes its own sign.
Only the item the answer or sign belongs to is read: "He has fever, nausea denied" denies the nausea only; a denial
that goes on ("denies radiation", "no chills") is ConText's. A minus is a sign only in a line that is a sign list:
one with a plus sign too, or a bracketed (-); a lone dash ("Diarrhea - vomiting started yesterday") or a bulleted
problem list ("- Hypertension - Diabetes") is no answer."""

from __future__ import annotations

import re

# the answer itself, ending its clause: "denied", "is denied", "none", "negative", "no" (after a colon or dash only)
_DENIAL = r"(?:(?:is|was|were|are)\s+)?(?:denied|denies|deny)(?:\s+by\s+(?:the\s+)?(?:patient|pt|parents?))?"
_CHECK_ANSWER = r"(?:none|nil|negative|neg|no|denied|denies|deny|not\s+present)"
_END = r"(?=\s*+(?:[.,;)]|$|(?:and|but)\b))"
# right after the mention: a bare denial ("Low back pain denied.") or a checklist answer after a colon or dash
_AFTER = re.compile(rf"(?<!\s)\s*+(?:(?P<bare>{_DENIAL}|negative)|(?:[:]|\s[-\u2013]+|[-\u2013]+\s)\s*+{_CHECK_ANSWER}){_END}", re.I)
# (each opens only after a non-blank, as they are matched right after a mention: a run of blanks is not rescanned)
# what may join the problems that one answer covers: "and", "or", "/" (bare form); commas too in a checklist
_JOIN_BARE = re.compile(r"(?<!\s)(?:\s*+(?:,\s*+)?(?:and|or|&|/)\s*+|\s*+/\s*+)", re.I)
_JOIN_LIST = re.compile(r"(?<!\s)\s*+(?:,\s*+(?:and\s+|or\s+)?|(?:and|or|&)\s+|/\s*+)", re.I)

# a sign before an item ("+ nausea", "(-) fever", "-fever"): at the line's start or after a blank, comma, semicolon,
# colon or bracket, so a grade ("2+ edema") is not one; after an item ("nausea +", "fever (-)", "cough -ve")
_SIGN = r"(?:\(\s?[+-]\s?\)|[+-](?:ve\b)?)"
_PREFIX = re.compile(rf"(?:^|(?<=[\s,;:(]))(?P<sign>{_SIGN})\s?(?=[A-Za-z])")
_SUFFIX = re.compile(rf"(?<=[A-Za-z)])\s?(?P<sign>{_SIGN}){_END}")
_ITEM_BREAK = re.compile(r"[,;.]")
# a sign told as one item of a comma- or semicolon-separated list: ", + cough", "fever (-);"
_LISTED = re.compile(rf"[,;]\s?{_SIGN}\s?(?=[A-Za-z])|(?<=[A-Za-z)])\s?{_SIGN}\s?[,;]")


def assertion(s: str, start: int, end: int, spans: list[tuple[int, int]]) -> str | None:
    """'negated' when the problem at [start, end) of sentence `s` is answered no after its name or carries a minus
    sign in a sign list; None when these marks say nothing (ConText decides). `spans`: every problem mention of the
    sentence (the run of problems one answer covers)."""
    if _answered_no(s, end, spans):
        return "negated"
    return _signed(s, start, end)


def _answered_no(s: str, end: int, spans: list[tuple[int, int]]) -> bool:
    later = sorted((a, b) for a, b in spans if a >= end)
    pos, joined_by_comma = end, False
    while True:
        m = _AFTER.match(s, pos)
        if m:
            # a comma-joined run is a checklist: only a colon or dash answer covers it, not a bare "denied"
            return not (joined_by_comma and m.group("bare"))
        j = _JOIN_LIST.match(s, pos)
        nxt = next(((a, b) for a, b in later if j and a == j.end()), None)
        if nxt is None:
            return False
        joined_by_comma = joined_by_comma or not _JOIN_BARE.fullmatch(s[pos:nxt[0]])
        pos = nxt[1]


def _signed(s: str, start: int, end: int) -> str | None:
    # review fix (rec28fix): only the mention's own line is its sign list ("Symptoms: + fever\n- Asthma": the bullet
    # is no answer), and a minus opening the line is a bullet unless the line goes on as a comma-separated sign list
    # ("- Atrial fibrillation + rate controlled", "- Type 2 diabetes + neuropathy": bullets; "- cough, + fever": signs)
    lo, hi = s.rfind("\n", 0, start) + 1, s.find("\n", end)
    hi = len(s) if hi < 0 else hi
    listed = bool(_LISTED.search(s, lo, hi))
    prefixes = [m for m in _PREFIX.finditer(s, lo, hi)
                if listed or s[lo:m.start()].strip() or not m.group("sign").startswith("-")]
    suffixes = list(_SUFFIX.finditer(s, lo, hi))
    signs = [m.group("sign") for m in prefixes + suffixes]
    if not _is_sign_list(signs):
        return None
    before = [m for m in prefixes if m.end() <= start and not _ITEM_BREAK.search(s, m.end(), start)
              and not any(m.end() <= o.start() < start for o in prefixes)]
    if before:
        return "negated" if "-" in before[-1].group("sign") else None
    after = [m for m in suffixes if m.start() >= end and not _ITEM_BREAK.search(s, end, m.start())]
    if after:
        return "negated" if "-" in after[0].group("sign") else None
    return None


def _is_sign_list(signs: list[str]) -> bool:
    """A line whose minus signs are answers: it has a plus sign too, or a bracketed minus ("(-)")."""
    if not any("-" in g for g in signs):
        return False
    return any("+" in g for g in signs) or any(g.startswith("(") for g in signs)
