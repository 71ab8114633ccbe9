"""Newness check of the session-25 planner blind set against every earlier planner blind set.

Fails (exit 1) when a typed name of blind.yaml (case-insensitive) is a typed name of any earlier
docs/evals/planner-blind*/blind.yaml, or when a pair (order-free, case-insensitive) was typed in one; prints the
counts. The wider word-level check against every earlier planner file is draw.py's (names) and pairs_filter.py's
(pairs). Never runs the planner. Run: python docs/evals/planner-blind-s25/newness.py
The check is docs/evals/_tools/planner_blind.py's `newness` (one home for every set).
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "_tools"))
from planner_blind import newness  # noqa: E402

if __name__ == "__main__":
    sys.exit(newness("planner-blind-s25"))
