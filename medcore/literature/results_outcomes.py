"""Ranked outcomes named only where their result is given (session 30): "The primary outcome, X, occurred in 8% ...",
"For the primary end point of X, the hazard ratio was ...", "The primary outcome (X) fell more with ...", "The
primary outcome of X occurred in ...". The authors still say which outcome is primary (the dev rule counts stated
outcomes: named primary, or under an outcome heading), only in the results sentence; so the name is the stated
outcome, cut from the figures around it. stated_outcomes reads these sentences only when no other sentence states the
outcome of that rank (a methods sentence, an outcome heading, an unranked "outcome measures were" list win).

A bare "the primary outcome was reached by 30%" or "the hazard ratio for X" names no ranked outcome: not read here
(the "hazard ratio for X" form was tried in session 29 and left out: most abstracts report ratios of unstated
outcomes)."""

from __future__ import annotations

import re

from medcore.literature.model import Sentence

_KIND = r"(?:outcome|end\s?-?point)(?P<plural>s)?(?:\s+(?:measures?|variables?))?"
# the ranked outcome's label: "the primary outcome", "the main end point", "the secondary efficacy outcome"
_LABEL = r"(?:the\s+|our\s+)?(?:{rank})\s+(?:efficacy\s+|study\s+)?" + _KIND
_RANKS = {"primary": r"(?:co-?)?primary|main|principal", "secondary": r"secondary"}
# the name in apposition ("The primary outcome, X, occurred"; "For the primary endpoint, X, the ratio was"), in a
# bracket ("the primary outcome (X) fell"), or after "of" up to the clause's comma or its verb
_NAME = r"(?P<o>[A-Za-z][^,;()]{2,120}?)"
_RESULT_VERB = (r"(?:occurred|was|were|did|differed|fell|rose|decreased|increased|improved|worsened|favou?red|happened|"
                r"developed|showed|reached|declined|changed|remained|is|are)\b")
_FORMS = (
    r"(?:^|\b(?:for|in|on|with|regarding)\s+){label}\s*,\s*" + _NAME + r"\s*,",
    r"(?:^|\b(?:for|in|on|with|regarding)\s+){label}\s*\(\s*" + _NAME + r"\s*\)",
    r"\b(?:for|in|on|with|regarding)\s+{label}\s+of\s+" + _NAME + r"\s*,",
    r"^\s*{label}\s+of\s+" + _NAME + r"\s+" + _RESULT_VERB,
)
_PATTERNS = {rank: [re.compile(f.replace("{label}", _LABEL.replace("{rank}", r)), re.I) for f in _FORMS]
             for rank, r in _RANKS.items()}
# the sentence gives a result: a percentage, a p-value, an interval or a ratio's figures
_FIGURES = re.compile(r"\d\s*%|\bp\s*[<=>≤]|\b9[059]\s*%|\bCI\b|\b(?:ratio|difference)\b[^.;]{0,30}\d", re.I)
# not a name: the study itself ("the primary outcome of this trial"), a figure, a count of people or events
_NOT_A_NAME = re.compile(r"^(?:(?:the|this|our|each|both)\s+)?(?:trial|study|analysis|review|groups?|arms?|patients|"
                         r"participants)\b|^\d|\d\s*%|\b(?:vs|versus|ratio|difference|p)\b", re.I)


def named(s: Sentence, rank: str = "primary") -> tuple[str, bool] | None:
    """(name, plural label) of the outcome of `rank` a results sentence names, or None (no figures, or no such
    label); a plural label ("the primary outcomes (A and B)") holds a list. The name is "" when the label stands in
    a results form with no name ("for the primary outcome of this trial, 12% had died"): read nothing there."""
    if not _FIGURES.search(s.text):
        return None
    for pattern in _PATTERNS[rank]:
        m = pattern.search(s.text)
        if m:
            name = re.sub(r"^(?:the|a|an)\s+", "", m.group("o").strip(), flags=re.I)
            return ("" if _NOT_A_NAME.search(name) else name), bool(m.group("plural"))
    return None
