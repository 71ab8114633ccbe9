"""Training for the image models: one function per model (`train_ddpm`, `train_gan`),
built from small steps (data, model, one optimisation step, checkpoint, preview).

The CLI (`python -m medcore train image`) and the Model lab's Train button run the
same `train_image`; the latter through a background job whose reporter receives
progress rows and preview grids.
"""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from medcore import checkpoints
from medcore.config import Settings
from medcore.imaging.datasets import ImageDataset, load_dataset

from medcore.imaging.train_config import MODELS, RunState, TrainConfig, TrainError  # noqa: F401


# ---- data ---------------------------------------------------------------------------
def prepare_data(cfg: TrainConfig, settings: Settings):
    """The dataset and its training split as float tensors in [-1, 1] on the device."""
    import torch

    ds = load_dataset(cfg.dataset, cfg.size, settings)
    if len(ds.images) == 0:
        raise TrainError("the dataset is empty")
    train_idx, _ = ds.split(cfg.holdout, seed=0)
    if len(train_idx) == 0:  # tiny sets: train on everything rather than on nothing
        train_idx = np.arange(len(ds.images))
    x = torch.from_numpy(ds.images[train_idx]).float().div(127.5).sub(1).unsqueeze(1)
    y = torch.from_numpy(ds.labels[train_idx]).long()
    return ds, x, y


def batch_of(x, y, batch: int, gen):
    """A random batch with horizontal flips (axial brain slices are near-symmetric left to right)."""
    import torch

    idx = torch.randint(0, x.shape[0], (batch,), generator=gen, device=x.device)
    xb, yb = x[idx], y[idx]
    flip = torch.rand(batch, generator=gen, device=x.device) < 0.5
    xb = torch.where(flip[:, None, None, None], xb.flip(-1), xb)
    return xb, yb


# ---- shared helpers -------------------------------------------------------------------
def _device(settings: Settings):
    from medcore.runtime import apply_thread_policy, select_device

    apply_thread_policy(settings.torch_threads)
    device = select_device(settings.device)
    if device.type == "cuda":
        import torch

        torch.backends.cudnn.benchmark = True  # fixed shapes: let cuDNN pick the fastest kernels once
        torch.backends.cuda.matmul.allow_tf32 = True
        torch.backends.cudnn.allow_tf32 = True
    return device


def _autocast(device, enabled: bool):
    import contextlib

    import torch

    if enabled and device.type == "cuda":
        return torch.autocast("cuda", dtype=torch.bfloat16)
    return contextlib.nullcontext()


def _prefixed(prefix: str, sd: dict) -> dict:
    return {f"{prefix}.{k}": v for k, v in sd.items()}


def _unprefixed(prefix: str, tensors: dict) -> dict:
    p = prefix + "."
    return {k[len(p):]: v for k, v in tensors.items() if k.startswith(p)}


def _start_or_resume(out_dir: Path, resume: bool):
    found = checkpoints.latest(out_dir)
    if found is None:
        return None
    if not resume:
        raise TrainError(f"{out_dir} already holds checkpoints: pass --resume to continue that run, "
                         "or --name for a new one")
    return checkpoints.load(found)


def save_preview(images: np.ndarray, path: Path, cols: int = 8, scale: int = 3) -> Path:
    """uint8 (n, s, s) -> one PNG grid, upscaled so it is visible in the UI."""
    from PIL import Image

    n, s = images.shape[0], images.shape[-1]
    cols = min(cols, n)
    rows = -(-n // cols)
    grid = np.zeros((rows * (s + 2), cols * (s + 2)), dtype=np.uint8)
    for i, im in enumerate(images):
        r, c = divmod(i, cols)
        grid[r * (s + 2) + 1:r * (s + 2) + 1 + s, c * (s + 2) + 1:c * (s + 2) + 1 + s] = im
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.fromarray(grid).resize((grid.shape[1] * scale, grid.shape[0] * scale), Image.Resampling.NEAREST).save(path)
    return path


def _to_uint8(x) -> np.ndarray:
    return ((x.float().clamp(-1, 1) + 1) * 127.5).round().byte().squeeze(1).cpu().numpy()


def _preview_labels(num_classes: int, n: int = 16) -> list[int]:
    return [i % max(1, num_classes) for i in range(n)]


# ---- DDPM ---------------------------------------------------------------------------
def _ddpm_build(cfg: TrainConfig, ds: ImageDataset, device):
    import torch

    from medcore.imaging.ddpm import EMA, DDPMConfig, build_unet, train_scheduler

    mcfg = DDPMConfig(size=cfg.size, channels=cfg.channels, layers_per_block=cfg.layers_per_block,
                      attention=cfg.attention, num_classes=ds.num_classes, cfg_dropout=cfg.cfg_dropout,
                      prediction=cfg.prediction)
    model = build_unet(mcfg).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=cfg.lr or 2e-4, weight_decay=0.0)
    return mcfg, model, opt, EMA.of(model, cfg.ema_decay), train_scheduler(mcfg)


