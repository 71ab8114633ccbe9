"""Hybrid retrieval over the education pages: BM25 (bm25s) over every passage, and MiniLM embeddings of each
page's names for finding the page when the matcher names no topic.

Passage embeddings were measured too slow to build within the 10 s budget on this CPU (about 50 passages/s
with the other jobs running), so the dense part covers the pages' names and titles, and within a page the
passage is chosen by its section (from the question type) and BM25. BM25 reads word stems (the Snowball English
stemmer of nltk, already pinned for textstat), so "vaccinations" finds "vaccine" and "spreads" finds "spread".
The index is cached under
settings.path("qa", "index") as JSON and .npy, keyed by a digest of the pages; no pickle."""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from medcore.atomic import tmp_sibling

log = logging.getLogger(__name__)
INDEX_VERSION = 2  # 2: stemmed BM25


@dataclass(frozen=True)
class Doc:
    """One passage of one page's section."""

    page: str  # concept id
    page_title: str
    section: str
    section_title: str
    text: str
    source: str
    origin: str
    fact_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class PageCard:
    page: str
    title: str
    names: tuple[str, ...]


@dataclass
class Scored:
    doc: Doc
    score: float
    bm25: float


def docs_from_pages(pages: dict) -> tuple[list[Doc], list[PageCard]]:
    docs: list[Doc] = []
    cards: list[PageCard] = []
    for cid in sorted(pages):
        p = pages[cid]
        names = tuple(dict.fromkeys([p.title, *(getattr(p, "names", ()) or ())]))
        cards.append(PageCard(cid, p.title, names))
        for s in p.sections:
            for ps in s.passages:
                docs.append(Doc(cid, p.title, s.key, s.title, ps.text, ps.source, ps.origin,
                                tuple(ps.fact_ids or ())))
    return docs, cards


def digest(docs: list[Doc], cards: list[PageCard]) -> str:
    h = hashlib.sha256(f"v{INDEX_VERSION}".encode())
    for d in docs:
        h.update(json.dumps(asdict(d), sort_keys=True).encode())
    for c in cards:
        h.update(json.dumps(asdict(c), sort_keys=True).encode())
    return h.hexdigest()[:16]


@functools.lru_cache(maxsize=1)
def _snowball():
    from nltk.stem.snowball import SnowballStemmer

    return SnowballStemmer("english")


@functools.lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return _snowball().stem(word)


def stem_words(words: list[str]) -> list[str]:
    """The stemmer bm25s calls on a list of tokens (index and query alike)."""
    return [_stem(w) for w in words]


def _tokenize(texts: list[str]):
    import bm25s

    return bm25s.tokenize(texts, stopwords="en", stemmer=stem_words, show_progress=False, return_ids=True)


class Index:
    def __init__(self, docs: list[Doc], cards: list[PageCard], card_vecs: np.ndarray | None, embed_fn=None):
        import bm25s

        self.docs = docs
        self.cards = cards
        self.card_vecs = card_vecs
        self.embed_fn = embed_fn
        self.by_page: dict[str, list[int]] = {}
        for i, d in enumerate(docs):
            self.by_page.setdefault(d.page, []).append(i)
        # the page title is part of each passage's text for BM25: a passage often says "it" for the topic
        corpus = [f"{d.page_title}. {d.section_title}. {d.text}" for d in docs]
        self.bm25 = bm25s.BM25()
        self.bm25.index(_tokenize(corpus or ["empty"]), show_progress=False)
        self.build_s: float | None = None

    def bm25_scores(self, query: str) -> np.ndarray:
        import bm25s

        toks = bm25s.tokenize([query], stopwords="en", stemmer=stem_words, show_progress=False, return_ids=False)[0]
        if not self.docs or not toks:
            return np.zeros(len(self.docs), dtype=np.float32)
        return np.asarray(self.bm25.get_scores(toks), dtype=np.float32)

    def in_page(self, page: str, query: str, sections: tuple[str, ...] = (), k: int = 3,
                by_words: bool = True, together: bool = False) -> list[Scored]:
        """The page's passages, those of the wanted sections first (in that order); within a section by BM25
        (`by_words`) or in the page's own order; then the other sections by BM25. `together`: the wanted
        sections' passages ranked as one list by BM25, section order only breaking ties."""
        idx = self.by_page.get(page, [])
        if not idx:
            return []
        scores = self.bm25_scores(query)
        rank = {s: i for i, s in enumerate(sections)}
        def key(i):
            r = rank.get(self.docs[i].section, len(rank))
            if together:  # an earlier wanted section weighs more: the advice before the level lines
                return (r == len(rank), -scores[i] / (1 + r) ** 2, r, i)
            return (r, -scores[i] if (by_words or r == len(rank)) else 0.0, i)

        order = sorted(idx, key=key)
        return [Scored(self.docs[i], float(scores[i]), float(scores[i])) for i in order[:k]]

    def best_pages(self, query: str, k: int = 3) -> list[tuple[str, float]]:
        if self.card_vecs is None or self.embed_fn is None or not len(self.cards):
            return []
        sims = self.card_vecs @ np.asarray(self.embed_fn([query]))[0]
        order = np.argsort(-sims)[:k]
        return [(self.cards[i].page, float(sims[i])) for i in order]


_INDEXES: dict[str, Index] = {}
_LOCK = threading.Lock()


def build_index(pages: dict, cache_dir: Path | None, embed_fn=None) -> Index:
    """One index per page digest and process; the page-name vectors are read from the cache when there."""
    t0 = time.perf_counter()
    docs, cards = docs_from_pages(pages)
    key = digest(docs, cards) + ("+dense" if embed_fn else "")
    with _LOCK:
        hit = _INDEXES.get(key)
    if hit is not None:
        return hit
    vecs = None
    if embed_fn is not None:
        vecs = _cached_vectors(cache_dir, key, cards, embed_fn)
    index = Index(docs, cards, vecs, embed_fn)
    index.build_s = round(time.perf_counter() - t0, 3)
    with _LOCK:
        _INDEXES.clear()  # one page set is current
        _INDEXES[key] = index
    return index


def _cached_vectors(cache_dir: Path | None, key: str, cards: list[PageCard], embed_fn) -> np.ndarray:
    texts = ["; ".join(c.names) for c in cards]
    if cache_dir is not None:
        vec_path, meta_path = cache_dir / f"cards-{key}.npy", cache_dir / f"cards-{key}.json"
        if vec_path.exists() and meta_path.exists():
            try:
                meta = json.loads(meta_path.read_text(encoding="utf-8"))
                vecs = np.load(vec_path, allow_pickle=False)
                if meta.get("texts") == texts and vecs.shape[0] == len(texts):
                    return vecs
            except (OSError, ValueError) as exc:
                log.warning("qa index cache unreadable, rebuilding: %s", exc)
    vecs = np.asarray(embed_fn(texts), dtype=np.float32).reshape(len(texts), -1)
    if cache_dir is not None:
        cache_dir.mkdir(parents=True, exist_ok=True)
        tmp = tmp_sibling(cache_dir / f"cards-{key}.npy", ".npy")
        np.save(tmp, vecs, allow_pickle=False)
        tmp.replace(cache_dir / f"cards-{key}.npy")
        meta = tmp_sibling(cache_dir / f"cards-{key}.json")
        meta.write_text(json.dumps({"texts": texts}), encoding="utf-8")
        meta.replace(cache_dir / f"cards-{key}.json")
    return vecs
