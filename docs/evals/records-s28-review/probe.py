"""Run each probe sentence (probes.txt, one a line; '#' lines skipped) through records.service.summarize_input (the
path the summarizer page and the CLI take), narrative off, and print its problems as JSON lines. Run from the root
of the checkout to test: `MEDCORE_LLM_BACKEND=template .venv/bin/python docs/evals/records-s28-review/probe.py PROBES`."""
from __future__ import annotations

import json
import os
import sys
import tempfile

os.environ.setdefault("MEDCORE_LLM_BACKEND", "template")
os.environ.setdefault("MEDCORE_DATA_DIR", tempfile.mkdtemp(prefix="rec28fix-"))
os.environ.setdefault("MEDCORE_KNOWLEDGE_CACHE_DIR", os.path.abspath(".data/test-knowledge-cache"))
sys.path.insert(0, os.getcwd())

from medcore.auth import SYSTEM  # noqa: E402
from medcore.config import Settings  # noqa: E402
from medcore.records import service  # noqa: E402
from medcore.records.inputs import NoteInput  # noqa: E402

settings = Settings.load(secrets={})
for line in open(sys.argv[1], encoding="utf-8"):
    text = line.rstrip("\n").replace("\\n", "\n")
    if not text.strip() or text.startswith("#"):
        continue
    r = service.summarize_input(NoteInput(text, "paste"), settings, user=SYSTEM, with_narrative=False)
    probs = [f"{p.text}|{p.icd10cm}|{p.assertion}" for p in r.analysis.extraction.problems]
    print(json.dumps({"text": text, "problems": probs}))
