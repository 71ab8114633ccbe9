"""Figures over all cases and over the s23 set alone: the shared docs/evals/_tools/triage_figures.py (one home).
Usage: python docs/evals/triage-s24/figures.py before.json after.json ..."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "_tools"))
from triage_figures import main  # noqa: E402

if __name__ == "__main__":
    main("s23", sys.argv[1:])
