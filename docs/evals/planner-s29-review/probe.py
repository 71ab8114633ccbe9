"""Wrapper (session 30): the probe lives in docs/evals/_tools/planner_review_probe.py. Same command, same output."""
import runpy, sys
from pathlib import Path

runpy.run_path(str(Path(__file__).resolve().parents[1] / "_tools" / "planner_review_probe.py"), run_name="__main__")
