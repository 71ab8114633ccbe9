"""Triage level: posterior mass by level, then red-flag rules that can only raise it."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from medcore.triage.kb import LEVEL_RANK, LEVELS, KnowledgeBase

LEVEL_TEXT = {
    "emergency": "Emergency: call an ambulance or go to the emergency department now",
    "urgent": "Urgent: see a doctor today",
    "routine": "Routine: see a GP or pharmacist within a few days",
    "self_care": "Self-care: look after yourself at home; see a pharmacist or GP if not improving",
}


@dataclass(frozen=True)
class TriageConfig:
    # A level is chosen when the posterior mass of conditions at that level *or more acute*
    # reaches its threshold; checked from the most acute level down. Tuned on the tuning
    # vignettes only (see evaluate.tune_thresholds).
    emergency: float = 0.30
    urgent: float = 0.45
    routine: float = 0.50
    # Self-care only while the conditions needing a doctor within a day (emergency + urgent) hold less than this
    # much: a majority of self-care mass alone would send a 38% emergency-or-urgent picture home (engine.yaml).
    self_care_max_serious: float = 1.0
    condition_red_flag_min_p: float = 0.05  # a condition's own red flag escalates when it is this likely


@dataclass
class TriageDecision:
    level: str
    reason: str
    mass: dict
    fired_rules: list[dict] = field(default_factory=list)
    red_flags: list[dict] = field(default_factory=list)
    self_harm: bool = False


def mass_by_level(kb: KnowledgeBase, post: np.ndarray) -> dict:
    return {lvl: float(post[kb.level_idx == i].sum()) for i, lvl in enumerate(LEVELS)}


def level_from_mass(mass: dict, cfg: TriageConfig) -> str:
    cum = 0.0
    for lvl, thr in (("emergency", cfg.emergency), ("urgent", cfg.urgent), ("routine", cfg.routine)):
        cum += mass[lvl]
        if cum >= thr:
            return lvl
    if mass["emergency"] + mass["urgent"] >= cfg.self_care_max_serious:
        return "routine"
    return "self_care"


# the words every mass reason shares (result_view names the most likely condition after them)
MASS_PHRASE = "of the probability lies with conditions needing"
_CARE = {"emergency": "emergency care", "urgent": "urgent or emergency care", "routine": "a doctor's care",
         "self_care": "self-care"}


def mass_reason(level: str, mass: dict) -> str:
    """Why the posterior mass gives `level`, true to the number: 'most' only when the conditions at that level (or,
    below emergency, at it or more acute) hold half the mass or more; the emergency and urgent thresholds are lower
    (engine.yaml), and 27% on emergency conditions is no majority. The most likely condition is named by
    result_view, only when it is shown as the most likely."""
    if level == "self_care":
        share = mass["self_care"]
    else:
        share = sum(mass[lvl] for lvl in LEVELS[:LEVELS.index(level) + 1])
    if mass[level] >= 0.5:  # the level's own conditions hold most of it: the words before session 21b
        care = "self-care" if level == "self_care" else f"{level} care"
        return f"Most {MASS_PHRASE} {care}."
    if share >= 0.5:
        return f"Most {MASS_PHRASE} {_CARE[level]}."
    return f"{round(100 * share)}% {MASS_PHRASE} {_CARE[level]}: too much to leave unchecked."


def decide(kb: KnowledgeBase, post: np.ndarray, present: set[str], cfg: TriageConfig,
           denied: set[str] = frozenset(), support: dict | None = None) -> TriageDecision:
    """The level: posterior mass by level, raised by the red-flag rules on the present findings (a rule with
    `unless_denied` holds back when those findings are all said to be absent). `support`: {finding of
    kb.needs_support: the posterior without it}; such a finding is a condition's red flag only when the condition
    reaches the floor without it (a faint alone is no sign of a lung clot). Without `support` it counts as any red
    flag (the safe side: the threshold-tuning replays pass none)."""
    mass = mass_by_level(kb, post)
    level = level_from_mass(mass, cfg)
    # a red flag said only in its milder form ('noisy breathing only when she cries') raises nothing
    present = set(present) - {f for m, flags in kb.milder_forms.items() if m in present for f in flags}
    reason = mass_reason(level, mass)
    fired = []
    for rule in kb.rules:
        if rule.fires(present, denied):
            fired.append({"id": rule.id, "level": rule.level, "reason": rule.reason, "source": rule.source})
    red_flags = []
    for ci, c in enumerate(kb.conditions):
        if post[ci] < cfg.condition_red_flag_min_p or LEVEL_RANK[c.triage] > 1:
            continue
        for fid in c.red_flags:
            if fid in present and (support is None or fid not in support
                                   or support[fid][ci] >= cfg.condition_red_flag_min_p):
                red_flags.append({"finding": fid, "name": kb.finding(fid).name, "condition": c.name,
                                  "level": c.triage, "source": c.source})
    for r in fired:
        for fid in (*kb.rules[[x.id for x in kb.rules].index(r["id"])].any,
                    *kb.rules[[x.id for x in kb.rules].index(r["id"])].all):
            if fid in present and all(x["finding"] != fid for x in red_flags):
                red_flags.append({"finding": fid, "name": kb.finding(fid).name, "condition": None,
                                  "level": r["level"], "source": r["source"]})
    # Overrides only ever raise the level. A sign the person has that sets the level is its reason also when the
    # posterior mass reaches the same level: "crushing chest pain spreading to the arm" explains an emergency, a
    # share of probability does not (issue 12: the reason names the red-flag rule; session 23b)
    best, by_sign = LEVEL_RANK[level], False
    for r in fired:
        if LEVEL_RANK[r["level"]] < best or (LEVEL_RANK[r["level"]] == best and not by_sign):
            best, by_sign = LEVEL_RANK[r["level"]], True
            reason = r["reason"]
    for rf in red_flags:
        if rf["condition"] and (LEVEL_RANK[rf["level"]] < best or (LEVEL_RANK[rf["level"]] == best and not by_sign)):
            best, by_sign = LEVEL_RANK[rf["level"]], True
            reason = f"{rf['name']} is a warning sign of {rf['condition']}."
    self_harm = "suicidal_thoughts" in present
    if self_harm:
        best = 0
        reason = kb.crisis["text"]
    return TriageDecision(LEVELS[best], reason, mass, fired, red_flags, self_harm)


def emergency_by_sign(dec: TriageDecision) -> bool:
    """The level is emergency because of something the person has (a red-flag rule, a serious condition's own red
    flag, thoughts of self-harm), not only because the posterior mass of emergency conditions reached its threshold.
    A mass-only emergency is a guess over conditions whose own signs may be unasked: an older person who feels faint
    and denies everything asked keeps a GI bleed and a heart attack at 0.07-0.11 until someone asks about black
    stools or chest pain (NICE CG109 / ESC 2018 syncope: assess the same day, ambulance for red flags), so the
    interview's safety net goes on asking there (service.assess; session 21c, issue 12)."""
    if dec.level != "emergency":
        return False
    return (dec.self_harm or any(r["level"] == "emergency" for r in dec.fired_rules)
            or any(rf["condition"] and rf["level"] == "emergency" for rf in dec.red_flags))
