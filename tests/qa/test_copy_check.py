"""Curated text is written in our own words: no run of 7 words in a curated passage appears in the
MedQuAD reference answers (NIH websites, MedlinePlus among them), the same run length as the coordinator's
overlap check before a merge (8 until session 10). Reads ../shared/data at run time only."""

from __future__ import annotations

import json
import re

import pytest

from .conftest import KB, REPO

N = 7


def _grams(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z0-9']+", text.lower())
    return {tuple(words[i:i + N]) for i in range(len(words) - N + 1)}


def test_no_curated_passage_shares_7_words_in_a_row_with_medquad():
    path = REPO.parent / "shared" / "data" / "medquad" / "medquad_dev.jsonl"
    if not path.exists():
        pytest.skip(f"MedQuAD dev data not found at {path} (shared data, never committed)")
    from medcore.qa import curated

    content = curated.load(KB)
    ours: dict[tuple[str, ...], str] = {}
    for group in (content.conditions, content.drugs):
        for cid, secs in group.items():
            for passages in secs.values():
                for p in passages:
                    for g in _grams(p.text):
                        ours[g] = f"{cid}: {p.text}"
    from medcore.qa import contagion

    for cid, fact in contagion.load(KB).items():  # the "how it spreads" facts are our words too
        for text in (fact["spreads"], fact.get("period") or ""):
            for g in _grams(text):
                ours[g] = f"{cid}: {text}"
    assert len(ours) > 1000
    hits = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            answer = json.loads(line)["answer"]
            for g in _grams(answer) & ours.keys():
                hits[" ".join(g)] = ours[g]
    assert not hits, hits
