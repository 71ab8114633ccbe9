"""Session 26b (issue 15): the introduction block decided as a whole (intro_structure), on own sentences and a
small built-in example. The decode was studied and NOT wired into the reader (it lowered dev-tune against the
authors' headings and the sentence-level gold; docs/evals/literature-s26b), so these tests pin the module's
behaviour, not the reader's."""

from __future__ import annotations

import math

from medcore.literature import intro_structure as ist
from medcore.literature.model import ROLES

B, O, M, R, C = ROLES

# own sentences: two of context, one aim, then methods, results, conclusion
TEXTS = [
    "Night-shift nurses often report poor sleep between consecutive shifts.",
    "Whether a short afternoon nap changes alertness at the start of a shift is unknown.",
    "We therefore examined whether a twenty-minute nap improved reaction times.",
    "Forty nurses were assigned to a nap or to quiet reading before each shift.",
    "Reaction times were 30 ms shorter after the nap (p = 0.02).",
    "A brief nap may help night-shift nurses stay alert.",
]
AIMS = [False, False, True, False, False, False]


def _probs(rows):
    """Full five-role rows from (background, objective) pairs; later sentences are sure of their role."""
    out = []
    for b, o in rows:
        out.append([b, o, 0.0, 0.0, 0.0])
    return out


def test_block_and_structures_are_the_legal_ones():
    assert ist.block_length([B, O, B, M, R]) == 3
    assert ist.block_length([M, B, O]) == 0
    assert ist.structures(3) == [3, 2, 1, 0]
    assert ist.labels_of(1, 3) == [B, O, O]
    assert ist.labels_of(3, 3) == [B, B, B] and ist.labels_of(0, 2) == [O, O]


def test_cues_read_the_aim_and_the_label_style_methods():
    cues = ist.abstract_cues(TEXTS, 3, AIMS)
    assert cues["aim"] and cues["first_aim"] == 2
    assert cues["first_person"] and cues["linked"] and not cues["infinitive"]
    assert not cues["labels"]  # the methods here are clauses
    jama = ["To test whether a nap improves alertness.", "Crossover trial.", "Two urban hospitals.",
            "Forty nurses were randomly assigned."]
    cues = ist.abstract_cues(jama, 1, [True, False, False, False])
    assert cues["infinitive"] and cues["labels"] and cues["first_aim"] == 0


def test_expected_right_hedges_between_conventions():
    # background-only and objective-only journals equally likely: context background, aim objective (the split)
    assert ist.best_structure(3, {"B": 0.45, "O": 0.45, "S": 0.10}, 2) == 2
    # an objective-only journal much likelier: the whole block is objective
    assert ist.best_structure(3, {"B": 0.10, "O": 0.80, "S": 0.10}, 2) == 0
    # a background-only journal much likelier: the aim is background too
    assert ist.best_structure(3, {"B": 0.80, "O": 0.10, "S": 0.10}, 2) == 3


def _params(bias_o: float) -> dict:
    """A hand-made convention model: only the infinitive feature and the intercepts count."""
    j = ist.FEATURES.index("infinitive")
    coef = [[0.0] * len(ist.FEATURES) for _ in range(3)]
    coef[1][j] = 4.0  # an infinitive aim: objective-only journal
    return {"kinds": ["B", "O", "S"], "features": list(ist.FEATURES), "intercept": [0.0, bias_o, 0.0],
            "coef": coef}


def test_decide_replaces_only_the_introduction_block():
    probs = _probs([(0.9, 0.1), (0.6, 0.4), (0.3, 0.7), (0, 0), (0, 0), (0, 0)])
    decoded = [B, O, O, M, R, C]  # a mixed block as a per-sentence decode may give
    out = ist.decide(TEXTS, probs, list(ROLES), decoded, AIMS, _params(0.0))
    assert out[3:] == [M, R, C]
    assert out[:3] == [B, B, O]  # no convention sure: the split at the aim
    sure_o = ist.decide(TEXTS, probs, list(ROLES), decoded, AIMS, _params(3.0))
    assert sure_o[:3] == [O, O, O]


def test_infinitive_aim_alone_reads_objective():
    texts = ["To test whether a brief nap improves alertness in night-shift nurses.",
             "Forty nurses were assigned to a nap or to reading."]
    probs = _probs([(0.6, 0.4), (0, 0)])
    out = ist.decide(texts, probs, list(ROLES), [B, M], [True, False], _params(-1.0))
    assert out == [O, M]
    # the same block without the infinitive cue keeps background (intercept leans background)
    texts2 = ["Little is known about naps before night shifts.", texts[1]]
    assert ist.decide(texts2, probs, list(ROLES), [B, M], [False, False], _params(-1.0)) == [B, M]


def test_convention_probabilities_sum_to_one_and_follow_the_features():
    cues = ist.abstract_cues(TEXTS, 3, AIMS)
    lb, lo = ist.renormalised(_probs([(0.9, 0.1), (0.6, 0.4), (0.3, 0.7)]), list(ROLES), 3)
    assert math.isclose(math.exp(lb[0]) + math.exp(lo[0]), 1.0)
    x = ist.convention_features(3, cues, lb, lo)
    assert len(x) == len(ist.FEATURES)
    p = ist.convention_probs(x, _params(0.0))
    assert math.isclose(sum(p.values()), 1.0) and set(p) == {"B", "O", "S"}
