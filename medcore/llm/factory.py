"""Pick the backend from Settings, one per configuration per process.

A model backend holds a loaded model, so building one per request reloaded the model every time, and
two requests loading at once broke transformers ("Cannot copy out of meta tensor"). Backends are
therefore built once, behind a lock, and shared; each backend serialises its own load and generation.
Loading stays lazy: building a backend never loads a model.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

from medcore.config import Settings
from medcore.llm.template import TemplateBackend

_MAX_BACKENDS = 4  # distinct configurations kept loaded in one process (tests and the Model lab switch)
_backends: OrderedDict[tuple, object] = OrderedDict()
_backends_lock = threading.Lock()


def _key(settings: Settings) -> tuple:
    return (settings.llm_backend, settings.llm_base_url, settings.llm_model, settings.llm_api_key,
            settings.llm_timeout_s, settings.llm_max_new_tokens, str(settings.data_dir), settings.llm_trusted)


def _build(settings: Settings):
    kind = settings.llm_backend
    if kind == "template":
        return TemplateBackend()
    if kind == "openai":
        from medcore.llm.openai_backend import OpenAIBackend

        return OpenAIBackend(settings.llm_base_url, settings.llm_model, settings.llm_api_key,
                             settings.llm_timeout_s, settings.llm_max_new_tokens, trusted=settings.llm_trusted)
    if kind == "hf":
        from medcore.llm.hf_backend import HFBackend

        return HFBackend(settings.llm_model, max_new_tokens=settings.llm_max_new_tokens)
    if kind == "embedded":
        from medcore.llm.embedded import EmbeddedBackend, packaged_gguf

        if packaged_gguf() is None:
            return TemplateBackend()  # package missing: stay useful without a model
        return EmbeddedBackend(settings.data_dir, max_new_tokens=settings.llm_max_new_tokens)
    raise ValueError(kind)


def get_backend(settings: Settings):
    """The process-wide backend for these settings (the same object on every call)."""
    key = _key(settings)
    with _backends_lock:
        backend = _backends.get(key)
        if backend is None:
            backend = _build(settings)
            _backends[key] = backend
            while len(_backends) > _MAX_BACKENDS:
                _backends.popitem(last=False)
        else:
            _backends.move_to_end(key)
        return backend


def reset_backends() -> None:
    """Forget every shared backend (tests; a settings change in a long-lived process)."""
    with _backends_lock:
        _backends.clear()


def backend_label(settings: Settings) -> str:
    return get_backend(settings).label
