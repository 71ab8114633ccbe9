"""Imaging speed benchmark: `python -m medcore bench imaging [--checkpoint DIR] [--quick]`.

All numbers come from one run in one process, reported as ratios against a baseline:
- samplers: DDIM-25 and DPM-Solver++-20 against 1000-step DDPM ancestral sampling on the same
  model (16 images at the model's size), with the in-domain FID of each sampler's images and the
  real-vs-real FID for scale; plus the 5 s budget for DDIM-25 on 16 images.
- latent diffusion (with --ldm DIR): 16 images at the VAE's size with DPM-Solver++ 20 steps (budget 10 s)
  and the VAE decode of 16 latents (budget 1 s), as ratios to the pixel DDPM's DPM-Solver++-20 time.
- training: images per second of our loop (`train_ddpm`: EMA, CFG dropout, flips, progress)
  against a bare diffusers loop on the same UNet and batch.
"""

from __future__ import annotations

import json
import tempfile
import time
from pathlib import Path


def _sampler_speed(model, n: int = 16, guidance: float = 1.5) -> dict:
    from medcore.imaging.sample import SampleRequest, generate

    out = {}
    for name, sampler, steps in (("ddpm_1000", "ddpm", 1000), ("ddim_25", "ddim", 25), ("dpm++_20", "dpm++", 20)):
        generate(model, SampleRequest(None, 2, 0, sampler, 2 if sampler != "ddpm" else 1000, guidance)) \
            if sampler != "ddpm" else None  # warm-up (DDPM's own run is long enough not to need one)
        b = generate(model, SampleRequest(None, n, 123, sampler, steps, guidance))
        out[name] = round(b.seconds, 3)
    return out


def _sampler_fid(settings, model, per_class: int, guidance: float = 1.5) -> dict:
    from medcore.imaging.classifier import get_classifier
    from medcore.imaging.quality import dataset_key, fid_pair, generate_per_class, load_reference

    key = dataset_key(model.state)
    ref = load_reference(settings, key, model.size)
    clf = get_classifier(settings, key, model.size)
    out = {}
    for name, sampler, steps in (("ddpm_1000", "ddpm", 1000), ("ddim_25", "ddim", 25), ("dpm++_20", "dpm++", 20)):
        gen, labels, _ = generate_per_class(model, per_class, seed=7, sampler=sampler, steps=steps, guidance=guidance)
        out[name] = fid_pair(clf, gen, ref, seed=0)
    return out


def _latent_speed(path: str, pixel_dpm_s: float, n: int = 16) -> dict:
    import torch

    from medcore.imaging.latent import decode_latents
    from medcore.imaging.sample import SampleRequest, generate, load_model

    model = load_model(path)
    if model.kind != "ldm":
        raise ValueError(f"--ldm {path}: that is a {model.kind} checkpoint")
    generate(model, SampleRequest(None, 2, 0, "dpm++", 2, 2.5))  # warm-up
    batch = generate(model, SampleRequest(None, n, 123, "dpm++", 20, 2.5))
    c = model.config
    z = torch.randn((n, c.in_channels, c.size, c.size), generator=torch.Generator().manual_seed(0))
    labels = [i % 2 for i in range(n)] if model.conditional else None
    decode_latents(model.vae, model.vae_config, z[:2], labels[:2] if labels else None)  # warm-up
    t0 = time.perf_counter()
    decode_latents(model.vae, model.vae_config, z, labels)
    decode_s = time.perf_counter() - t0
    return {"checkpoint": str(path), "size": model.size, "dpm++_20_16_images_s": round(batch.seconds, 3),
            "within_10s_budget": batch.seconds <= 10.0, "vae_decode_16_s": round(decode_s, 3),
            "decode_within_1s_budget": decode_s <= 1.0,
            "ratio_over_pixel_ddpm_dpm++_20": round(batch.seconds / max(pixel_dpm_s, 1e-9), 2)}


