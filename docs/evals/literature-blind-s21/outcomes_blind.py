"""Blind outcome scores (blind_s13 + blind_s14, 40 abstracts, outcome gold written by hand by lit22 before any
scoring): `literature eval-extract`'s scorer with the outcome reader before session 21's change (commit a23a4ac9's
stated_outcomes.py, read from git, as docs/evals/literature-s21/outcomes_before_after.py does) and after (the
working tree), headings kept and removed. Only the aggregate outcome tallies are kept and printed: per-paper
output quotes the abstracts and would unblind the set.
Run from the repo root, once:
MEDCORE_LLM_BACKEND=template nice -n 10 .venv/bin/python docs/evals/literature-blind-s21/outcomes_blind.py"""

import json
import subprocess
import sys
import types
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from medcore.config import Settings  # noqa: E402
from medcore.literature import pico, stated_outcomes  # noqa: E402
from medcore.literature.evaluate import evaluate  # noqa: E402

BASE = "a23a4ac9"
SPLITS = ("blind_s13", "blind_s14")
FIELDS = ("outcomes_primary", "outcomes_secondary")


def _old_reader():
    src = subprocess.run(["git", "show", f"{BASE}:medcore/literature/stated_outcomes.py"], capture_output=True,
                         text=True, check=True).stdout
    mod = types.ModuleType("stated_outcomes_before")
    exec(compile(src, "stated_outcomes_before", "exec"), mod.__dict__)
    return mod.read_outcomes


def _ratio(a: int, b: int):
    return round(a / b, 3) if b else None


def run() -> dict:
    settings, out = Settings(), {}
    new = stated_outcomes.read_outcomes
    try:
        for label, reader in (("before", _old_reader()), ("after", new)):
            pico.stated_outcomes.read_outcomes = reader
            for headings in (True, False):
                key = f"{label}, headings {'kept' if headings else 'removed'}"
                row = {}
                for split in SPLITS:
                    fields = evaluate(settings, split, headings=headings)["fields"]  # per_paper dropped unread
                    row[split] = {f: fields[f] for f in FIELDS}
                total = {}
                for f in FIELDS:
                    t = {k: sum(row[s][f][k] for s in SPLITS) for k in ("gold", "predicted", "correct")}
                    total[f] = dict(t, precision=_ratio(t["correct"], t["predicted"]),
                                    recall=_ratio(t["correct"], t["gold"]))
                row["both (40 abstracts)"] = total
                out[key] = row
    finally:
        pico.stated_outcomes.read_outcomes = new
    return out


if __name__ == "__main__":
    result = run()
    print(json.dumps(result, indent=1))
    Path(__file__).with_name("outcomes_blind.json").write_text(json.dumps(result, indent=1) + "\n")
