"""Sentence-level gold roles for PubMedQA abstracts, written by hand, one role per sentence (session 9).

The weak labels of role_data give every sentence its paragraph's heading; the gold here gives every sentence the
role it plays (convention: docs/evals/literature-s9/README.md). The files hold no text: per abstract its PMID, the
number of sentences the reader's splitter makes, a fingerprint of those sentences (so a changed splitter or data
file is caught, never silently mis-aligned) and one letter per sentence (B background, O objective, M methods,
R results, C conclusions)."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path


from medcore import kbyaml
from medcore.config import REPO_ROOT
from medcore.errors import DomainError

GOLD_DIR = REPO_ROOT / "tests" / "literature" / "annotations"
LETTERS = {"B": "background", "O": "objective", "M": "methods", "R": "results", "C": "conclusions"}


class GoldMismatch(DomainError):
    """The gold file does not fit the abstracts it is applied to (other sentence split or data)."""


def fingerprint(sentences: list[str]) -> str:
    return hashlib.sha256("\x1f".join(s.strip() for s in sentences).encode("utf-8")).hexdigest()[:16]


def gold_path(split: str) -> Path:
    return GOLD_DIR / f"pubmedqa_roles_{split}.yaml"


def second_gold_path(split: str) -> Path:
    """The second annotator's file for a split (session 10), written blind to the first: role_agreement."""
    return GOLD_DIR / f"pubmedqa_roles_{split}_b.yaml"


def load_gold(path: str | Path) -> dict[str, dict]:
    """{pmid: {"n", "fp", "roles"}} from a gold file; letters are checked."""
    doc = kbyaml.load(path) or {}
    out = {}
    for row in doc.get("abstracts") or []:
        pmid, letters = str(row["pmid"]), str(row["roles"])
        bad = set(letters) - set(LETTERS)
        if bad or len(letters) != int(row["n"]):
            raise GoldMismatch(f"{path}: PMID {pmid}: roles {letters!r} do not fit n={row['n']}")
        out[pmid] = {"n": int(row["n"]), "fp": str(row["fp"]), "roles": [LETTERS[c] for c in letters]}
    return out


def apply_gold(abstracts: list, gold: dict[str, dict]) -> list:
    """The abstracts with their labels replaced by the gold roles. Every abstract must have a gold entry whose
    sentence count and fingerprint match; a mismatch raises rather than scoring misaligned labels."""
    out = []
    for a in abstracts:
        g = gold.get(a.id)
        if g is None:
            raise GoldMismatch(f"no gold roles for PMID {a.id}")
        if g["n"] != len(a.sentences) or g["fp"] != fingerprint(a.sentences):
            raise GoldMismatch(f"PMID {a.id}: the gold was written for another sentence split "
                               f"({g['n']} sentences, fingerprint {g['fp']})")
        out.append(replace(a, labels=list(g["roles"])))
    return out


def gold_rows(abstracts: list, letters_by_id: dict[str, str]) -> list[dict]:
    """Rows for a gold file from hand-written letter strings (used once, when the annotation is written)."""
    rows = []
    for a in abstracts:
        letters = letters_by_id[a.id]
        if len(letters) != len(a.sentences) or set(letters) - set(LETTERS):
            raise GoldMismatch(f"PMID {a.id}: {len(letters)} roles for {len(a.sentences)} sentences")
        rows.append({"pmid": a.id, "n": len(a.sentences), "fp": fingerprint(a.sentences), "roles": letters})
    return rows
