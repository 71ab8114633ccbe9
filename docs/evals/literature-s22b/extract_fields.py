"""`literature eval-extract` pooled over the seven annotated splits (all dev), headings kept and removed: per field,
gold / predicted / correct summed over the splits, with precision and recall (session 22b, issue 15).

    MEDCORE_LLM_BACKEND=template nice -n 10 .venv/bin/python docs/evals/literature-s22b/extract_fields.py \
        --out docs/evals/literature-s22b/after.json

The base reader is scored with the same file run from an export of the base commit (see README.md here). Only
the tallies are written: the per-paper part of the report, which quotes the abstracts, is dropped unread."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path.cwd()))  # the tree being scored: the repo root this is run from

from medcore.config import Settings  # noqa: E402
from medcore.literature.evaluate import evaluate, ratio  # noqa: E402

SPLITS = ("dev", "blind", "blind2", "blind_s11", "blind_s12", "blind_s13", "blind_s14")
COUNTS = ("gold", "predicted", "correct")


def pooled(settings, headings: bool, data: str | None) -> dict:
    total: dict[str, dict] = {}
    for split in SPLITS:
        for field, t in evaluate(settings, split, data_path=data, headings=headings)["fields"].items():
            acc = total.setdefault(field, dict.fromkeys(COUNTS, 0))
            for k in COUNTS:
                acc[k] += t[k]
    return {f: dict(t, precision=ratio(t["correct"], t["predicted"]), recall=ratio(t["correct"], t["gold"]))
            for f, t in total.items()}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--data", default=None, help="pqal_dev.json (default: ../shared/data/pubmedqa/)")
    args = ap.parse_args()
    settings = Settings.load()
    report = {"splits": list(SPLITS), "kept": pooled(settings, True, args.data),
              "removed": pooled(settings, False, args.data)}
    Path(args.out).write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    for mode in ("kept", "removed"):
        print(f"headings {mode}")
        for f, t in report[mode].items():
            print(f"  {f:20s} P {t['precision']}  R {t['recall']}  (gold {t['gold']}, predicted {t['predicted']}, "
                  f"correct {t['correct']})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
