"""Wrapper (session 30): the script moved to docs/evals/_tools/triage_compare.py; same command, same output:
python docs/evals/triage-s29/compare.py BEFORE.json AFTER.json (the s28 set as its one set)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_tools"))
from triage_compare import main  # noqa: E402

if __name__ == "__main__":
    main([*sys.argv[1:3], "s28v"])
