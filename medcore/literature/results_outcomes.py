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
# (review s30) "the primary outcome of interest, X, ..." names X
_LABEL = r"(?:the\s+|our\s+)?(?:{rank})\s+(?:efficacy\s+|study\s+)?" + _KIND + r"(?:\s+of\s+interest)?"
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
    # (review s30) not "The primary outcome of the study was X, ...": the general PRIMARY pattern reads X there
    r"^\s*{label}\s+of\s+(?!(?:the|this|our)\s+(?:study|trial)\s+(?:was|were|is|are)\b)" + _NAME + r"\s+" + _RESULT_VERB,
)
_PATTERNS = {rank: [re.compile(f.replace("{label}", _LABEL.replace("{rank}", r)), re.I) for f in _FORMS]
             for rank, r in _RANKS.items()}
# the sentence gives a result: a percentage, a p-value, an interval or a ratio's figures
_FIGURES = re.compile(r"\d\s*%|\bp\s*[<=>≤]|\b9[059]\s*%|\bCI\b|\b(?:ratio|difference)\b[^.;]{0,30}\d", re.I)
# not a name: the study itself ("the primary outcome of this trial"), a figure, a count of people or events
_NOT_A_NAME = re.compile(r"^(?:(?:the|this|our|each|both)\s+)?(?:trial|study|analysis|review|groups?|arms?|patients|"
                         r"participants)\b|^\d|\d\s*%|\b(?:vs|versus|ratio|difference|p)\b"
                         # (review s30) what stands between the commas or in the bracket is often no name: a
                         # discourse word ("The primary outcome, however, did not differ"), the analysis ("adjusted
                         # for age", "(intention-to-treat analysis)", "in the per-protocol population"), a time or a
                         # group ("at 12 months", "in both groups"), the people ("those given X fared better"), a
                         # table or a count ("(Table 2)", "(n = 84 events)"); "overall survival", "all-cause death",
                         # "in-hospital death" and "adjusted mortality" stay names
                         r"|^(?:however|moreover|therefore|thus|overall|again|also|too|nevertheless|nonetheless|notably|"
                         r"importantly|similarly|likewise|furthermore|in\s+contrast|by\s+contrast|in\s+addition|as\s+"
                         r"expected|as\s+hypothesi[sz]ed|surprisingly|unexpectedly|in\s+turn)$"
                         r"|^(?:un)?(?:adjusted|analy[sz]ed|assessed|measured|evaluated|compared|estimated|expressed|"
                         r"calculated|reported|shown|presented|stratified|weighted)(?:$|\s+(?:for|by|with|using|in|on|as|at|"
                         r"from|after|over|per|according)\b)"
                         r"|^(?:at|in|on|among|amongst|by|after|before|within|over|during|for|with|without|from|across|"
                         r"between|when|where|per|under|until|through|throughout)\s"  # never "in-hospital death"
                         r"|^(?:those|people|everyone|all|none|neither|either)\b(?!-)"
                         r"|\b(?:table|figure|fig|appendix|supplement)\b|\bn\s*=|\b(?:intention|intent)[- ]to[- ]treat\b"
                         r"|\bper[- ]protocol\b|\bm?ITT\b|\b(?:analysis|safety|efficacy|treated|study)\s+(?:population|set)\b",
                         re.I)
# (review s30) a relative or an apposition marker before the name: "The primary outcome, which was X, ..."
_LEAD = re.compile(r"^(?:(?:which|that)\s+(?:was|is|were|are)|namely|i\.e\.|that\s+is)\s+", re.I)


def named(s: Sentence, rank: str = "primary") -> tuple[str, bool] | None:
    """(name, plural label) of the outcome of `rank` a results sentence names, or None (no figures, or no such
    label); a plural label ("the primary outcomes (A and B)") holds a list. The name is "" when the label stands in
    a results form with no name ("for the primary outcome of this trial, 12% had died"): read nothing there."""
    if not _FIGURES.search(s.text):
        return None
    for pattern in _PATTERNS[rank]:
        m = pattern.search(s.text)
        if m:
            name = re.sub(r"^(?:the|a|an)\s+", "", _LEAD.sub("", m.group("o").strip()), flags=re.I)
            return ("" if _NOT_A_NAME.search(name) else name), bool(m.group("plural"))
    return None
