"""`literature eval-extract` tallies for session 23 (issue 15): the seven older annotated splits pooled (210
abstracts, all dev), blind_s22 (30, dev since session 23) on its own, and each split alone, headings kept and
removed. Only the tallies are written (the per-paper part quotes the abstracts).

    MEDCORE_LLM_BACKEND=template nice -n 10 .venv/bin/python docs/evals/literature-s23/extract_fields.py \
        --out docs/evals/literature-s23/after.json
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path.cwd()))  # the tree being scored: the repo root this is run from

from medcore.config import Settings  # noqa: E402
from medcore.literature.evaluate import evaluate, ratio  # noqa: E402

SEVEN = ("dev", "blind", "blind2", "blind_s11", "blind_s12", "blind_s13", "blind_s14")
SPLITS = SEVEN + ("blind_s22",)
COUNTS = ("gold", "predicted", "correct")


def _pool(rows: list[dict]) -> dict:
    total: dict[str, dict] = {}
    for fields in rows:
        for field, t in fields.items():
            acc = total.setdefault(field, dict.fromkeys(COUNTS, 0))
            for k in COUNTS:
                acc[k] += t[k]
    return {f: dict(t, precision=ratio(t["correct"], t["predicted"]), recall=ratio(t["correct"], t["gold"]))
            for f, t in total.items()}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    settings = Settings.load()
    report: dict = {}
    for mode, headings in (("kept", True), ("removed", False)):
        per = {s: evaluate(settings, s, headings=headings)["fields"] for s in SPLITS}
        report[mode] = {"seven_pooled": _pool([per[s] for s in SEVEN]),
                        "s12_s14": _pool([per[s] for s in ("blind_s12", "blind_s13", "blind_s14")]),
                        "blind_s22": _pool([per["blind_s22"]]),
                        "per_split": {s: _pool([per[s]]) for s in SPLITS}}
    Path(args.out).write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    for mode in ("kept", "removed"):
        for group in ("seven_pooled", "s12_s14", "blind_s22"):
            print(f"headings {mode}, {group}")
            for f, t in report[mode][group].items():
                print(f"  {f:20s} P {t['precision']}  R {t['recall']}  (gold {t['gold']}, predicted "
                      f"{t['predicted']}, correct {t['correct']})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
