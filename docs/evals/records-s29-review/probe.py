"""Wrapper (session 30): the tool is docs/evals/_tools/records_review_probe.py. Run from the root of the checkout:
`MEDCORE_LLM_BACKEND=template .venv/bin/python docs/evals/records-s29-review/probe.py PROBES`."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_tools"))
from records_review_probe import main  # noqa: E402

main(sys.argv[1:])
