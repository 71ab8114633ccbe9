"""`train literature-ask`: fit the small yes/no/maybe answer model on the training split's PubMedQA items (their
expert answers, the question and the authors' conclusion sentences). The dev items are never fitted on; `eval
literature` scores them with the conclusions the role classifier finds, headings removed."""

from __future__ import annotations

import time
from pathlib import Path


def train(settings, out_dir: str | Path, *, seed: int = 0, l2: float = 1e-3, data_path=None, embed=None) -> dict:
    from medcore.literature import ask, ask_model, role_data
    from medcore.literature.headings import heading_map

    if embed is None:
        from medcore.embeddings import embed
    t0 = time.monotonic()
    train_set, _ = role_data.split(role_data.load_pubmedqa(settings, heading_map(settings), data_path), seed)
    x, y = ask.training_rows(train_set, embed, ask_model.cue_patterns(settings))
    if not y:
        raise ValueError("no training items with a question and an expert answer")
    model = ask_model.fit(x, y, l2=l2, seed=seed, meta={"seed": seed, "split": "train (PMID hash, seed "
                                                         f"{seed}); dev items never fitted on"})
    pred = [ask_model.ANSWERS[max(range(3), key=model.probabilities(r).__getitem__)] for r in x]
    folder = model.save(out_dir)
    return {"checkpoint": str(folder), "items": len(y), "train_accuracy": round(sum(a == b for a, b in zip(pred, y))
                                                                                  / len(y), 4),
            "wall_s": round(time.monotonic() - t0, 1)}
