"""The shipped terminology for knowledge tests, built once per process and cached in the repo's ignored
.data/ folder (the same cache as tests/conftest.py's settings)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
KB = REPO / "assets" / "kb"


@lru_cache(maxsize=1)
def shipped():
    from medcore.config import Settings
    from medcore.knowledge import load_terminology

    return load_terminology(Settings(data_dir=REPO / ".data", knowledge_cache_dir=str(REPO / ".data" / "test-knowledge-cache")))


def variants():
    from medcore.knowledge.normalize import load_variants

    return load_variants(KB)
