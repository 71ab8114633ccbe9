"""The one embedding index behind text-to-concept matching: phrases, each naming an id, embedded once with
MiniLM (`medcore.embeddings.embed`, or any function of the same shape), and the nearest phrase of a query,
accepted when its cosine reaches a threshold and, where asked, beats the best phrase of any *other* id by a
margin (a clear winner: near-ties between concepts are where embeddings guess).

Two users, each with its own phrase table and calibrated settings (`load_settings`, from
assets/kb/knowledge/fallback.yaml): the matcher's fallback (`knowledge.fallback`: names and synonyms of the
terminology's concepts, top-level threshold, no margin) and the symptom chat (`triage.lexicon`: its findings'
synonyms, `indexes: triage_findings`).

Rows are kept as the embedding function returns them, as float32; `medcore.embeddings.embed` L2-normalises
every row, so a dot product is the cosine. The matrix is computed once per process (`memo_key`) and cached on
disk as .npy (written atomically, read with allow_pickle=False; a cache whose row count differs is rebuilt)."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Hashable, NamedTuple, Sequence

import numpy as np

from medcore.atomic import tmp_sibling
from medcore.knowledge import kbfiles

log = logging.getLogger(__name__)

EmbedFn = Callable[[list[str]], np.ndarray]
RUNNER_UP_WINDOW = 50  # the runner-up (best phrase of another id) is looked for among the top rows only


@dataclass(frozen=True)
class IndexSettings:
    """When a nearest phrase counts as a match: cosine >= threshold, and (margin > 0) at least `margin` above the
    best phrase of another id. `source` says where the values come from."""
    threshold: float
    margin: float = 0.0
    source: str = ""


def load_settings(kb_dir: Path, name: str | None = None) -> IndexSettings:
    """An index's settings from fallback.yaml: the matcher's fallback (name None: the top-level threshold) or a
    named entry of `indexes` (e.g. 'triage_findings')."""
    doc = kbfiles.load(kb_dir, "fallback.yaml")
    if name is None:
        return IndexSettings(float(doc["threshold"]), 0.0, doc["source"])
    entry = (doc.get("indexes") or {}).get(name)
    if entry is None:
        raise kbfiles.KnowledgeKBError(f"fallback.yaml: no settings for the embedding index {name!r}")
    return IndexSettings(float(entry["threshold"]), float(entry.get("margin", 0.0)), entry["source"])


class Hit(NamedTuple):
    query: int  # index of the query
    row: int  # index of the matched phrase
    id: str
    phrase: str
    score: float  # cosine


_MEMO: dict[Hashable, np.ndarray] = {}


def embedding_matrix(phrases: Sequence[str], embed_fn: EmbedFn, *, cache: Path | None = None,
                     memo_key: Hashable | None = None) -> np.ndarray:
    """(len(phrases), dim) float32 rows of `embed_fn(phrases)`: from this process's memo, else the .npy `cache`,
    else computed (and stored in both)."""
    if memo_key is not None and memo_key in _MEMO:
        return _MEMO[memo_key]
    matrix = None
    if cache is not None and cache.is_file():
        matrix = np.load(cache, allow_pickle=False)
        if matrix.ndim != 2 or len(matrix) != len(phrases):
            log.warning("embedding cache %s has shape %s for %d phrases: rebuilt", cache.name, matrix.shape,
                        len(phrases))
            matrix = None
    if matrix is None:
        t0 = time.perf_counter()
        matrix = np.asarray(embed_fn(list(phrases)), dtype=np.float32)
        log.info("embedding index: embedded %d phrases in %.1f s", len(phrases), time.perf_counter() - t0)
        if cache is not None:
            cache.parent.mkdir(parents=True, exist_ok=True)
            tmp = tmp_sibling(cache, ".npy")
            np.save(tmp, matrix, allow_pickle=False)
            tmp.replace(cache)
    if memo_key is not None:
        _MEMO[memo_key] = matrix
    return matrix


class EmbeddingIndex:
    """Phrases with their ids (and optional kinds, to restrict a query to some) over one embedding matrix.
    `embed_fn` embeds the queries; it may be swapped on a copy (triage.contract batches a whole file's chunks)."""

    def __init__(self, ids: Sequence[str], phrases: Sequence[str], matrix: np.ndarray, embed_fn: EmbedFn,
                 settings: IndexSettings, kinds: Sequence[str] | None = None):
        if len(ids) != len(phrases) or len(matrix) != len(phrases):
            raise ValueError(f"embedding index: {len(ids)} ids, {len(phrases)} phrases, {len(matrix)} rows")
        self.ids = list(ids)
        self.phrases = list(phrases)
        self.kinds = list(kinds) if kinds is not None else None
        self.matrix = matrix
        self.embed_fn = embed_fn
        self.settings = settings

    @classmethod
    def build(cls, ids: Sequence[str], phrases: Sequence[str], embed_fn: EmbedFn, settings: IndexSettings, *,
              cache: Path | None = None, memo_key: Hashable | None = None,
              kinds: Sequence[str] | None = None) -> "EmbeddingIndex":
        return cls(ids, phrases, embedding_matrix(phrases, embed_fn, cache=cache, memo_key=memo_key), embed_fn,
                   settings, kinds)

    @property
    def threshold(self) -> float:
        return self.settings.threshold

    @property
    def margin(self) -> float:
        return self.settings.margin

    def _sims(self, queries: list[str], kinds=None) -> np.ndarray:
        sims = np.asarray(self.embed_fn(queries), dtype=np.float32) @ self.matrix.T
        if kinds:
            if self.kinds is None:
                raise ValueError("this embedding index has no kinds to restrict a query to")
            mask = np.array([k in kinds for k in self.kinds])
            sims = np.where(mask[None, :], sims, -1.0)
        return sims

    def nearest(self, queries: list[str], kinds=None) -> list[tuple[int, float]]:
        """(row, cosine) of the nearest phrase of each query, whatever its score (calibration needs them all)."""
        if not queries:
            return []
        sims = self._sims(queries, kinds)
        best = sims.argmax(axis=1)
        return [(int(j), float(sims[i, j])) for i, j in enumerate(best)]

    def scored(self, queries: list[str], kinds=None) -> list[tuple[int, float, float]]:
        """(row, cosine, runner-up cosine) of the nearest phrase of each query, whatever its score: what `hits`
        tests against the threshold and margin (calibration needs them all)."""
        if not queries:
            return []
        sims = self._sims(queries, kinds)
        return [(int(j), float(sims[i, j]), self._runner_up(sims[i], int(j))) for i, j in enumerate(sims.argmax(axis=1))]

    def _runner_up(self, row: np.ndarray, winner: int) -> float:
        """The best cosine of a phrase of another id among the top RUNNER_UP_WINDOW rows (0.0 when none)."""
        order = np.argsort(-row)[:RUNNER_UP_WINDOW]
        return next((float(row[k]) for k in order if self.ids[k] != self.ids[winner]), 0.0)

    def hits(self, queries: list[str], kinds=None, threshold: float | None = None) -> list[Hit]:
        """The queries whose nearest phrase is a match: cosine >= threshold (the settings' unless given) and, with
        a margin, a clear winner over every other id. Compared in float32, as the cosines are computed."""
        if not queries:
            return []
        cut = self.settings.threshold if threshold is None else threshold
        sims = self._sims(queries, kinds)
        out = []
        for i, j in enumerate(sims.argmax(axis=1)):
            score = sims[i, j]
            if not score >= cut:
                continue
            if self.settings.margin > 0 and not score - self._runner_up(sims[i], int(j)) >= self.settings.margin:
                continue
            out.append(Hit(i, int(j), self.ids[j], self.phrases[j], float(score)))
        return out

    def match(self, queries: list[str], kinds=None) -> list[tuple[int, str, float]]:
        """(query index, id, cosine) for each query that has a match (`hits`)."""
        return [(h.query, h.id, h.score) for h in self.hits(queries, kinds)]
