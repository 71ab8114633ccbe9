"""`literature eval-extract` tallies of every scored field on every dev extraction split (dev, blind, blind2,
blind_s11 ... blind_s14, blind_s22, blind_s23: all dev since session 24), headings kept and removed, each split and
all pooled (session 24, issue 15). Only tallies are written (the per-paper part quotes the abstracts).

    MEDCORE_LLM_BACKEND=template nice -n 10 .venv/bin/python docs/evals/literature-s24/all_fields.py \
        --out docs/evals/literature-s24/after.json
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path.cwd()))  # the tree being scored: the repo root this is run from

from medcore.config import Settings  # noqa: E402
from medcore.literature.evaluate import evaluate, ratio  # noqa: E402

SPLITS = ("dev", "blind", "blind2", "blind_s11", "blind_s12", "blind_s13", "blind_s14", "blind_s22", "blind_s23")
COUNTS = ("gold", "predicted", "correct")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--splits", default=",".join(SPLITS),
                    help="comma-separated splits (session 25 adds blind_s24, dev since then)")
    args = ap.parse_args()
    splits = tuple(s for s in args.splits.split(",") if s)
    settings = Settings.load()
    report: dict = {}
    for mode, headings in (("kept", True), ("removed", False)):
        per = {s: evaluate(settings, s, headings=headings)["fields"] for s in splits}
        fields = list(dict.fromkeys(f for s in splits for f in per[s]))  # `setting` only where a set annotates it
        pooled = {}
        for f in fields:
            t = {k: sum(per[s][f][k] for s in splits if f in per[s]) for k in COUNTS}
            pooled[f] = dict(t, precision=ratio(t["correct"], t["predicted"]), recall=ratio(t["correct"], t["gold"]))
        report[mode] = {"pooled": pooled, "per_split": per}
        for f, t in pooled.items():
            print(f"headings {mode} {f:20s} P {t['precision']}  R {t['recall']}  ({t['correct']}/{t['predicted']}/{t['gold']})")
    Path(args.out).write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
