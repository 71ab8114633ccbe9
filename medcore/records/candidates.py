"""The note's sentences worth quoting in an extractive summary, and their MiniLM embeddings (cached per
process). The narrative ranks them; the learned sentence scorer trains on them."""

from __future__ import annotations

import re
import threading
from collections import OrderedDict

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
    heavy = [(s.start, s.end) for s in analysis.deid.spans if s.type in _PHI_HEAVY]
    out = []
    for s in analysis.sentences:
        if s.section in _LIST_SECTIONS:
            continue
        words = s.text.split()
        if len(words) < 5 or re.fullmatch(r"[A-Z0-9 /&:.-]+", s.text.strip()):
            continue
        if any(a < s.end and s.start < b for a, b in heavy):
            continue
        out.append(s.index)
    return out
