"""The introduction block of an abstract decided as a whole (session 26b, issue 15). Studied, NOT used by the
reader: every variant lowered dev-tune against the authors' headings and the sentence-level gold
(docs/evals/literature-s26b); kept beside the study scripts (not in the package) so that the study can be rerun.

Journals write the opening of a structured abstract under one of three conventions: BACKGROUND then OBJECTIVE
(context is background, the aim is objective), BACKGROUND only (context and aim both background), or OBJECTIVE /
PURPOSE / AIM only (context and aim both objective). A per-sentence classifier with a first-order decode mixes
them inside one abstract. Here the block of sentences the sequence decode called background or objective, before
the first sentence of any other role, is given one of its legal structures: all background, all objective, or
background for the first k sentences and objective after. A multinomial logistic regression gives each convention
a probability from the block's features (its length, whether and where an aim statement is, how the aim is worded,
whether the methods are written as JAMA-style labels, the classifier's own lean), and the structure with the most
sentences expected right is taken. The weights are learned on the training split only
(docs/evals/literature-s26b/fit_structure.py); pure functions, no torch."""

from __future__ import annotations

import math
import re

# an aim written as a bare infinitive ("To assess whether ..."): the OBJECTIVE-heading style (CONSORT for abstracts);
# one home for the pattern, intro_roles
from medcore.literature.intro_roles import _TO_AIM as _INFINITIVE

INTRO = ("background", "objective")
# an aim told in the first person ("We aimed to", "Our objective was"): prose introductions
_FIRST_PERSON = re.compile(r"\b(?:we|our)\b", re.IGNORECASE)
# an aim told as the study's purpose ("The aim of this study was ...", "Our objective was ...")
_AIM_NOUN = re.compile(r"\b(?:aims?|purposes?|objectives?|goals?)\b", re.IGNORECASE)
# an aim told as a hypothesis or as following from the context ("We therefore hypothesised ...")
_LINKED = re.compile(r"\b(?:hypothes[a-z]+|therefore|thus|hence)\b", re.IGNORECASE)
# a methods sentence written as a label, not a clause (a JAMA-style DESIGN / SETTING / PATIENTS paragraph): a few
# words with no finite verb form of the kinds abstracts use
_VERB = re.compile(r"\b(?:was|were|is|are|had|has|have|been|did|do|does|\w+ed)\b", re.IGNORECASE)


def block_length(roles: list[str]) -> int:
    """How many leading sentences the decode called background or objective."""
    n = 0
    while n < len(roles) and roles[n] in INTRO:
        n += 1
    return n


def structures(n: int) -> list[int]:
    """Legal structures of a block of n sentences, each as k = how many leading sentences are background:
    k = n all background, k = 0 all objective, 0 < k < n background then objective."""
    return list(range(n, -1, -1)) if n else []


def labels_of(k: int, n: int) -> list[str]:
    return ["background"] * k + ["objective"] * (n - k)


