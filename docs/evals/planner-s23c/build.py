"""Build docs/evals/planner-s23c/pairs.yaml from pairs_src.txt (session 23c, issue 13).

Every pair whose two drugs, read by the planner's lexicon to ingredient ids, equal those of a pair in any
docs/evals/planner-blind*/blind.yaml dev set is left out, so no pair is taken from a planner set. The session-23
blind set (planner-blind-s23) is another helper's and is never opened here. Run: PYTHONPATH=. python
docs/evals/planner-s23c/build.py
The build is docs/evals/_tools/planner_pairs.py's (one home for every pair list), called with this list's
parameters.
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "_tools"))
from planner_pairs import build  # noqa: E402

if __name__ == "__main__":
    build("planner-s23c", "23c", "plan23c", "planner-blind-s23")
