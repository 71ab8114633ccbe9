"""The question chooser's arithmetic (issue 12, batch speed): information gain and the red-flag weights are
computed from per-KB tables built once, not from (conditions x findings) powers and logs on every call. Same
numbers as the direct formula; at least twice as fast as it, measured in the same process."""

from __future__ import annotations

import time

import numpy as np

from medcore.triage import engine as bayes
from medcore.triage.kb import LEVEL_RANK


def _direct_gain(kb, post, temper, temper_absent):
    def ent(p, axis=0):
        with np.errstate(divide="ignore", invalid="ignore"):
            return -np.where(p > 0, p * np.log2(p), 0.0).sum(axis=axis)
    p_yes = post @ kb.lik
    jy = post[:, None] * kb.lik ** temper
    jn = post[:, None] * (1 - kb.lik) ** temper_absent
    return ent(post) - (p_yes * ent(jy / jy.sum(axis=0), axis=0) + (1 - p_yes) * ent(jn / jn.sum(axis=0), axis=0))


def _direct_red_flags(kb, post):
    w = np.zeros(len(kb.findings))
    for ci, c in enumerate(kb.conditions):
        if LEVEL_RANK[c.triage] <= 1:
            for fid in c.red_flags:
                w[kb.finding_index[fid]] += post[ci]
    return w


def _posteriors(kb, n=20):
    rng = np.random.default_rng(0)
    out = [np.full(len(kb.conditions), 1 / len(kb.conditions))]
    for _ in range(n):
        p = rng.dirichlet(np.full(len(kb.conditions), 0.05))
        p[rng.random(len(p)) < 0.3] = 0.0  # underflowed conditions
        out.append(p / p.sum())
    return out


def test_information_gain_matches_the_direct_formula(kb):
    for post in _posteriors(kb):
        for temper, absent in ((0.85, 0.5), (1.0, 1.0)):
            np.testing.assert_allclose(bayes.information_gain(kb, post, temper, absent),
                                       _direct_gain(kb, post, temper, absent), rtol=1e-9, atol=1e-9)
        np.testing.assert_allclose(bayes.serious_red_flag_weight(kb, post), _direct_red_flags(kb, post), atol=1e-12)


def test_question_arithmetic_is_at_least_twice_as_fast_as_the_direct_formula(kb):
    posts = _posteriors(kb, 10)
    bayes.information_gain(kb, posts[0], 0.85, 0.5)  # the tables are built once per KB

    def best(fn, reps=3):
        times = []
        for _ in range(reps):
            t = time.perf_counter()
            for p in posts:
                fn(p)
            times.append(time.perf_counter() - t)
        return min(times)

    direct = best(lambda p: (_direct_gain(kb, p, 0.85, 0.5), _direct_red_flags(kb, p)))
    ours = best(lambda p: (bayes.information_gain(kb, p, 0.85, 0.5), bayes.serious_red_flag_weight(kb, p)))
    assert ours * 2 <= direct, (ours, direct)
