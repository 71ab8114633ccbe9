"""Session 22 review (issue 12): a "no" the person cannot be relied on to give (confusion, drowsiness, unmeasured
fever) keeps half weight even where the finding is a condition's hallmark; a clear "no" to chest pain still counts in
full. A confused person often does not know it (NICE CG103) and felt fever is no thermometer (NICE NG143)."""

from __future__ import annotations

import numpy as np

from medcore.triage.hallmarks import absent_exponent

KW = {"temper": 0.85, "temper_absent": 0.5, "hallmark_lik": 0.8}


def _exponents(kb, fid):
    j = kb.finding_index[fid]
    return absent_exponent(kb, np.array([j]), **KW)[:, 0], kb.lik[:, j]


def test_unreliable_denials_keep_half_weight_for_every_condition(kb):
    for fid in ("fever", "drowsy", "acute_confusion"):
        assert kb.findings[kb.finding_index[fid]].unreliable_no
        exp, lik = _exponents(kb, fid)
        assert (lik >= 0.8).any(), f"{fid} is no condition's hallmark: the test would prove nothing"
        assert np.all(exp == KW["temper_absent"]), fid


def test_a_reliable_hallmark_still_counts_in_full(kb):
    exp, lik = _exponents(kb, "chest_pain")
    assert not kb.findings[kb.finding_index["chest_pain"]].unreliable_no
    assert np.all(exp[lik >= 0.8] == KW["temper"]) and np.all(exp[lik < 0.8] == KW["temper_absent"])
