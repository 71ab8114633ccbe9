"""The cue answer model of `literature ask` (session 11): a few interpretable features of the conclusion read
against the question, weighed by a small multinomial logistic regression fitted with numpy.

Why: the fixed cue rule (ask.cue_answer) counts negators anywhere in the conclusions, so "X did not change Y, but
improved Z" weighs the same whichever of Y or Z the question asks about, and it cannot learn how much a hedge or a
doubting question word should move the answer. The features here say where the negation stands relative to the
question's own words, how the first (take-home) conclusion sentence reads, and whether the question itself is
negated. Cue words are the one list in assets/kb/literature/answer_cues.yaml; stop words are the knowledge layer's.
The fitted weights are a small JSON file (no pickle): assets/checkpoints/literature-ask-cues.json, with the command,
the data split and the cross-validated accuracy that chose its settings (bench/literature_ask_cv.py)."""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from medcore.knowledge.fallback import STOPWORDS
from medcore.literature.ask_model import ANSWERS, raw_cue_counts

log = logging.getLogger(__name__)

FEATURES = ("neg", "hedge", "pos", "doubt", "first_neg", "first_hedge", "neg_near_topic", "topic_overlap",
            "question_negated", "qneg_x_neg", "conditional")
WINDOW = 6  # tokens either side of a question word within which a negator is taken to be about it
CHECKPOINT = "literature-ask-cues.json"
_TOKEN = re.compile(r"[a-z][a-z'\-]*")


def _stem(word: str) -> str:
    return word[:5]  # a crude shared prefix: 'reduces' / 'reduction', 'improve' / 'improvement'


def topic_words(question: str) -> set[str]:
    """The question's content words (stems), without stop words and the question's own frame words."""
    return {_stem(w) for w in _TOKEN.findall(question.lower()) if len(w) > 3 and w not in STOPWORDS}


def features(question: str, conclusions: list[str], cues: dict[str, re.Pattern]) -> list[float]:
    """One feature row (FEATURES order), each scaled to 0..1."""
    neg, hedge, pos = raw_cue_counts(conclusions, cues)
    doubt = len(cues["question_doubt"].findall(question)) if "question_doubt" in cues else 0
    first = conclusions[:1]
    f_neg, f_hedge, _ = raw_cue_counts(first, cues) if first else (0, 0, 0)
    topic = topic_words(question)
    near, seen = 0, set()
    for text in conclusions:
        low = text.lower().replace("\u2019", "'")
        toks = [(m.start(), m.group(0)) for m in _TOKEN.finditer(low)]
        topic_at = [i for i, (_, w) in enumerate(toks) if _stem(w) in topic]
        seen |= {_stem(toks[i][1]) for i in topic_at}
        for m in cues["negative"].finditer(low):
            i = next((k for k, (start, _) in enumerate(toks) if start >= m.start()), len(toks))
            near += any(abs(i - j) <= WINDOW for j in topic_at)
    q_negated = 1.0 if cues["negative"].search(question.replace("\u2019", "'")) else 0.0
    negv = min(neg, 4) / 4.0
    # a finding for part of the population only ("only in", "but not in"): PubMedQA's "maybe" (session 14)
    cond = 1.0 if "conditional" in cues and any(cues["conditional"].search(t) for t in conclusions) else 0.0
    return [negv, min(hedge, 4) / 4.0, min(pos, 4) / 4.0, min(doubt, 2) / 2.0, min(f_neg, 2) / 2.0,
            min(f_hedge, 2) / 2.0, min(near, 3) / 3.0, len(seen) / len(topic) if topic else 0.0,
            q_negated, q_negated * negv, cond]


@dataclass
class CueModel:
    weight: np.ndarray  # (3, F)
    bias: np.ndarray  # (3,)
    features: tuple[str, ...]
    meta: dict

    def probabilities(self, row: list[float]) -> list[float]:
        x = np.asarray([row[FEATURES.index(f)] for f in self.features], dtype=np.float64)
        z = self.weight @ x + self.bias
        z = np.exp(z - z.max())
        return (z / z.sum()).tolist()

    def to_json(self) -> dict:
        return {"answers": list(ANSWERS), "features": list(self.features), "weight": self.weight.round(6).tolist(),
                "bias": self.bias.round(6).tolist(), **self.meta}

    @classmethod
    def from_json(cls, data: dict) -> "CueModel":
        if list(data["answers"]) != list(ANSWERS) or not set(data["features"]) <= set(FEATURES):
            raise ValueError("answer cue model does not match this code's answers or features")
        return cls(np.asarray(data["weight"], dtype=np.float64), np.asarray(data["bias"], dtype=np.float64),
                   tuple(data["features"]), {k: v for k, v in data.items()
                                             if k not in ("answers", "features", "weight", "bias")})


def fit(rows: list[list[float]], answers: list[str], *, use: tuple[str, ...] = FEATURES, l2: float = 0.1,
        balanced: bool = False, iters: int = 800, meta: dict | None = None) -> CueModel:
    """Multinomial logistic regression by full-batch gradient descent (convex; a few features, a few hundred rows).
    `balanced`: weigh each answer class by the inverse of its frequency."""
    cols = [FEATURES.index(f) for f in use]
    x = np.asarray(rows, dtype=np.float64)[:, cols]
    y = np.array([ANSWERS.index(a) for a in answers])
    onehot = np.eye(len(ANSWERS))[y]
    counts = np.bincount(y, minlength=len(ANSWERS)).clip(min=1)
    sw = (len(y) / (len(ANSWERS) * counts))[y] if balanced else np.ones(len(y))
    w, b = np.zeros((len(ANSWERS), len(cols))), np.zeros(len(ANSWERS))
    lr = 1.0
    for _ in range(iters):
        z = x @ w.T + b
        p = np.exp(z - z.max(axis=1, keepdims=True))
        p /= p.sum(axis=1, keepdims=True)
        g = (p - onehot) * sw[:, None] / sw.sum()
        w -= lr * (g.T @ x + l2 * w / len(y))
        b -= lr * g.sum(axis=0)
    return CueModel(w, b, tuple(use), {"l2": l2, "balanced": balanced, "items": len(y), **(meta or {})})


def predict(model: CueModel, rows: list[list[float]]) -> list[str]:
    out = []
    for r in rows:
        p = model.probabilities(r)
        out.append(ANSWERS[int(np.argmax(p))])
    return out


def checkpoint_path(settings) -> Path:
    return Path(settings.assets_dir) / "checkpoints" / CHECKPOINT


def load_cue_model(settings) -> CueModel | None:
    """The shipped cue answer model, or None (the fixed cue rule answers then)."""
    path = checkpoint_path(settings)
    if not path.is_file():
        return None
    try:
        return CueModel.from_json(json.loads(path.read_text(encoding="utf-8")))
    except (ValueError, KeyError, json.JSONDecodeError) as exc:
        log.warning("answer cue model %s not usable (%s); using the cue rule", path, exc)
        return None
