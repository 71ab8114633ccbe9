"""The learned sentence-importance scorer: a small MLP over MiniLM sentence embeddings plus a few
note-structure features, trained by our own PyTorch loop.

Training pairs are (note, summary): the shipped dev notes with a reference summary, the other dev
notes paired with a summary built from their engine extraction (the sentences the structured
summary cites), and every clinician correction stored by the page (note, corrected summary). A
sentence is labelled important when most of its words appear, in order, in the summary (ROUGE-L
recall >= 0.5). Held-out notes are never used."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from medcore.records.textmetrics import lcs_length

SECTIONS = ("chief_complaint", "history_of_present_illness", "assessment_and_plan", "hospital_course",
            "follow_up", "medications", "labs", "imaging", "past_medical_history", "physical_exam")
N_FEATURES = 2 + len(SECTIONS) + 4
MODEL_KIND = "records-scorer"


def features(analysis, indices: list[int]) -> np.ndarray:
    n = max(1, len(analysis.sentences))
    ex = analysis.extraction
    present = {p.sentence for p in ex.problems if p.assertion == "present"}
    changed = {m.sentence for m in ex.medications if m.status in ("started", "stopped", "changed")}
    abnormal = {x.sentence for x in ex.labs + ex.vitals if x.flag in ("high", "low")}
    follow = {f.sentence for f in ex.follow_ups}
    rows = []
    for i in indices:
        s = analysis.sentences[i]
        row = [i / n, min(len(s.text.split()), 60) / 60]
        row += [1.0 if s.section == sec else 0.0 for sec in SECTIONS]
        row += [float(i in present), float(i in changed), float(i in abnormal), float(i in follow)]
        rows.append(row)
    return np.asarray(rows, dtype=np.float32).reshape(len(indices), N_FEATURES)


def build_model(hidden: int = 64):
    import torch.nn as nn

    return nn.Sequential(nn.Linear(384 + N_FEATURES, hidden), nn.ReLU(), nn.Dropout(0.1), nn.Linear(hidden, 1))


@dataclass
class Scorer:
    model: object
    label: str = "learned scorer"

    def predict(self, vecs: np.ndarray, feats: np.ndarray) -> np.ndarray:
        x = np.concatenate([vecs, feats], axis=1).astype(np.float32)
        return self.model(x)


@dataclass
class NumpyMLP:
    """build_model's network in evaluation mode (Linear, ReLU, [Dropout: identity], Linear, sigmoid) as NumPy:
    the page and the CLI score sentences without importing torch."""
    w0: np.ndarray
    b0: np.ndarray
    w1: np.ndarray
    b1: np.ndarray

    def __call__(self, x: np.ndarray) -> np.ndarray:
        h = np.maximum(x @ self.w0.T + self.b0, 0.0)
        z = (h @ self.w1.T + self.b1)[:, 0]
        return (1.0 / (1.0 + np.exp(-z))).astype(np.float32)


def load_scorer(ckpt_dir: str | Path, label: str = "learned scorer") -> Scorer:
    from safetensors.numpy import load_file

    from medcore.checkpoints import CheckpointError

    ckpt_dir = Path(ckpt_dir)
    try:
        t = load_file(str(ckpt_dir / "model.safetensors"))
    except Exception as exc:  # noqa: BLE001 - safetensors' error type is not an OSError/ValueError
        raise CheckpointError(f"{ckpt_dir.name}: cannot be read ({exc})") from exc
    try:
        model = NumpyMLP(t["0.weight"], t["0.bias"], t["3.weight"], t["3.bias"])
    except KeyError as exc:
        raise KeyError(f"{ckpt_dir.name}: not a records scorer ({exc} missing)") from exc
    if model.w0.shape[1] != 384 + N_FEATURES or model.w1.shape[0] != 1:
        raise ValueError(f"{ckpt_dir.name}: weights of shape {model.w0.shape} do not fit {384 + N_FEATURES} inputs")
    return Scorer(model, label)


def shipped_path(settings) -> Path | None:
    """The scorer trained ahead on the shipped dev pairs (assets/kb/records/scorer/, command and
    metrics in its state.json), used until the Model lab activates a retrained one."""
    from medcore.checkpoints import latest

    return latest(Path(settings.kb_dir) / "records" / "scorer")


def active_scorer(store, settings=None) -> Scorer | None:
    """The scorer the Model lab activated, else the shipped one, else None (centrality alone)."""
    rec = store.active_model(MODEL_KIND) if store is not None else None
    if rec is not None and Path(rec.path).exists():
        try:
            return load_scorer(rec.path, f"learned scorer #{rec.id}")
        except (OSError, KeyError, RuntimeError, ValueError):
            pass
    path = shipped_path(settings) if settings is not None else None
    if path is not None:
        try:
            return load_scorer(path, "learned scorer (shipped)")
        except (OSError, KeyError, RuntimeError, ValueError):
            return None
    return None


# ---- training data --------------------------------------------------------------------------
def label_sentences(analysis, indices: list[int], summary: str, threshold: float = 0.5) -> np.ndarray:
    ref = re.findall(r"\w+", summary.lower())
    out = []
    for i in indices:
        words = re.findall(r"\w+", analysis.sentences[i].text.lower())
        out.append(1.0 if words and lcs_length(words, ref) / len(words) >= threshold else 0.0)
    return np.asarray(out, dtype=np.float32)


def training_pairs(settings, store=None) -> list[tuple[str, str, str]]:
    """(note text, summary text, origin) for every usable pair; held-out notes excluded."""
    from medcore.records import kb as kb_mod
    from medcore.records.corpus import annotated_notes
    from medcore.records.pipeline import analyze

    kb = kb_mod.load(settings)
    pairs = []
    for note in annotated_notes(settings, "dev"):
        if note.reference_summary:
            pairs.append((note.text, note.reference_summary, f"reference:{note.id}"))
        else:
            a = analyze(note.text, kb, kind=note.kind)
            cited = sorted({i.sentence for i in a.summary.problems + a.summary.abnormal_results + a.summary.follow_ups
                            + [m for m in a.summary.medications if m.detail.get("status")] if i.sentence >= 0})
            pairs.append((note.text, " ".join(a.sentences[i].text for i in cited), f"engine:{note.id}"))
    if store is not None:
        for fb in store.list_feedback("records"):
            d = fb.get("data") or {}
            if fb.get("kind") == "correction" and d.get("note") and d.get("summary"):
                pairs.append((d["note"], d["summary"], f"correction:{fb['id']}"))
    return pairs


def build_dataset(settings, store=None, progress=None):
    from medcore.records import kb as kb_mod
    from medcore.records.candidates import _embed_cached, candidates
    from medcore.records.pipeline import analyze

    kb = kb_mod.load(settings)
    xs, ys, groups = [], [], []
    pairs = training_pairs(settings, store)
    for g, (text, summary, _origin) in enumerate(pairs):
        a = analyze(text, kb)
        cand = candidates(a)
        if not cand:
            continue
        vecs = _embed_cached([a.sentences[i].text for i in cand])
        xs.append(np.concatenate([vecs, features(a, cand)], axis=1))
        ys.append(label_sentences(a, cand, summary))
        groups += [g] * len(cand)
        if progress:
            progress(g + 1, len(pairs))
    if not xs:
        raise ValueError("no training sentences")
    return np.concatenate(xs).astype(np.float32), np.concatenate(ys), np.asarray(groups), len(pairs)


# ---- the loop ---------------------------------------------------------------------------------
def train(settings, reporter, *, out_dir: Path, epochs: int = 60, lr: float = 3e-3, hidden: int = 64,
          resume: bool = False, store=None, seed: int = 0, data=None) -> dict:
    import torch

    from medcore import checkpoints
    from medcore.jobs import JobCancelled
    from medcore.runtime import apply_thread_policy, seed_everything

    apply_thread_policy(settings.torch_threads)
    seed_everything(seed)
    x, y, groups, n_pairs = data if data is not None else build_dataset(settings, store)
    # validation: every fifth pair's sentences, so no note is on both sides
    val_mask = (groups % 5) == 4
    if val_mask.all() or not val_mask.any():
        val_mask = np.zeros_like(val_mask)
        val_mask[::5] = True
    xt, yt = torch.from_numpy(x[~val_mask]), torch.from_numpy(y[~val_mask])
    xv, yv = torch.from_numpy(x[val_mask]), torch.from_numpy(y[val_mask])
    model = build_model(hidden)
    opt = torch.optim.Adam(model.parameters(), lr=lr, weight_decay=1e-4)
    pos = float(yt.sum())
    pos_weight = torch.tensor([(len(yt) - pos) / pos if pos else 1.0])
    loss_fn = torch.nn.BCEWithLogitsLoss(pos_weight=pos_weight)
    start = 0
    out_dir = Path(out_dir)
    if resume and (ck := checkpoints.latest(out_dir)) is not None:
        tensors, state, optim = checkpoints.load(ck)
        model.load_state_dict(tensors)
        if optim:
            opt.load_state_dict(optim)
        start = int(state.get("step", 0))
    gen = torch.Generator().manual_seed(seed)
    metrics = {}
    for epoch in range(start, epochs):
        model.train()
        perm = torch.randperm(len(xt), generator=gen)
        total = 0.0
        for b in range(0, len(xt), 64):
            idx = perm[b:b + 64]
            opt.zero_grad()
            loss = loss_fn(model(xt[idx]).squeeze(1), yt[idx])
            loss.backward()
            opt.step()
            total += float(loss.detach()) * len(idx)
        metrics = _val_metrics(model, xv, yv)
        reporter.progress(epoch + 1, epochs, total / max(1, len(xt)), metrics=metrics)
        if reporter.should_cancel():
            checkpoints.save(out_dir, epoch + 1, model.state_dict(), {"hidden": hidden, "epochs": epochs},
                             optimizer_state=opt.state_dict())
            raise JobCancelled()
    ckpt = checkpoints.save(out_dir, epochs, model.state_dict(),
                            {"hidden": hidden, "epochs": epochs, "lr": lr, "pairs": n_pairs, "sentences": int(len(x)),
                             "metrics": metrics}, optimizer_state=opt.state_dict())
    n_params = sum(p.numel() for p in model.parameters())
    return {"checkpoint": str(ckpt), "pairs": n_pairs, "sentences": int(len(x)), "positives": int(y.sum()),
            "params": n_params, **{f"val_{k}": v for k, v in metrics.items()}}


def _val_metrics(model, xv, yv) -> dict:
    import torch

    if len(xv) == 0:
        return {}
    model.eval()
    with torch.no_grad():
        p = torch.sigmoid(model(xv).squeeze(1))
    pred = (p >= 0.5).float()
    tp = float(((pred == 1) & (yv == 1)).sum())
    prec = tp / float(pred.sum()) if float(pred.sum()) else 0.0
    rec = tp / float(yv.sum()) if float(yv.sum()) else 0.0
    return {"accuracy": round(float((pred == yv).float().mean()), 4), "precision": round(prec, 4),
            "recall": round(rec, 4), "auc": round(_auc(p.numpy(), yv.numpy()), 4)}


def _auc(p: np.ndarray, y: np.ndarray) -> float:
    pos, neg = p[y == 1], p[y == 0]
    if len(pos) == 0 or len(neg) == 0:
        return 0.5
    return float((pos[:, None] > neg[None, :]).mean() + 0.5 * (pos[:, None] == neg[None, :]).mean())


def describe(path: str | Path) -> dict:
    state = json.loads((Path(path) / "state.json").read_text())
    return {k: state[k] for k in ("pairs", "sentences", "metrics", "epochs") if k in state}
