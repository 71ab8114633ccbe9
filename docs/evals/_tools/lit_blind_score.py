"""Score a literature blind extraction set ONCE per state (before / after), shared by
docs/evals/literature-blind-s22/score.py and literature-blind-s23/score.py: `literature eval-extract`'s scorer
(medcore.literature.evaluate.evaluate, rule roles), headings kept and removed. Only the per-field tallies are kept:
the per-paper part quotes the abstracts' readings and would unblind the set, so it is dropped unread. Outcome
precision / recall are the scorer's `outcomes_primary` / `outcomes_secondary` tallies. The scripts put the repo root
on sys.path and import this as `docs.evals._tools.lit_blind_score`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from medcore.config import Settings
from medcore.literature.evaluate import evaluate


def run(split: str) -> dict:
    settings, out = Settings(), {}
    for headings in (True, False):
        report = evaluate(settings, split, headings=headings)
        out[f"headings {'kept' if headings else 'removed'}"] = {"papers": report["papers"], "fields": report["fields"]}
    return out


def main(split: str, folder: Path, argv: list[str]) -> None:
    """Score `split`, write folder/<before|after>.json and print the tallies."""
    label = argv[1] if len(argv) > 1 else ""
    assert label in ("before", "after"), "usage: score.py before|after"
    result = run(split)
    (folder / f"{label}.json").write_text(json.dumps(result, indent=1) + "\n")
    for key, row in result.items():
        print(key)
        for field, t in row["fields"].items():
            print(f"  {field:20s} P {t['precision']}  R {t['recall']}  ({t['correct']} / {t['predicted']} / {t['gold']})")


if __name__ == "__main__":
    sys.exit("run docs/evals/literature-blind-sNN/score.py before|after")
