"""Bayesian posterior over conditions and the expected-information-gain next question.

Model: naive Bayes with leak over mutually exclusive conditions. Each answered finding
multiplies a condition's prior by P(f|c) (yes) or 1-P(f|c) (no); "don't know" adds
nothing. Log space keeps 20+ findings from underflowing. Likelihoods are raised to a
power `temper` (< 1) because findings in a KB are not truly independent (e.g. fever and
chills), and untempered naive Bayes becomes overconfident.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from medcore.triage import hallmarks, implied
from medcore.triage.kb import LEVEL_RANK, KnowledgeBase


@dataclass(frozen=True)
class EngineConfig:
    temper: float = 0.85  # exponent on likelihoods (1 = plain naive Bayes)
    temper_absent: float = 0.5  # weaker exponent for "no" answers (see log_posterior)
    # ...except for a condition's hallmark: a "no" to a finding it has at least this often counts at `temper`
    hallmark_lik: float = 0.8
    complaint_leak_factor: float = 0.25  # a presenting complaint a condition does not list counts this much less
    max_questions: int = 12  # cap on questions in one interview
    min_questions: int = 3  # always check a few things (red flags first) before stopping on confidence
    stop_probability: float = 0.85  # stop asking when the top condition is this likely...
    min_gain_bits: float = 0.02  # ...or when no question is worth this much
    red_flag_bonus: float = 0.6  # bits credited per unit posterior of serious conditions a red flag tests
    # Before the interview ends, the red flags of emergency/urgent conditions that present with the
    # complaint, or are still safety_net_min_p likely, are asked (up to safety_net_max questions beyond
    # max_questions): a terse complaint ("headache") can leave a serious condition at a few percent
    # without any of its warning signs checked. See safety_net_question.
    safety_net_min_p: float = 0.005
    safety_net_anchor_lik: float = 0.5
    safety_net_anchor_min_p: float = 0.002
    safety_net_max: int = 6
    # After the safety net, one red flag of each serious condition the complaint typically presents with that still
    # has none of its red flags asked (up to red_flag_cover_max more questions): the net asks by expected yield, so a
    # rarer condition's warning signs could go unasked behind the commoner ones' (see red_flag_cover_question).
    red_flag_cover_max: int = 4
    red_flag_cover_min_p: float = 1e-4
    # When every question so far was answered 'no' (or 'don't know'), the engine's own questions stop after this
    # many: they are learning nothing, and the safety net and the red-flag cover still follow with their own
    # budgets (the interview ends by all_no_stop + safety_net_max + red_flag_cover_max, not the full 22)
    all_no_stop: int = 12


def evidence_vectors(kb: KnowledgeBase, evidence: dict[str, bool]) -> tuple[np.ndarray, np.ndarray]:
    idx = np.array([kb.finding_index[f] for f in evidence], dtype=np.int64)
    vals = np.array([bool(v) for v in evidence.values()], dtype=bool)
    return idx, vals


def log_posterior(kb: KnowledgeBase, evidence: dict[str, bool], age: float | None, sex: str | None,
                  temper: float = 0.85, temper_absent: float | None = None,
                  complaints: set[str] = frozenset(), complaint_leak_factor: float = 1.0,
                  hallmark_lik: float = 1.0) -> np.ndarray:
    """Absent findings count less than present ones (`temper_absent`): a "no" is less reliable
    (people miss or forget things), and the KB's P(f|c) is calibrated for typical presentations,
    so a string of "no" answers would otherwise push the posterior to conditions that simply do
    not list the questions asked; a "no" to a condition's hallmark (P >= hallmark_lik) counts in full
    (hallmarks.absent_exponent). A finding implied by a more specific one counts once per condition
    (triage/implied.py)."""
    if temper_absent is None:
        temper_absent = temper
    # Presenting complaints (symptoms the person came with, in their own words) are stronger evidence
    # than incidental findings: a condition that does not list the complaint explains it only as a
    # rare coincidence, so its leak is scaled down for those findings.
    with np.errstate(divide="ignore"):
        logp = np.log(kb.prior(age, sex))  # impossible conditions (prior 0) stay impossible: -inf
    if evidence:
        idx, vals = evidence_vectors(kb, evidence)
        lik = kb.lik[:, idx]
        if complaints and complaint_leak_factor != 1.0:
            cols = np.array([f in complaints for f in evidence], dtype=bool)
            if cols.any():
                lik = lik.copy()
                sub = lik[:, cols]
                lik[:, cols] = np.where(implied.explains(kb)[:, idx[cols]], sub, sub * complaint_leak_factor)
        ta = hallmarks.absent_exponent(kb, idx, temper, temper_absent, hallmark_lik)
        term = np.where(vals[None, :], temper * np.log(lik), ta * np.log1p(-lik))
        counted = implied.counted(kb, evidence, idx, vals)
        if counted is not None:
            term = np.where(counted, term, 0.0)
        logp = logp + term.sum(axis=1)
    return logp


def posterior(kb: KnowledgeBase, evidence: dict[str, bool], age: float | None = None, sex: str | None = None,
              temper: float = 0.85, temper_absent: float | None = None, complaints: set[str] = frozenset(),
              complaint_leak_factor: float = 1.0, hallmark_lik: float = 1.0) -> np.ndarray:
    logp = log_posterior(kb, evidence, age, sex, temper, temper_absent, complaints, complaint_leak_factor,
                         hallmark_lik)
    logp = logp - logp.max()
    p = np.exp(logp)
    p[~np.isfinite(p)] = 0.0
    return p / p.sum()


def _cache(kb: KnowledgeBase) -> dict:
    """Per-KB tables of the question chooser, built once (keyed by the likelihood table they come from), so
    each call is a few matrix-vector products (batch speed, issue 12)."""
    cache = kb.__dict__.setdefault("_question_tables", {})
    if cache.get("lik") is not kb.lik:
        cache.clear()
        cache["lik"] = kb.lik
    return cache


def _tables(kb: KnowledgeBase, temper: float, temper_absent: float,
            hallmark_lik: float = 1.0) -> tuple[np.ndarray, ...]:
    """The tempered likelihoods of a yes and a no, and each times its own log2 (0 where it is 0)."""
    cache = _cache(kb)
    key = (temper, temper_absent, hallmark_lik)
    if key not in cache:
        with np.errstate(divide="ignore", invalid="ignore"):
            ly = kb.lik ** temper
            ln = (1 - kb.lik) ** hallmarks.absent_exponent(kb, slice(None), temper, temper_absent, hallmark_lik)
            cache[key] = (ly, ln, np.where(ly > 0, ly * np.log2(ly), 0.0), np.where(ln > 0, ln * np.log2(ln), 0.0))
    return cache[key]


def _flag_matrix(kb: KnowledgeBase) -> np.ndarray:
    """(C, F): 1 where an emergency/urgent condition lists the finding as a red flag."""
    cache = _cache(kb)
    if "flags" not in cache:
        flags = np.zeros((len(kb.conditions), len(kb.findings)))
        for ci, c in enumerate(kb.conditions):
            if LEVEL_RANK[c.triage] <= 1:
                for fid in c.red_flags:
                    flags[ci, kb.finding_index[fid]] += 1.0
        cache["flags"] = flags
    return cache["flags"]


def information_gain(kb: KnowledgeBase, post: np.ndarray, temper: float = 0.85,
                     temper_absent: float | None = None, hallmark_lik: float = 1.0,
                     present: set[str] = frozenset()) -> np.ndarray:
    """Expected entropy reduction (bits) of the posterior for asking each finding (F,). The answer
    probabilities use the untempered model; the updates use the same tempering as the posterior.

    The entropy of the updated posterior q = post * l / z is computed without forming q:
    H(q) = log2 z - (sum post log2(post) l + sum post l log2(l)) / z."""
    if temper_absent is None:
        temper_absent = temper
    ly, ln, ly_log, ln_log = _tables(kb, temper, temper_absent, hallmark_lik)
    p_yes = post @ kb.lik  # (F,) predictive probability of a yes
    cond = implied.given_present(kb, present) if present else []
    if cond:  # a finding whose general one is present: its yes as log_posterior counts it (implied.given_present)
        ly, ly_log = ly.copy(), ly_log.copy()
        for j, col in cond:
            p_yes[j] = post @ col
            ly[:, j] = col ** temper
            ly_log[:, j] = np.where(ly[:, j] > 0, ly[:, j] * np.log2(np.where(ly[:, j] > 0, ly[:, j], 1.0)), 0.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        plogp = np.where(post > 0, post * np.log2(post), 0.0)
        zy, zn = post @ ly, post @ ln
        h_y = np.where(zy > 0, np.log2(zy) - (plogp @ ly + post @ ly_log) / zy, 0.0)
        h_n = np.where(zn > 0, np.log2(zn) - (plogp @ ln + post @ ln_log) / zn, 0.0)
    return -plogp.sum() - (p_yes * h_y + (1 - p_yes) * h_n)


def serious_red_flag_weight(kb: KnowledgeBase, post: np.ndarray) -> np.ndarray:
    """Per finding: posterior mass of emergency/urgent conditions listing it as a red flag."""
    return post @ _flag_matrix(kb)


@dataclass
class Question:
    finding_id: str
    text: str
    gain_bits: float
    score: float
    separates: list[dict]  # conditions that a yes would favour and those a no would favour
    red_flag: bool


def next_question(kb: KnowledgeBase, post: np.ndarray, known: set[str], cfg: EngineConfig,
                  blocked: set[str] = frozenset(), present: set[str] = frozenset()) -> Question | None:
    gain = information_gain(kb, post, cfg.temper, cfg.temper_absent, cfg.hallmark_lik, present)
    rf = serious_red_flag_weight(kb, post)
    score = gain + cfg.red_flag_bonus * rf
    mask = np.ones(len(kb.findings), dtype=bool)
    for fid in known | set(blocked):
        if fid in kb.finding_index:
            mask[kb.finding_index[fid]] = False
    if not mask.any():
        return None
    score = np.where(mask, score, -np.inf)
    j = int(np.argmax(score))
    if not np.isfinite(score[j]) or (gain[j] < cfg.min_gain_bits and rf[j] < 0.02):
        return None
    f = kb.findings[j]
    return Question(f.id, f.question, float(gain[j]), float(score[j]), separating_conditions(kb, post, j),
                    bool(rf[j] >= 0.02))


def safety_question(kb: KnowledgeBase, post: np.ndarray, known: set[str], cfg: EngineConfig,
                    flatten: float = 0.3) -> Question | None:
    """A red-flag question for the first few turns, when the posterior is already peaked.

    Naive Bayes becomes confident after two or three findings, which would end the interview
    before any warning sign is checked. Here the posterior is flattened (p ** 0.3) so serious
    conditions that share the complaint still count, and the warning sign carrying the most of
    their mass is asked."""
    flat = post ** flatten
    flat = flat / flat.sum()
    rf = serious_red_flag_weight(kb, flat)
    for fid in known:
        if fid in kb.finding_index:
            rf[kb.finding_index[fid]] = 0.0
    j = int(np.argmax(rf))
    if rf[j] < 1e-3:
        return None
    gain = information_gain(kb, post, cfg.temper, cfg.temper_absent, cfg.hallmark_lik)
    f = kb.findings[j]
    serious = sorted((ci for ci, c in enumerate(kb.conditions) if f.id in c.red_flags and LEVEL_RANK[c.triage] <= 1),
                     key=lambda ci: -flat[ci] * kb.lik[ci, j])[:3]
    separates = [{"condition": kb.conditions[ci].name, "id": kb.conditions[ci].id, "probability": float(post[ci]),
                  "p_finding": float(kb.lik[ci, j]), "side": "yes"} for ci in serious]
    separates += [{"condition": kb.conditions[ci].name, "id": kb.conditions[ci].id, "probability": float(post[ci]),
                   "p_finding": float(kb.lik[ci, j]), "side": "no"} for ci in np.argsort(-post)[:2] if ci not in serious]
    return Question(f.id, f.question, float(gain[j]), float(rf[j]), separates, True)


NO_ANCHOR = {"course", "measured"}  # rule_completing_question: findings that start no rule
_CONTEXTS = {"pregnancy", "risk"}  # ... an `any` finding of these categories starts one
_NOT_ASKED = {"measured", "child"}  # ... and these are measured or read from the age, not asked


def rule_completing_question(kb: KnowledgeBase, post: np.ndarray, known: set[str], present: set[str],
                             cfg: EngineConfig) -> Question | None:
    """An unasked finding that, with what is already present, would fire an emergency rule of red_flags.yaml: a
    pregnant woman is asked about pelvic pain (ectopic pregnancy) whatever her complaint, because a rule needs only
    that answer. Only rules already started: a finding the rule requires (`all`: fever for meningism) is present,
    or one of its contexts (`any` of category pregnancy or risk: pregnant, a known disease). A course or measured
    finding starts none ('under a day' is no reason to ask about orthopnoea), and what the patient cannot tell (a
    measured blood pressure) or the age says is not asked. None when no such finding is left. An urgent rule that a
    pregnancy starts counts too: since session 14 pain in early pregnancy is urgent (NICE NG126: immediate early
    pregnancy assessment) and only severe pain or fainting make it an emergency, and a pregnant woman is still asked."""
    cat = lambda f: kb.finding(f).category if f in kb.finding_index else ""  # noqa: E731
    for rule in kb.rules:
        by_pregnancy = rule.level == "urgent" and any(f in present and cat(f) == "pregnancy" for f in rule.any)
        if rule.level != "emergency" and not by_pregnancy:
            continue
        started = any(f in present and cat(f) not in NO_ANCHOR for f in rule.all) or any(
            f in present and cat(f) in _CONTEXTS for f in rule.any)
        if not started:
            continue
        for fid in (*rule.all, *rule.any):
            if fid not in known and cat(fid) not in _NOT_ASKED and rule.fires(present | {fid}):
                j = kb.finding_index[fid]
                gain = information_gain(kb, post, cfg.temper, cfg.temper_absent, cfg.hallmark_lik)
                return Question(fid, kb.findings[j].question, float(gain[j]), 1.0, [], True)
    return None


def safety_net_question(kb: KnowledgeBase, post: np.ndarray, known: set[str], cfg: EngineConfig,
                        complaints: set[str] = frozenset(), present: set[str] | None = None) -> Question | None:
    """An unasked red flag of an emergency/urgent condition, asked before the interview ends.

    Two tiers, as complaint-based triage protocols work: first the warning signs of serious
    conditions that typically present with the person's own complaint (P(complaint) >=
    safety_net_anchor_lik: back pain -> cauda equina, however unlikely it now is), then those of
    any serious condition still at least `safety_net_min_p` likely. Within a tier, the sign most
    likely to be present because of those conditions goes first. None when every such sign has been
    checked. After both, a finding that would complete an emergency rule (`rule_completing_question`): last, so
    that the serious conditions' own signs keep their place in the safety net's few questions."""
    cidx = [kb.finding_index[f] for f in complaints if f in kb.finding_index]
    w: dict[str, tuple[int, float]] = {}
    listed: dict[str, list[int]] = {}
    for ci, c in enumerate(kb.conditions):
        if LEVEL_RANK[c.triage] > 1 or not c.red_flags:
            continue
        anchored = (bool(cidx) and float(kb.lik[ci, cidx].max()) >= cfg.safety_net_anchor_lik
                    and post[ci] >= cfg.safety_net_anchor_min_p)
        if not anchored and post[ci] < cfg.safety_net_min_p:
            continue
        # each flag once per condition, also where two flags share the general finding asked for them
        asks = (hallmarks.asked_for(kb, ci, flag, known, cfg.safety_net_anchor_lik) for flag in c.red_flags
                if flag not in known)
        for fid in dict.fromkeys(asks):
            # expected yield: the chance the answer is yes because of a serious condition, so the most
            # sensitive sign of a condition goes first (saddle numbness before leg weakness)
            tier, mass = w.get(fid, (0, 0.0))
            w[fid] = (max(tier, int(anchored)), mass + float(post[ci] * kb.lik[ci, kb.finding_index[fid]]))
            listed.setdefault(fid, []).append(ci)
    if not w:
        return rule_completing_question(kb, post, known, present, cfg) if present is not None else None
    fid = max(sorted(w), key=w.get)
    j = kb.finding_index[fid]
    gain = information_gain(kb, post, cfg.temper, cfg.temper_absent, cfg.hallmark_lik)
    separates = [{"condition": kb.conditions[ci].name, "id": kb.conditions[ci].id, "probability": float(post[ci]),
                  "p_finding": float(kb.lik[ci, j]), "side": "yes"}
                 for ci in sorted(listed[fid], key=lambda ci: -post[ci])[:3]]
    return Question(fid, kb.findings[j].question, float(gain[j]), w[fid][1], separates, True)


def red_flag_cover_question(kb: KnowledgeBase, post: np.ndarray, known: set[str], cfg: EngineConfig,
                            complaints: set[str] = frozenset()) -> Question | None:
    """A red flag of a serious condition of the differential that none of its red flags has tested yet.

    The conditions: emergency or urgent, typically presenting with the person's own complaint (P(complaint) >=
    safety_net_anchor_lik) and still at least safety_net_anchor_min_p likely: bowel obstruction or mesenteric
    ischaemia for tummy pain, mastoiditis for earache. Such a condition counts while it is at least red_flag_cover_min_p
    likely, below the net's anchor floor: a string of 'no' answers to its common features lowers it, but only its red
    flag rules it out; the age and sex rule out one they exclude (an ectopic pregnancy in a man). Emergencies first; then the sign
    that tests the most such conditions at once; then the one most likely to be present because of them. None once
    each has had a red flag asked (or said)."""
    cidx = [kb.finding_index[f] for f in complaints if f in kb.finding_index]
    if not cidx:
        return None
    cover: dict[str, list[int]] = {}
    for ci, c in enumerate(kb.conditions):
        if LEVEL_RANK[c.triage] > 1 or not c.red_flags or any(f in known for f in c.red_flags):
            continue
        if float(kb.lik[ci, cidx].max()) < cfg.safety_net_anchor_lik or post[ci] < cfg.red_flag_cover_min_p:
            continue
        for fid in c.red_flags:
            cover.setdefault(fid, []).append(ci)
    if not cover:
        return None

    def key(fid: str) -> tuple:
        cis, j = cover[fid], kb.finding_index[fid]
        return (sum(kb.conditions[ci].triage == "emergency" for ci in cis) > 0, len(cis),
                sum(float(post[ci] * kb.lik[ci, j]) for ci in cis))
    fid = max(sorted(cover), key=key)
    j = kb.finding_index[fid]
    gain = information_gain(kb, post, cfg.temper, cfg.temper_absent, cfg.hallmark_lik)
    separates = [{"condition": kb.conditions[ci].name, "id": kb.conditions[ci].id, "probability": float(post[ci]),
                  "p_finding": float(kb.lik[ci, j]), "side": "yes"}
                 for ci in sorted(cover[fid], key=lambda ci: -post[ci])[:3]]
    return Question(fid, kb.findings[j].question, float(gain[j]), key(fid)[2], separates, True)


def separating_conditions(kb: KnowledgeBase, post: np.ndarray, j: int, k: int = 3) -> list[dict]:
    """Among the likelier conditions, those with the highest and lowest P(finding)."""
    top = np.argsort(-post)[:8]
    ranked = sorted(top, key=lambda ci: -kb.lik[ci, j])
    out = []
    for ci in ranked[:k]:
        out.append({"condition": kb.conditions[ci].name, "id": kb.conditions[ci].id,
                    "probability": float(post[ci]), "p_finding": float(kb.lik[ci, j]), "side": "yes"})
    for ci in ranked[::-1][:k]:
        if kb.lik[ci, j] < 0.5 and all(o["id"] != kb.conditions[ci].id for o in out):
            out.append({"condition": kb.conditions[ci].name, "id": kb.conditions[ci].id,
                        "probability": float(post[ci]), "p_finding": float(kb.lik[ci, j]), "side": "no"})
    return out


def evidence_for_against(kb: KnowledgeBase, post: np.ndarray, ci: int, evidence: dict[str, bool],
                         k: int = 5) -> tuple[list[str], list[str]]:
    """Findings whose likelihood ratio (this condition vs the current mixture) is far from 1."""
    scored_for, scored_against = [], []
    for fid, present in evidence.items():
        j = kb.finding_index[fid]
        p_c = kb.lik[ci, j]
        rest = max(1.0 - float(post[ci]), 1e-9)  # the other conditions, weighted by the posterior
        p_all = float((post @ kb.lik[:, j] - post[ci] * p_c) / rest) if rest > 1e-6 else float(kb.findings[j].leak)
        ratio = (p_c / p_all) if present else ((1 - p_c) / max(1 - p_all, 1e-9))
        label = kb.findings[j].name if present else negative_label(kb.findings[j])
        if ratio >= 1.25:
            scored_for.append((ratio, label))
        elif ratio <= 0.8:
            scored_against.append((ratio, label))
    scored_for.sort(key=lambda t: -t[0])
    scored_against.sort(key=lambda t: t[0])
    return [s for _, s in scored_for[:k]], [s for _, s in scored_against[:k]]


def negative_label(f) -> str:
    """'No fever', 'Not: started less than 24 hours ago' (course and history read badly with 'no')."""
    name = f.name[0].lower() + f.name[1:]
    if f.category in ("course", "risk", "measured", "pregnancy", "child"):
        return f"Not: {name}"
    return f"No {name}"
