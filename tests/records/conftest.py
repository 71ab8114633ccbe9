"""Records test helpers: a fast, deterministic stand-in for MiniLM (hashing bag of words), so
tests that exercise the extractive summary and the scorer do not load the real model; the kb
fixture; and `problem`, which finds one extracted problem by its text."""

from __future__ import annotations

import hashlib
import re

import numpy as np
import pytest


def fake_embed(texts, batch_size: int = 64):
    out = np.zeros((len(texts), 384), dtype=np.float32)
    for i, t in enumerate(texts):
        for w in re.findall(r"\w+", t.lower()):
            h = int(hashlib.md5(w.encode()).hexdigest()[:8], 16)
            out[i, h % 384] += 1.0
        n = np.linalg.norm(out[i])
        if n:
            out[i] /= n
    return out


@pytest.fixture
def fast_embed(monkeypatch):
    import medcore.embeddings
    from medcore.records import narrative

    monkeypatch.setattr(medcore.embeddings, "embed", fake_embed)
    narrative._cache.clear()
    yield fake_embed
    narrative._cache.clear()


@pytest.fixture
def kb(settings):
    from medcore.records import kb as kb_mod

    return kb_mod.load(settings)


def problem(analysis, text: str):
    """The extracted problem whose text is `text` (case-insensitive); fails the test if there is none."""
    hits = [p for p in analysis.extraction.problems if p.text.lower() == text.lower()]
    assert hits, f"{text!r} not found in {[p.text for p in analysis.extraction.problems]}"
    return hits[0]
