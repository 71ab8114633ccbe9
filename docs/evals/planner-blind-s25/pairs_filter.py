"""Pair filter for the session-25 planner blind set: prints, for each line of pairs_pool.txt, DROP when its two typed
names share a line in an earlier planner file (docs/evals/planner*/** except this folder, tests/knowledge/**,
tests/therapy/**), and gen-seen / gen-new for its two generic names. Never runs the planner.
Run: python docs/evals/planner-blind-s25/pairs_filter.py
The filter is docs/evals/_tools/planner_blind.py's `pairs` (one home for every set)."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "_tools"))
from planner_blind import pairs  # noqa: E402

if __name__ == "__main__":
    pairs("planner-blind-s25")
