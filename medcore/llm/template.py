"""No model at all: deterministic text built from the engine's structured result."""

from __future__ import annotations

import json
from typing import Iterator

from medcore.llm.base import Prompt, as_prompt


def render_facts(facts: dict) -> str:
    """Plain lines from a facts dict, for prompts that came without a template."""
    lines = []
    for key, value in facts.items():
        label = str(key).replace("_", " ").capitalize()
        if isinstance(value, (list, tuple)):
            items = [v if isinstance(v, str) else json.dumps(v, ensure_ascii=False, default=str) for v in value]
            lines.append(f"{label}: " + ("; ".join(items) if items else "none"))
        elif isinstance(value, dict):
            inner = ", ".join(f"{k}: {v}" for k, v in value.items())
            lines.append(f"{label}: {inner}")
        else:
            lines.append(f"{label}: {value}")
    return "\n".join(lines)


class TemplateBackend:
    name = "template"
    label = "template (no language model)"
    local = True

    def generate(self, prompt: Prompt | str, *, max_new_tokens: int | None = None, temperature: float = 0.0) -> str:
        p = as_prompt(prompt)
        if p.template_text:
            return p.template_text
        if p.facts:
            return render_facts(p.facts)
        return p.instruction

    def stream(self, prompt: Prompt | str, *, max_new_tokens: int | None = None,
               temperature: float = 0.0) -> Iterator[str]:
        text = self.generate(prompt)
        # Word-sized chunks so st.write_stream shows the same UI as with a model.
        start = 0
        for i, ch in enumerate(text):
            if ch == " ":
                yield text[start:i + 1]
                start = i + 1
        if start < len(text):
            yield text[start:]
