"""Build holdout.yaml from holdout.txt (session 27), leaving out any typed name that occurs as a word in an earlier
planner file; blind sets of session 27 and later are never read (docs/evals/_tools/planner_holdout_build.py). Run from
the repo root:
    python docs/evals/planner-s27/build.py
"""
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "_tools"))
from planner_holdout_build import build  # noqa: E402

if __name__ == "__main__":
    build(HERE, 27)
