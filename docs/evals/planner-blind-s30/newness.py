"""Newness check of the session-30 planner blind set against every earlier planner-blind*/blind.yaml
(docs/evals/_tools/planner_blind.py `newness`; exit 1 on a repeat). Never runs the planner.
Run: python docs/evals/planner-blind-s30/newness.py"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "_tools"))
from planner_blind import newness  # noqa: E402

if __name__ == "__main__":
    sys.exit(newness("planner-blind-s30"))
