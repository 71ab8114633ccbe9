"""Calibrate the embedding fallback's threshold on the labelled dev set and write fallback.yaml.

Run: python -m medcore.knowledge.calibrate   (needs the MiniLM package; about a minute the first time,
while the concept terms are embedded)."""

from __future__ import annotations

import json
import sys

import yaml

from medcore.knowledge import kbfiles
from medcore.knowledge.fallback import calibrate, evaluate

MIN_PRECISION = 0.9


def dev_examples(kb_dir) -> list[dict]:
    return list(kbfiles.load(kb_dir, "match_dev.yaml")["examples"])


def write_settings(kb_dir, best: dict) -> None:
    """fallback.yaml with the chosen threshold and its dev figures; the other embedding indexes' settings
    (`indexes`, e.g. the symptom chat's) are not this calibration's and are kept as they are."""
    path = kbfiles.knowledge_dir(kb_dir) / "fallback.yaml"
    doc = {"version": 1, "source": "Calibrated on assets/kb/knowledge/match_dev.yaml by python -m medcore.knowledge.calibrate "
           f"(best recall with dev precision >= {MIN_PRECISION}; of the thresholds with that recall, the highest)",
           "threshold": best["threshold"], "dev_precision": best["precision"], "dev_recall": best["recall"]}
    indexes = kbfiles.load(kb_dir, "fallback.yaml").get("indexes") if path.is_file() else None
    if indexes:
        doc["indexes"] = indexes
    path.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")


def main(argv=None) -> int:
    from medcore.config import Settings
    from medcore.knowledge import load_terminology

    settings = Settings.load()
    term = load_terminology(settings)
    examples = dev_examples(settings.kb_dir)
    unknown = [c for e in examples for c in (e["concept"] if isinstance(e["concept"], list) else [e["concept"]])
               if c and term.get(c) is None]
    if unknown:
        print(f"match_dev.yaml names concepts that do not exist: {unknown}", file=sys.stderr)
        return 1
    best = calibrate(term, examples, MIN_PRECISION)
    write_settings(settings.kb_dir, best)
    print(json.dumps({"chosen": best, "at_0.6": evaluate(term, examples, 0.6), "at_0.8": evaluate(term, examples, 0.8)},
                     indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
