"""The symptom chat reads lay phrasings through the knowledge layer's one embedding index, over its own phrase
table (the findings' synonyms and names) with its own stored settings (fallback.yaml, indexes: triage_findings)."""

from __future__ import annotations

import numpy as np


def _triage_index_test_embed(texts):
    """A deterministic stand-in for MiniLM: one unit vector per text, by its letters."""
    out = np.zeros((len(texts), 64), dtype=np.float32)
    for i, t in enumerate(texts):
        out[i, sum(map(ord, t.lower())) % 64] = 1.0
    return out


def test_chat_index_is_the_knowledge_index_with_its_phrases_and_settings(kb, tmp_path):
    from medcore.knowledge.embedding_index import EmbeddingIndex, load_settings
    from medcore.triage.lexicon import TRIAGE_INDEX
    from medcore.triage.service import TriageEngine

    calls = []

    def counting(texts):
        calls.append(len(texts))
        return _triage_index_test_embed(texts)

    counting.__qualname__ = "test_chat_index_counting"
    eng = TriageEngine(kb, embed_fn=counting, cache_dir=tmp_path)
    idx = eng.embeddings
    assert isinstance(idx, EmbeddingIndex)
    assert list(zip(idx.ids, idx.phrases)) == eng.lexicon.rows
    stored = load_settings(eng.lexicon.kb_dir, TRIAGE_INDEX)
    assert (idx.threshold, idx.margin) == (stored.threshold, stored.margin) == (0.74, 0.04)
    cache = tmp_path / f"synonyms-{kb.digest[:16]}-{len(idx.phrases)}.npy"
    assert cache.is_file() and np.array_equal(np.load(cache, allow_pickle=False), idx.matrix)
    assert calls == [len(idx.phrases)]
    # a second engine in the same process (another data dir) reuses the matrix: no second embedding
    again = TriageEngine(kb, embed_fn=counting, cache_dir=tmp_path / "other")
    assert again.embeddings.matrix is idx.matrix and calls == [len(idx.phrases)]
    # a synonym read as a query is its own finding's nearest phrase, a clear winner when no other id shares its vector
    fid, phrase = eng.lexicon.rows[0]
    same_vector = [i for i, p in zip(idx.ids, idx.phrases)
                   if np.array_equal(_triage_index_test_embed([p])[0], _triage_index_test_embed([phrase])[0])]
    got = idx.match([phrase])
    if set(same_vector) == {fid}:
        assert [(i, f) for i, f, _ in got] == [(0, fid)]
    else:
        assert got == []  # a near-tie between ids: no guess
