"""Session-30 wrapper: python docs/evals/triage-s30/probe.py [--no-embeddings] TEXT... (see _tools/triage_probe.py)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "_tools"))
from triage_probe import probe  # noqa: E402

if __name__ == "__main__":
    probe(sys.argv[1:])
