"""Sampling from a trained image model: load a checkpoint, draw a seeded batch of a class,
optionally keep the denoising trajectory, and mark every image as synthetic.
"""

from __future__ import annotations

import io
import json
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from medcore import checkpoints
from medcore.errors import DomainError
from medcore.imaging.ddpm import SAMPLERS, ddpm_sample_tensor  # noqa: F401 - callers sample through here
from medcore.imaging.gan import gan_sample_tensor  # noqa: F401
from medcore.imaging.model_card import ModelCard, config_of

log = logging.getLogger(__name__)

MARK = "SYNTHETIC"


class SampleError(DomainError):
    """A sampling request cannot be met; the message says why."""


@dataclass
class LoadedModel:
    kind: str  # ddpm | gan | vae | ldm
    net: Any  # the UNet (ddpm, ldm), the generator (gan) or the VAE
    config: Any  # DDPMConfig | GANConfig | VAEConfig
    class_names: list[str]
    path: str
    name: str
    state: dict
    device: Any = None
    load_s: float = 0.0  # reading and placing this checkpoint's weights
    import_s: float = 0.0  # importing the model libraries first (once per process; 0 when already imported)
    vae: Any = None  # ldm: the VAE that decodes the UNet's latents
    vae_config: Any = None
    prior: Any = None  # vae: its learned latent prior (latent_prior.LatentPrior), when the checkpoint has one

    @property
    def conditional(self) -> bool:
        return self.config.conditional

    @property
    def size(self) -> int:
        """The image side in pixels (for ldm, the VAE's, not the latent grid's)."""
        return self.vae_config.size if self.vae_config is not None else self.config.size


def resolve_checkpoint(path: str | Path) -> Path:
    """A run folder (its newest checkpoint) or a checkpoint folder."""
    p = Path(path)
    if (p / "state.json").exists():
        return p
    found = checkpoints.latest(p)
    if found is None:
        raise SampleError(f"no checkpoint found at {p}")
    return found


def read_card(path: str | Path) -> ModelCard:
    """What the Generate form needs of a run folder (its newest checkpoint) or a checkpoint folder, from its
    state.json alone: no weights, no torch (issue 14, speed). SampleError when there is none or it is unreadable."""
    ckpt = resolve_checkpoint(path)
    try:
        state = json.loads((ckpt / "state.json").read_text(encoding="utf-8"))
        cfg = config_of(state)
        vae_size = None
        if state.get("kind") == "ldm" and state.get("vae_config"):
            from medcore.imaging.vae import VAEConfig

            vae_size = VAEConfig.from_dict(state["vae_config"]).size
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise SampleError(f"unreadable checkpoint state in {ckpt}: {exc}") from exc
    return ModelCard(state["kind"], list(state.get("class_names") or []), str(ckpt), state, cfg, vae_size)


def load_model(path: str | Path, device=None, name: str = "") -> LoadedModel:
    """Weights for sampling: the EMA of a (latent) DDPM with its VAE, the generator of a GAN, a VAE."""
    import torch
    from safetensors.torch import load_file

    ckpt = resolve_checkpoint(path)
    state = json.loads((ckpt / "state.json").read_text())
    # Timed apart: a fresh process pays seconds to import diffusers once, the checkpoint itself loads in
    # milliseconds, and the two answer different questions (cold start against switching models).
    t_imp = time.perf_counter()
    if state.get("kind") in ("ddpm", "ldm"):
        from diffusers import UNet2DModel  # noqa: F401
    import_s = time.perf_counter() - t_imp
    t0 = time.perf_counter()
    tensors = load_file(str(ckpt / "model.safetensors"))
    device = device or torch.device("cpu")
    # Built on the meta device: random initialisation of weights about to be overwritten was most of the load time.
    vae = vcfg = None
    try:
        cfg = config_of(state)  # the same config the Generate form reads (model_card.read_card)
    except ValueError as exc:
        raise SampleError(f"{exc} in {ckpt}") from None
    with torch.device("meta"):
        if state["kind"] in ("ddpm", "ldm"):
            from medcore.imaging.ddpm import build_unet

            net = build_unet(cfg)
            prefix = "ema." if any(k.startswith("ema.") for k in tensors) else "model."
        elif state["kind"] == "gan":
            from medcore.imaging.gan import build_generator

            net = build_generator(cfg)
            prefix = "g."
        else:
            from medcore.imaging.vae import build_vae

            net = build_vae(cfg)
            prefix = "vae."
    sd = {k[len(prefix):]: v.float() for k, v in tensors.items() if k.startswith(prefix)}
    net.load_state_dict(sd, assign=True)
    net.to(device).eval()
    if state["kind"] == "ldm":
        from medcore.imaging.latent import vae_from_tensors

        vae, vcfg = vae_from_tensors(tensors, state["vae_config"], device)
    prior = None
    if state["kind"] == "vae":
        from medcore.imaging.latent_prior import load_prior

        prior = load_prior(ckpt)
    return LoadedModel(state["kind"], net, cfg, list(state["class_names"]), str(ckpt),
                       name or state.get("name") or _run_name(state) or Path(ckpt).parent.name, state, device,
                       time.perf_counter() - t0, import_s, vae, vcfg, prior)


