"""The Model lab's demonstration job: a small MLP learns a noisy curve.

It is a real training loop with the same discipline as the image models
(seeded per-step batches, safetensors checkpoints, cancel, resume), small
enough to finish in seconds, so the job machinery can be shown and tested.
Batches are drawn from a generator seeded by (seed, step), so a run that is
cancelled and resumed ends with exactly the weights of an uninterrupted run.
"""

from __future__ import annotations

import math
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from medcore import checkpoints
from medcore.jobs import JobCancelled, Reporter


@dataclass(frozen=True)
class DemoConfig:
    steps: int = 300
    batch: int = 64
    hidden: int = 32
    lr: float = 3e-3
    seed: int = 0
    ckpt_every: int = 50
    preview_every: int = 50
    step_delay_s: float = 0.0  # lets people watch the curve move in the UI


def target(x):
    import torch

    return torch.sin(3 * x) + 0.3 * x


def build_model(cfg: DemoConfig):
    import torch

    torch.manual_seed(cfg.seed)
    return torch.nn.Sequential(torch.nn.Linear(1, cfg.hidden), torch.nn.Tanh(), torch.nn.Linear(cfg.hidden, cfg.hidden),
                               torch.nn.Tanh(), torch.nn.Linear(cfg.hidden, 1))


def batch(cfg: DemoConfig, step: int):
    import torch

    g = torch.Generator().manual_seed(cfg.seed * 1_000_003 + step)
    x = torch.rand(cfg.batch, 1, generator=g) * 4 - 2
    y = target(x) + 0.1 * torch.randn(cfg.batch, 1, generator=g)
    return x, y


def render_preview(model, path: Path, size: tuple[int, int] = (320, 160)) -> Path:
    """A small PNG: the target curve in grey, the model's fit in blue."""
    import torch
    from PIL import Image, ImageDraw

    w, h = size
    img = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(img)
    xs = torch.linspace(-2, 2, w).unsqueeze(1)
    with torch.no_grad():
        fit = model(xs).squeeze(1)
    truth = target(xs).squeeze(1)

    def to_px(v):
        return [(i, h / 2 - float(val) * h / 4.4) for i, val in enumerate(v)]

    draw.line(to_px(truth), fill=(170, 170, 170), width=2)
    draw.line(to_px(fit), fill=(31, 119, 180), width=2)
    img.save(path)
    return path


def train_demo(cfg: DemoConfig, out_dir: Path, reporter: Reporter, *, resume: bool = False) -> dict:
    import torch

    from medcore.runtime import apply_thread_policy

    apply_thread_policy()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    model = build_model(cfg)
    opt = torch.optim.Adam(model.parameters(), lr=cfg.lr)
    start = 0
    ckpt, skipped = checkpoints.latest_valid(out_dir) if resume else (None, [])
    for why in skipped:
        reporter.log(f"skipped an unusable checkpoint: {why}")
    if ckpt is not None:
        tensors, state, optim_state = checkpoints.load(ckpt)
        model.load_state_dict(tensors)
        if optim_state is not None:
            opt.load_state_dict(optim_state)
        start = int(state["step"])
        reporter.log(f"resumed from {ckpt.name} at step {start}" + (" (the newest valid checkpoint)" if skipped else ""))

    def save(step: int) -> Path:
        return checkpoints.save(out_dir, step, model.state_dict(), {"config": asdict(cfg)},
                                optimizer_state=opt.state_dict(), keep=2)

    loss_val = math.nan
    t0 = time.monotonic()
    for step in range(start + 1, cfg.steps + 1):
        x, y = batch(cfg, step)
        loss = torch.nn.functional.mse_loss(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
        loss_val = loss.item()
        preview = None
        if step % cfg.preview_every == 0 or step == cfg.steps:
            preview = render_preview(model, out_dir / "preview.png")
        if step % cfg.ckpt_every == 0:
            save(step)
        reporter.progress(step, cfg.steps, loss_val, metrics={"lr": cfg.lr}, preview_path=preview)
        if reporter.should_cancel():
            save(step)
            raise JobCancelled(f"cancelled at step {step}")
        if cfg.step_delay_s:
            time.sleep(cfg.step_delay_s)
    final = save(cfg.steps)
    return {"final_step": cfg.steps, "final_loss": loss_val, "checkpoint": str(final),
            "seconds": round(time.monotonic() - t0, 2)}
