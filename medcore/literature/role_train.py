"""The training loop of the sentence-role classifier (ours, no HF Trainer).

Each step takes a few whole abstracts (their sentences in order), runs the LoRA-adapted top encoder layers over
the cached output of the frozen layers below, pools a vector per sentence, and the context head classifies every
sentence with its neighbours in view; cross-entropy on the labelled sentences only. AdamW, the adapter and the
head at their own learning rates, linear warm-up and decay computed from the step (so a resumed run continues the
same schedule), gradients clipped at 1. The role transition model (role_sequence) is counted from the training
labels and stored with the weights. Progress, ETA and cancel through the jobs reporter; checkpoints with
medcore.checkpoints (weights and optimizer state in safetensors, no pickle), the abstract order drawn from the
seed so a resumed run sees the same batches as an uninterrupted one."""

from __future__ import annotations

import logging
import time
from pathlib import Path

from medcore.literature.role_data import Abstract
from medcore.literature.role_net import NetConfig

log = logging.getLogger(__name__)

MODEL_KIND = "literature"


def _cache_states(model, tok, cfg: NetConfig, abstracts: list[Abstract], reporter=None, batch: int = 64) -> list:
    """Frozen-layer states for every sentence, as a list per abstract. Sentences are batched by length so padding
    costs little."""
    from medcore.jobs import JobCancelled
    from medcore.literature import role_net

    flat = [(ai, si, s) for ai, a in enumerate(abstracts) for si, s in enumerate(a.sentences)]
    lengths = [len(tok(s, truncation=True, max_length=cfg.max_len)["input_ids"]) for _, _, s in flat]
    order = sorted(range(len(flat)), key=lambda i: lengths[i])
    out: list[list] = [[None] * len(a.sentences) for a in abstracts]
    for b in range(0, len(order), batch):
        idx = order[b: b + batch]
        enc = role_net.tokenize(tok, [flat[i][2] for i in idx], cfg.max_len)
        for i, st in zip(idx, role_net.frozen_states(model, cfg, enc)):
            out[flat[i][0]][flat[i][1]] = st
        if reporter is not None and reporter.should_cancel():
            raise JobCancelled()
    return out