def _run_name(state: dict) -> str:
    tc = state.get("train_config") or {}
    if tc.get("name"):
        return tc["name"]
    if tc.get("model"):
        return f"{tc['model']}-{Path(str(tc.get('dataset', ''))).stem}-{tc.get('size')}px"
    return ""


def resolve_class(class_names: list[str], value) -> int | None:
    """An index from a name ('tumour', 'tumor', 'no tumour'), a number, or None for 'mixed'."""
    if value is None or value == "" or str(value).lower() in ("mixed", "all", "any", "random"):
        return None
    if isinstance(value, (int, np.integer)) or str(value).isdigit():
        i = int(value)
        if 0 <= i < len(class_names):
            return i
        raise SampleError(f"class index {i} out of range (0..{len(class_names) - 1})")

    def norm(s: str) -> str:
        return str(s).lower().replace("tumor", "tumour").replace("-", " ").replace("_", " ").strip()

    for i, c in enumerate(class_names):
        if norm(c) == norm(value):
            return i
    raise SampleError(f"unknown class {value!r}: this model knows {', '.join(class_names)}")


def _labels_for(n: int, cls: int | None, num_classes: int) -> list[int] | None:
    if num_classes <= 1:
        return None
    return [cls] * n if cls is not None else [i % num_classes for i in range(n)]


@dataclass
class SampleRequest:
    class_name: Any = None  # name, index, or None for a mix of classes
    n: int = 16
    seed: int = 0
    # Defaults measured on the shipped checkpoint (bench/bench_imaging.py and eval): DPM-Solver++ in 20
    # steps beats DDIM-25 on in-domain FID at lower cost, and guidance 2.5 beats 1.0 and 1.5.
    sampler: str = "dpm++"
    steps: int = 20
    guidance: float = 2.5
    trajectory: bool = False
    guidance_min_t: int = 0  # diffusion: guide only at timesteps >= this (0: every step); see ddpm_sample_tensor

    def validate(self) -> None:
        for name in ("n", "steps", "guidance_min_t"):
            v = getattr(self, name)
            if isinstance(v, bool) or not isinstance(v, (int, np.integer)):
                raise SampleError(f"{name} must be a whole number")
        if isinstance(self.guidance, bool) or not isinstance(self.guidance, (int, float)) \
                or self.guidance != self.guidance:
            raise SampleError("guidance scale must be a number from 0 to 20")
        if not isinstance(self.sampler, str):
            raise SampleError("sampler must be a sampler name")
        if not 1 <= self.n <= 256:
            raise SampleError("number of images must be between 1 and 256")
        if not 1 <= self.steps <= 1000:
            raise SampleError("steps must be between 1 and 1000")
        if not 0.0 <= self.guidance <= 20.0:
            raise SampleError("guidance scale must be between 0 and 20")
        if not 0 <= self.guidance_min_t < 1000:
            raise SampleError("guidance_min_t must be a timestep from 0 to 999")


