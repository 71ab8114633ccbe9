"""Score the session-26 holdout (holdout.yaml: own titles and objective sentences of observational abstracts with
their gold intervention) through the whole reader: each item becomes a short abstract (title, OBJECTIVE, one
neutral METHODS sentence), read with the rule roles, and its interventions matched to the gold by the eval-extract
rule (`evaluate._names_match`). Run from the root of the tree being scored (a base export or the branch):

    MEDCORE_LLM_BACKEND=template .venv/bin/python docs/evals/literature-s26/score_holdout.py \
        docs/evals/literature-s26/holdout.yaml --out OUT.json
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path.cwd()))  # the tree being scored

from medcore import kbyaml  # noqa: E402
from medcore.config import Settings  # noqa: E402
from medcore.literature.evaluate import _names_match, ratio  # noqa: E402
from medcore.literature.service import read_paper  # noqa: E402

METHODS = "METHODS: Data were analysed retrospectively."


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("file")
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    settings = Settings.load()
    items = kbyaml.load(Path(args.file))["items"]
    gold = predicted = correct = negatives_read = 0
    rows = []
    for it in items:
        text = f"{it['title']}\nOBJECTIVE: {it['objective']}\n{METHODS}"
        got = [i.text for i in read_paper(settings, text, classifier=False)[0].pico.interventions]
        used: set[int] = set()
        for g in it["gold"]:
            j = next((j for j, p in enumerate(got) if j not in used and _names_match(g, p)), None)
            if j is not None:
                used.add(j)
        gold += len(it["gold"])
        predicted += len(got)
        correct += len(used)
        negatives_read += bool(not it["gold"] and got)
        rows.append({"title": it["title"], "gold": it["gold"], "read": got})
    negatives = sum(not it["gold"] for it in items)
    report = {"items": len(items), "gold": gold, "predicted": predicted, "correct": correct,
              "precision": ratio(correct, predicted), "recall": ratio(correct, gold),
              "negatives": negatives, "negatives_read": negatives_read, "rows": rows}
    print(json.dumps({k: v for k, v in report.items() if k != "rows"}))
    Path(args.out).write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
