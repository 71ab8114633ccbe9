"""Session-30 wrapper: python docs/evals/triage-s30/read_ids.py ID... (s30 blind files never opened; _tools/triage_probe.py)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "_tools"))
from triage_probe import read_ids  # noqa: E402

if __name__ == "__main__":
    read_ids(sys.argv[1:], 30)
