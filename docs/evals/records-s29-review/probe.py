"""Run each probe sentence (one a line; '#' lines skipped; a literal \\n is a line break) through
records.service.summarize_input (the path the summarizer page and the CLI take), narrative off, and print its
problems, labs and vitals as JSON lines. Run from the root of the checkout to test:
`MEDCORE_LLM_BACKEND=template .venv/bin/python docs/evals/records-s29-review/probe.py PROBES`."""
from __future__ import annotations

import json
import os
import sys
import tempfile

os.environ.setdefault("MEDCORE_LLM_BACKEND", "template")
os.environ.setdefault("MEDCORE_DATA_DIR", tempfile.mkdtemp(prefix="rec29fix-"))
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
    ex = r.analysis.extraction
    probs = [f"{p.text}|{p.icd10cm}|{p.assertion}" for p in ex.problems]
    meas = [f"{m.name}={m.value}{m.unit}|{m.flag}" for m in ex.labs + ex.vitals]
    print(json.dumps({"text": text, "problems": probs, "measures": meas}))
