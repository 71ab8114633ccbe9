"""Aggregate figures of an eval JSON (all cases) per mode, and the same for one id prefix
(docs/evals/_tools/triage_summary.py): python docs/evals/triage-s28/summary.py RUN.json [PREFIX]."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "_tools"))
from triage_summary import main  # noqa: E402

if __name__ == "__main__":
    main(sys.argv[1:])
