"""The outcome-evaluation part shared by the literature outcome scripts (session 22, issue 15): the outcome reader
at an older commit (read from git, to score before and after a change with one scorer), the tree's reader swapped
for it while scoring, and `literature eval-extract`'s outcome tallies per split and pooled over splits. Scoring
itself stays in medcore.literature.evaluate (`evaluate`, `ratio`); this is only the scripts' common driving.
The scripts put the repo root on sys.path and import this as `docs.evals._tools.lit_outcomes`."""

from __future__ import annotations

import contextlib
import subprocess
import types

from medcore.literature import pico, stated_outcomes
from medcore.literature.evaluate import evaluate, ratio

FIELDS = ("outcomes_primary", "outcomes_secondary")
COUNTS = ("gold", "predicted", "correct")


def reader_at(commit: str, name: str = "stated_outcomes_before"):
    """`read_outcomes` of stated_outcomes.py as it was at `commit` (its imports resolve against the tree)."""
    src = subprocess.run(["git", "show", f"{commit}:medcore/literature/stated_outcomes.py"], capture_output=True,
                         text=True, check=True).stdout
    mod = types.ModuleType(name)
    exec(compile(src, name, "exec"), mod.__dict__)
    return mod.read_outcomes


@contextlib.contextmanager
def using_reader(reader):
    """The reader pico calls, swapped for `reader` inside the block and put back after it, also on an error."""
    tree = stated_outcomes.read_outcomes
    pico.stated_outcomes.read_outcomes = reader
    try:
        yield
    finally:
        pico.stated_outcomes.read_outcomes = tree


def outcome_fields(settings, split: str, headings: bool) -> dict:
    """The outcome tallies of one split; the per-paper part, which quotes the abstracts, is dropped unread."""
    fields = evaluate(settings, split, headings=headings)["fields"]
    return {f: fields[f] for f in FIELDS}


def pooled(per_split: dict, splits) -> dict:
    """Outcome tallies summed over `splits` of `per_split` ({split: {field: tally}}), with their ratios."""
    total = {}
    for f in FIELDS:
        t = {k: sum(per_split[s][f][k] for s in splits) for k in COUNTS}
        total[f] = dict(t, precision=ratio(t["correct"], t["predicted"]), recall=ratio(t["correct"], t["gold"]))
    return total


def headings_label(headings: bool) -> str:
    return f"headings {'kept' if headings else 'removed'}"
