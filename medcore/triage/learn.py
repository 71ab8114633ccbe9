"""The learning part: an MLP over findings + age + sex, trained on synthetic patients sampled
from the KB (and on saved chats a clinician confirmed), compared with the Bayesian engine on
the vignettes. The engine blends it in only when the blend measures better on the tuning
split; held-out numbers are reported, never used to decide.

Input encoding (2F+3): present flags, absent flags, age/100, female, male. Unknown = both 0.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from medcore.triage.kb import AGE_BANDS, KnowledgeBase

log = logging.getLogger(__name__)

MODEL_KIND = "triage_mlp"
BAND_AGES = {"child": (0.2, 15.9), "adult": (16, 64.9), "older": (65, 95)}


def encode(kb: KnowledgeBase, evidence: dict[str, bool], age: float | None, sex: str | None) -> np.ndarray:
    F = len(kb.findings)
    x = np.zeros(2 * F + 3, dtype=np.float32)
    for fid, present in evidence.items():
        j = kb.finding_index.get(fid)
        if j is not None:
            x[j if present else F + j] = 1.0
    x[2 * F] = (age if age is not None else 40.0) / 100.0
    x[2 * F + 1] = 1.0 if sex == "female" else 0.0
    x[2 * F + 2] = 1.0 if sex == "male" else 0.0
    return x


def sample_patients(kb: KnowledgeBase, n: int, seed: int = 0, observe: float = 0.3,
                    listed_observe: float = 0.7) -> tuple[np.ndarray, np.ndarray]:
    """Synthetic patients: age band and sex, a condition from the prior, findings from P(f|c).
    A patient reports a finding the condition lists with probability `listed_observe` and any other
    with `observe` (people mention what is typical; everything else is mostly never asked)."""
    rng = np.random.default_rng(seed)
    C, F = kb.lik.shape
    X = np.zeros((n, 2 * F + 3), dtype=np.float32)
    y = np.zeros(n, dtype=np.int64)
    listed = np.zeros((C, F), dtype=bool)
    for ci, c in enumerate(kb.conditions):
        for fid in c.likelihoods:
            listed[ci, kb.finding_index[fid]] = True
    bands = rng.choice(3, size=n, p=[0.25, 0.5, 0.25])
    sexes = rng.integers(0, 2, size=n)
    for i in range(n):
        band = AGE_BANDS[bands[i]]
        lo, hi = BAND_AGES[band]
        age = float(rng.uniform(lo, hi))
        sex = "female" if sexes[i] == 0 else "male"
        p = kb.prior(age, sex)
        # flatten the prior a little so rare emergencies are seen often enough to learn
        p = np.sqrt(p)
        p = p / p.sum()
        ci = int(rng.choice(C, p=p))
        present = rng.random(F) < kb.lik[ci]
        seen = rng.random(F) < np.where(listed[ci], listed_observe, observe * 0.1)
        X[i, :F] = present & seen
        X[i, F:2 * F] = (~present) & seen
        X[i, 2 * F] = age / 100.0
        X[i, 2 * F + 1] = sex == "female"
        X[i, 2 * F + 2] = sex == "male"
        y[i] = ci
    return X, y


def confirmed_sessions(store, kb: KnowledgeBase, engine_closure) -> tuple[np.ndarray, np.ndarray]:
    """Saved chats a clinician confirmed (status 'confirmed', data['confirmed_diagnosis'])."""
    rows_x, rows_y = [], []
    for rec in store.list_work(kind="chat", status="confirmed", limit=10000):
        cid = (rec.data or {}).get("confirmed_diagnosis")
        if cid not in kb.condition_index:
            continue
        ev = engine_closure(rec.data.get("answers", {}))
        rows_x.append(encode(kb, ev, rec.data.get("age"), rec.data.get("sex")))
        rows_y.append(kb.condition_index[cid])
    if not rows_x:
        return np.zeros((0, 2 * len(kb.findings) + 3), dtype=np.float32), np.zeros(0, dtype=np.int64)
    return np.stack(rows_x), np.array(rows_y, dtype=np.int64)


def build_model(n_in: int, n_out: int, hidden: int = 256):
    import torch.nn as nn

    return nn.Sequential(nn.Linear(n_in, hidden), nn.ReLU(), nn.Dropout(0.1), nn.Linear(hidden, hidden), nn.ReLU(),
                         nn.Linear(hidden, n_out))


@dataclass
class TrainConfig:
    samples: int = 60000
    epochs: int = 6
    batch_size: int = 512
    lr: float = 2e-3
    hidden: int = 256
    seed: int = 0
    confirmed_weight: int = 20  # each confirmed session counts as this many synthetic ones


def train(kb: KnowledgeBase, cfg: TrainConfig, out_dir: Path, reporter, *, resume: bool = False,
          extra: tuple[np.ndarray, np.ndarray] | None = None, threads: int = 1) -> dict:
    import torch

    from medcore import checkpoints
    from medcore.runtime import apply_thread_policy

    apply_thread_policy(threads)
    torch.manual_seed(cfg.seed)
    X, y = sample_patients(kb, cfg.samples, seed=cfg.seed)
    n_confirmed = 0
    if extra is not None and len(extra[1]):
        n_confirmed = len(extra[1])
        X = np.concatenate([X, np.repeat(extra[0], cfg.confirmed_weight, axis=0)])
        y = np.concatenate([y, np.repeat(extra[1], cfg.confirmed_weight)])
    Xt, yt = torch.from_numpy(X), torch.from_numpy(y)
    model = build_model(X.shape[1], len(kb.conditions), cfg.hidden)
    opt = torch.optim.Adam(model.parameters(), lr=cfg.lr)
    steps_per_epoch = int(np.ceil(len(y) / cfg.batch_size))
    total = steps_per_epoch * cfg.epochs
    step = 0
    if resume and checkpoints.latest(out_dir) is not None:
        tensors, state, optim = checkpoints.load(checkpoints.latest(out_dir))
        model.load_state_dict(tensors)
        if optim is not None:
            opt.load_state_dict(optim)
        step = int(state["step"])
        reporter.log(f"resumed from step {step}")
    losses = []
    while step < total:
        epoch = step // steps_per_epoch
        perm = torch.randperm(len(yt), generator=torch.Generator().manual_seed(cfg.seed + epoch))
        for b in range(step % steps_per_epoch, steps_per_epoch):
            idx = perm[b * cfg.batch_size:(b + 1) * cfg.batch_size]
            model.train()
            loss = torch.nn.functional.cross_entropy(model(Xt[idx]), yt[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
            step += 1
            losses.append(float(loss.detach()))
            if step % 10 == 0 or step == total:
                reporter.progress(step, total, float(np.mean(losses[-10:])), metrics={"epoch": epoch + 1})
            if reporter.should_cancel():
                checkpoints.save(out_dir, step, model.state_dict(), {"config": cfg.__dict__},
                                 optimizer_state=opt.state_dict())
                from medcore.jobs import JobCancelled

                raise JobCancelled()
        checkpoints.save(out_dir, step, model.state_dict(), {"config": cfg.__dict__, "kb_digest": kb.digest},
                         optimizer_state=opt.state_dict())
    final = out_dir / "final"
    final.mkdir(parents=True, exist_ok=True)
    from safetensors.torch import save_file

    save_file({k: v.contiguous() for k, v in model.state_dict().items()}, str(final / "model.safetensors"))
    meta = {"kb_digest": kb.digest, "n_in": X.shape[1], "n_out": len(kb.conditions), "hidden": cfg.hidden,
            "conditions": [c.id for c in kb.conditions], "config": cfg.__dict__, "confirmed_sessions": n_confirmed,
            "params": int(sum(p.numel() for p in model.parameters()))}
    (final / "meta.json").write_text(json.dumps(meta, indent=2))
    return {"model_dir": str(final), "final_loss": float(np.mean(losses[-20:])) if losses else None, **meta}


class MLPScorer:
    def __init__(self, model_dir: str | Path, kb: KnowledgeBase):
        import torch
        from safetensors.torch import load_file

        meta = json.loads((Path(model_dir) / "meta.json").read_text())
        if meta["conditions"] != [c.id for c in kb.conditions]:
            raise ValueError("the MLP was trained on a different knowledge base")
        self.kb = kb
        self.model = build_model(meta["n_in"], meta["n_out"], meta["hidden"])
        self.model.load_state_dict(load_file(str(Path(model_dir) / "model.safetensors")))
        self.model.eval()
        self._torch = torch

    def probs(self, evidence: dict[str, bool], age, sex) -> np.ndarray:
        x = self._torch.from_numpy(encode(self.kb, evidence, age, sex))[None]
        with self._torch.no_grad():
            return self._torch.softmax(self.model(x), dim=-1)[0].numpy().astype(np.float64)


class Blender:
    """posterior' = (1-w) * Bayes + w * MLP; only constructed for a weight that measured better."""

    def __init__(self, scorer: MLPScorer, weight: float):
        self.scorer = scorer
        self.weight = float(weight)

    def blend(self, post: np.ndarray, evidence, age, sex) -> np.ndarray:
        mixed = (1 - self.weight) * post + self.weight * self.scorer.probs(evidence, age, sex)
        return mixed / mixed.sum()


def active_model_record(settings):
    """The store's record of the active registered MLP, or None (one home: the blender and the chat's model id)."""
    from medcore.store import Store

    store = Store.open(settings)
    try:
        return store.active_model(MODEL_KIND)
    finally:
        store.engine.dispose()


def load_active_blender(settings, kb: KnowledgeBase):
    """The active registered MLP, if its comparison chose a weight above 0 and it fits this KB."""
    try:
        rec = active_model_record(settings)
        if rec is None or float((rec.metrics or {}).get("chosen_weight", 0)) <= 0:
            return None
        return Blender(MLPScorer(rec.path, kb), float(rec.metrics["chosen_weight"]))
    except Exception:  # noqa: BLE001 - a missing or stale model must never break the chat
        log.debug("no MLP blend: the active model could not be loaded", exc_info=True)
        return None
