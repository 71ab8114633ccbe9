"""Newness check of the s30 blind triage set: exact text duplicates and shared 7-word runs between its texts and every
earlier vignette text (assets/kb/triage/vignettes*.yaml, the s30 file and any later blind file left out) and every
line under tests/. Prints only counts and the runs of the new side (never an earlier text). Run from the repo root:
    .venv/bin/python docs/evals/triage-blind-s30/newness.py
The check is docs/evals/_tools/triage_newness.py's (one home for every set); this file names the set."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "_tools"))
import triage_newness  # noqa: E402

if __name__ == "__main__":
    triage_newness.main("assets/kb/triage/vignettes_blind_s30.yaml")
