"""The one training loop for every image model, and the small pieces it is built from.

Each model (DDPM, DCGAN, VAE, latent DDPM) is a `Handler`: it builds its networks and optimisers,
takes one optimisation step on a batch, writes a preview and says what goes into a checkpoint.
The loop owns everything else, the same for all of them: data, resume, the step count, progress
rows, previews, checkpoints (by steps and by time) and cancellation.
"""

from __future__ import annotations

import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

import numpy as np

from medcore import checkpoints
from medcore.config import Settings
from medcore.imaging.datasets import load_dataset
from medcore.imaging.train_config import RunState, TrainConfig, TrainError


# ---- data ---------------------------------------------------------------------------
def _as_tensors(ds, idx):
    import torch

    x = torch.from_numpy(ds.images[idx]).float().div(127.5).sub(1).unsqueeze(1)
    y = torch.from_numpy(ds.labels[idx]).long()
    return x, y


def prepare_data(cfg: TrainConfig, settings: Settings, *, with_holdout: bool = False):
    """The dataset and its training split as float tensors in [-1, 1] (and the held-out split if asked).

    The split is the dataset's near-duplicate-aware one, so held-out numbers are not flattered by twins.
    """
    ds = load_dataset(cfg.dataset, cfg.size, settings)
    if len(ds.images) == 0:
        raise TrainError("the dataset is empty")
    train_idx, held_idx = ds.split(cfg.holdout, seed=0)
    if len(train_idx) == 0:  # tiny sets: train on everything rather than on nothing
        train_idx = np.arange(len(ds.images))
    x, y = _as_tensors(ds, train_idx)
    if not with_holdout:
        return ds, x, y
    if len(held_idx) == 0:
        held_idx = train_idx[:1]
    return ds, x, y, _as_tensors(ds, held_idx)


def batch_of(x, y, batch: int, gen, flip: bool = True):
    """A random batch, with horizontal flips (axial brain slices are near-symmetric left to right)."""
    import torch

    idx = torch.randint(0, x.shape[0], (batch,), generator=gen, device=x.device)
    xb, yb = x[idx], y[idx]
    if flip:
        f = torch.rand(batch, generator=gen, device=x.device) < 0.5
        xb = torch.where(f[:, None, None, None], xb.flip(-1), xb)
    return xb, yb


# ---- shared helpers -------------------------------------------------------------------
def select_train_device(settings: Settings):
    from medcore.runtime import apply_thread_policy, select_device

    apply_thread_policy(settings.torch_threads)
    device = select_device(settings.device)
    if device.type == "cuda":
        import torch

        torch.backends.cudnn.benchmark = True  # fixed shapes: let cuDNN pick the fastest kernels once
        torch.backends.cuda.matmul.allow_tf32 = True
        torch.backends.cudnn.allow_tf32 = True
    return device


def autocast(device, enabled: bool):
    import contextlib

    import torch

    if enabled and device.type == "cuda":
        return torch.autocast("cuda", dtype=torch.bfloat16)
    return contextlib.nullcontext()


def prefixed(prefix: str, sd: dict) -> dict:
    return {f"{prefix}.{k}": v for k, v in sd.items()}


def unprefixed(prefix: str, tensors: dict) -> dict:
    p = prefix + "."
    return {k[len(p):]: v for k, v in tensors.items() if k.startswith(p)}


