"""A condition's hallmark: a finding it has most of the time (a heart attack's chest pain). A 'no' to it counts in
full, and the interview's safety net asks it before the forms of it that are the condition's red flags. Session 22
(issue 12): a 72-year-old man who felt faint and denied everything ended in emergency by mass over conditions whose
hallmark was never asked, or was asked and counted at half weight."""

from __future__ import annotations

import numpy as np

from medcore.triage import implied
from medcore.triage.kb import KnowledgeBase

# a "no" to these says how or when, not whether ('did it come on gradually?' answered no is no denied feature); and a
# woman may not know she is pregnant (NICE NG126 offers a test whatever she says), so a "no" there keeps half weight
_NOT_HALLMARK = {"course", "measured", "pregnancy"}


def _hallmark_kind(f) -> bool:
    """Whether a "no" to this finding can count in full: not a course, measurement or pregnancy, nor a finding whose
    denial the KB marks unreliable (`unreliable_no`: confusion, unmeasured fever; review of session 22)."""
    return f.category not in _NOT_HALLMARK and not f.unreliable_no


def absent_exponent(kb: KnowledgeBase, idx: np.ndarray | slice, temper: float, temper_absent: float,
                    hallmark_lik: float) -> np.ndarray | float:
    """The exponent on P(no | c) for the findings `idx`: `temper_absent`, but `temper` where the condition has the
    finding at least `hallmark_lik` of the time (not for a course or a measurement). Halving a "no" guards against
    forgotten or subtle findings; a clear "no" to chest pain is no such finding for a heart attack (P 0.88): at half
    weight it divided the heart attack by 2.9 where the KB's own number says 8.3, so an older person who felt faint
    and denied everything kept several emergencies whose hallmark they had denied (session 22, issue 12)."""
    if hallmark_lik >= 1.0:
        return temper_absent
    cache = kb.__dict__.setdefault("_hallmark_cols", {})
    if cache.get("findings") is not kb.findings:
        cache.update(findings=kb.findings, cols=np.array([_hallmark_kind(f) for f in kb.findings]))
    lik = kb.lik[:, idx]
    return np.where((lik >= hallmark_lik) & cache["cols"][idx][None, :], temper, temper_absent)


def asked_for(kb: KnowledgeBase, ci: int, flag: str, known: set[str], min_lik: float) -> str:
    """What the safety net asks for a red flag: the flag, or the unasked general finding it implies where the condition
    has that at least as often and at least `min_lik` (the net's safety_net_anchor_lik): a heart attack's chest pain
    for its crushing or spreading chest pain, a lung clot's breathlessness for severe breathlessness. A 'no' to chest
    pain rules out each form of it and is the heart attack's hallmark denied; asking only the forms left 'no crushing
    pain' as the one word on the heart attack (session 22, issue 12). A 'yes' brings the flag itself next.
    A course or a measurement is no hallmark here either (_NOT_HALLMARK, as in absent_exponent): the net asked
    labyrinthitis' 'worst headache ever?' as 'did it come on suddenly?', whose 'no' (about the dizziness) then
    ruled out the headache flag unasked (review22)."""
    best, best_lik = flag, max(float(kb.lik[ci, kb.finding_index[flag]]), min_lik)
    for g in sorted(implied.ancestors(kb).get(flag, ())):
        j = kb.finding_index[g]
        if g not in known and kb.listed[ci, j] and _hallmark_kind(kb.findings[j]) \
                and float(kb.lik[ci, j]) >= best_lik:
            best, best_lik = g, float(kb.lik[ci, j])
    return best
