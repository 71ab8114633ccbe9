"""A tiny randomly initialised BERT (hidden 32, 2 layers) and word-level tokenizer, built in code, plus synthetic
abstracts whose roles show in their words, for the sentence-role training-loop tests."""

from __future__ import annotations

import random
from pathlib import Path

WORDS = {
    "background": "disease common burden unknown important",
    "objective": "aim assess whether evaluate sought",
    "methods": "randomized patients enrolled measured cohort",
    "results": "significantly lower higher percent ratio",
    "conclusions": "conclude suggest therefore support recommend",
}


def build(folder: Path) -> Path:
    from transformers import BertConfig, BertModel, BertTokenizerFast

    folder.mkdir(parents=True, exist_ok=True)
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "the", "we", "."]
    for ws in WORDS.values():
        vocab += ws.split()
    (folder / "vocab.txt").write_text("\n".join(vocab) + "\n")
    tok = BertTokenizerFast(vocab_file=str(folder / "vocab.txt"), do_lower_case=True)
    tok.save_pretrained(str(folder))
    import torch

    torch.manual_seed(0)
    cfg = BertConfig(vocab_size=len(vocab), hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                     intermediate_size=64, max_position_embeddings=64)
    BertModel(cfg, add_pooling_layer=False).save_pretrained(str(folder))
    return folder


def abstracts(n: int, seed: int = 0):
    from medcore.literature.role_data import Abstract

    rng = random.Random(seed)
    out = []
    order = ["background", "objective", "methods", "methods", "results", "results", "conclusions"]
    for i in range(n):
        sents, labels = [], []
        for role in order:
            words = WORDS[role].split()
            sents.append("we " + " ".join(rng.choice(words) for _ in range(rng.randint(3, 6))) + " .")
            labels.append(role)
        labels[rng.randrange(len(labels))] = None  # an unlabelled sentence stays as context only
        out.append(Abstract(str(1000 + i), sents, labels, question="does it work?",
                            answer=rng.choice(["yes", "no", "maybe"])))
    return out
