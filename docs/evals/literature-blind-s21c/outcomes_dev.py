"""Dev outcome scores for session 21c (lit23): `literature eval-extract`'s scorer on the outcome dev sets (dev,
blind_s11, blind_s12; and the spent blind_s13 + blind_s14) with the outcome reader at the base (commit 520e5c20's
stated_outcomes.py, read from git) and after (the working tree), headings kept and removed. Aggregate tallies only
(per-paper lists quote the abstracts). Run from the repo root:
MEDCORE_LLM_BACKEND=template nice -n 10 .venv/bin/python docs/evals/literature-blind-s21c/outcomes_dev.py"""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from docs.evals._tools.lit_outcomes import headings_label, outcome_fields, pooled, reader_at, using_reader  # noqa: E402
from medcore.config import Settings  # noqa: E402
from medcore.literature import stated_outcomes  # noqa: E402

BASE = "520e5c20"
GROUPS = {"dev + blind_s11 + blind_s12": ("dev", "blind_s11", "blind_s12"), "spent s13 + s14": ("blind_s13", "blind_s14")}


def run() -> dict:
    settings, out = Settings(), {}
    for label, reader in (("before", reader_at(BASE, "stated_outcomes_base")), ("after", stated_outcomes.read_outcomes)):
        with using_reader(reader):
            for headings in (True, False):
                fields = {s: outcome_fields(settings, s, headings) for splits in GROUPS.values() for s in splits}
                out[f"{label}, {headings_label(headings)}"] = {g: pooled(fields, splits) for g, splits in GROUPS.items()}
    return out


if __name__ == "__main__":
    result = run()
    print(json.dumps(result, indent=1))
    Path(__file__).with_name("dev.json").write_text(json.dumps(result, indent=1) + "\n")