def save_preview(images: np.ndarray, path: Path, cols: int = 8, scale: int = 0) -> Path:
    """uint8 (n, s, s) -> one PNG grid, upscaled (scale 0: to about 96 px a tile) so it is visible in the UI."""
    from PIL import Image

    n, s = images.shape[0], images.shape[-1]
    scale = scale or max(1, 96 // s)
    cols = min(cols, n)
    rows = -(-n // cols)
    grid = np.zeros((rows * (s + 2), cols * (s + 2)), dtype=np.uint8)
    for i, im in enumerate(images):
        r, c = divmod(i, cols)
        grid[r * (s + 2) + 1:r * (s + 2) + 1 + s, c * (s + 2) + 1:c * (s + 2) + 1 + s] = im
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.fromarray(grid).resize((grid.shape[1] * scale, grid.shape[0] * scale), Image.Resampling.NEAREST).save(path)
    return path


def to_uint8(x) -> np.ndarray:
    return ((x.float().clamp(-1, 1) + 1) * 127.5).round().byte().squeeze(1).cpu().numpy()


def preview_labels(num_classes: int, n: int = 16) -> list[int]:
    return [i % max(1, num_classes) for i in range(n)]


def nparams(model) -> int:
    return sum(p.numel() for p in model.parameters())


class Handler:
    """One model's part of training. Subclasses set `kind` and implement the methods below."""

    kind = ""
    flip = True  # the loop's batches get horizontal flips
    resuming: dict | None = None  # the state.json being resumed from, set by the loop before build()

    def build(self, cfg: TrainConfig, ds, data, device) -> None:
        """Networks and optimisers; `data` is (x, y, (x_held, y_held)) as prepared by the loop."""
        raise NotImplementedError

    private = None  # a privacy.DPRun when the handler trains a network with DP-SGD

    def batch(self, x, y, batch_size: int, gen):
        """This step's batch (DP training draws a Poisson sample instead)."""
        if self.private is not None:
            return self.private.batch(x, y, gen, flip=self.flip)
        return batch_of(x, y, batch_size, gen, flip=self.flip)

    def summary(self) -> dict:
        """Extra keys for the run's result (the DP budget spent, for example)."""
        return {"dp": self.private.spent()} if self.private is not None else {}

    def check_processes(self) -> None:
        """Called by `prepare`: DP-SGD runs on one process (Opacus would need its own DistributedDataParallel)."""
        if self.private is not None:
            raise TrainError("DP training runs on one process: Opacus would need its own DistributedDataParallel")

    def train_data(self, x, y):
        """What the loop draws batches from (the latent DDPM swaps images for latents)."""
        return x, y

    def model_config(self) -> dict:
        raise NotImplementedError

    def load(self, tensors: dict, saved: dict, optim: Any) -> None:
        raise NotImplementedError

    def prepare(self, accelerator) -> None:
        """Multi-process training (distributed.py): pass the trained networks and their optimisers through
        `accelerator.prepare`, keeping the unwrapped networks for checkpoints and previews."""
        raise TrainError(f"{self.kind} models do not train on several processes yet; run them on one")

    def payload(self) -> tuple[dict, Any, dict]:
        """(tensors, optimizer state, extra state.json keys) for a checkpoint."""
        raise NotImplementedError

    def step(self, step: int, xb, yb, gen) -> dict:
        """One optimisation step; returns detached loss tensors, the main one under "loss"."""
        raise NotImplementedError

    def preview(self, path: Path, seed: int) -> Path:
        raise NotImplementedError

    def evaluate(self) -> dict | None:
        """Metrics measured at each checkpoint (held-out reconstruction for the VAE); None: none."""
        return None

    def lr(self) -> float | None:
        return None

    def params(self) -> int:
        raise NotImplementedError


def run(cfg: TrainConfig, settings: Settings, reporter, handler: Handler, *, resume: bool = False) -> dict:
    """Train `handler`'s model to cfg.steps, resuming from the run folder's newest checkpoint if asked."""
    from medcore.runtime import seed_everything, torch_generator

    from medcore.imaging import distributed

    acc = distributed.accelerator()  # None unless started by `accelerate launch` on several processes
    main = acc is None or acc.is_main_process
    device = acc.device if acc is not None else select_train_device(settings)
    out_dir = cfg.resolved_out_dir(settings)
    found = checkpoints.latest(out_dir)
    if found is not None and not resume:
        raise TrainError(f"{out_dir} already holds checkpoints: pass --resume to continue that run, "
                         "or --name for a new one")
    loaded = checkpoints.load(found) if found is not None else None
    ds, x, y, held = prepare_data(cfg, settings, with_holdout=True)
    seed_everything(cfg.seed)
    handler.resuming = loaded[1] if loaded else None
    handler.build(cfg, ds, (x.to(device), y.to(device), (held[0].to(device), held[1].to(device))), device)
    state = RunState(handler.kind, handler.model_config(), cfg.to_dict(), ds.class_names, ds.card(),
                     device=str(device))
    step = 0
    if loaded:
        tensors, saved, optim = loaded
        handler.load(tensors, saved, optim)
        step = int(saved["step"])
        state.wall_s, state.images_seen = saved.get("wall_s", 0.0), saved.get("images_seen", 0)
        state.losses, state.evals = saved.get("losses", []), saved.get("evals", [])
        reporter.log(f"resumed from step {step} in {out_dir}")
    # After loading: a resumed latent model encodes with the VAE it was trained with, not a newer one.
    x, y = handler.train_data(x.to(device), y.to(device))
    rank = 0
    if acc is not None:
        handler.prepare(acc)
        rank = acc.process_index
        if main:
            reporter.log(f"training on {acc.num_processes} processes ({acc.distributed_type.value}, {device})")
    gen = torch_generator(cfg.seed + step + 1_000_003 * rank, device)  # each process draws its own batches

    def save(step_now: int) -> Path | None:
        if acc is not None:
            acc.wait_for_everyone()
        if not main:
            return None  # one writer: the main process holds the same weights as every other
        metrics = handler.evaluate()
        if metrics:
            state.evals.append([step_now, metrics])
            reporter.log(f"step {step_now}: {metrics}")
        state.model_config = handler.model_config()
        tensors, optim, extra = handler.payload()
        path = checkpoints.save(out_dir, step_now, tensors, {**asdict(state), **extra},
                                optimizer_state=optim, keep=cfg.keep)
        if cfg.export_dir:
            from medcore.imaging.export import export_checkpoint

            export_checkpoint(path, cfg.export_dir, half=True)
        return path

    running, t_last, t_saved = None, time.perf_counter(), time.perf_counter()
    while step < cfg.steps:
        xb, yb = handler.batch(x, y, cfg.batch_size, gen)
        losses = handler.step(step, xb, yb, gen)
        step += 1
        now = time.perf_counter()
        state.wall_s += now - t_last
        t_last = now
        state.images_seen += cfg.batch_size
        preview = None
        if main and cfg.preview_every and (step % cfg.preview_every == 0 or step == cfg.steps):
            preview = handler.preview(out_dir / "previews" / f"step-{step:08d}.png", cfg.seed)
        # float() synchronises the GPU, so read the losses only when they are reported.
        if main and (step % 10 == 0 or step == cfg.steps or preview):
            vals = {k: float(v) for k, v in losses.items()}
            running = vals["loss"] if running is None else 0.9 * running + 0.1 * vals["loss"]
            if step % 50 == 0 or step == cfg.steps:
                state.losses.append([step, round(running, 5)])
            metrics = {**{k: v for k, v in vals.items() if k != "loss"},
                       "images_per_s": state.images_seen / max(state.wall_s, 1e-9)}
            if handler.lr() is not None:
                metrics["lr"] = handler.lr()
            reporter.progress(step, cfg.steps, running, preview_path=preview, metrics=metrics)
        by_time = cfg.checkpoint_every_s and time.perf_counter() - t_saved >= cfg.checkpoint_every_s
        if distributed.agree(acc, (cfg.checkpoint_every and step % cfg.checkpoint_every == 0) or by_time
                             or step == cfg.steps):
            state.finished = step == cfg.steps
            save(step)
            t_saved = t_last = time.perf_counter()  # evaluation time is not training time
        if step < cfg.steps and distributed.agree(acc, main and (reporter.should_cancel() or _stop_requested(out_dir))):
            save(step)
            reporter.log(f"cancelled at step {step}; checkpoint saved in {out_dir}")
            return {**result(cfg, state, step, out_dir, cancelled=True, params=handler.params()), **handler.summary()}
    return {**result(cfg, state, step, out_dir, params=handler.params()), **handler.summary()}


STOP_FILE = "STOP"


def _stop_requested(out_dir: Path) -> bool:
    """A console or background run stops at a checkpoint when a file named STOP appears in its folder
    (the Model lab's Cancel button does the same for jobs); the file is consumed so a resume runs on."""
    flag = out_dir / STOP_FILE
    if not flag.exists():
        return False
    flag.unlink(missing_ok=True)
    return True


def result(cfg: TrainConfig, state: RunState, step: int, out_dir: Path, *, params: int,
           cancelled: bool = False) -> dict:
    last = state.losses[-1][1] if state.losses else None
    out = {"model": cfg.model, "run": cfg.run_name, "out_dir": str(out_dir),
           "checkpoint": str(checkpoints.latest(out_dir) or ""), "steps": step, "target_steps": cfg.steps,
           "cancelled": cancelled, "wall_s": round(state.wall_s, 1), "device": state.device,
           "images_per_s": round(state.images_seen / max(state.wall_s, 1e-9), 1), "final_loss": last,
           "params": params, "classes": state.class_names}
    if state.evals:
        out["eval"] = state.evals[-1][1]
    return out