def _label_like(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= 8 and not _VERB.search(text)


def abstract_cues(texts: list[str], n: int, aims: list[bool]) -> dict[str, float]:
    """Facts of the abstract that do not depend on the structure: where the first aim statement is in the block,
    how it is worded, and whether the methods that follow are written as labels."""
    first = next((i for i in range(n) if aims[i]), None)
    rest = texts[n:n + 6]
    return {"aim": first is not None, "first_aim": -1 if first is None else first,
            "infinitive": first is not None and bool(_INFINITIVE.search(texts[first])),
            "first_person": first is not None and bool(_FIRST_PERSON.search(texts[first])),
            "aim_noun": first is not None and bool(_AIM_NOUN.search(texts[first])),
            "linked": first is not None and bool(_LINKED.search(texts[first])),
            "question": any("?" in t for t in texts[:n]),
            "ctx_words": sum(len(t.split()) for t in texts[:n - 1]) / max(1, n - 1),
            "labels": sum(_label_like(t) for t in rest) >= 1}


KINDS = ("B", "O", "S")  # all background, all objective, background then objective
FEATURES = ("logn", "one", "aim", "aim_first", "aim_last", "infinitive", "first_person", "aim_noun", "linked",
            "question", "ctx_words", "labels", "ctx_logodds", "last_logodds")


def split_point(n: int, cues: dict, decoded: list[str]) -> int:
    """Where a background-then-objective block turns: at its first aim statement, else where the decode turned,
    else before the last sentence."""
    if cues["aim"] and 0 < cues["first_aim"] < n:
        return cues["first_aim"]
    k = 0
    while k < n and decoded[k] == "background":
        k += 1
    return k if 0 < k < n else max(1, n - 1)


def convention_features(n: int, cues: dict, lb: list[float], lo: list[float]) -> list[float]:
    """What tells the journal's convention: the block's length, the aim statement (whether, where, how it is
    worded), JAMA-style label methods, and the classifier's own lean (objective minus background log-probability:
    mean over the sentences before the last, and the last)."""
    ctx = [o - b for b, o in zip(lb[:n - 1], lo[:n - 1])]
    return [math.log(n), float(n == 1), float(cues["aim"]), float(cues["aim"] and cues["first_aim"] == 0),
            float(cues["aim"] and cues["first_aim"] == n - 1), float(cues["infinitive"]), float(cues["first_person"]),
            float(cues["aim_noun"]), float(cues["linked"]), float(cues["question"]), cues["ctx_words"] / 20.0,
            float(cues["labels"]), sum(ctx) / len(ctx) if ctx else 0.0, lo[n - 1] - lb[n - 1]]


def convention_probs(x: list[float], params: dict) -> dict[str, float]:
    """Softmax of a multinomial logistic regression (params: intercept and coef per kind, fitted on train)."""
    scores = {kind: params["intercept"][i] + sum(w * v for w, v in zip(params["coef"][i], x))
              for i, kind in enumerate(params["kinds"])}
    top = max(scores.values())
    exp = {k: math.exp(v - top) for k, v in scores.items()}
    total = sum(exp.values())
    return {k: v / total for k, v in exp.items()}


def renormalised(probs: list[list[float]], roles: list[str], n: int) -> tuple[list[float], list[float]]:
    """log P(background) and log P(objective), renormalised over the two, for the block's sentences."""
    jb, jo = roles.index("background"), roles.index("objective")
    lb, lo = [], []
    for row in probs[:n]:
        b, o = max(row[jb], 1e-9), max(row[jo], 1e-9)
        lb.append(math.log(b / (b + o)))
        lo.append(math.log(o / (b + o)))
    return lb, lo


def best_structure(n: int, kind_probs: dict[str, float], k_split: int) -> int:
    """The structure with the most sentences expected right (minimum Bayes risk): each convention gives one
    labelling of the block, weighed by its probability. A hedge falls out by itself: with background and
    objective journals equally likely, context is background and the aim objective."""
    truth = {"B": labels_of(n, n), "O": labels_of(0, n), "S": labels_of(k_split, n)}

    def expected(k: int) -> float:
        mine = labels_of(k, n)
        return sum(p * sum(a == b for a, b in zip(mine, truth[kind])) for kind, p in kind_probs.items())

    return max(structures(n), key=expected)


def decide(texts: list[str], probs: list[list[float]], roles: list[str], decoded: list[str], aims: list[bool],
           params: dict) -> list[str]:
    """`decoded` with its introduction block replaced by the structure expected to be most right; other roles
    unchanged."""
    n = block_length(decoded)
    if n == 0:
        return list(decoded)
    cues = abstract_cues(texts, n, aims)
    lb, lo = renormalised(probs, list(roles), n)
    kind_probs = convention_probs(convention_features(n, cues, lb, lo), params)
    if n == 1:
        kind_probs.pop("S", None)
    return labels_of(best_structure(n, kind_probs, split_point(n, cues, decoded)), n) + list(decoded[n:])
