"""Resolve each line of FILE with the drug lexicon of the current root; TSV line, how, ingredients (to diff roots).
Usage (a repo root): PYTHONPATH=. python resolve_list.py FILE > OUT.tsv"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "_tools"))
from planner_breadth import resolve_list  # noqa: E402  (one home since session 30)

if __name__ == "__main__":
    resolve_list(sys.argv[1])
