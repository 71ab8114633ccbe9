"""Pair filter of the session-30 planner blind set (docs/evals/_tools/planner_blind.py `pairs`): DROP when a pair's two
typed names share a line in an earlier planner file. Never runs the planner.
Run: python docs/evals/planner-blind-s30/pairs_filter.py"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "_tools"))
from planner_blind import pairs  # noqa: E402

if __name__ == "__main__":
    pairs("planner-blind-s30")
