"""Any OpenAI-compatible chat endpoint (vLLM, llama.cpp server, Ollama, a hosted API).

Text for any endpoint is de-identified first, even one on this machine (another user's process may serve
it, and its logs keep prompts): the engines' facts can carry note text. Only an endpoint an admin marked
trusted (MEDCORE_LLM_TRUSTED, audited: medcore.llm.trust) gets the text as it is.
"""

from __future__ import annotations

import json
from typing import Iterator
from urllib.parse import urlparse

from medcore.llm.base import LLMError, Prompt, as_prompt

def is_local_url(url: str) -> bool:
    """Only a loopback IP literal or 'localhost' is this machine. A name such as 127.evil.example or
    127.0.0.1.nip.io resolves wherever its owner likes, so it counts as remote."""
    import ipaddress

    host = (urlparse(url).hostname or "").lower().strip("[]")
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


# A line no note holds: the messages are joined around it, de-identified as one document, and split again.
_BREAK = "\n\n\u241e medcore message break \u241e\n\n"


def deidentify_messages(messages: list[dict[str, str]]) -> list[dict[str, str]]:
    """De-identify a whole prompt as ONE document: a name found in the facts is also replaced in the draft,
    and every date moves by the same offset. Message by message, a given name the facts show in a header line
    leaked from the draft, and one date got two different shifts."""
    from medcore.deid import deidentify

    whole = deidentify(_BREAK.join(m["content"] for m in messages))
    parts = whole.text.split(_BREAK)
    if len(parts) != len(messages):
        # The break line was altered (it never should be): still one offset for the whole prompt.
        parts = [deidentify(m["content"], shift_days=whole.shift_days).text for m in messages]
    return [{"role": m["role"], "content": part} for m, part in zip(messages, parts)]


class OpenAIBackend:
    name = "openai"

    def __init__(self, base_url: str, model: str = "", api_key: str = "", timeout_s: float = 60.0,
                 max_new_tokens: int = 256, transport=None, trusted: bool = False):
        if not base_url:
            raise LLMError("no endpoint configured (MEDCORE_LLM_BASE_URL)")
        self.base_url = base_url.rstrip("/")
        self.model = model or "default"
        self.api_key = api_key
        self.timeout_s = timeout_s
        self.max_new_tokens = max_new_tokens
        self.local = is_local_url(self.base_url)
        self.trusted = trusted
        self.label = f"OpenAI-compatible endpoint {urlparse(self.base_url).netloc} ({self.model})"
        self._transport = transport  # tests inject an httpx transport

    def outgoing_messages(self, prompt: Prompt) -> list[dict[str, str]]:
        """Exactly what is sent; de-identified unless an admin marked the endpoint trusted."""
        messages = prompt.messages()
        if self.trusted:
            return messages
        return deidentify_messages(messages)

    def _client(self):
        import httpx

        headers = {"Content-Type": "application/json"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        return httpx.Client(base_url=self.base_url, headers=headers, timeout=self.timeout_s, transport=self._transport)

    def _payload(self, prompt: Prompt, max_new_tokens: int | None, temperature: float, stream: bool) -> dict:
        return {"model": self.model, "messages": self.outgoing_messages(prompt),
                "max_tokens": max_new_tokens or self.max_new_tokens, "temperature": temperature, "stream": stream}

    def generate(self, prompt: Prompt | str, *, max_new_tokens: int | None = None, temperature: float = 0.0) -> str:
        import httpx

        p = as_prompt(prompt)
        try:
            with self._client() as client:
                r = client.post("/chat/completions", json=self._payload(p, max_new_tokens, temperature, False))
                r.raise_for_status()
                return r.json()["choices"][0]["message"]["content"] or ""
        except (httpx.HTTPError, KeyError, IndexError, ValueError) as exc:
            raise LLMError(f"endpoint {self.base_url} failed: {exc}") from exc

    def stream(self, prompt: Prompt | str, *, max_new_tokens: int | None = None,
               temperature: float = 0.0) -> Iterator[str]:
        import httpx

        p = as_prompt(prompt)
        try:
            with self._client() as client:
                with client.stream("POST", "/chat/completions",
                                   json=self._payload(p, max_new_tokens, temperature, True)) as r:
                    r.raise_for_status()
                    for line in r.iter_lines():
                        if not line.startswith("data:"):
                            continue
                        data = line[5:].strip()
                        if data == "[DONE]":
                            break
                        delta = json.loads(data)["choices"][0].get("delta", {}).get("content")
                        if delta:
                            yield delta
        except (httpx.HTTPError, KeyError, IndexError, ValueError) as exc:
            raise LLMError(f"endpoint {self.base_url} failed: {exc}") from exc
