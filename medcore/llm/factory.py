"""Pick the backend from Settings. Loading is lazy: building a backend never loads a model."""

from __future__ import annotations

from medcore.config import Settings
from medcore.llm.template import TemplateBackend


def get_backend(settings: Settings):
    kind = settings.llm_backend
    if kind == "template":
        return TemplateBackend()
    if kind == "openai":
        from medcore.llm.openai_backend import OpenAIBackend

        return OpenAIBackend(settings.llm_base_url, settings.llm_model, settings.llm_api_key,
                             settings.llm_timeout_s, settings.llm_max_new_tokens)
    if kind == "hf":
        from medcore.llm.hf_backend import HFBackend

        return HFBackend(settings.llm_model, max_new_tokens=settings.llm_max_new_tokens)
    if kind == "embedded":
        from medcore.llm.embedded import EmbeddedBackend, packaged_gguf

        if packaged_gguf() is None:
            return TemplateBackend()  # package missing: stay useful without a model
        return EmbeddedBackend(settings.data_dir, max_new_tokens=settings.llm_max_new_tokens)
    raise ValueError(kind)


def backend_label(settings: Settings) -> str:
    return get_backend(settings).label
