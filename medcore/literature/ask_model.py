"""The small answer model behind `literature ask`: yes / no / maybe from the question and the paper's conclusions.

Features of one (question, conclusion sentences) pair: the conclusions' mean sentence embedding, its elementwise
product with the question's embedding (what of the question the conclusions speak to), their cosine, and the
counted negation / hedge / positive cues of the conclusions (assets/kb/literature/answer_cues.yaml). A
multinomial logistic regression with L2, fitted full-batch; the weights are one small safetensors file. The
embeddings are the shipped MiniLM's (medcore.embeddings), passed in as a function so tests use their own."""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from medcore.literature import kb

log = logging.getLogger(__name__)

ANSWERS = ("yes", "no", "maybe")
CUE_GROUPS = ("negative", "hedge", "positive")
EXTRA_GROUPS = ("no_difference_question", "effect_question", "negation_exceptions", "question_doubt", "conditional")  # optional groups: absent in an older KB, no effect
MODEL_KIND = "literature-ask"
SHIPPED = "literature-ask"


@lru_cache(maxsize=4)
def _cues(kb_path: str, mtime: int) -> dict[str, re.Pattern]:
    from medcore.knowledge.validate import read_checked

    data = read_checked(Path(kb_path), kb.SCHEMAS["cues"], kb.LiteratureKBError, "literature KB file")
    out = {}
    for name in CUE_GROUPS + EXTRA_GROUPS:
        if name not in data["groups"]:
            continue
        alts = []
        for w in data["groups"][name]["cues"]:
            w = w.lower()
            alts.append(r"\b" + (re.escape(w[:-1]) if w.endswith("*") else re.escape(w) + r"\b"))
        out[name] = re.compile("|".join(alts), re.IGNORECASE)
    return out


def cue_patterns(settings) -> dict[str, re.Pattern]:
    path = kb.kb_dir_of(settings) / "answer_cues.yaml"
    try:
        mtime = path.stat().st_mtime_ns
    except FileNotFoundError as exc:
        raise kb.LiteratureKBError(f"missing literature KB file {path}") from exc
    return _cues(str(path), mtime)


def raw_cue_counts(texts: list[str], cues: dict[str, re.Pattern], question: str = "") -> list[int]:
    """[negative, hedge, positive] cue hits in `texts`. A negator inside a pseudo-negation ('not only', 'no
    longer') does not count; each doubt word of the question ('really', 'always', ...) counts as one negative."""
    joined = " ".join(texts).replace("\u2019", "'")
    counts = [len(cues[g].findall(joined)) for g in CUE_GROUPS]
    if "negation_exceptions" in cues:
        counts[0] = max(0, counts[0] - len(cues["negation_exceptions"].findall(joined)))
    if question and "question_doubt" in cues:
        counts[0] += len(cues["question_doubt"].findall(question))
    return counts


def cue_counts(texts: list[str], cues: dict[str, re.Pattern], question: str = "") -> list[float]:
    """raw_cue_counts, each capped at 4 and scaled to 0..1 (the model's features and the cue rule's input)."""
    return [min(c, 4) / 4.0 for c in raw_cue_counts(texts, cues, question)]


def features(q_vec, c_vecs, cue_vals: list[float]):
    """One feature row (numpy float32) from the question vector, the conclusion vectors and the cue values."""
    import numpy as np

    c = c_vecs.mean(axis=0) if len(c_vecs) else np.zeros_like(q_vec)
    norm = float(np.linalg.norm(c)) or 1.0
    c = c / norm
    cos = float(q_vec @ c)
    return np.concatenate([c, q_vec * c * 10.0, [cos], cue_vals]).astype(np.float32)


@dataclass
class AnswerModel:
    weight: object  # (3, F) torch tensor
    bias: object  # (3,)
    meta: dict

    def probabilities(self, x) -> list[float]:
        import torch

        with torch.no_grad():
            z = torch.as_tensor(x, dtype=torch.float32) @ self.weight.T + self.bias
            return torch.softmax(z, dim=-1).tolist()

    def save(self, folder: str | Path) -> Path:
        from safetensors.torch import save_file

        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        save_file({"weight": self.weight.contiguous(), "bias": self.bias.contiguous()}, str(folder / "model.safetensors"))
        (folder / "state.json").write_text(json.dumps(self.meta, indent=2))
        return folder

    @classmethod
    def load(cls, folder: str | Path) -> "AnswerModel":
        from safetensors.torch import load_file

        folder = Path(folder)
        t = load_file(str(folder / "model.safetensors"))
        return cls(t["weight"], t["bias"], json.loads((folder / "state.json").read_text()))


def fit(x, y: list[str], *, l2: float = 1e-2, iters: int = 300, seed: int = 0, meta: dict | None = None) -> AnswerModel:
    """Multinomial logistic regression, class-balanced (maybe is rare), full batch LBFGS."""
    import torch

    torch.manual_seed(seed)
    xt = torch.as_tensor(x, dtype=torch.float32)
    yt = torch.tensor([ANSWERS.index(a) for a in y])
    counts = torch.bincount(yt, minlength=len(ANSWERS)).float().clamp(min=1)
    weights = (counts.sum() / (len(ANSWERS) * counts))
    w = torch.zeros((len(ANSWERS), xt.shape[1]), requires_grad=True)
    b = torch.zeros(len(ANSWERS), requires_grad=True)
    opt = torch.optim.LBFGS([w, b], lr=0.5, max_iter=iters, line_search_fn="strong_wolfe")

    def closure():
        opt.zero_grad()
        loss = torch.nn.functional.cross_entropy(xt @ w.T + b, yt, weight=weights) + l2 * (w ** 2).sum()
        loss.backward()
        return loss

    opt.step(closure)
    return AnswerModel(w.detach(), b.detach(), {"answers": list(ANSWERS), "l2": l2, "items": len(y), **(meta or {})})


def shipped_dir(settings) -> Path:
    return Path(settings.assets_dir) / "checkpoints" / SHIPPED


def load_answer_model(settings, store=None) -> AnswerModel | None:
    """The active registered answer model, else the shipped one, else None."""
    folder = None
    try:
        if store is None:
            from medcore.store import Store

            store = Store.open(settings)
        rec = store.active_model(MODEL_KIND)
        if rec is not None and (Path(rec.path) / "model.safetensors").is_file():
            folder = Path(rec.path)
    except Exception as exc:  # noqa: BLE001 - no registry: the shipped model still answers
        log.warning("answer-model registry not readable (%s); using the shipped model if any", exc)
        folder = None
    if folder is None and (shipped_dir(settings) / "model.safetensors").is_file():
        folder = shipped_dir(settings)
    return AnswerModel.load(folder) if folder is not None else None
