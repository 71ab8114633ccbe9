"""Sequence smoothing of sentence roles (session 12): a first-order transition model over the five roles, counted
from the training abstracts' author labels, and a Viterbi decode that weighs it against the classifier.

Structured abstracts follow an order (background -> objective -> methods -> results -> conclusions), but not a
strict one: a methods paragraph may follow background directly, and authors' conclusions sometimes come back to a
result. `role_net.monotone_decode` forbids every step back and cost accuracy (0.875 -> 0.872 on dev); here each
step has the log-probability it has in the training labels, scaled by `weight`, plus how abstracts start and end.
The classifier's BiGRU already reads the neighbours, so the weight is below 1: the transitions only break near
ties (a lone "results" sentence inside conclusions, an intro that flips between background and objective).

Counting skips unlabelled sentences (their neighbours are joined), so a compound heading does not break a run.
Pure functions over lists; no torch."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass

WEIGHT = 0.5  # chosen on dev from 0.3 / 0.5 / 1.0 (docs/evals/literature-s12); 0 = argmax


@dataclass
class Transitions:
    roles: list
    start: list  # log P(first labelled role)
    trans: list  # trans[i][j] = log P(next role j | role i)
    end: list  # log P(last labelled role)
    weight: float = WEIGHT
    abstracts: int = 0  # how many label sequences were counted

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict | None) -> "Transitions | None":
        if not d:
            return None
        t = cls(list(d["roles"]), list(d["start"]), [list(r) for r in d["trans"]], list(d["end"]),
                float(d.get("weight", WEIGHT)), int(d.get("abstracts", 0)))
        r = len(t.roles)
        if len(t.start) != r or len(t.end) != r or len(t.trans) != r or any(len(row) != r for row in t.trans):
            raise ValueError("transition table does not match its roles")
        return t


def _log_norm(counts: list[float]) -> list[float]:
    total = sum(counts)
    return [math.log(c / total) for c in counts]


def count(label_seqs, roles: list[str], weight: float = WEIGHT, smoothing: float = 1.0) -> Transitions:
    """Transition, start and end log-probabilities from label sequences (None = unlabelled, skipped); add-one
    smoothing so an order never seen in training stays possible."""
    idx = {r: i for i, r in enumerate(roles)}
    n = len(roles)
    start, end = [smoothing] * n, [smoothing] * n
    trans = [[smoothing] * n for _ in range(n)]
    used = 0
    for seq in label_seqs:
        labs = [idx[x] for x in seq if x in idx]
        if not labs:
            continue
        used += 1
        start[labs[0]] += 1
        end[labs[-1]] += 1
        for a, b in zip(labs, labs[1:]):
            trans[a][b] += 1
    return Transitions(list(roles), _log_norm(start), [_log_norm(row) for row in trans], _log_norm(end),
                       weight, used)


def viterbi(logprobs, t: Transitions) -> list[int]:
    """The role index sequence maximising sum(log p_classifier) + weight * (start + transitions + end).
    logprobs: (n, R) nested lists or an array."""
    n = len(logprobs)
    if n == 0:
        return []
    r = len(t.roles)
    w = t.weight
    best = [float(logprobs[0][j]) + w * t.start[j] for j in range(r)]
    back: list[list[int]] = []
    for i in range(1, n):
        row, arg = [], []
        for j in range(r):
            k = max(range(r), key=lambda a: best[a] + w * t.trans[a][j])
            arg.append(k)
            row.append(best[k] + w * t.trans[k][j] + float(logprobs[i][j]))
        back.append(arg)
        best = row
    j = max(range(r), key=lambda a: best[a] + w * t.end[a])
    path = [j]
    for arg in reversed(back):
        j = arg[j]
        path.append(j)
    return path[::-1]
