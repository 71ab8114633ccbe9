"""Export: the weights a sampler needs from a training checkpoint, nothing else (no optimiser, no critic)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from medcore import checkpoints

# Which tensors each kind samples with: the DDPM's EMA, the GAN's generator, the VAE itself,
# and for latent diffusion the UNet's EMA together with the VAE that decodes its latents.
SAMPLING_PREFIXES = {"ddpm": ("ema",), "gan": ("g",), "vae": ("vae",), "ldm": ("ema", "vae")}


def export_checkpoint(ckpt_dir: str | Path, dest: str | Path, extra: dict[str, Any] | None = None,
                      half: bool = False, resumable: bool = False) -> Path:
    """Copy a training checkpoint's sampling weights to `dest` (model.safetensors + state.json).

    `resumable` keeps every tensor (raw weights beside the EMA, a VAE's discriminator), so a later
    session can copy the folder into a run folder as ckpt-<step> and `--resume` from it; only the
    optimizer's moments are lost (Adam rebuilds them within a few hundred steps).
    """
    import torch
    from safetensors.torch import save_file

    tensors, state, _ = checkpoints.load(ckpt_dir)
    prefixes = tuple(p + "." for p in SAMPLING_PREFIXES[state["kind"]])
    keep = tensors if resumable else {k: v for k, v in tensors.items() if k.startswith(prefixes)}
    if half:
        keep = {k: v.half() if v.dtype == torch.float32 else v for k, v in keep.items()}
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    save_file({k: v.contiguous() for k, v in keep.items()}, str(dest / "model.safetensors"))
    (dest / "state.json").write_text(json.dumps({**state, **(extra or {})}, indent=2, default=str))
    return dest