def recommended_sampling(state: dict) -> tuple[int, float]:
    """(steps, guidance) a checkpoint's card recommends (state.json 'sampling', written from a measured sweep:
    bench/image_guidance_sweep.py), else the SampleRequest defaults measured on the 32 px DDPM."""
    rec = state.get("sampling") or {}
    try:
        return int(rec.get("steps", SampleRequest.steps)), float(rec.get("guidance", SampleRequest.guidance))
    except (TypeError, ValueError):
        log.warning("checkpoint card has an unreadable 'sampling' entry %r; using the defaults", rec)
        return SampleRequest.steps, SampleRequest.guidance


@dataclass
class SampleBatch:
    images: np.ndarray  # uint8 (n, s, s), the raw model output (used for metrics)
    labels: list[int] | None
    class_names: list[str]
    request: SampleRequest
    model_kind: str
    model_name: str
    checkpoint: str
    seconds: float
    trajectory: list[tuple[int, np.ndarray]] = field(default_factory=list)  # (timestep, uint8 (n, s, s))
    privacy: str = "not differentially private"  # or the DP-SGD budget the model was trained with

    @property
    def diffusion(self) -> bool:
        return self.model_kind in ("ddpm", "ldm")

    def label_name(self, i: int) -> str:
        if self.labels is None:
            return self.class_names[0] if self.class_names else "image"
        return self.class_names[self.labels[i]]

    def metadata(self, i: int) -> dict[str, str]:
        r = self.request
        return {"medcore:synthetic": "true", "Software": "Medcore Studio",
                "medcore:model": f"{self.model_kind} {self.model_name}", "medcore:checkpoint": self.checkpoint,
                "medcore:seed": str(r.seed), "medcore:index": str(i), "medcore:class": self.label_name(i),
                "medcore:sampler": r.sampler if self.diffusion else "generator",
                "medcore:steps": str(r.steps if self.diffusion else 1),
                "medcore:guidance": str(r.guidance), "medcore:privacy": self.privacy,
                "Comment": "SYNTHETIC image generated by a model; not a patient"}


def _u8(x) -> np.ndarray:
    return ((x.float().clamp(-1, 1) + 1) * 127.5).round().byte().squeeze(1).cpu().numpy()


def generate(model: LoadedModel, req: SampleRequest, on_step=None) -> SampleBatch:
    """`on_step(done, total)`: called after each denoising step (once for the one-pass GAN and VAE); an exception
    it raises (sample_progress.SampleCancelled) stops sampling there."""
    req.validate()
    cls = resolve_class(model.class_names, req.class_name) if model.conditional else None
    labels = _labels_for(req.n, cls, len(model.class_names))
    t0 = time.perf_counter()
    traj: list = []
    if model.kind == "ddpm":
        if req.sampler not in SAMPLERS:
            raise SampleError(f"unknown sampler {req.sampler!r}: choose one of {', '.join(SAMPLERS)}")
        x, raw = ddpm_sample_tensor(model.net, model.config, n=req.n, labels=labels, seed=req.seed,
                                    sampler=req.sampler, steps=req.steps, guidance=req.guidance,
                                    device=model.device, trajectory=req.trajectory,
                                    guidance_min_t=req.guidance_min_t, on_step=on_step)
        traj = [(t, _u8(v)) for t, v in raw]
    elif model.kind == "ldm":
        if req.sampler not in SAMPLERS:
            raise SampleError(f"unknown sampler {req.sampler!r}: choose one of {', '.join(SAMPLERS)}")
        from medcore.imaging.latent import ldm_sample_tensor

        x, raw = ldm_sample_tensor(model.net, model.config, model.vae, model.vae_config, n=req.n, labels=labels,
                                   seed=req.seed, sampler=req.sampler, steps=req.steps, guidance=req.guidance,
                                   device=model.device, trajectory=req.trajectory,
                                   guidance_min_t=req.guidance_min_t, on_step=on_step)
        traj = [(t, _u8(v)) for t, v in raw]
    elif model.kind == "vae":
        from medcore.imaging.vae import sample_prior

        x = sample_prior(model.net, model.config, req.n, labels=labels, seed=req.seed, device=model.device,
                         prior=model.prior)
    else:
        x = gan_sample_tensor(model.net, model.config, n=req.n, labels=labels, seed=req.seed, device=model.device)
    if on_step is not None and model.kind not in ("ddpm", "ldm"):
        on_step(1, 1)  # one pass: done
    return SampleBatch(_u8(x), labels, model.class_names, req, model.kind, model.name, model.path,
                       time.perf_counter() - t0, traj, privacy_label(model.state))


