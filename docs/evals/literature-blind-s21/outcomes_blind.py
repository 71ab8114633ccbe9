"""Blind outcome scores (blind_s13 + blind_s14, 40 abstracts, outcome gold written by hand by lit22 before any
scoring): `literature eval-extract`'s scorer with the outcome reader before session 21's change (commit a23a4ac9's
stated_outcomes.py, read from git, as docs/evals/literature-s21/outcomes_before_after.py does) and after (the
working tree), headings kept and removed. Only the aggregate outcome tallies are kept and printed: per-paper
output quotes the abstracts and would unblind the set.
Run from the repo root, once:
MEDCORE_LLM_BACKEND=template nice -n 10 .venv/bin/python docs/evals/literature-blind-s21/outcomes_blind.py"""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from docs.evals._tools.lit_outcomes import headings_label, outcome_fields, pooled, reader_at, using_reader  # noqa: E402
from medcore.config import Settings  # noqa: E402
from medcore.literature import stated_outcomes  # noqa: E402

BASE = "a23a4ac9"
SPLITS = ("blind_s13", "blind_s14")


def run() -> dict:
    settings, out = Settings(), {}
    for label, reader in (("before", reader_at(BASE)), ("after", stated_outcomes.read_outcomes)):
        with using_reader(reader):
            for headings in (True, False):
                row = {s: outcome_fields(settings, s, headings) for s in SPLITS}
                row["both (40 abstracts)"] = pooled(row, SPLITS)
                out[f"{label}, {headings_label(headings)}"] = row
    return out


if __name__ == "__main__":
    result = run()
    print(json.dumps(result, indent=1))
    Path(__file__).with_name("outcomes_blind.json").write_text(json.dumps(result, indent=1) + "\n")