def ddpm_loss(model, sched, mcfg, xb, yb, gen):
    """The denoising loss (epsilon or v target), with class labels dropped to the null class at the CFG rate."""
    import torch
    import torch.nn.functional as F

    noise = torch.randn(xb.shape, generator=gen, device=xb.device)
    t = torch.randint(0, sched.config.num_train_timesteps, (xb.shape[0],), generator=gen, device=xb.device)
    noisy = sched.add_noise(xb, noise, t)
    labels = None
    if mcfg.conditional:
        drop = torch.rand(yb.shape, generator=gen, device=xb.device) < mcfg.cfg_dropout
        labels = torch.where(drop, torch.full_like(yb, mcfg.null_class), yb)
    pred = model(noisy, t, class_labels=labels).sample
    target = sched.get_velocity(xb, noise, t) if mcfg.prediction == "v_prediction" else noise
    return F.mse_loss(pred.float(), target.float())


def _ddpm_preview(ema, mcfg, device, path: Path, seed: int) -> Path:
    from medcore.imaging.sample import ddpm_sample_tensor
    from medcore.imaging.ddpm import build_unet

    net = build_unet(mcfg).to(device)
    net.load_state_dict({k: v.to(device) for k, v in ema.shadow.items()})
    labels = _preview_labels(mcfg.num_classes) if mcfg.conditional else None
    x, _ = ddpm_sample_tensor(net, mcfg, n=16, labels=labels, seed=seed, sampler="dpm++", steps=20,
                              guidance=2.5, device=device)
    return save_preview(_to_uint8(x), path)


def train_ddpm(cfg: TrainConfig, settings: Settings, reporter, *, resume: bool = False) -> dict:
    import torch

    from medcore.imaging.ddpm import cosine_lr
    from medcore.runtime import seed_everything, torch_generator

    device = _device(settings)
    out_dir = cfg.resolved_out_dir(settings)
    loaded = _start_or_resume(out_dir, resume)
    ds, x, y = prepare_data(cfg, settings)
    x, y = x.to(device), y.to(device)
    seed_everything(cfg.seed)
    mcfg, model, opt, ema, sched = _ddpm_build(cfg, ds, device)
    state = RunState("ddpm", mcfg.to_dict(), cfg.to_dict(), ds.class_names, ds.card(), device=str(device))
    step = 0
    if loaded:
        tensors, saved, optim = loaded
        model.load_state_dict(_unprefixed("model", tensors))
        ema.shadow = {k: v.to(device).float() for k, v in _unprefixed("ema", tensors).items()}
        ema.updates = int(saved.get("ema_updates", saved["step"]))
        if optim:
            opt.load_state_dict(optim)
        step = int(saved["step"])
        state.wall_s, state.images_seen = saved.get("wall_s", 0.0), saved.get("images_seen", 0)
        state.losses = saved.get("losses", [])
        reporter.log(f"resumed from step {step} in {out_dir}")
    gen = torch_generator(cfg.seed + step, device)

    def save(step_now: int) -> Path:
        tensors = {**_prefixed("model", model.state_dict()), **_prefixed("ema", ema.shadow)}
        path = checkpoints.save(out_dir, step_now, tensors, {**asdict(state), "ema_updates": ema.updates},
                                optimizer_state=opt.state_dict(), keep=cfg.keep)
        return _maybe_export(cfg, path)

    running, t_last = None, time.perf_counter()
    model.train()
    while step < cfg.steps:
        for g in opt.param_groups:
            g["lr"] = cosine_lr(step, cfg.steps, cfg.lr or 2e-4)
        xb, yb = batch_of(x, y, cfg.batch_size, gen)
        with _autocast(device, cfg.amp):
            loss = ddpm_loss(model, sched, mcfg, xb, yb, gen)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        ema.update(model)
        step += 1
        # .item() synchronises the GPU, so read the loss only when it is reported.
        report_now = step % 10 == 0 or step == cfg.steps
        if report_now:
            lv = float(loss.item())
            running = lv if running is None else 0.9 * running + 0.1 * lv
        now = time.perf_counter()
        state.wall_s += now - t_last
        t_last = now
        state.images_seen += cfg.batch_size
        preview = None
        if cfg.preview_every and (step % cfg.preview_every == 0 or step == cfg.steps):
            preview = _ddpm_preview(ema, mcfg, device, out_dir / "previews" / f"step-{step:08d}.png", cfg.seed)
            model.train()
        if report_now or preview:
            if step % 50 == 0 or step == cfg.steps:
                state.losses.append([step, round(running, 5)])
            reporter.progress(step, cfg.steps, running, preview_path=preview,
                              metrics={"images_per_s": state.images_seen / max(state.wall_s, 1e-9),
                                       "lr": opt.param_groups[0]["lr"]})
        if (cfg.checkpoint_every and step % cfg.checkpoint_every == 0) or step == cfg.steps:
            state.finished = step == cfg.steps
            save(step)
        if step < cfg.steps and reporter.should_cancel():
            save(step)
            reporter.log(f"cancelled at step {step}; checkpoint saved in {out_dir}")
            return _result(cfg, state, step, out_dir, cancelled=True, params=_nparams(model))
    return _result(cfg, state, step, out_dir, params=_nparams(model))


