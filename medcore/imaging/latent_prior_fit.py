"""Fit a VAE checkpoint's learned latent prior (`python -m medcore train image-prior`).

Apart from `latent_prior` so that module stays a leaf (numpy, sklearn, safetensors): the VAE's sampler imports it,
and this one imports the sampler's loader and the VAE's encoder.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from medcore.imaging.latent_prior import PriorError, fit_latent_prior, save_prior


def training_latents(settings, path) -> tuple[object, np.ndarray, np.ndarray | None]:
    """(model, posterior means of the checkpoint's own training split, their class ids or None).

    Only the training split: the held-out scans of the comparison table are never encoded for a prior."""
    import torch

    from medcore.imaging.datasets import load_dataset
    from medcore.imaging.quality import dataset_key
    from medcore.imaging.sample import load_model
    from medcore.imaging.vae import posterior_means

    model = load_model(path)
    if model.kind != "vae":
        raise PriorError(f"{model.name} is a {model.kind} checkpoint: a latent prior is fitted for a VAE")
    if model.state.get("dp"):
        raise PriorError(f"{model.name} was trained with DP-SGD; a prior fitted on its latents of real scans "
                         "without DP would not be differentially private, so none is fitted")
    tc = model.state.get("train_config") or {}
    ds = load_dataset(dataset_key(model.state), model.config.size, settings)
    tr, _ = ds.split(float(tc.get("holdout", 0.1)), seed=0)  # the split the VAE was trained on (loop.py)
    x = torch.from_numpy(ds.images[tr]).float().div(127.5).sub(1).unsqueeze(1)
    y = torch.from_numpy(ds.labels[tr]).long() if model.config.conditional else None
    z = posterior_means(model.net, x, y, batch=64).numpy()
    return model, z, None if y is None else y.numpy()


def fit_for_checkpoint(settings, path, *, dims=64, components=10, seed: int = 0) -> dict:
    """Fit the prior of a VAE checkpoint on the posterior means of its own training split and save it beside the
    weights. `dims` / `components`: one value, or one per class. -> what was fitted (for the CLI and the card)."""
    import time

    from medcore import checkpoints

    t0 = time.perf_counter()
    model, z, y = training_latents(settings, path)
    prior = fit_latent_prior(z, y, dims=dims, components=components, seed=seed)
    ckpt = Path(model.path)
    saved = save_prior(prior, ckpt)
    checkpoints.record_file(ckpt, saved)
    return {"checkpoint": str(ckpt), "file": str(saved), "seconds": round(time.perf_counter() - t0, 1),
            "train_scans": int(len(z)), **prior.describe()}
