"""`literature eval-extract` tallies of the scored fields on the dev extraction splits, headings kept and removed,
each split and all pooled: one home for literature-s23c/numeric_fields.py and literature-s24/all_fields.py (each calls
it with its splits and fields). Only tallies are written (the per-paper part quotes the abstracts). Run from the
root of the tree being scored:

    MEDCORE_LLM_BACKEND=template nice -n 10 .venv/bin/python docs/evals/_tools/lit_fields.py --out OUT.json \
        [--splits dev blind ...] [--fields design n ...]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path.cwd()))  # the tree being scored: the repo root this is run from

from medcore.config import Settings  # noqa: E402
from medcore.literature.evaluate import evaluate, ratio  # noqa: E402

# the default: literature-s24's splits (every extraction split that was dev in session 24)
SPLITS = ("dev", "blind", "blind2", "blind_s11", "blind_s12", "blind_s13", "blind_s14", "blind_s22", "blind_s23")
COUNTS = ("gold", "predicted", "correct")


def main(splits=SPLITS, fields=None, width: int = 20, argv=None) -> int:
    """fields None: every field a split scores (`setting` only where a set annotates it)."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--splits", nargs="+", default=list(splits))
    ap.add_argument("--fields", nargs="+", default=fields)
    args = ap.parse_args(argv)
    # literature-s25's README passes one comma-separated list; both forms name the same splits
    args.splits = [s for part in args.splits for s in part.split(",") if s]
    settings = Settings.load()
    report: dict = {}
    for mode, headings in (("kept", True), ("removed", False)):
        per = {s: evaluate(settings, s, headings=headings)["fields"] for s in args.splits}
        if args.fields:
            per = {s: {f: per[s][f] for f in args.fields} for s in args.splits}
        names = list(dict.fromkeys(f for s in args.splits for f in per[s]))
        pooled = {}
        for f in names:
            t = {k: sum(per[s][f][k] for s in args.splits if f in per[s]) for k in COUNTS}
            pooled[f] = dict(t, precision=ratio(t["correct"], t["predicted"]), recall=ratio(t["correct"], t["gold"]))
        report[mode] = {"pooled": pooled, "per_split": per}
        for f, t in pooled.items():
            print(f"headings {mode} {f:{width}s} P {t['precision']}  R {t['recall']}  ({t['correct']}/{t['predicted']}/{t['gold']})")
    Path(args.out).write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