def _maybe_export(cfg: TrainConfig, ckpt: Path) -> Path:
    if cfg.export_dir:
        export_checkpoint(ckpt, cfg.export_dir, half=True)
    return ckpt


def _nparams(model) -> int:
    return sum(p.numel() for p in model.parameters())


def _result(cfg: TrainConfig, state: RunState, step: int, out_dir: Path, *, params: int,
            cancelled: bool = False) -> dict:
    last = state.losses[-1][1] if state.losses else None
    return {"model": cfg.model, "run": cfg.run_name, "out_dir": str(out_dir),
            "checkpoint": str(checkpoints.latest(out_dir) or ""), "steps": step, "target_steps": cfg.steps,
            "cancelled": cancelled, "wall_s": round(state.wall_s, 1), "device": state.device,
            "images_per_s": round(state.images_seen / max(state.wall_s, 1e-9), 1), "final_loss": last,
            "params": params, "classes": state.class_names}


# ---- DCGAN --------------------------------------------------------------------------
def _gan_build(cfg: TrainConfig, ds: ImageDataset, device):
    import torch

    from medcore.imaging.gan import GANConfig, build_discriminator, build_generator

    gcfg = GANConfig(size=cfg.size, width=cfg.gan_width, num_classes=ds.num_classes)
    G, D = build_generator(gcfg).to(device), build_discriminator(gcfg).to(device)
    lr = cfg.lr or 2e-4
    opt_g = torch.optim.Adam(G.parameters(), lr=lr, betas=(0.5, 0.999))
    opt_d = torch.optim.Adam(D.parameters(), lr=lr, betas=(0.5, 0.999))
    return gcfg, G, D, opt_g, opt_d


def gan_step(G, D, opt_g, opt_d, gcfg, xb, yb, gen) -> tuple[float, float]:
    """One discriminator and one generator update; returns (d_loss, g_loss) as tensors."""
    import torch
    import torch.nn.functional as F

    n = xb.shape[0]
    labels = yb if gcfg.conditional else None
    z = torch.randn(n, gcfg.z_dim, generator=gen, device=xb.device)
    fake = G(z, labels)
    real_logit = D(xb, labels)
    fake_logit = D(fake.detach(), labels)
    # One-sided label smoothing: real targets 0.9, fake 0.
    d_loss = (F.binary_cross_entropy_with_logits(real_logit, torch.full_like(real_logit, 0.9))
              + F.binary_cross_entropy_with_logits(fake_logit, torch.zeros_like(fake_logit)))
    opt_d.zero_grad(set_to_none=True)
    d_loss.backward()
    opt_d.step()
    g_logit = D(fake, labels)
    g_loss = F.binary_cross_entropy_with_logits(g_logit, torch.ones_like(g_logit))  # non-saturating loss
    opt_g.zero_grad(set_to_none=True)
    g_loss.backward()
    opt_g.step()
    return d_loss.detach(), g_loss.detach()


def _gan_preview(G, gcfg, device, path: Path, seed: int) -> Path:
    from medcore.imaging.sample import gan_sample_tensor

    labels = _preview_labels(gcfg.num_classes) if gcfg.conditional else None
    x = gan_sample_tensor(G, gcfg, n=16, labels=labels, seed=seed, device=device)
    return save_preview(_to_uint8(x), path)


