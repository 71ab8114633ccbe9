"""Engine and triage settings from assets/kb/triage/engine.yaml (tuned values live with the KB).

Per-condition probability floors scale with the number of conditions in the KB (`floor_scale`): they are
written at the KB size they were chosen for, and a larger KB dilutes a serious-but-possible condition's
posterior roughly as 1/N (engine.yaml says how this was measured)."""

from __future__ import annotations

import dataclasses
import functools
from pathlib import Path


from medcore import kbyaml
from medcore.triage.engine import EngineConfig
from medcore.triage.rules import TriageConfig


def _doc(kb_dir: str | Path) -> dict | None:
    d = Path(kb_dir)
    if d.name != "triage":
        d = d / "triage"
    path = d / "engine.yaml"
    return _read(str(path), path.stat().st_mtime_ns) if path.is_file() else None


@functools.lru_cache(maxsize=8)
def _read(path: str, mtime_ns: int) -> dict:  # rules_for() asks on every chat turn: parse once per file version
    return kbyaml.load(path) or {}


def floor_scale(kb_dir: str | Path, n_conditions: int) -> float:
    """The factor a per-condition floor written for `floors_set_at_conditions` conditions takes with
    `n_conditions`: (reference / N) ** floor_exponent; 1.0 when engine.yaml sets no reference."""
    doc = _doc(kb_dir) or {}
    ref = doc.get("floors_set_at_conditions")
    if not ref or n_conditions <= 0:
        return 1.0
    return (float(ref) / n_conditions) ** float(doc.get("floor_exponent", 1.0))


def load_configs(kb_dir: str | Path, n_conditions: int | None = None) -> tuple[EngineConfig, TriageConfig]:
    """`n_conditions`: the KB size the floors are scaled to (default: the KB in kb_dir)."""
    doc = _doc(kb_dir)
    if doc is None:
        return EngineConfig(), TriageConfig()
    ecfg = EngineConfig(**{k: doc[k] for k in ("temper", "temper_absent", "hallmark_lik", "complaint_leak_factor",
                                               "max_questions", "min_questions", "stop_probability", "min_gain_bits",
                                               "red_flag_bonus",
                                               "safety_net_min_p", "safety_net_anchor_lik", "safety_net_anchor_min_p",
                                               "safety_net_max", "red_flag_cover_max",
                                               "red_flag_cover_min_p", "all_no_stop") if k in doc})
    thr = doc.get("triage_thresholds", {})
    tcfg = TriageConfig(**{k: float(v) for k, v in thr.items() if k in ("emergency", "urgent", "routine",
                                                                           "self_care_max_serious")},
                        **({"condition_red_flag_min_p": float(doc["condition_red_flag_min_p"])}
                           if "condition_red_flag_min_p" in doc else {}))
    if n_conditions is None:
        from medcore.triage.kb import load_kb

        n_conditions = len(load_kb(kb_dir).conditions)
    k = floor_scale(kb_dir, n_conditions)
    ecfg = dataclasses.replace(ecfg, safety_net_min_p=ecfg.safety_net_min_p * k,
                               safety_net_anchor_min_p=ecfg.safety_net_anchor_min_p * k)
    tcfg = dataclasses.replace(tcfg, condition_red_flag_min_p=tcfg.condition_red_flag_min_p * k)
    return ecfg, tcfg
