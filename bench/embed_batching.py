"""The NumPy MiniLM's encode, session 20 against the encode it replaced, alternating in one process: plain
batches of 64 in character-length order padded to each batch's longest text with scipy's erf in the GELU
(`before`), and batches of similar token length with the NumPy erf (`after`). Texts: the chunks the symptom chat
embeds for the 40 vignettes of tests/triage/test_speed_budgets.py. Prints CPU seconds per round, the medians, the
ratio, and the largest difference between the two outputs.
Run: PYTHONPATH=. MEDCORE_LLM_BACKEND=template .venv/bin/python bench/embed_batching.py [--rounds 5]"""

from __future__ import annotations

import argparse
import math
import statistics
import time

import numpy as np


def _before_encode(model, texts, batch_size=64):
    from scipy.special import erf

    from medcore import embeddings_numpy as en

    def scipy_gelu(x):  # the replaced _gelu, as it was
        y = erf(x * np.float32(1.0 / math.sqrt(2.0)))
        y += 1.0
        y *= 0.5
        y *= x
        return y

    saved, en._gelu = en._gelu, scipy_gelu
    try:
        enc = model.tokenizer.encode_batch(list(texts))
        vecs = np.zeros((len(texts), 384), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for b in range(0, len(order), batch_size):
            idx = order[b:b + batch_size]
            t = max(len(enc[i].ids) for i in idx)
            ids = np.zeros((len(idx), t), dtype=np.int64)
            mask = np.zeros((len(idx), t), dtype=np.float32)
            for row, i in enumerate(idx):
                ids[row, :len(enc[i].ids)], mask[row, :len(enc[i].ids)] = enc[i].ids, 1.0
            vecs[idx] = model._forward(ids, np.zeros_like(ids), mask)
        return vecs
    finally:
        en._gelu = saved


def _chunks() -> list[str]:
    from medcore.config import Settings
    from medcore.triage import nlu
    from medcore.triage.evaluate import load_vignettes
    from medcore.triage.kb import load_kb
    from medcore.triage.lexicon import Lexicon

    settings = Settings.load(secrets={})
    kb = load_kb(settings.kb_dir)
    lex = Lexicon(kb)
    chunks: list[str] = []
    for v in load_vignettes(settings.kb_dir, kb, files="vignettes_blind_s15.yaml"):
        chunks.extend(nlu.prepare(v["text"], lex, embed=True).chunks)
    return list(dict.fromkeys(chunks))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    from medcore.embeddings import load_encoder
    from medcore.runtime import apply_blas_policy

    apply_blas_policy()
    model = load_encoder()
    texts = _chunks()
    times = {"before": [], "after": []}
    outs = {}
    for _ in range(args.rounds):
        for name, fn in (("before", lambda: _before_encode(model, texts)), ("after", lambda: model.encode(texts))):
            t = time.process_time()
            outs[name] = fn()
            times[name].append(time.process_time() - t)
    med = {k: statistics.median(v) for k, v in times.items()}
    print(f"{len(texts)} chunks; CPU s per round: {times}")
    print(f"median before {med['before']:.3f} s, after {med['after']:.3f} s, ratio {med['before'] / med['after']:.2f}x;"
          f" largest difference {np.abs(outs['before'] - outs['after']).max():.2e}")


if __name__ == "__main__":
    main()
