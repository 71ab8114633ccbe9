"""Blind outcome scores (blind + blind2, 30 abstracts, outcome gold written by hand by lit23 before any outcome
reader output was seen): `literature eval-extract`'s scorer with the working tree's outcome reader, headings kept
and removed. Only the aggregate outcome tallies are kept: per-paper output quotes the abstracts and would unblind
the set. Run from the repo root ONCE at the base (before) and ONCE after the change:
MEDCORE_LLM_BACKEND=template nice -n 10 .venv/bin/python docs/evals/literature-blind-s21c/outcomes_blind.py before
MEDCORE_LLM_BACKEND=template nice -n 10 .venv/bin/python docs/evals/literature-blind-s21c/outcomes_blind.py after"""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from docs.evals._tools.lit_outcomes import headings_label, outcome_fields, pooled  # noqa: E402
from medcore.config import Settings  # noqa: E402


def run(splits: tuple[str, ...]) -> dict:
    settings, out = Settings(), {}
    for headings in (True, False):
        row = {s: outcome_fields(settings, s, headings) for s in splits}
        row["all"] = pooled(row, splits)
        out[headings_label(headings)] = row
    return out


if __name__ == "__main__":
    label = sys.argv[1]
    assert label in ("before", "after"), "usage: outcomes_blind.py before|after"
    result = run(("blind", "blind2"))
    print(json.dumps(result, indent=1))
    Path(__file__).with_name(f"{label}.json").write_text(json.dumps(result, indent=1) + "\n")
