"""The case-trainer bound (tests/cases/test_undertriage_bound.py) with `hallmark_lik` set to each value given
(1.0 = off, as shipped): emergencies triaged lower, and which.

    PYTHONPATH=. nice -n 10 .venv/bin/python docs/evals/triage-s23/hallmark_bound.py 1.0 0.8
"""

from __future__ import annotations

import dataclasses
import sys

from medcore.cases.evaluate import solvability
from medcore.cases.service import CaseTrainer
from medcore.config import Settings

tr = CaseTrainer.from_settings(Settings.load(secrets={}))
shipped = tr.engine.engine_cfg
for value in sys.argv[1:]:
    tr.engine.engine_cfg = dataclasses.replace(shipped, hallmark_lik=float(value))
    s = solvability(tr, 300, seed0=0)
    m = s["metrics"]
    low = [(r["seed"], r["condition"], r["triage_pred"]) for r in s["cases"]
           if r["triage_ref"] == "emergency" and r["triage_pred"] != "emergency"]
    print(f"hallmark_lik {value}: emergency_under_triage {m['emergency_under_triage']} top3 {m['top3']} "
          f"triage {m['triage_accuracy']} questions {m['mean_questions']}", low)
tr.engine.engine_cfg = shipped
