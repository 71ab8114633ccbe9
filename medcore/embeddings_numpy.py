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

    def encode(self, texts: list[str], batch_size: int = 64) -> np.ndarray:
        """L2-normalised float32 embeddings, shape (len(texts), hidden)."""
        out = []
        # sorting by length keeps padding small, as sentence-transformers does
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for b in range(0, len(order), batch_size):
            idx = order[b:b + batch_size]
            enc = self.tokenizer.encode_batch([texts[i] for i in idx])
            ids = np.array([e.ids for e in enc], dtype=np.int64)
            mask = np.array([e.attention_mask for e in enc], dtype=np.float32)
            types = np.array([e.type_ids for e in enc], dtype=np.int64)
            out.append((idx, self._forward(ids, types, mask)))
        vecs = np.zeros((len(texts), self.w["embeddings.word_embeddings.weight"].shape[1]), dtype=np.float32)
        for idx, v in out:
            vecs[idx] = v
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


def _linear(x: np.ndarray, weight_t: np.ndarray, bias: np.ndarray) -> np.ndarray:
    """x @ W + b as one matrix product over every token of the batch (one GEMM, not one per sentence)."""
    y = x.reshape(-1, x.shape[-1]) @ weight_t
    y += bias
    return y.reshape(*x.shape[:-1], weight_t.shape[1])


def _layer_norm(x: np.ndarray, gamma: np.ndarray, beta: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * gamma + beta


def _gelu(x: np.ndarray) -> np.ndarray:
    from scipy.special import erf  # BERT's exact GELU ('gelu' in config.json), not the tanh approximation

    y = erf(x * np.float32(1.0 / math.sqrt(2.0)))
    y += 1.0
    y *= 0.5
    y *= x
    return y


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
    tok.enable_padding(pad_id=int(config.get("pad_token_id", 0)))
    weights = {}
    for k, v in load_file(str(path / "model.safetensors")).items():
        k = k.removeprefix("bert.")
        v = v.astype(np.float32)
        # a Linear's weight is stored (out, in), as PyTorch keeps it: transposed once here, contiguous
        weights[k] = np.ascontiguousarray(v.T) if k.startswith("encoder.") and k.endswith(".weight") and v.ndim == 2 else v
    return MiniLM(tok, weights, int(config["num_hidden_layers"]), int(config["num_attention_heads"]),
                  float(config.get("layer_norm_eps", 1e-12)))
