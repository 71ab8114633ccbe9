"""Recount the audit's 'no emergency instruction under a calmer heading' violations of a shard run with the audit's
current clause test (the runs of 2026-12-06 17:06 loaded the version before "chew" became a whole word):
python recount.py RUN.json ... (a place stays a violation if any of its stored lines is still unconditional)."""
import importlib.util
import json
import sys
from pathlib import Path

spec = importlib.util.spec_from_file_location("audit", Path(__file__).parents[1] / "triage-s23b" / "audit.py")
audit = importlib.util.module_from_spec(spec)
spec.loader.exec_module(audit)
name = "no_emergency_instructions_under_calmer_heading"
for path in sys.argv[1:]:
    d = json.load(open(path))
    ex = d["examples"].get(name, [])
    still = [e for e in ex if audit.unconditional_emergency(e["detail"]["lines"])]
    print(f"{path}: {d['summary'][name]['violations']} stored {len(ex)} -> {len(still)} / {d['summary'][name]['checked']}",
          sorted({l for e in still for l in e["detail"]["lines"]}))
