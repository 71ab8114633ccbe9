"""Score a BREADTH list of sample size (n), study design and care setting items (session 25b, issue 15) through the
readers the card uses: `population_size.pick_n` and `design.read_design`. Each item is a small paper (title and
sentences with their roles, read as headed: role_source 'heading'); n and design are exact, setting matches as
`eval-extract` matches it (`evaluate._names_match`). Precision counts every reading made (a reading on an item
whose gold is null is a false one); recall counts items with a gold.

    MEDCORE_LLM_BACKEND=template .venv/bin/python docs/evals/literature-s25b/score.py items.yaml|holdout.yaml \
        [--out FILE] [--misses]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path.cwd()))  # the tree being scored: the repo root this is run from

from medcore.config import Settings  # noqa: E402
from medcore.literature import design  # noqa: E402
from medcore.literature.evaluate import _names_match, ratio  # noqa: E402
from medcore.literature.model import Paper, Sentence  # noqa: E402
from medcore.literature.population_size import pick_n  # noqa: E402

HERE = Path(__file__).resolve().parent
ROLES = {"O": "objective", "M": "methods", "R": "results", "C": "conclusions", "B": "background"}


def paper_of(lines: list[str]) -> Paper:
    title, sents, text = "", [], ""
    for line in lines:
        tag, body = line.split(": ", 1)
        if tag == "T":
            title = body
            continue
        start = len(text)
        text += body + " "
        sents.append(Sentence(len(sents), body, start, start + len(body), None, ROLES[tag], 1.0, "heading"))
    return Paper(title=title, text=text, sentences=sents)


def reading(field: str, paper: Paper, settings):
    if field == "n":
        return pick_n(paper.sentences)[0]
    d = design.read_design(settings, paper)
    if field == "design":
        return d.kind if d.kind != "unknown" else None  # as `evaluate.predicted` reads it
    return d.setting or None


def correct(field: str, gold, got) -> bool:
    if gold is None or got is None:
        return False
    return _names_match(str(gold), got) if field == "setting" else gold == got


def score(items: dict, settings) -> dict:
    out, misses = {}, []
    for field in ("n", "design", "setting"):
        t = {"gold": 0, "predicted": 0, "correct": 0, "negatives": 0, "false_on_negatives": 0}
        for i, item in enumerate(items.get(field, [])):
            gold, got = item["g"], reading(field, paper_of(item["s"]), settings)
            ok = correct(field, gold, got)
            t["gold"] += gold is not None
            t["predicted"] += got is not None
            t["correct"] += ok
            if gold is None:
                t["negatives"] += 1
                t["false_on_negatives"] += got is not None
            if not ok and (gold is not None or got is not None):
                misses.append((field, i, gold, got, item["s"][-1][:90]))
        t.update(precision=ratio(t["correct"], t["predicted"]), recall=ratio(t["correct"], t["gold"]))
        out[field] = t
    return {"fields": out, "misses": misses}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("items")
    ap.add_argument("--out")
    ap.add_argument("--misses", action="store_true")
    args = ap.parse_args()
    items = yaml.safe_load((HERE / args.items).read_text(encoding="utf-8"))
    result = score(items, Settings.load())
    for f, t in result["fields"].items():
        print(f"{f:8s} P {t['precision']}  R {t['recall']}  ({t['correct']}/{t['predicted']}/{t['gold']}), "
              f"false on negatives {t['false_on_negatives']}/{t['negatives']}")
    if args.out:
        Path(args.out).write_text(json.dumps(result["fields"], indent=1) + "\n", encoding="utf-8")
    if args.misses:
        for m in result["misses"]:
            print("MISS", m)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
