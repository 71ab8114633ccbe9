"""Which outcome each effect estimate of a sentence measures, read from the estimate's own clause (session 18).

A sentence often reports several estimates ("Death (HR 0.80, ...) and stroke (HR 0.95, ...) were ..."): each gets
the outcome named in its clause, never the first one's. Searched in order: "risk/rate/odds of X" and "X was lower"
in the clause before the estimate; "... were associated with X" after it (the estimate's exposure is then its
label, not its outcome); the words just before a bracketed estimate when they name no group of people; an earlier
clause of the sentence for its first estimate; the previous estimate's outcome for a list after one measure name
("0.46 (...) at 6 months and 0.52 (...) at 12 months"). Empty when none names it: the card then says "outcome not
stated" rather than borrow one from another sentence."""

from __future__ import annotations

import re

from medcore.literature.model import Effect
from medcore.literature.numwords import NUMBER_WORDS

_OUTCOME_OF = re.compile(
    r"(?:risk|rates?|incidence|odds|hazard|occurrence|likelihood|probability|risks|prevalence|duration|levels?|"
    r"number|proportion|frequency|reduction|increase|change|improvement)s?\s+(?:of|in|for)\s+"
    # (whole words: "within 30 days" does not stop at "with"; a verb of change ends it: "delirium fell after ...")
    r"(?P<o>[a-z][\w\- ,']{2,60}?)(?=\s*(?:\(|,|;|(?:was|were|with|among|by|compared|than|vs|versus|fell|rose|declined|dropped|"
    r"decreased|increased|improved|worsened|differed|did|remained)\b|in\s+(?:the|patients|those|women|men)\b|$))",
    re.IGNORECASE)
_SUBJECT = re.compile(r"(?:^|[;,]\s*)(?P<o>[A-Za-z][\w\- ']{2,60}?)\s+(?:was|were|is|are)\s+(?:significantly\s+|not\s+|also\s+)?"
                      r"(?:lower|higher|reduced|increased|decreased|improved|similar|greater|shorter|longer|better|worse|more|less|"
                      r"fewer|rarer|commoner)"
                      r"|(?:^|[;,:]\s*)(?P<o2>[A-Za-z][\w\- ']{2,40}?)\s+(?:occurred|developed|was\s+reported|were\s+reported)",
                      re.IGNORECASE)
# the words that tie an exposure to its outcome, and the outcome after them (one home for both readings below)
_ASSOCIATED_WITH = (r"(?:associated\s+with|predictors?\s+of|risk\s+factors?\s+for|linked\s+to)\s+(?:an?\s+|the\s+)?"
                    r"(?:(?:increased|higher|greater|lower|reduced|decreased)\s+)?(?:risks?\s+of\s+)?(?P<o>[A-Za-z][\w\- ']{2,60}?)")
# "... (OR 2.1) and obesity (OR 1.8) were associated with relapse": the outcome comes after the estimates
_ASSOCIATED_AFTER = re.compile(
    r"\b(?:was|were|is|are)\s+(?:independently\s+|significantly\s+|also\s+)?" + _ASSOCIATED_WITH
    + r"(?=\s*(?:[(\[,;.]|$|\bin\b|\bamong\b|\bafter\b))", re.IGNORECASE)
# "Current smoking was associated with hip fracture (OR ...)": the outcome right before the estimate (session 24b)
_ASSOCIATED_BEFORE = re.compile(r"\b" + _ASSOCIATED_WITH + r"(?=\s*[(\[]\s*(?:adjusted\s+)?$)", re.IGNORECASE)
# words before a bracketed estimate that name people or an arm, not what was measured
_GROUP_WORDS = re.compile(r"\b(?:groups?|arms?|cohorts?|patients|participants|subjects|users|controls?|placebo|those|"
                          r"receiving|received|treated|given|women|men|children|adults)\b", re.IGNORECASE)
_VERB = re.compile(r"\b(?:was|were|is|are|had|did)\b", re.IGNORECASE)
_LABEL_STOP = frozenset("""a an the had has have with of in for to be were was is are more less higher lower greater
increased decreased reduced significantly likely associated only two three both also among than and or""".split())


_TAIL = re.compile(r"(?<!\s)\s+(?:occurred|developed|was|were|is|are|did|compared|versus|vs)\b")
_LEAD = re.compile(r"^(?:the|a|an|overall|all|(?:independent\s+)?predictors?\s+of|risk\s+factors?\s+for)\s+", re.IGNORECASE)
_END_WORD = re.compile(r"(?<!\s)\s+(?:in|of|for|at|with|among|by|the|a|an|and|or)$", re.IGNORECASE)


def _clean(o: str) -> str:
    """The outcome's words: no article or "predictor of" before, no verb clause or dangling word after ("motor
    function occurred in" -> "motor function"), and nothing when only people are named ("those")."""
    o = _LEAD.sub("", o.strip(" ,;"))
    cut = _TAIL.search(o)
    o = o[:cut.start()] if cut else o
    while _END_WORD.search(o):
        o = _END_WORD.sub("", o)
    return "" if re.fullmatch(r"(?:those|patients|participants|subjects|they|it|this|these|groups?)", o.strip(), re.I) \
        else o.strip(" ,;")


