"""Pick the backend from Settings, one per configuration per process.

A model backend holds a loaded model, so building one per request reloaded the model every time, and
two requests loading at once broke transformers ("Cannot copy out of meta tensor"). Backends are
therefore built once and shared; each backend serialises its own load and generation. Loading stays lazy:
building a backend never loads a model.

The shared backends live in a bounded cache of their own (medcore.model_cache, the one home of that idea), kept
apart from the app's image and engine cache so that the language model is never evicted by a page opening a
checkpoint. The bound is a count only: a backend is built before its model loads, so its size is not known when
it enters the cache.
"""

from __future__ import annotations

import hashlib

from medcore.config import Settings
from medcore.llm.template import TemplateBackend
from medcore.model_cache import ModelCache

_MAX_BACKENDS = 4  # distinct configurations kept in one process (tests and the Model lab switch)
_backends = ModelCache(_MAX_BACKENDS, 2**62, sizer=lambda _backend: 0)


def _key(settings: Settings) -> tuple:
    return (settings.llm_backend, settings.llm_base_url, settings.llm_model, settings.llm_api_key,
            settings.llm_timeout_s, settings.llm_max_new_tokens, str(settings.data_dir), settings.llm_trusted)


def _build(settings: Settings):
    kind = settings.llm_backend
    if kind == "template":
        return TemplateBackend()
    if kind == "openai":
        from medcore.llm.openai_backend import OpenAIBackend
        from medcore.llm.trust import trust_recorded

        # trusted only once that choice is in the audit log (the CLI and workers too, not only the app)
        return OpenAIBackend(settings.llm_base_url, settings.llm_model, settings.llm_api_key,
                             settings.llm_timeout_s, settings.llm_max_new_tokens, trusted=trust_recorded(settings))
    if kind == "hf":
        from medcore.llm.hf_backend import HFBackend

        return HFBackend(settings.llm_model, max_new_tokens=settings.llm_max_new_tokens)
    if kind == "embedded":
        from medcore.llm.embedded import EmbeddedBackend, packaged_gguf

        if packaged_gguf() is None:
            return TemplateBackend()  # package missing: stay useful without a model
        return EmbeddedBackend(settings.data_dir, max_new_tokens=settings.llm_max_new_tokens)
    raise ValueError(kind)


def _cache_key(settings: Settings) -> str:
    """Readable enough for the cache's log lines, with the configuration (API key included) only as a digest."""
    digest = hashlib.sha256(repr(_key(settings)).encode()).hexdigest()[:16]
    return f"llm:{settings.llm_backend}:{digest}"


def get_backend(settings: Settings):
    """The process-wide backend for these settings (the same object on every call while it stays cached)."""
    return _backends.get(_cache_key(settings), lambda: _build(settings)).obj


def reset_backends() -> None:
    """Forget every shared backend (tests; a settings change in a long-lived process)."""
    _backends.clear()


def backend_label(settings: Settings) -> str:
    return get_backend(settings).label
