"""MedQuAD (development data, never committed): reading it, the seeded blind split, and our question types.

The blind split is fixed by a hash of the question's focus, so every question about one topic lies on one side
and the split does not depend on file order. It was made before any tuning (see docs/evals/qa/README.md)."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

SPLIT_SEED = "medcore-qa-blind-v1"
BLIND_SHARE = 0.20

# MedQuAD qtype -> our question type. Types with no counterpart among ours (frequency, research, stages,
# considerations, complications, support groups) are left out of the question-type score, and said so.
# "inheritance", "genetic changes" and "susceptibility" ask why a person gets the condition: causes.
QTYPE_MAP = {
    "information": "definition",
    "symptoms": "symptoms",
    "causes": "causes",
    "genetic changes": "causes",
    "inheritance": "causes",
    "susceptibility": "causes",
    "exams and tests": "diagnosis",
    "treatment": "treatment",
    "prevention": "prevention",
    "outlook": "prognosis",
}


@dataclass(frozen=True)
class Item:
    id: str
    focus: str
    qtype: str
    question: str
    answer: str
    source: str

    @property
    def our_type(self) -> str | None:
        return QTYPE_MAP.get(self.qtype)


def data_path() -> Path | None:
    """`<repo>/../shared/data/medquad/medquad_dev.jsonl`, or None when absent."""
    from medcore.config import shared_data

    return shared_data("medquad", "medquad_dev.jsonl")


def focus_key(focus: str) -> str:
    """Case-, punctuation- and word-order-insensitive, as the data's own held-out topics were compared."""
    return " ".join(sorted(re.findall(r"[a-z0-9]+", focus.lower())))


def split_of(focus: str) -> str:
    h = int(hashlib.sha256(f"{SPLIT_SEED}|{focus_key(focus)}".encode()).hexdigest()[:8], 16)
    return "blind" if h / 0x100000000 < BLIND_SHARE else "dev"


def load(path: Path, split: str | None = None) -> list[Item]:
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            if not d.get("focus") or not d.get("question"):
                continue
            if split is not None and split_of(d["focus"]) != split:
                continue
            out.append(Item(d["id"], d["focus"], d["question_type"], " ".join(d["question"].split()),
                            d.get("answer", ""), d.get("source", "")))
    return out
