"""`literature ask` against the paper's own numbers: a "yes" must agree with the parsed primary result.

Why: the answer models read the conclusion's words, so a hedged or upbeat conclusion over a null trial ("RR 0.91,
95% CI 0.78 to 1.06"; "4 of 90 vs 2 of 90, p = 0.68") was answered "yes". A non-significant primary result does not
support "yes": it is "no", or "maybe" when a secondary result of the paper is significant (mixed results). The
significance of a result is numbers.significant (p-value, else the CI against no effect): one home.

The results are the parsed effects and group-rate comparisons of the results (and conclusion) sentences (a p-value
alone, "did not differ (p = 0.68)", is off: on dev it turned 4 right "yes" answers wrong, BARE_P_VALUES). The
check applies to questions about an effect or an association only (answer_cues effect_question). The primary result is the first
of a sentence that names the primary outcome; else the one of the results sentence closest in meaning to the
question (the result the question is about). A question
whose "yes" is itself a null result (equivalence, non-inferiority, "as effective as", "safe") is left alone.

Session 16 (docs/evals/literature-s16): a primary result the authors do not name is a guess; when another result
is significant the "yes" stands (mixed results give "maybe" only when the null result is the named primary one)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from medcore.literature.model import Effect, Sentence
from medcore.literature.number_forms import normalise
from medcore.literature.numbers import extract_effects, parse_p, significant

_PRIMARY = re.compile(r"\bprimary\s+(?:efficacy\s+)?(?:outcome|end\s?-?point|measure)", re.IGNORECASE)
RESULT_ROLES = ("results", "conclusions")
BARE_P_VALUES = False  # a switch for measuring (docs/evals/literature-s15b), not a setting


@dataclass
class NumbersCheck:
    answer: str  # the answer the numbers allow: "no" or "maybe"
    why: str  # in words, for the evidence list
    sentence_idx: int


def _results(sentences: list[str], roles: list[str]) -> list[Effect]:
    idx = [i for i, r in enumerate(roles) if r in RESULT_ROLES] or list(range(len(sentences)))
    out: list[Effect] = []
    for i in idx:
        found = [e for e in extract_effects(Sentence(i, sentences[i], 0, len(sentences[i]))) if significant(e) is not None]
        if not found and BARE_P_VALUES:
            # "Retention did not differ between the groups (p = 0.68)": a result reported by its p-value alone
            found = [Effect("comparison", None, p_value=v, p_relation=rel, p_text=written, sentence_idx=i, span=(a, b))
                     for a, b, v, rel, written in parse_p(normalise(sentences[i]))[:1]]
        out.extend(found)
    return out


def primary_result(sentences: list[str], roles: list[str], sims) -> tuple[Effect | None, list[Effect], bool]:
    """(the primary result, the other results, whether the authors named it primary), each with a known
    significance. `sims[i]`: sentence i's similarity to the question."""
    effects = _results(sentences, roles)
    if not effects:
        return None, [], False
    named = [e for e in effects if _PRIMARY.search(sentences[e.sentence_idx])]
    primary = named[0] if named else max(effects, key=lambda e: (float(sims[e.sentence_idx]), -e.sentence_idx))
    return primary, [e for e in effects if e is not primary], bool(named)


def check_yes(question: str, sentences: list[str], roles: list[str], sims, cues: dict) -> NumbersCheck | None:
    """What a "yes" must become when the primary result is not significant (None: the numbers allow "yes")."""
    null_yes, effect = cues.get("no_difference_question"), cues.get("effect_question")
    if (null_yes is not None and null_yes.search(question)) or (effect is not None and not effect.search(question)):
        return None
    primary, others, named = primary_result(sentences, roles, sims)
    if primary is None or significant(primary) is not False:
        return None
    shown = _shown(primary)
    if any(significant(e) for e in others):
        if not named:
            # the result closest to the question is only a guess at the primary one: with another result
            # significant, the words' "yes" may be about that one (session 16: on train, 3 of 3 such "yes" -> "maybe"
            # answers were wrong, the experts said yes)
            return None
        return NumbersCheck("maybe", f"primary result not significant ({shown}) while another result is",
                            primary.sentence_idx)
    return NumbersCheck("no", f"primary result not significant ({shown})", primary.sentence_idx)


def _shown(e: Effect) -> str:
    parts = []
    if e.value is not None:
        parts.append(f"{e.measure} {e.value:g}")
    if e.ci_low is not None:
        parts.append(f"CI {e.ci_low:g} to {e.ci_high:g}")
    if e.p_text:
        parts.append(e.p_text)
    return ", ".join(parts)