def _lr_factor(step: int, steps: int) -> float:
    warm = max(1, steps // 20)
    return min(1.0, (step + 1) / warm) * max(0.05, 1.0 - step / max(1, steps))


def predict_cached(model, head, cfg: NetConfig, states: list[list]) -> list[list]:
    """Role probabilities per sentence, per abstract, from cached states (the training-time path)."""
    import torch

    from medcore.literature import role_net

    model.eval()
    head.eval()
    out = []
    with torch.no_grad():
        for st in states:
            vecs = role_net.top_forward(model, cfg, st)
            out.append(torch.softmax(role_net.head_logits(head, vecs, [len(st)]), dim=-1).tolist())
    return out


def decode(probs: list[list[float]], roles: list[str], how: str = "argmax",
           transitions=None, bias: list[list[float]] | None = None) -> list[tuple[str, float]]:
    """(role, probability of that role) per sentence; 'monotone' keeps the role order of a structured abstract;
    'viterbi' weighs the classifier against the transition model (role_sequence.Transitions) counted in training,
    and is argmax when there is none. `bias`: log-odds added to each sentence's log-probabilities before decoding
    (intro_roles.aim_bias); the probabilities reported stay the classifier's."""
    import math

    from medcore.literature.role_net import monotone_decode
    from medcore.literature.role_sequence import viterbi

    logp = [[math.log(max(p, 1e-9)) for p in row] for row in probs]
    if bias is not None:
        logp = [[x + b for x, b in zip(row, brow)] for row, brow in zip(logp, bias)]
    if how == "monotone":
        path = monotone_decode(logp)
    elif how == "viterbi" and transitions is not None:
        if list(transitions.roles) != list(roles):
            raise ValueError("the transition model's roles differ from the classifier's")
        path = viterbi(logp, transitions)
    else:
        path = [max(range(len(row)), key=row.__getitem__) for row in logp]
    return [(roles[j], round(float(row[j]), 4)) for j, row in zip(path, probs)]


def evaluate_probs(abstracts: list[Abstract], probs: list[list], roles: list[str], transitions=None) -> dict:
    from medcore.literature.role_metrics import classification_report

    out = {}
    for how in ("argmax", "monotone") + (("viterbi",) if transitions is not None else ()):
        gold, pred = [], []
        for a, p in zip(abstracts, probs):
            for lab, (role, _) in zip(a.labels, decode(p, roles, how, transitions)):
                if lab is not None:
                    gold.append(lab)
                    pred.append(role)
        out[how] = classification_report(gold, pred, roles)
    return out


def train(settings, reporter, *, out_dir: str | Path, train_set: list[Abstract], dev_set: list[Abstract],
          cfg: NetConfig | None = None, steps: int = 500, batch_abstracts: int = 4, lr: float = 1e-3,
          head_lr: float = 2e-3, resume: bool = False, seed: int = 0, save_every: int = 100,
          transition_labels: list | None = None) -> dict:
    """`transition_labels`: the label sequences the role transition model is counted from (role_sequence; the
    command passes the training abstracts' author labels before refine_intro_labels); default the training
    labels. The checkpoint then decodes with it ('viterbi')."""
    import torch

    from medcore import checkpoints
    from medcore.jobs import JobCancelled
    from medcore.literature import role_net
    from medcore.runtime import apply_thread_policy, seed_everything

    apply_thread_policy(settings.torch_threads)
    seed_everything(seed)
    t0 = time.monotonic()
    train_set = [a for a in train_set if any(lab is not None for lab in a.labels)]
    if not train_set:
        raise ValueError("no labelled abstracts to train on")
    out_dir = Path(out_dir)
    ck = checkpoints.latest(out_dir) if resume else None
    tensors, state, optim_state = checkpoints.load(ck) if ck is not None else ({}, {}, None)
    if ck is not None:
        cfg = NetConfig.from_dict(state["net"])
        steps = max(steps, int(state.get("steps", steps)))
        log.info("resuming from %s", ck)
    cfg = cfg or NetConfig()
    tok, model = role_net.load_encoder(cfg)
    dim = role_net.bert_of(model).config.hidden_size
    head = role_net.make_head(dim, cfg)
    if tensors:
        role_net.unpack(tensors, model, head)
    start = int(state.get("step", 0))
    lora_params = [p for p in model.parameters() if p.requires_grad]
    opt = torch.optim.AdamW([{"params": lora_params, "lr": lr, "base_lr": lr},
                             {"params": list(head.parameters()), "lr": head_lr, "base_lr": head_lr}],
                            weight_decay=0.01)
    if optim_state is not None:
        opt.load_state_dict(optim_state)
    reporter.log(f"caching frozen-layer states of {sum(len(a.sentences) for a in train_set + dev_set)} sentences")
    model.eval()
    train_states = _cache_states(model, tok, cfg, train_set, reporter)
    dev_states = _cache_states(model, tok, cfg, dev_set, reporter)
    cache_s = round(time.monotonic() - t0, 1)
    role_index = {r: i for i, r in enumerate(cfg.roles)}
    gen = torch.Generator().manual_seed(seed)
    order: list[int] = []
    while len(order) < steps * batch_abstracts:
        order += torch.randperm(len(train_set), generator=gen).tolist()
    from medcore.literature import role_sequence

    seqs = transition_labels if transition_labels is not None else [a.labels for a in train_set]
    transitions = role_sequence.count(seqs, cfg.roles)
    meta = {"net": cfg.to_dict(), "decode": "viterbi", "transitions": transitions.to_dict(), "steps": steps, "batch_abstracts": batch_abstracts, "lr": lr, "head_lr": head_lr,
            "seed": seed, "train_abstracts": len(train_set), "dev_abstracts": len(dev_set),
            "origins": sorted({a.origin for a in train_set})}
    losses: list[float] = list(state.get("losses", []))
    wall = float(state.get("train_wall_s", 0.0))
    t_loop = time.monotonic()
    for step in range(start, steps):
        model.train()
        head.train()
        batch = [order[i] for i in range(step * batch_abstracts, (step + 1) * batch_abstracts)]
        states = [s for i in batch for s in train_states[i]]
        labels = torch.tensor([role_index.get(lab, -100) if lab is not None else -100
                               for i in batch for lab in train_set[i].labels])
        vecs = role_net.top_forward(model, cfg, states)
        logits = role_net.head_logits(head, vecs, [len(train_set[i].sentences) for i in batch])
        loss = torch.nn.functional.cross_entropy(logits, labels, ignore_index=-100)
        for g in opt.param_groups:
            g["lr"] = g["base_lr"] * _lr_factor(step, steps)
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(lora_params + list(head.parameters()), 1.0)
        opt.step()
        losses.append(round(float(loss.detach()), 5))
        reporter.progress(step + 1, steps, losses[-1], metrics={"sentences": len(states)})
        now_wall = wall + time.monotonic() - t_loop
        if reporter.should_cancel():
            checkpoints.save(out_dir, step + 1, role_net.pack(model, head),
                             {**meta, "losses": losses, "train_wall_s": now_wall}, optimizer_state=opt.state_dict())
            raise JobCancelled()
        if save_every and (step + 1) % save_every == 0 and step + 1 < steps:
            checkpoints.save(out_dir, step + 1, role_net.pack(model, head),
                             {**meta, "losses": losses, "train_wall_s": now_wall}, optimizer_state=opt.state_dict())
    wall += time.monotonic() - t_loop
    dev = (evaluate_probs(dev_set, predict_cached(model, head, cfg, dev_states), cfg.roles, transitions)
           if dev_set else {})
    metrics = {f"dev_{how}_{k}": v[k] for how, v in dev.items() for k in ("accuracy", "macro_f1")}
    final = checkpoints.save(out_dir, steps, role_net.pack(model, head),
                             {**meta, "losses": losses, "train_wall_s": round(wall, 1), "metrics": metrics,
                              "dev_report": dev}, optimizer_state=opt.state_dict())
    k = max(1, min(50, len(losses) // 4))
    return {"checkpoint": str(final), "steps": steps, "train_abstracts": len(train_set),
            "dev_abstracts": len(dev_set), "train_loss_first": round(sum(losses[:k]) / k, 4) if losses else None,
            "train_loss_last": round(sum(losses[-k:]) / k, 4) if losses else None,
            "trainable_params": sum(p.numel() for p in lora_params) + sum(p.numel() for p in head.parameters()),
            "cache_s": cache_s, "train_wall_s": round(wall, 1), "total_wall_s": round(time.monotonic() - t0, 1),
            **metrics, "dev_report": dev}
