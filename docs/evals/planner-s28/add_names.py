"""Session 28's run of the shared names editor (docs/evals/_tools/planner_add_names.py, one home):
    python docs/evals/planner-s28/add_names.py FILE.tsv
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "_tools"))
from planner_add_names import main  # noqa: E402

if __name__ == "__main__":
    main(sys.argv[1], "28")
