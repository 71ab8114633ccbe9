"""The cue rule of `literature ask` (no answer model) on PubMedQA items, read from the authors' own conclusion
sentences (LONG_ANSWER; no role classifier involved, so this runs in seconds and without torch models).

This is the figure session 8 chose its negation cues on: the train split (seed 0) only; the dev split is scored
by `python -m medcore eval literature --split holdout` (see docs/evals/literature-s8/README.md). Pass
`--cues PATH` to score another answer_cues.yaml (e.g. the previous one, `git show HEAD~1:...`) on the same items.
Run: python bench/literature_ask_cues.py [--split train|dev-tune|holdout] [--cues PATH]"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))


def run(split: str = "train", cues_path: str | None = None) -> dict:
    from medcore.config import Settings
    from medcore.literature import ask, ask_model, role_data
    from medcore.literature.headings import heading_map
    from medcore.literature.role_metrics import classification_report

    settings = Settings.load()
    kb_dir = Path(settings.kb_dir) / "literature"
    if cues_path:  # a copy of the literature KB with the given answer cues
        tmp = Path(tempfile.mkdtemp()) / "literature"
        shutil.copytree(kb_dir, tmp)
        shutil.copy(cues_path, tmp / "answer_cues.yaml")
        kb_dir = tmp
    cues = ask_model.cue_patterns(str(kb_dir)) if cues_path else ask_model.cue_patterns(settings)
    if role_data.pubmedqa_path(settings) is None:
        return {"skipped": "PubMedQA data not found (../shared/data/pubmedqa/pqal_dev.json); it is not shipped"}
    train, dev = role_data.split(role_data.load_pubmedqa(settings, heading_map(settings)), 0)
    tune, hold = role_data.split_dev(dev)
    items = role_data.answered_conclusions({"train": train, "dev-tune": tune, "holdout": hold}[split])
    gold, pred = [], []
    for a, conc in items:
        gold.append(a.answer)
        pred.append(ask.cue_answer(ask_model.cue_counts(conc, cues, a.question))[0])
    rep = classification_report(gold, pred, list(ask_model.ANSWERS))
    return {"split": split, "items": len(items), "conclusions": "the authors' own (gold), not predicted",
            "cues": cues_path or "shipped", "accuracy": rep["accuracy"], "macro_f1": rep["macro_f1"],
            "confusion": rep["confusion"], "labels": rep["labels"]}


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", choices=["train", "dev-tune", "holdout"], default="train")
    ap.add_argument("--cues", default=None)
    args = ap.parse_args()
    print(json.dumps(run(args.split, args.cues), indent=2))
