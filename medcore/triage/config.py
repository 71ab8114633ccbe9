"""Engine and triage settings from assets/kb/triage/engine.yaml (tuned values live with the KB)."""

from __future__ import annotations

from pathlib import Path

import yaml

from medcore.triage.engine import EngineConfig
from medcore.triage.rules import TriageConfig


def load_configs(kb_dir: str | Path) -> tuple[EngineConfig, TriageConfig]:
    d = Path(kb_dir)
    if d.name != "triage":
        d = d / "triage"
    path = d / "engine.yaml"
    if not path.is_file():
        return EngineConfig(), TriageConfig()
    doc = yaml.safe_load(path.read_text()) or {}
    ecfg = EngineConfig(**{k: doc[k] for k in ("temper", "temper_absent", "complaint_leak_factor", "max_questions",
                                               "min_questions", "stop_probability", "min_gain_bits", "red_flag_bonus",
                                               "safety_net_min_p", "safety_net_anchor_lik", "safety_net_anchor_min_p",
                                               "safety_net_max") if k in doc})
    thr = doc.get("triage_thresholds", {})
    tcfg = TriageConfig(**{k: float(v) for k, v in thr.items() if k in ("emergency", "urgent", "routine")},
                        **({"condition_red_flag_min_p": float(doc["condition_red_flag_min_p"])}
                           if "condition_red_flag_min_p" in doc else {}))
    return ecfg, tcfg
