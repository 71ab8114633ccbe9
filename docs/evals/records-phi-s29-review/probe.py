"""Run each probe (probes.txt, one a line; '#' lines skipped; '\\n' is a line break) through
records.service.summarize_input (the call the summarizer page, via summarize_bounded, and the CLI make), narrative
off, and print its PHI spans, medications and allergies as JSON lines. Run from the root of the checkout to test:
`MEDCORE_LLM_BACKEND=template .venv/bin/python docs/evals/records-phi-s29-review/probe.py PROBES > OUT.jsonl`."""
from __future__ import annotations

import json
import os
import sys
import tempfile

os.environ.setdefault("MEDCORE_LLM_BACKEND", "template")
os.environ.setdefault("MEDCORE_DATA_DIR", tempfile.mkdtemp(prefix="phi29fix-"))
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
    a = service.summarize_input(NoteInput(text, "paste"), settings, user=SYSTEM, with_narrative=False).analysis
    phi = [f"{s.type}:{s.text}" for s in a.deid.spans]
    meds = [f"{m.name}|{m.dose}{m.unit}|{m.frequency}|{m.status}{'|prn' if m.prn else ''}" for m in a.extraction.medications]
    allergies = [f"{x.substance}|{x.kind}" for x in a.extraction.allergies]
    print(json.dumps({"text": text, "phi": phi, "meds": meds, "allergies": allergies}))
