"""Session-30 wrapper: python docs/evals/triage-s30/compare.py BEFORE.json AFTER.json (the s29 set as its one set;
docs/evals/_tools/triage_compare.py)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_tools"))
from triage_compare import main  # noqa: E402

if __name__ == "__main__":
    main([*sys.argv[1:3], "s29v"])
