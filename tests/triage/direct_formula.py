"""The question chooser's arithmetic as it was before session 6 (issue 12, batch speed): information gain from
(conditions x findings) powers and logs on every call, red-flag weights by a Python loop. The reference the
table-based engine is checked against (tests/triage/test_engine_speed.py) and timed against
(bench/bench_triage_batch.py)."""

from __future__ import annotations

import numpy as np

from medcore.triage.kb import LEVEL_RANK


def direct_gain(kb, post, temper=0.85, temper_absent=None):
    temper_absent = temper if temper_absent is None else temper_absent

    def ent(p, axis=0):
        with np.errstate(divide="ignore", invalid="ignore"):
            return -np.where(p > 0, p * np.log2(p), 0.0).sum(axis=axis)
    p_yes = post @ kb.lik
    jy = post[:, None] * kb.lik ** temper
    jn = post[:, None] * (1 - kb.lik) ** temper_absent
    return ent(post) - (p_yes * ent(jy / jy.sum(axis=0), axis=0) + (1 - p_yes) * ent(jn / jn.sum(axis=0), axis=0))


def direct_red_flags(kb, post):
    w = np.zeros(len(kb.findings))
    for ci, c in enumerate(kb.conditions):
        if LEVEL_RANK[c.triage] <= 1:
            for fid in c.red_flags:
                w[kb.finding_index[fid]] += post[ci]
    return w
