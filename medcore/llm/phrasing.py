"""Ask the configured backend to phrase an engine result, and fall back to the template when it fails,
adds anything or drops a must-keep line. Every tool phrases through here, so the rule is enforced in one place."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Iterable

from medcore.llm.base import LLMError, Prompt
from medcore.llm.grounding import check

log = logging.getLogger(__name__)


@dataclass
class Phrased:
    text: str
    source: str  # "model" | "template"
    backend: str  # label of the backend that wrote `text`
    note: str = ""  # why the template was used, when it was
    unsupported: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)  # must-keep lines the model's text left out


def phrase(backend, prompt: Prompt, *, allowed_terms: Iterable[str] = (), vocabulary: Iterable[str] = (),
           must_keep: Iterable[str | tuple[str, ...]] = ()) -> Phrased:
    """must_keep: lines of `prompt.template_text` the model's text must contain word for word (safety lines the
    engine decided); a text without one of them is not shown, the template is."""
    if backend.name == "template":
        return Phrased(prompt.template_text, "template", backend.label)
    try:
        text = (backend.generate(prompt) or "").strip()
    except LLMError as exc:
        log.warning("language model %s failed: %s", backend.label, exc)
        return Phrased(prompt.template_text, "template", "template (no language model)",
                       note=f"the language model failed ({exc}); showing the template text")
    except Exception as exc:  # noqa: BLE001 - a model is only a phrasing aid; the engine's result must survive
        # Anything else (a torch or transformers error, a bug in a backend) is logged with its traceback,
        # and the person still gets the engine's text.
        log.exception("language model %s raised %s", backend.label, type(exc).__name__)
        return Phrased(prompt.template_text, "template", "template (no language model)",
                       note=f"the language model failed ({type(exc).__name__}); showing the template text")
    if not text:
        return Phrased(prompt.template_text, "template", "template (no language model)",
                       note="the language model returned nothing; showing the template text")
    allowed_text = prompt.template_text + "\n" + str(prompt.facts)
    result = check(text, allowed_terms, vocabulary, allowed_text=allowed_text, must_keep=must_keep)
    if result.dropped:
        return Phrased(prompt.template_text, "template", "template (no language model)",
                       note=f"the language model's text left out {len(result.dropped)} safety line(s) the engine "
                            f"gave (\"{result.dropped[0][:80]}\"); showing the template text",
                       unsupported=result.unsupported, dropped=result.dropped)
    if not result.ok:
        return Phrased(prompt.template_text, "template", "template (no language model)",
                       note="the language model's text mentioned something the engine did not give "
                            f"({', '.join(result.unsupported[:5])}); showing the template text",
                       unsupported=result.unsupported)
    return Phrased(text, "model", backend.label)
