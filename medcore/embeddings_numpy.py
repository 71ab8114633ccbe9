"""all-MiniLM-L6-v2 sentence embeddings in NumPy: the same BERT forward pass, mean pooling and L2
normalisation as sentence-transformers, read from the package's own model.safetensors and tokenizer.json.

Why: importing torch, transformers, sentence-transformers and scikit-learn costs 10-17 s in a fresh process
on the 2-core CPU, which alone broke the budget of `summarize FILE --json` (5 s from a cold process, issue 11).
This module needs numpy, `tokenizers` and `safetensors` (about 0.5 s to import) and gives the same vectors
(tests/test_embeddings_numpy.py compares it with sentence-transformers). Training code that needs gradients
still loads the torch model (`medcore.embeddings.load_minilm`)."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np


@dataclass
class MiniLM:
    tokenizer: object  # tokenizers.Tokenizer
    w: dict  # tensor name -> float32 array (the encoder's Linear weights transposed to (in, out))
    layers: int
    heads: int
    eps: float
    pad_id: int = 0

    def encode(self, texts: list[str], batch_size: int = 64) -> np.ndarray:
        """L2-normalised float32 embeddings, shape (len(texts), hidden)."""
        enc = self.tokenizer.encode_batch(list(texts))  # unpadded: each batch below pads to its own longest
        vecs = np.zeros((len(texts), self.w["embeddings.word_embeddings.weight"].shape[1]), dtype=np.float32)
        for idx in _length_batches([len(e.ids) for e in enc], batch_size):
            t = max(len(enc[i].ids) for i in idx)
            ids = np.full((len(idx), t), self.pad_id, dtype=np.int64)
            types = np.zeros((len(idx), t), dtype=np.int64)
            mask = np.zeros((len(idx), t), dtype=np.float32)
            for row, i in enumerate(idx):
                n = len(enc[i].ids)
                ids[row, :n], types[row, :n], mask[row, :n] = enc[i].ids, enc[i].type_ids, 1.0
            vecs[idx] = self._forward(ids, types, mask)
        return vecs

    def _forward(self, ids: np.ndarray, types: np.ndarray, mask: np.ndarray) -> np.ndarray:
        w = self.w
        n, t = ids.shape
        x = (w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][np.arange(t)][None]
             + w["embeddings.token_type_embeddings.weight"][types])
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], self.eps)
        bias = (1.0 - mask)[:, None, None, :] * np.float32(np.finfo(np.float32).min)
        d = x.shape[-1] // self.heads
        for i in range(self.layers):
            p = f"encoder.layer.{i}."

            def heads(name):
                y = _linear(x, w[p + f"attention.self.{name}.weight"], w[p + f"attention.self.{name}.bias"])
                return y.reshape(n, t, self.heads, d).transpose(0, 2, 1, 3)

            q, k, v = heads("query"), heads("key"), heads("value")
            scores = q @ k.transpose(0, 1, 3, 2) / np.float32(math.sqrt(d)) + bias
            scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
            scores /= scores.sum(axis=-1, keepdims=True)
            ctx = (scores @ v).transpose(0, 2, 1, 3).reshape(n, t, -1)
            att = _linear(ctx, w[p + "attention.output.dense.weight"], w[p + "attention.output.dense.bias"])
            x = _layer_norm(att + x, w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"],
                            self.eps)
            h = _gelu(_linear(x, w[p + "intermediate.dense.weight"], w[p + "intermediate.dense.bias"]))
            h = _linear(h, w[p + "output.dense.weight"], w[p + "output.dense.bias"])
            x = _layer_norm(h + x, w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"], self.eps)
        pooled = (x * mask[:, :, None]).sum(axis=1) / np.maximum(mask.sum(axis=1, keepdims=True), 1e-9)
        norm = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.maximum(norm, 1e-12)).astype(np.float32)


def _length_batches(lengths: list[int], batch_size: int) -> list[list[int]]:
    """Indices in batches of similar token length. Why: a batch's matrix products run over its padding too, and the
    symptom chat's chunks (2 to 60 tokens) in plain batches of 64 were half padding; sorted by length, a batch ends
    where the next text is over a quarter longer than the batch's shortest, so padding stays under a quarter."""
    batches: list[list[int]] = []
    for i in sorted(range(len(lengths)), key=lengths.__getitem__):
        b = batches[-1] if batches else None
        if b is None or len(b) >= batch_size or lengths[i] > 1.25 * lengths[b[0]]:
            batches.append([i])
        else:
            b.append(i)
    return batches


def _linear(x: np.ndarray, weight_t: np.ndarray, bias: np.ndarray) -> np.ndarray:
    """x @ W + b as one matrix product over every token of the batch (one GEMM, not one per sentence)."""
    y = x.reshape(-1, x.shape[-1]) @ weight_t
    y += bias
    return y.reshape(*x.shape[:-1], weight_t.shape[1])


def _layer_norm(x: np.ndarray, gamma: np.ndarray, beta: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * gamma + beta


# Abramowitz & Stegun 7.1.26: erf to within 1.5e-7, float32's own precision, in plain NumPy
_ERF_P = np.float32(0.3275911)
_ERF_A = tuple(np.float32(a) for a in (1.061405429, -1.453152027, 1.421413741, -0.284496736, 0.254829592))


def _gelu(x: np.ndarray) -> np.ndarray:
    """BERT's exact GELU, x * Phi(x) ('gelu' in config.json, not the tanh approximation). Why not scipy's erf: on
    float32 it computes in double, one element at a time, and was a fifth of a batch triage run; this is half that
    and within 5e-7 of it (tests/test_embeddings_numpy.py)."""
    z = np.abs(x) * np.float32(1.0 / math.sqrt(2.0))
    t = 1.0 / (1.0 + _ERF_P * z)
    poly = _ERF_A[0] * t
    for a in _ERF_A[1:]:
        poly += a
        poly *= t
    poly *= np.exp(-z * z)  # erfc(|x| / sqrt 2)
    erf = np.copysign(1.0 - poly, x)
    erf += 1.0
    erf *= 0.5
    erf *= x
    return erf


def load(path: Path) -> MiniLM:
    """The model in a sentence-transformers folder (config.json, sentence_bert_config.json, tokenizer.json,
    model.safetensors). Raises FileNotFoundError when a file is missing."""
    from safetensors.numpy import load_file
    from tokenizers import Tokenizer

    path = Path(path)
    for name in ("config.json", "tokenizer.json", "model.safetensors"):
        if not (path / name).is_file():
            raise FileNotFoundError(f"{path / name} is missing")
    config = json.loads((path / "config.json").read_text(encoding="utf-8"))
    st_config = path / "sentence_bert_config.json"
    max_len = json.loads(st_config.read_text(encoding="utf-8")).get("max_seq_length", 256) if st_config.is_file() else 256
    tok = Tokenizer.from_file(str(path / "tokenizer.json"))
    tok.enable_truncation(max_length=int(max_len))
    tok.no_padding()  # tokenizer.json may carry its own padding; encode pads each length batch itself
    weights = {}
    for k, v in load_file(str(path / "model.safetensors")).items():
        k = k.removeprefix("bert.")
        v = v.astype(np.float32)
        # a Linear's weight is stored (out, in), as PyTorch keeps it: transposed once here, contiguous
        weights[k] = np.ascontiguousarray(v.T) if k.startswith("encoder.") and k.endswith(".weight") and v.ndim == 2 else v
    return MiniLM(tok, weights, int(config["num_hidden_layers"]), int(config["num_attention_heads"]),
                  float(config.get("layer_norm_eps", 1e-12)), int(config.get("pad_token_id", 0)))
