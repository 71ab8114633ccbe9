"""Score blind set s23 ONCE per state (before / after): `literature eval-extract`'s scorer (medcore.literature.
evaluate.evaluate, rule roles), headings kept and removed. Only the per-field tallies are kept: the per-paper part
quotes the abstracts' readings and would unblind the set, so it is dropped unread. Outcome precision / recall are
the scorer's `outcomes_primary` / `outcomes_secondary` tallies, as docs/evals/literature-blind-s21c/outcomes_blind.py
reads them. Run from the repo root:
MEDCORE_LLM_BACKEND=template nice -n 10 .venv/bin/python docs/evals/literature-blind-s23/score.py before|after"""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from medcore.config import Settings  # noqa: E402
from medcore.literature.evaluate import evaluate  # noqa: E402


def run(split: str = "blind_s23") -> dict:
    settings, out = Settings(), {}
    for headings in (True, False):
        report = evaluate(settings, split, headings=headings)
        out[f"headings {'kept' if headings else 'removed'}"] = {"papers": report["papers"], "fields": report["fields"]}
    return out


if __name__ == "__main__":
    label = sys.argv[1] if len(sys.argv) > 1 else ""
    assert label in ("before", "after"), "usage: score.py before|after"
    result = run()
    Path(__file__).with_name(f"{label}.json").write_text(json.dumps(result, indent=1) + "\n")
    for key, row in result.items():
        print(key)
        for field, t in row["fields"].items():
            print(f"  {field:20s} P {t['precision']}  R {t['recall']}  ({t['correct']} / {t['predicted']} / {t['gold']})")
