"""The note's sentences worth quoting in an extractive summary, and their MiniLM embeddings (cached per
process). The narrative ranks them; the learned sentence scorer trains on them."""

from __future__ import annotations

import re
import threading
from bisect import bisect_left
from collections import OrderedDict
from itertools import accumulate

import numpy as np

from medcore.records.pipeline import NoteAnalysis

_PHI_HEAVY = {"MRN", "ID", "SSN", "PHONE", "FAX", "EMAIL", "URL", "ADDRESS", "ZIP"}
# list-like sections whose lines are not prose; their content reaches the summary through extraction
_LIST_SECTIONS = {"medications", "allergies", "vitals", "labs", "family_history", "social_history"}
_cache: "OrderedDict[str, np.ndarray]" = OrderedDict()
_cache_lock = threading.Lock()
_CACHE_MAX = 5000


def _embed_cached(texts: list[str]) -> np.ndarray:
    from medcore.embeddings import embed

    missing = [t for t in dict.fromkeys(texts) if t not in _cache]
    if missing:
        vecs = embed(missing)
        with _cache_lock:
            for t, v in zip(missing, vecs):
                _cache[t] = v
                if len(_cache) > _CACHE_MAX:
                    _cache.popitem(last=False)
    return np.stack([_cache[t] for t in texts]) if texts else np.zeros((0, 384), np.float32)


def candidates(analysis: NoteAnalysis) -> list[int]:
    """Sentences worth quoting: prose (5+ words), not headers, not lines carrying identifiers."""
    heavy = sorted((s.start, s.end) for s in analysis.deid.spans if s.type in _PHI_HEAVY)
    starts = [a for a, _ in heavy]
    reach = list(accumulate((b for _, b in heavy), max))  # reach[k]: the furthest end among the first k+1 spans
    out = []
    for s in analysis.sentences:
        if s.section in _LIST_SECTIONS:
            continue
        words = s.text.split()
        if len(words) < 5 or re.fullmatch(r"[A-Z0-9 /&:.-]+", s.text.strip()):
            continue
        # a span overlaps the sentence when it starts before the sentence ends and ends after it starts: a
        # binary search, not a scan of every span (that scan was quadratic: 22 s of a 2,000,000-character note)
        k = bisect_left(starts, s.end)
        if k and reach[k - 1] > s.start:
            continue
        out.append(s.index)
    return out
