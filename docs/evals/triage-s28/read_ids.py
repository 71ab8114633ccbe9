"""Print what the one-shot reading reads for vignette ids, beside the gold present/absent lists (dev study tool;
docs/evals/_tools/triage_probe.py; blind files of session 28 and later are not read):
PYTHONPATH=. python docs/evals/triage-s28/read_ids.py ID..."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "_tools"))
from triage_probe import read_ids  # noqa: E402

if __name__ == "__main__":
    read_ids(sys.argv[1:], 28)