def outcome_of(text: str, pos: int) -> str:
    """The outcome named before `pos` in `text`: the nearest 'risk of X', else the last 'X was lower'."""
    head = text[:pos]
    best = ""
    for m in _OUTCOME_OF.finditer(head):
        best = m.group("o")
    if not best and (m := _ASSOCIATED_BEFORE.search(head)):
        best = m.group("o")
    if not best:
        for m in _SUBJECT.finditer(head):
            best = m.group("o") or m.group("o2")
    return _clean(best)


def label_of(text: str, pos: int) -> str:
    """The words just before an estimate written in brackets: 'night shift work (OR 1.7, ...)' -> 'night shift work';
    'had a higher readmission (adjusted OR 1.42 ...)' -> 'readmission'. Empty when the estimate is not bracketed."""
    head = text[:pos].rstrip()
    head = re.sub(r"(?:adjusted|multiple-adjusted|unadjusted)\s*$", "", head, flags=re.I).rstrip()
    if not head.endswith(("(", "[")):
        return ""
    clause = re.split(r"[,;:(\[]|\band\b|\bor\b|\bvs\.?|\bversus\b", head[:-1])[-1]
    words = re.findall(r"[A-Za-z][\w'\-]*|\d[\w\-]*", clause)[-6:]
    while words and words[0].lower() in _LABEL_STOP:
        words = words[1:]
    if any(w.isdigit() for w in words) or (words and NUMBER_WORDS.fullmatch(words[0])):
        return ""  # the tail of a group rate ("30.8% given placebo (OR ..."), not a name
    return " ".join(words)


def _clause_start(text: str, lo: int, hi: int) -> int:
    """Where the estimate's clause starts: after the last ';' between `lo` and `hi` outside brackets."""
    depth, start = 0, lo
    for i in range(hi):
        c = text[i]
        if c in "([":
            depth += 1
        elif c in ")]":
            depth = max(0, depth - 1)
        elif c == ";" and depth == 0 and i >= lo:
            start = i + 1
    return start


# a verb inside a label: its subject is what was measured ("stroke rates did not differ"), or, after a verb that
# takes an object, the object is ("exercise reduced pain", "the gel group had ulcers")
_LABEL_VERB = re.compile(r"(?<!\s)\s+(?P<v>did|does|was|were|is|are|differed|remained|fell|rose|showed|had|has|have|reduced|"
                         r"increased|improved|lowered|decreased|prevented|shortened|prolonged|caused)\b", re.IGNORECASE)
_TAKES_OBJECT = frozenset("had has have reduced increased improved lowered decreased prevented shortened prolonged caused".split())


def _as_outcome(label: str) -> str:
    """What a label says was measured: 'stroke rates did not differ' -> 'stroke rates', 'gel group had ulcers'
    -> 'ulcers'; '' when it names only people or an arm, or is a stray word."""
    verb = _LABEL_VERB.search(label)
    if verb:
        before, after = label[:verb.start()], re.sub(r"^\s*\w+\s+(?:not\s+)?", "", label[verb.start():])
        label = after if verb.group("v").lower() in _TAKES_OBJECT or _GROUP_WORDS.search(before) else before
    return "" if len(label) < 3 or _GROUP_WORDS.search(label) else _clean(label)


# "the relative risks of 2-year readmission were 1.4 (...)": the outcome named between the measure and its value
_INSIDE = re.compile(r"[A-Za-z\- ]{0,40}?(?:ratios?|risks?|differences?|odds)\s+(?:of|for|in)\s+(?P<o>[A-Za-z0-9][\w\- ,']{2,80}?)"
                     r"\s+(?:was|were|is|are)\b", re.IGNORECASE)


def assign(text: str, effects: list[Effect]) -> None:
    """Set `outcome` on every estimate of one sentence (`text`, dash-normalised as the spans were read)."""
    prev_end, prev_outcome = 0, ""
    for i, e in enumerate(effects):
        start = e.span[0]
        cs = _clause_start(text, prev_end, start)
        inside = _INSIDE.match(text, start, e.span[1])
        found = _clean(inside.group("o")) if inside else outcome_of(text[cs:start], start - cs)
        exposure = False
        if not found:  # "X (OR 2.1) and Y (OR 1.8) were associated with Z": Z, unless another verb comes first
            after = _ASSOCIATED_AFTER.search(text, e.span[1])
            found = _clean(after.group("o")) if after and not _VERB.search(text, e.span[1], after.start()) else ""
            exposure = bool(found)  # the label before the estimate is then what was exposed, kept beside the outcome
        if not found:
            found = _as_outcome(e.label)
        if not found and i == 0 and cs > 0:
            found = outcome_of(text, start)
        if not found and i > 0 and prev_outcome and _continues(text, start):
            found = prev_outcome
        e.outcome = found
        if found and not exposure:
            e.label = ""  # the outcome says what the estimate is for; the words before it add nothing ("less frequent with")
        prev_end, prev_outcome = e.span[1], found


def _continues(text: str, start: int) -> bool:
    """The estimate has no measure name of its own (its span starts at its value: "... 1.3 (...) at one site and
    1.1 (...)"): it continues the list of the one before, whose outcome it shares."""
    return bool(re.match(r"-?\s?[\d.]", text[start:start + 3]))
