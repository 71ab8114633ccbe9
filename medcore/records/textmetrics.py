"""ROUGE-L (Lin 2004) by longest common subsequence: the narrative's overlap with a reference summary."""

from __future__ import annotations

import re


def lcs_length(a: list[str], b: list[str]) -> int:
    """Length of the longest common subsequence of two token lists (the core of ROUGE-L)."""
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b):
            cur.append(prev[j] + 1 if x == y else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def rouge_l(candidate: str, reference: str) -> float:
    """ROUGE-L F1 over lower-cased word tokens (Lin 2004), by longest common subsequence."""
    c = re.findall(r"\w+", candidate.lower())
    r = re.findall(r"\w+", reference.lower())
    if not c or not r:
        return 0.0
    lcs = lcs_length(c, r)
    if lcs == 0:
        return 0.0
    p, rec = lcs / len(c), lcs / len(r)
    return round(2 * p * rec / (p + rec), 4)
