"""Text backends behind one interface; see base.py for why every request carries a template."""

from medcore.llm.base import LLMBackend, LLMError, Prompt
from medcore.llm.factory import backend_label, get_backend

__all__ = ["LLMBackend", "LLMError", "Prompt", "get_backend", "backend_label"]
