"""The one embedding index (knowledge.embedding_index) under the matcher's fallback and the symptom chat: threshold,
clear-winner margin, kinds, the .npy cache and each user's stored settings. Tiny vectors built in code, no MiniLM."""

from __future__ import annotations

import numpy as np
import pytest

from medcore.knowledge import embedding_index as ei
from medcore.knowledge.embedding_index import EmbeddingIndex, IndexSettings, embedding_matrix, load_settings
from tests.knowledge._term import KB


def _unit(*xs) -> np.ndarray:
    v = np.array(xs, dtype=np.float32)
    return v / np.linalg.norm(v)


# phrase -> vector; a query is given by the vector of a phrase of the same name
VECS = {
    "chest pain": _unit(1, 0, 0), "pain in the chest": _unit(1, 0.1, 0),
    "short of breath": _unit(0, 1, 0), "cough": _unit(0, 0, 1),
    "q-near-chest": _unit(1, 0.05, 0),  # a clear winner: chest pain (both rows of that id) far above the others
    "q-between": _unit(1, 1.1, 0),  # equally near chest pain and breathlessness: a near-tie between ids
    "q-far": _unit(1, 1, 1.2),  # nearest is cough, at a low cosine
}


def _embed(texts):
    return np.stack([VECS[t] for t in texts])


ROWS = [("chest_pain", "chest pain", "finding"), ("chest_pain", "pain in the chest", "finding"),
        ("breathless", "short of breath", "finding"), ("cough", "cough", "condition")]


def _index(threshold=0.7, margin=0.0) -> EmbeddingIndex:
    ids, phrases, kinds = zip(*ROWS)
    return EmbeddingIndex.build(ids, phrases, _embed, IndexSettings(threshold, margin), kinds=kinds)


def test_threshold_keeps_out_a_far_nearest_phrase():
    idx = _index(threshold=0.7)
    got = idx.match(["q-near-chest", "q-far"])
    assert [(i, fid) for i, fid, _ in got] == [(0, "chest_pain")]
    best = max(float(VECS["q-near-chest"] @ VECS[p]) for p in ("chest pain", "pain in the chest"))
    assert got[0][2] == pytest.approx(best, abs=1e-6)
    (row, score), far = idx.nearest(["q-near-chest", "q-far"])  # nearest: every query, whatever its score
    assert idx.ids[row] == "chest_pain" and idx.ids[far[0]] == "cough" and far[1] < 0.7


def test_margin_wants_a_clear_winner_over_other_ids_only():
    loose, strict = _index(threshold=0.5), _index(threshold=0.5, margin=0.04)
    assert [fid for _, fid, _ in loose.match(["q-between"])] in (["chest_pain"], ["breathless"])
    assert strict.match(["q-between"]) == []  # chest pain and breathlessness are a near-tie
    # the second chest-pain phrase is as near as the first, but it is the same id: still a clear winner
    assert [fid for _, fid, _ in strict.match(["q-near-chest"])] == ["chest_pain"]


def test_kinds_restrict_the_rows_and_a_threshold_can_be_given_per_call():
    idx = _index(threshold=0.95)
    assert idx.hits(["q-far"]) == []
    hit, = idx.hits(["q-far"], kinds={"finding"}, threshold=0.3)
    assert hit.id in ("chest_pain", "breathless") and hit.phrase == idx.phrases[hit.row]
    with pytest.raises(ValueError):
        EmbeddingIndex(["a"], ["a"], np.zeros((1, 3), np.float32), _embed, IndexSettings(0.5)).hits(["cough"], {"x"})


def test_matrix_is_cached_as_npy_and_rebuilt_when_its_rows_do_not_fit(tmp_path):
    calls = []

    def counting(texts):
        calls.append(list(texts))
        return _embed(texts)

    cache = tmp_path / "sub" / "rows.npy"
    phrases = ["chest pain", "cough"]
    first = embedding_matrix(phrases, counting, cache=cache)
    assert cache.is_file() and len(calls) == 1 and first.dtype == np.float32
    assert np.array_equal(np.load(cache, allow_pickle=False), first)
    assert np.array_equal(embedding_matrix(phrases, counting, cache=cache), first) and len(calls) == 1
    # a cache written for another phrase list is not trusted
    again = embedding_matrix([*phrases, "short of breath"], counting, cache=cache)
    assert len(calls) == 2 and again.shape == (3, 3)


def test_memo_computes_once_per_key(monkeypatch):
    monkeypatch.setattr(ei, "_MEMO", {})
    calls = []

    def counting(texts):
        calls.append(1)
        return _embed(texts)

    a = embedding_matrix(["cough"], counting, memo_key=("test", 1))
    b = embedding_matrix(["cough"], counting, memo_key=("test", 1))
    assert a is b and len(calls) == 1


def test_each_user_has_its_stored_settings_with_a_source():
    fallback = load_settings(KB)
    assert fallback.margin == 0.0 and 0 < fallback.threshold < 1 and "match_dev.yaml" in fallback.source
    chat = load_settings(KB, "triage_findings")
    assert (chat.threshold, chat.margin) == (0.74, 0.04) and chat.source
    from medcore.knowledge.kbfiles import KnowledgeKBError

    with pytest.raises(KnowledgeKBError):
        load_settings(KB, "no_such_index")


def test_recalibrating_the_fallback_keeps_the_other_indexes_settings(tmp_path):
    import shutil

    from medcore.knowledge.calibrate import write_settings

    (tmp_path / "knowledge").mkdir()
    shutil.copy(KB / "knowledge" / "fallback.yaml", tmp_path / "knowledge" / "fallback.yaml")
    write_settings(tmp_path, {"threshold": 0.61, "precision": 0.95, "recall": 0.9})
    assert load_settings(tmp_path).threshold == 0.61
    assert load_settings(tmp_path, "triage_findings") == load_settings(KB, "triage_findings")
