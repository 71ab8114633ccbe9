"""Session 22 outcome scores on every extraction split (all dev now: dev, blind_s11 ... blind_s14, blind, blind2;
210 abstracts): `literature eval-extract`'s scorer with the outcome reader at the base (commit 681c20ba's
stated_outcomes.py, read from git) and in the working tree, headings kept and removed. Aggregate tallies only
(per-paper lists quote the abstracts). Run from the repo root:
MEDCORE_LLM_BACKEND=template nice -n 10 .venv/bin/python docs/evals/literature-s22/outcomes_dev.py"""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from docs.evals._tools.lit_outcomes import headings_label, outcome_fields, pooled, reader_at, using_reader  # noqa: E402
from medcore.config import Settings  # noqa: E402
from medcore.literature import stated_outcomes  # noqa: E402

BASE = "681c20ba"
GROUPS = {"dev + blind_s11 + blind_s12": ("dev", "blind_s11", "blind_s12"), "s13 + s14": ("blind_s13", "blind_s14"),
          "blind + blind2": ("blind", "blind2")}
ALL = tuple(s for splits in GROUPS.values() for s in splits)


def run() -> dict:
    settings, out = Settings(), {}
    for label, reader in (("before", reader_at(BASE)), ("after", stated_outcomes.read_outcomes)):
        with using_reader(reader):
            for headings in (True, False):
                fields = {s: outcome_fields(settings, s, headings) for s in ALL}
                row = {g: pooled(fields, splits) for g, splits in GROUPS.items()}
                row["all seven (210 abstracts)"] = pooled(fields, ALL)
                out[f"{label}, {headings_label(headings)}"] = row
    return out


if __name__ == "__main__":
    result = run()
    print(json.dumps(result, indent=1))
    Path(__file__).with_name("outcomes_dev.json").write_text(json.dumps(result, indent=1) + "\n")
