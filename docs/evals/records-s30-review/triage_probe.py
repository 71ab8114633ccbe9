"""The shared assertion engine change seen from the symptom chat's one-shot reading: own texts with relatives, one a
line, through docs/evals/_tools/triage_probe.py (no embeddings). Run from the root of the checkout to test:
`MEDCORE_LLM_BACKEND=template .venv/bin/python docs/evals/records-s30-review/triage_probe.py < triage_texts.txt`."""
import os
import sys

sys.path.insert(0, os.getcwd())
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_tools"))
from triage_probe import probe  # noqa: E402

probe(["--no-embeddings", "-"])
