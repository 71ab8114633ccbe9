"""One small interface for every text backend.

Engines decide; a language model only phrases. So a request carries the
engine's structured facts and a deterministic `template_text` that says the same
thing without any model. The template backend returns that text; model
backends are asked to rephrase it from the facts, and callers run the
grounding check on what comes back.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Iterator, Protocol


@dataclass(frozen=True)
class Prompt:
    task: str  # e.g. "summary.narrative", "triage.question", "therapy.handout"
    instruction: str  # what the model should do, in plain words
    facts: dict[str, Any] = field(default_factory=dict)  # everything the model may use, and nothing more
    template_text: str = ""  # the deterministic answer; what the template backend returns
    system: str = (
        "You are a careful clinical writing assistant. Rephrase only the facts given. "
        "Do not add diagnoses, drugs, doses or advice that are not in the facts. Be brief and plain."
    )

    def user_message(self) -> str:
        facts = json.dumps(self.facts, ensure_ascii=False, indent=1, default=str)
        parts = [self.instruction.strip(), "", "Facts (JSON):", facts]
        if self.template_text:
            parts += ["", "Draft to improve:", self.template_text]
        return "\n".join(parts)

    def messages(self) -> list[dict[str, str]]:
        return [{"role": "system", "content": self.system}, {"role": "user", "content": self.user_message()}]


class LLMError(RuntimeError):
    """A backend could not produce text; callers fall back to the template."""


class LLMBackend(Protocol):
    name: str  # "template", "embedded", "hf", "openai"
    label: str  # for the UI: which backend and model wrote a text
    local: bool  # False: text leaves the machine, so it is de-identified first

    def generate(self, prompt: Prompt | str, *, max_new_tokens: int | None = None, temperature: float = 0.0) -> str: ...

    def stream(self, prompt: Prompt | str, *, max_new_tokens: int | None = None,
               temperature: float = 0.0) -> Iterator[str]: ...


def as_prompt(prompt: Prompt | str) -> Prompt:
    if isinstance(prompt, Prompt):
        return prompt
    return Prompt(task="free", instruction=str(prompt))
