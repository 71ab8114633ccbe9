"""Draw the 30 MedQuAD dev questions of the s11 hand check, and answer all 50 as `ask --json` does.

    PYTHONPATH=. MEDCORE_LLM_BACKEND=template .venv/bin/python docs/evals/qa-s11/draw.py ids   # writes medquad ids
    PYTHONPATH=. MEDCORE_LLM_BACKEND=template .venv/bin/python docs/evals/qa-s11/draw.py answer OUT.json

Reads only the dev split. OUT.json holds MedQuAD questions and must stay outside the repository (it is
development data); only ids and hashes are committed (handcheck_questions.yaml, judgements.yaml)."""

from __future__ import annotations

import hashlib
import json
import random
import sys
from pathlib import Path

import yaml

from medcore.config import Settings
from medcore.qa import evaluate, medquad, service

SEED = 20261211
N_MEDQUAD = 30
HERE = Path(__file__).resolve().parent
S10 = HERE.parent / "qa-handcheck-s10" / "judgements.yaml"


def qhash(q: str) -> str:
    return hashlib.sha256(" ".join(q.split()).encode()).hexdigest()[:12]


def draw(eng) -> list[medquad.Item]:
    """Covered dev questions, less the s10 draw, one per distinct question text, then a seeded sample."""
    s10 = yaml.safe_load(S10.read_text(encoding="utf-8"))["items"]
    used_ids = {r["id"] for r in s10}
    used_hashes = {r["hash"] for r in s10}
    items = sorted(medquad.load(medquad.data_path(), "dev"), key=lambda i: i.id)
    gold = {f: evaluate.gold_topic(eng, f) for f in sorted({i.focus for i in items})}
    seen: set[str] = set(used_hashes)
    pool = []
    for i in items:
        h = qhash(i.question)
        if not gold[i.focus] or i.id in used_ids or h in seen:
            continue
        seen.add(h)
        pool.append(i)
    return random.Random(SEED).sample(pool, N_MEDQUAD)


def _answer(settings, eng, q: str, context=None) -> dict:
    a = service.ask(settings, q, context, eng=eng)
    d = a.to_dict()
    d["context"] = a.context()
    return d


def main(argv: list[str]) -> None:
    settings = Settings.load()
    eng = service.engine(settings)
    qfile = HERE / "handcheck_questions.yaml"
    if argv[0] == "ids":
        rows = [{"id": it.id, "hash": qhash(it.question), "focus_page": evaluate.gold_topic(eng, it.focus)}
                for it in draw(eng)]
        own = yaml.safe_load((HERE / "own_part.yaml").read_text(encoding="utf-8"))["own"]
        head = ("# s11 hand check questions (qa16). medquad: 30 dev ids drawn by draw.py, seed %d, no MedQuAD text\n"
                "# (hash = sha256 of the whitespace-normalised question, first 12 hex). own: written before any\n"
                "# answer was read. Written before any code change of this session.\n" % SEED)
        qfile.write_text(head + yaml.safe_dump({"seed": SEED, "medquad": rows, "own": own}, sort_keys=False,
                                               allow_unicode=True, width=200), encoding="utf-8")
        return
    spec = yaml.safe_load(qfile.read_text(encoding="utf-8"))
    by_id = {i.id: i for i in medquad.load(medquad.data_path(), "dev")}
    out = []
    for r in spec["medquad"]:
        it = by_id[r["id"]]
        assert qhash(it.question) == r["hash"], r["id"]
        out.append({"id": it.id, "hash": r["hash"], "focus": it.focus, "qtype": it.qtype, "question": it.question,
                    "out": _answer(settings, eng, it.question)})
    for q in spec["own"]:
        out.append({"id": q["id"], "question": q["q"], "context": q.get("context"),
                    "out": _answer(settings, eng, q["q"], q.get("context"))})
    Path(argv[1]).write_text(json.dumps(out, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
