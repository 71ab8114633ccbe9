"""A local Hugging Face causal LM: a model directory, or a GGUF file (transformers >= 5 reads GGUF)."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Iterator

from medcore.llm.base import LLMError, Prompt, as_prompt

# transformers builds a model on the meta device and then copies weights in; two loads at once in one
# process interfere ("Cannot copy out of meta tensor"), so every load in the process takes this lock.
LOAD_LOCK = threading.Lock()


class HFBackend:
    name = "hf"
    local = True

    def __init__(self, model_path: str | Path, *, max_new_tokens: int = 256, label: str | None = None,
                 device: str = "cpu"):
        self.model_path = Path(model_path).expanduser()
        self.max_new_tokens = max_new_tokens
        self.device = device
        self.label = label or f"local model {self.model_path.name}"
        self._model = None
        self._tokenizer = None
        self._lock = threading.Lock()  # one generation at a time; the model is shared by sessions

    def _load(self):
        if self._model is not None:
            return
        with LOAD_LOCK:
            if self._model is None:  # another thread may have finished the load while this one waited
                self._load_locked()

    def _load_locked(self):
        if not self.model_path.exists():
            raise LLMError(f"model path {self.model_path} does not exist")
        from medcore.runtime import apply_thread_policy

        apply_thread_policy()
        from transformers import AutoModelForCausalLM, AutoTokenizer

        try:
            if self.model_path.suffix == ".gguf":
                kw = {"gguf_file": self.model_path.name}
                src = str(self.model_path.parent)
            else:
                kw = {"local_files_only": True}
                src = str(self.model_path)
            tok = AutoTokenizer.from_pretrained(src, **kw)
            model = AutoModelForCausalLM.from_pretrained(src, **kw)
        except (OSError, ValueError) as exc:
            raise LLMError(f"could not load {self.model_path}: {exc}") from exc
        model.eval().to(self.device)
        if tok.pad_token_id is None and tok.eos_token_id is not None:
            tok.pad_token = tok.eos_token
        self._tokenizer, self._model = tok, model

    def _inputs(self, prompt: Prompt):
        tok = self._tokenizer
        if getattr(tok, "chat_template", None):
            enc = tok.apply_chat_template(prompt.messages(), add_generation_prompt=True, return_tensors="pt",
                                          return_dict=True)
        else:
            enc = tok(f"{prompt.system}\n\n{prompt.user_message()}\n\nAnswer:", return_tensors="pt")
        return {k: v.to(self.device) for k, v in enc.items()}

    def _gen_kwargs(self, max_new_tokens, temperature):
        kw = {"max_new_tokens": max_new_tokens or self.max_new_tokens, "repetition_penalty": 1.15,
              "pad_token_id": self._tokenizer.pad_token_id}
        if temperature > 0:
            kw.update(do_sample=True, temperature=temperature)
        else:
            kw.update(do_sample=False)
        return kw

    def generate(self, prompt: Prompt | str, *, max_new_tokens: int | None = None, temperature: float = 0.0) -> str:
        import torch

        p = as_prompt(prompt)
        with self._lock:
            self._load()
            inputs = self._inputs(p)
            with torch.inference_mode():
                out = self._model.generate(**inputs, **self._gen_kwargs(max_new_tokens, temperature))
        new = out[0, inputs["input_ids"].shape[1]:]
        return self._tokenizer.decode(new, skip_special_tokens=True).strip()

    def stream(self, prompt: Prompt | str, *, max_new_tokens: int | None = None,
               temperature: float = 0.0) -> Iterator[str]:
        from transformers import TextIteratorStreamer

        p = as_prompt(prompt)
        with self._lock:
            self._load()
            inputs = self._inputs(p)
            streamer = TextIteratorStreamer(self._tokenizer, skip_prompt=True, skip_special_tokens=True)
            errors: list[BaseException] = []

            def run():
                try:
                    self._model.generate(**inputs, **self._gen_kwargs(max_new_tokens, temperature), streamer=streamer)
                except BaseException as exc:  # noqa: BLE001 - surfaced to the caller below
                    errors.append(exc)
                    streamer.end()

            thread = threading.Thread(target=run, daemon=True)
            thread.start()
            for chunk in streamer:
                if chunk:
                    yield chunk
            thread.join()
        if errors:
            raise LLMError(f"generation failed: {errors[0]}")