def train_gan(cfg: TrainConfig, settings: Settings, reporter, *, resume: bool = False) -> dict:
    from medcore.runtime import seed_everything, torch_generator

    device = _device(settings)
    out_dir = cfg.resolved_out_dir(settings)
    loaded = _start_or_resume(out_dir, resume)
    ds, x, y = prepare_data(cfg, settings)
    x, y = x.to(device), y.to(device)
    seed_everything(cfg.seed)
    gcfg, G, D, opt_g, opt_d = _gan_build(cfg, ds, device)
    state = RunState("gan", gcfg.to_dict(), cfg.to_dict(), ds.class_names, ds.card(), device=str(device))
    step = 0
    if loaded:
        tensors, saved, optim = loaded
        G.load_state_dict(_unprefixed("g", tensors))
        D.load_state_dict(_unprefixed("d", tensors))
        if optim:
            opt_g.load_state_dict(optim["g"])
            opt_d.load_state_dict(optim["d"])
        step = int(saved["step"])
        state.wall_s, state.images_seen = saved.get("wall_s", 0.0), saved.get("images_seen", 0)
        state.losses = saved.get("losses", [])
        reporter.log(f"resumed from step {step} in {out_dir}")
    gen = torch_generator(cfg.seed + step, device)

    def save(step_now: int) -> Path:
        tensors = {**_prefixed("g", G.state_dict()), **_prefixed("d", D.state_dict())}
        path = checkpoints.save(out_dir, step_now, tensors, asdict(state),
                                optimizer_state={"g": opt_g.state_dict(), "d": opt_d.state_dict()}, keep=cfg.keep)
        return _maybe_export(cfg, path)

    t_last, running = time.perf_counter(), None
    G.train()
    D.train()
    while step < cfg.steps:
        xb, yb = batch_of(x, y, cfg.batch_size, gen)
        d_loss, g_loss = gan_step(G, D, opt_g, opt_d, gcfg, xb, yb, gen)
        step += 1
        now = time.perf_counter()
        state.wall_s += now - t_last
        t_last = now
        state.images_seen += cfg.batch_size
        preview = None
        if cfg.preview_every and (step % cfg.preview_every == 0 or step == cfg.steps):
            G.eval()
            preview = _gan_preview(G, gcfg, device, out_dir / "previews" / f"step-{step:08d}.png", cfg.seed)
            G.train()
        if step % 10 == 0 or step == cfg.steps or preview:
            dv, gv = float(d_loss), float(g_loss)
            running = gv if running is None else 0.9 * running + 0.1 * gv
            if step % 50 == 0 or step == cfg.steps:
                state.losses.append([step, round(running, 5)])
            reporter.progress(step, cfg.steps, running, preview_path=preview,
                              metrics={"d_loss": dv, "g_loss": gv,
                                       "images_per_s": state.images_seen / max(state.wall_s, 1e-9)})
        if (cfg.checkpoint_every and step % cfg.checkpoint_every == 0) or step == cfg.steps:
            state.finished = step == cfg.steps
            save(step)
        if step < cfg.steps and reporter.should_cancel():
            save(step)
            reporter.log(f"cancelled at step {step}; checkpoint saved in {out_dir}")
            return _result(cfg, state, step, out_dir, cancelled=True, params=_nparams(G))
    return _result(cfg, state, step, out_dir, params=_nparams(G))


def train_image(cfg: TrainConfig, settings: Settings, reporter, *, resume: bool = False) -> dict:
    if cfg.model == "vae":
        from medcore.imaging.loop import run
        from medcore.imaging.train_vae import VAEHandler

        return run(cfg, settings, reporter, VAEHandler(), resume=resume)
    fn = train_ddpm if cfg.model == "ddpm" else train_gan
    return fn(cfg, settings, reporter, resume=resume)


# ---- export: the weights a sampler needs, nothing else ------------------------------------
def export_checkpoint(ckpt_dir: str | Path, dest: str | Path, extra: dict[str, Any] | None = None,
                      half: bool = False) -> Path:
    """Copy a training checkpoint's sampling weights (DDPM: the EMA; GAN: the generator) to `dest`."""
    import torch
    from safetensors.torch import save_file

    tensors, state, _ = checkpoints.load(ckpt_dir)
    prefix = "ema" if state["kind"] == "ddpm" else "g"
    keep = _prefixed(prefix, _unprefixed(prefix, tensors))
    if half:
        keep = {k: v.half() if v.dtype == torch.float32 else v for k, v in keep.items()}
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    save_file({k: v.contiguous() for k, v in keep.items()}, str(dest / "model.safetensors"))
    (dest / "state.json").write_text(json.dumps({**state, **(extra or {})}, indent=2, default=str))
    return dest
