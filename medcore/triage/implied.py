"""Findings that imply others (findings.yaml `implies`: feeling faint -> dizziness) in the naive-Bayes likelihood.

The chat's closure adds the general finding whenever the specific one is present, so without care a condition that
lists both multiplies in the same light-headedness twice, and a condition listing only the general one pays the full
presenting-complaint penalty for the specific words (engine.log_posterior). Session 21b (issue 12)."""

from __future__ import annotations

import numpy as np

from medcore.triage.kb import KnowledgeBase


def ancestors(kb: KnowledgeBase) -> dict[str, frozenset]:
    """findings.yaml implies, closed: every general finding a specific one implies, directly or through another
    (vertigo on turning the head -> vertigo -> dizziness)."""
    cache = kb.__dict__.setdefault("_implied_ancestors", {})
    if cache.get("implies") is not kb.implies:
        out = {}
        for k in kb.implies:
            seen, todo = set(), list(kb.implies[k])
            while todo:
                g = todo.pop()
                if g not in seen:
                    seen.add(g)
                    todo.extend(kb.implies.get(g, ()))
            out[k] = frozenset(seen)
        cache.clear()
        cache.update(implies=kb.implies, anc=out)
    return cache["anc"]


def explains(kb: KnowledgeBase) -> np.ndarray:
    """(C, F) True where the condition lists the finding or a general finding it implies: a condition that lists
    dizziness explains 'I feel faint' as its light-headedness, not as a rare coincidence (log_posterior)."""
    cache = kb.__dict__.setdefault("_implied_explains", {})
    if cache.get("listed") is not kb.listed:
        out = kb.listed.copy()
        for s, gens in ancestors(kb).items():
            for g in gens:
                out[:, kb.finding_index[s]] |= kb.listed[:, kb.finding_index[g]]
        cache.update(listed=kb.listed, explains=out)
    return cache["explains"]


def counted(kb: KnowledgeBase, evidence: dict[str, bool], idx: np.ndarray,
            vals: np.ndarray) -> np.ndarray | None:
    """(C, E) False where a finding's term repeats, for that condition, what another finding's term already says.

    Present side: a present general finding implied by a present specific finding the condition lists.
    P(dizziness | feeling faint) is 1, so a condition that lists feeling faint has said all there is in
    P(feeling faint | c), and multiplying in its dizziness likelihood too would count the same light-headedness
    twice (and a condition listing only the specific finding would pay the general one's leak). A condition that
    lists only the general finding still counts it (and the specific one's leak); for the pregnancy stages (pregnant,
    over 20 weeks) one that lists neither counts the specific one's leak only (session 29).

    Absent side, the mirror (session 21c): 'no' to dizziness rules out feeling faint (P(no faint | no dizziness) is
    1), so a condition that lists the absent general finding has said all there is in P(no dizziness | c), and
    multiplying in P(no faint | c) too would penalise the same 'no' twice. A condition that lists only the absent
    specific finding counts that one (its own number for the light-headedness) and drops the general one's leak.
    None when nothing is dropped."""
    anc = ancestors(kb)
    col = {f: j for j, f in enumerate(evidence)}
    stages = {"pregnant", "late_pregnancy", "term_pregnancy"} & set(kb.finding_index)  # findings.yaml implies
    keep = None

    def drop(j: int, rows: np.ndarray) -> None:
        nonlocal keep
        if keep is None:
            keep = np.ones((len(kb.conditions), len(idx)), dtype=bool)
        keep[:, j] &= ~rows

    for s, present in evidence.items():
        if s not in anc:
            continue
        s_listed = kb.listed[:, kb.finding_index[s]]
        for g in anc[s]:
            j = col.get(g)
            if j is None or bool(vals[j]) != bool(present):
                continue
            if present:
                # session 29: for a pregnancy stage (a state, not a symptom) a condition that lists neither pays the
                # specific finding's leak only: P(s, g | c) is P(s | c) when s implies g, and the leak of s already
                # holds g's rate ('39 weeks pregnant' is term, over 20 weeks and pregnant: three leaks had counted
                # against every condition that lacks them, so a cold in pregnancy ranked pregnancy complications
                # first). Symptom chains keep both leaks: tried for all, it cost food bolus and toxic shock their
                # emergency level on the dev set (docs/evals/triage-s29). A condition listing only g keeps both
                neither = ~kb.listed[:, kb.finding_index[g]] if {s, g} <= stages else False
                drop(j, s_listed | neither)
                continue
            # both absent: the general 'no' speaks for conditions that list it; for the others the specific does
            g_listed = kb.listed[:, kb.finding_index[g]]
            drop(col[s], g_listed)
            drop(j, s_listed & ~g_listed)
    return keep


def given_present(kb: KnowledgeBase, present: set[str]) -> list[tuple[int, np.ndarray]]:
    """(column, P(yes | c)) for each finding not yet present whose general finding is: P(s | c, g) = P(s | c) /
    P(g | c) where the condition lists both (s implies g; the nearest g, the least likely, when several are present),
    capped at 1, and P(s | c) elsewhere. The question chooser's tables hold P(s | c) (engine.information_gain): with
    dizziness already present, the simple faint (0.7 and 0.7) was taken to answer 'do you feel faint?' yes only 70% of
    the time, and its yes to count 0.7 where log_posterior drops the dizziness term and counts 0.7 / 0.7 (session 22)."""
    out = []
    for s, gens in ancestors(kb).items():
        here = [kb.finding_index[g] for g in gens if g in present]
        if s in present or not here:
            continue
        js = kb.finding_index[s]
        sub = kb.lik[:, here]
        listed = kb.listed[:, here] & kb.listed[:, [js]]
        denom = np.where(listed, sub, np.inf).min(axis=1)  # the least likely listed general finding, inf when none
        col = np.where(np.isfinite(denom), np.minimum(kb.lik[:, js] / np.where(np.isfinite(denom), denom, 1.0), 1.0),
                       kb.lik[:, js])
        out.append((js, col))
    return out
