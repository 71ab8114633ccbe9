"""`literature eval-extract` on the seven extraction splits (all dev now), headings kept and removed, with
`treated_groups.expand` at the base (commit 0b5173cd, read from git) and in the working tree: the field tallies
that change, and how many papers' misses change. Counts only (the per-paper misses quote the abstracts).
Run from the repo root: MEDCORE_LLM_BACKEND=template nice -n 10 .venv/bin/python docs/evals/literature-s22/extract_expand.py"""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from docs.evals._tools.lit_outcomes import headings_label  # noqa: E402
from medcore.config import Settings  # noqa: E402
from medcore.literature import stated_outcomes, treated_groups  # noqa: E402
from medcore.literature.evaluate import evaluate  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from abbreviations import SPLITS, _old_expand  # noqa: E402


def _run(settings, expand) -> dict:
    tree = treated_groups.expand
    treated_groups.expand = stated_outcomes.expand = expand
    try:
        return {(s, h): evaluate(settings, s, headings=h) for s in SPLITS for h in (True, False)}
    finally:
        treated_groups.expand = stated_outcomes.expand = tree


def run() -> dict:
    settings = Settings()
    before, after = _run(settings, _old_expand()), _run(settings, treated_groups.expand)
    out = {}
    for key in before:
        b, a = before[key], after[key]
        changed = {f: {"before": {k: b["fields"][f][k] for k in ("gold", "predicted", "correct")},
                       "after": {k: a["fields"][f][k] for k in ("gold", "predicted", "correct")}}
                   for f in b["fields"] if b["fields"][f] != a["fields"][f]}
        papers = sum(x["misses"] != y["misses"] for x, y in zip(b["per_paper"], a["per_paper"]))
        out[f"{key[0]}, {headings_label(key[1])}"] = {"fields changed": changed, "papers whose misses changed": papers}
    return out


if __name__ == "__main__":
    result = run()
    print(json.dumps(result, indent=1))
    Path(__file__).with_name("extract_expand.json").write_text(json.dumps(result, indent=1) + "\n")