def _bare_diffusers_loop(model_cfg: dict, x, y, steps: int, batch: int) -> float:
    """The minimal diffusers training loop on the same UNet and batch; returns images per second."""
    import torch
    import torch.nn.functional as F

    from medcore.imaging.ddpm import DDPMConfig, build_unet, train_scheduler

    cfg = DDPMConfig.from_dict(model_cfg)
    torch.manual_seed(0)
    unet = build_unet(cfg)
    sched = train_scheduler(cfg)
    opt = torch.optim.AdamW(unet.parameters(), lr=2e-4)
    t0 = time.perf_counter()
    for _ in range(steps):
        idx = torch.randint(0, len(x), (batch,))
        clean, labels = x[idx], y[idx]
        noise = torch.randn_like(clean)
        t = torch.randint(0, sched.config.num_train_timesteps, (batch,))
        pred = unet(sched.add_noise(clean, noise, t), t, class_labels=labels).sample
        loss = F.mse_loss(pred, noise)
        opt.zero_grad()
        loss.backward()
        opt.step()
    return steps * batch / (time.perf_counter() - t0)


def _training_throughput(settings, model, steps: int, batch: int = 32) -> dict:
    from medcore.imaging.train import TrainConfig, prepare_data, train_ddpm
    from medcore.jobs import ConsoleReporter

    mc = model.config
    tc = dict(model.state.get("train_config") or {})
    with tempfile.TemporaryDirectory() as tmp:
        cfg = TrainConfig(model="ddpm", dataset=tc.get("dataset", "br35h"), size=mc.size, steps=steps,
                          batch_size=batch, channels=tuple(mc.channels), layers_per_block=mc.layers_per_block,
                          attention=mc.attention, preview_every=0, checkpoint_every=0, out_dir=str(Path(tmp) / "run"))
        _, x, y = prepare_data(cfg, settings)
        # Alternate and keep each side's best run, so warm-up and a busy neighbour do not favour either.
        bare, ours = 0.0, 0.0
        for i in range(2):
            bare = max(bare, _bare_diffusers_loop(mc.to_dict(), x, y, steps, batch))
            cfg.out_dir = str(Path(tmp) / f"run{i}")
            ours = max(ours, train_ddpm(cfg, settings, ConsoleReporter(every_s=1e9))["images_per_s"])
    return {"batch": batch, "steps": steps, "ours_images_per_s": round(ours, 1), "bare_images_per_s": round(bare, 1),
            "ratio_ours_over_bare": round(ours / bare, 3)}


def main(settings, checkpoint: str = "", quick: bool = False, ldm: str = "") -> int:
    from medcore.imaging.registry import resolve_model_path
    from medcore.imaging.sample import load_model
    from medcore.runtime import apply_thread_policy, device_info

    apply_thread_policy(settings.torch_threads)
    path = resolve_model_path(settings, checkpoint)
    load_model(path)  # the first load pays the one-off library import; time the second
    model = load_model(path)
    report: dict = {"checkpoint": str(path), "device": device_info(settings.device).label,
                    "params": sum(p.numel() for p in model.net.parameters()), "load_s": round(model.load_s, 3)}
    if model.kind != "ddpm":
        print("the sampler benchmark needs a DDPM checkpoint")
        return 2
    speed = _sampler_speed(model)
    report["sampling_16_images_s"] = speed
    report["speedup_vs_ddpm_1000"] = {k: round(speed["ddpm_1000"] / v, 1) for k, v in speed.items() if k != "ddpm_1000"}
    report["ddim_25_within_5s_budget"] = speed["ddim_25"] <= 5.0
    if ldm:
        report["latent"] = _latent_speed(ldm, speed["dpm++_20"])
    report["fid"] = _sampler_fid(settings, model, per_class=8 if quick else 32)
    report["training"] = _training_throughput(settings, model, steps=10 if quick else 40)
    out = settings.path("bench") / "imaging.json"
    out.write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))
    print(f"\nDDIM-25 is {report['speedup_vs_ddpm_1000']['ddim_25']}x and DPM-Solver++-20 "
          f"{report['speedup_vs_ddpm_1000']['dpm++_20']}x faster than DDPM-1000; DDIM-25 on 16 images took "
          f"{speed['ddim_25']:.2f} s (budget 5 s). Training: ours/bare = {report['training']['ratio_ours_over_bare']}."
          f" Written to {out}")
    return 0