def privacy_label(state: dict) -> str:
    """What every image says about its model's training privacy: the DP budget ε at δ, or that there was none."""
    dp = state.get("dp")  # a latent model is never DP as a whole: its UNet saw real latents unprotected
    if not dp:
        return "not differentially private"
    return f"DP-SGD epsilon={dp['epsilon']:.2f} at delta={dp['delta']:g} (clip {dp['max_grad_norm']:g})"


# ---- marking and files ------------------------------------------------------------------
def mark_synthetic(img: np.ndarray, display: int = 256) -> np.ndarray:
    """Upscale for viewing and burn in a visible SYNTHETIC banner. uint8 (s, s) -> uint8 (d, d)."""
    from PIL import Image, ImageDraw, ImageFont

    pil = Image.fromarray(img).resize((display, display), Image.Resampling.BICUBIC)
    draw = ImageDraw.Draw(pil)
    try:
        font = ImageFont.load_default(size=max(10, display // 12))
    except TypeError:  # Pillow < 10.1 has no sized default font
        font = ImageFont.load_default()
    box = draw.textbbox((0, 0), MARK, font=font)
    w, h = box[2] - box[0], box[3] - box[1]
    pad = max(2, display // 64)
    x0, y0 = (display - w) // 2, display - h - 3 * pad
    draw.rectangle([x0 - pad, y0 - pad, x0 + w + pad, y0 + h + 2 * pad], fill=0)
    draw.text((x0 - box[0], y0 - box[1]), MARK, fill=255, font=font)
    return np.asarray(pil, dtype=np.uint8)


def png_bytes(img: np.ndarray, metadata: dict[str, str]) -> bytes:
    from PIL import Image
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    for k, v in metadata.items():
        info.add_text(k, str(v))
    buf = io.BytesIO()
    Image.fromarray(img).save(buf, format="PNG", pnginfo=info)
    return buf.getvalue()


def marked_pngs(batch: SampleBatch, display: int = 256) -> list[tuple[str, bytes]]:
    out = []
    for i, img in enumerate(batch.images):
        cls = batch.label_name(i).replace(" ", "-")
        out.append((f"synthetic-{cls}-seed{batch.request.seed}-{i:03d}.png",
                    png_bytes(mark_synthetic(img, display), batch.metadata(i))))
    return out


def zip_bytes(files: list[tuple[str, bytes]], manifest: dict | None = None) -> bytes:
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files:
            zf.writestr(name, data)
        if manifest is not None:
            zf.writestr("manifest.json", json.dumps(manifest, indent=2, default=str))
    return buf.getvalue()


def batch_manifest(batch: SampleBatch) -> dict:
    r = batch.request
    return {"synthetic": True, "model": f"{batch.model_kind} {batch.model_name}", "checkpoint": batch.checkpoint,
            "class": r.class_name, "n": r.n, "seed": r.seed, "sampler": r.sampler, "steps": r.steps,
            "guidance": r.guidance, "seconds": round(batch.seconds, 3),
            "labels": [batch.label_name(i) for i in range(len(batch.images))]}


def trajectory_frames(batch: SampleBatch, index: int = 0) -> list[tuple[int, np.ndarray]]:
    """The trajectory of one image: (timestep, uint8 (s, s)) from pure noise to the final image."""
    return [(t, frames[index]) for t, frames in batch.trajectory]
