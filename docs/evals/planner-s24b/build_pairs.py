"""Build docs/evals/planner-s24b/pairs.yaml from pairs_src.txt (session 24b, issue 13).

Every pair whose two drugs, read by the planner's lexicon to ingredient ids, equal those of a pair in any
docs/evals/planner-blind*/blind.yaml dev set or of the session-23c pair list is left out. The session-24 blind
set (planner-blind-s24) is another helper's and is never opened here. Run: PYTHONPATH=. python
docs/evals/planner-s24b/build_pairs.py
The build is docs/evals/_tools/planner_pairs.py's (one home for every pair list), called with this list's
parameters.
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "_tools"))
from planner_pairs import build  # noqa: E402

if __name__ == "__main__":
    build("planner-s24b", "24b", "plan24b", "planner-blind-s24", ("planner-s23c",))
