"""Read texts one-shot and print what is read and the level (docs/evals/_tools/triage_probe.py):
PYTHONPATH=. python docs/evals/triage-s28/probe.py [--no-embeddings] TEXT... (or - for stdin lines)."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "_tools"))
from triage_probe import probe  # noqa: E402

if __name__ == "__main__":
    probe(sys.argv[1:])
