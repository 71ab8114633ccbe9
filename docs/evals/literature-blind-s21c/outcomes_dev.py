"""Dev outcome scores for session 21c (lit23): `literature eval-extract`'s scorer on the outcome dev sets (dev,
blind_s11, blind_s12; and the spent blind_s13 + blind_s14) with the outcome reader at the base (commit 520e5c20's
stated_outcomes.py, read from git) and after (the working tree), headings kept and removed. Aggregate tallies only
(per-paper lists quote the abstracts). Run from the repo root:
MEDCORE_LLM_BACKEND=template nice -n 10 .venv/bin/python docs/evals/literature-blind-s21c/outcomes_dev.py"""

import json
import subprocess
import sys
import types
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from medcore.config import Settings  # noqa: E402
from medcore.literature import pico, stated_outcomes  # noqa: E402
from medcore.literature.evaluate import evaluate  # noqa: E402

BASE = "520e5c20"
GROUPS = {"dev + blind_s11 + blind_s12": ("dev", "blind_s11", "blind_s12"), "spent s13 + s14": ("blind_s13", "blind_s14")}
FIELDS = ("outcomes_primary", "outcomes_secondary")


def _old_reader():
    src = subprocess.run(["git", "show", f"{BASE}:medcore/literature/stated_outcomes.py"], capture_output=True,
                         text=True, check=True).stdout
    mod = types.ModuleType("stated_outcomes_base")
    exec(compile(src, "stated_outcomes_base", "exec"), mod.__dict__)
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
                row = {}
                for group, splits in GROUPS.items():
                    fields = {s: evaluate(settings, s, headings=headings)["fields"] for s in splits}  # per_paper dropped
                    row[group] = {}
                    for f in FIELDS:
                        t = {k: sum(fields[s][f][k] for s in splits) for k in ("gold", "predicted", "correct")}
                        row[group][f] = dict(t, precision=_ratio(t["correct"], t["predicted"]),
                                             recall=_ratio(t["correct"], t["gold"]))
                out[f"{label}, headings {'kept' if headings else 'removed'}"] = row
    finally:
        pico.stated_outcomes.read_outcomes = new
    return out


if __name__ == "__main__":
    result = run()
    print(json.dumps(result, indent=1))
    Path(__file__).with_name("dev.json").write_text(json.dumps(result, indent=1) + "\n")
