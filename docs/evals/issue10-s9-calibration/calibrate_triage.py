"""Calibrate the symptom chat's embedding index (fallback.yaml, indexes.triage_findings) on
assets/kb/triage/embedding_dev.yaml with medcore.knowledge.calibrate (the rule and the code live there; this
script only builds the chat's index, which the knowledge layer may not import).

Run: PYTHONPATH=. .venv/bin/python docs/evals/issue10-s9-calibration/calibrate_triage.py [--write adopt|record]
(prints stored and calibrated settings with dev precision/recall; --write records the calibration in
fallback.yaml, and with `adopt` also puts its threshold and margin in use)."""

from __future__ import annotations

import argparse
import json

from medcore.config import Settings
from medcore.knowledge import calibrate
from medcore.triage.lexicon import TRIAGE_INDEX, polarity_free
from medcore.triage.service import TriageEngine


def report(settings) -> dict:
    """Skipped: the phrases the chat never sends to the index (read by its lexicon first, or holding a negation
    cue: triage.lexicon.polarity_free)."""
    eng = TriageEngine.from_settings(settings, use_blend=False)
    if eng.embeddings is None:
        raise SystemExit("MiniLM is not installed: the chat has no embedding index to calibrate")
    return calibrate.index_report(settings.kb_dir, TRIAGE_INDEX, eng.embeddings,
                                  skip=lambda p: bool(eng.lexicon.find(p.lower())) or not polarity_free(p))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--write", choices=("adopt", "record"))
    ap.add_argument("--source", help="the source text to store with the settings (required with --write)")
    args = ap.parse_args()
    settings = Settings.load()
    rep = report(settings)
    print(json.dumps(rep, indent=1))
    if args.write:
        if not args.source:
            raise SystemExit("--write needs --source")
        calibrate.write_index_settings(settings.kb_dir, TRIAGE_INDEX, rep, args.write == "adopt", args.source)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
