"""Wrapper: the planner review probe (docs/evals/_tools/planner_review_probe.py) on this folder's inputs."""
import runpy
from pathlib import Path

runpy.run_path(str(Path(__file__).resolve().parents[1] / "_tools" / "planner_review_probe.py"), run_name="__main__")
