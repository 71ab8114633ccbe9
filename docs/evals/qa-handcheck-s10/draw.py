"""Draw the 30 MedQuAD dev questions of the s10 hand check, and answer all 50 as `ask --json` does.

    MEDCORE_LLM_BACKEND=template .venv/bin/python docs/evals/qa-handcheck-s10/draw.py OUT.json

Reads only the dev split. OUT.json holds MedQuAD questions and must stay outside the repository (it is
development data); only ids and hashes are committed (judgements.yaml)."""

from __future__ import annotations

import hashlib
import json
import random
import sys
from pathlib import Path

import yaml

from medcore.config import Settings
from medcore.qa import evaluate, medquad, service

SEED = 20261205
N_MEDQUAD = 30
HERE = Path(__file__).resolve().parent


def qhash(q: str) -> str:
    return hashlib.sha256(" ".join(q.split()).encode()).hexdigest()[:12]


def draw(eng) -> list[medquad.Item]:
    items = sorted(medquad.load(medquad.data_path(), "dev"), key=lambda i: i.id)
    gold = {f: evaluate.gold_topic(eng, f) for f in sorted({i.focus for i in items})}
    covered = [i for i in items if gold[i.focus]]
    return random.Random(SEED).sample(covered, N_MEDQUAD)


def main(out: str) -> None:
    settings = Settings.load()
    eng = service.engine(settings)
    rows = []
    for it in draw(eng):
        a = service.ask(settings, it.question, eng=eng)
        d = a.to_dict()
        d["context"] = a.context()
        rows.append({"id": it.id, "hash": qhash(it.question), "focus": it.focus, "qtype": it.qtype,
                     "question": it.question, "source_url": it.source, "out": d})
    own = yaml.safe_load((HERE / "own_questions.yaml").read_text(encoding="utf-8"))
    for q in own:
        a = service.ask(settings, q["q"], q.get("context"), eng=eng)
        d = a.to_dict()
        d["context"] = a.context()
        rows.append({"id": q["id"], "hash": qhash(q["q"]), "question": q["q"], "context": q.get("context"),
                     "out": d})
    Path(out).write_text(json.dumps(rows, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1])
