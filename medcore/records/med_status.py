"""A medication mention's status from the words around it (issue 11): a status word in brackets ("(held)"), a
status verb shortly before the drug ("Stop amlodipine") or right after it past auxiliaries and modals ("enalapril
has now been discontinued", "warfarin needs to be stopped"), a drug replaced by another, a course that turns later
("begun on admission but later discontinued"). The status words are data: `status` in assets/kb/records/rules.yaml.
Moved out of records/meds.py (session 12) to keep that module small."""

from __future__ import annotations

import re

from medcore.records.measure import NUM as _NUM
from medcore.records.med_switch import replaced

_PAREN_STATUS = re.compile(r"\((new|continued|changed|stopped|started|increased|decreased|reduced|held|unchanged)\b",
                           re.I)
_STATUS_MAP = {"new": "started", "increased": "changed", "decreased": "changed", "reduced": "changed",
               "held": "stopped", "unchanged": "continued"}
_TURN = re.compile(r"\b(?:but|later|subsequently)\b", re.I)

# status words that speak of the drug only right before it ("since coming off tamsulosin", "quit aspirin"; "refused
# surgery and takes aspirin" leaves aspirin current)
_ADJACENT_ONLY = {"quit", "off", "failed", "refused", "refuses", "ran out of", "run out of", "not getting",
                  "not been getting", "not been taking", "not been given", "not to take", "not to use", "not want to take",
                  "not want to use", "declined to take", "declined to start"}
_ADJACENT_GAP = re.compile(r"\s*(?:(?:the|his|her|their|all|of|taking)\s+)?", re.I)
# the auxiliaries and modals between a drug and its status word: "has now been", "needs to be", "should be"
_AUX = re.compile(r"^[\s,;]*(?:(?:is|was|were|are|has|have|had|been|being|to|be|will|now|then|it|them|"
                  r"needs?|should|must|would|can|may)\s+){0,4}", re.I)


def med_status(s: str, d: re.Match, window: str, m, section: str) -> str:
    p = _PAREN_STATUS.search(window)
    if p:
        word = p.group(1).lower()
        return _STATUS_MAP.get(word, word)
    if replaced(s, d.start(), d.end(), m):
        return "stopped"
    # a status verb shortly before the drug ("Stop amlodipine", "increase atorvastatin to 40 mg"),
    # or right after it ("Ibuprofen discontinued")
    before = s[max(0, d.start() - 30):d.start()]
    # after it, past a comma and auxiliaries: "apixaban has been on hold", "enalapril has now been discontinued"
    after = _AUX.sub("", window[:45], count=1)
    best = None
    for name, pat in m.status:
        for hit in pat.finditer(before):
            dist = len(before) - hit.end()
            if re.sub(r"\s+", " ", hit.group().lower()) in _ADJACENT_ONLY and not _ADJACENT_GAP.fullmatch(before[hit.end():]):
                continue  # "quit smoking and takes aspirin": aspirin goes on
            if best is None or dist < best[0]:
                best = (dist, name)
        hit = pat.match(after)
        if hit and (best is None or best[0] > 0):
            best = (0, name)
    stopped = dict(m.status).get("stopped")
    turn = _TURN.search(window)
    if stopped is not None and turn and stopped.search(window[turn.end():turn.end() + 40]):
        return "stopped"  # "were begun on admission but were discontinued"
    if best:
        return best[1]
    if re.search(r"\b(?:to|from)\s+" + _NUM + r"\s*\w+", window[:40]) and re.search(r"\b(increase|decrease|reduce|change)",
                                                                                      s, re.I):
        return "changed"
    return ""
