"""Tiny image fixtures: a two-class folder of synthetic 'scans' and a DDPM trained for a few steps on it."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

TINY = dict(size=16, channels=(8, 16), batch_size=4, attention=False, preview_every=0, checkpoint_every=3, keep=2)


def _scan(rng, blob: bool, side: int = 40, wide: bool = False) -> np.ndarray:
    """A bright ellipse ('head') on black, with a bright spot ('lesion') for the second class."""
    h, w = (side, side + 12) if wide else (side, side)
    yy, xx = np.mgrid[:h, :w]
    cy, cx = h / 2 + rng.normal(0, 1), w / 2 + rng.normal(0, 1)
    img = (((yy - cy) / (h * 0.4)) ** 2 + ((xx - cx) / (w * 0.35)) ** 2 < 1) * rng.uniform(90, 140)
    img = img + rng.normal(0, 12, img.shape)
    if blob:
        by, bx = cy + rng.uniform(-6, 6), cx + rng.uniform(-6, 6)
        img[(yy - by) ** 2 + (xx - bx) ** 2 < 16] = 250
    return np.clip(img, 0, 255).astype(np.uint8)


def write_folder(root: Path, n_per_class: int = 12, seed: int = 0) -> Path:
    from PIL import Image

    rng = np.random.default_rng(seed)
    for cls, blob in (("no tumour", False), ("tumour", True)):
        (root / cls).mkdir(parents=True, exist_ok=True)
        for i in range(n_per_class):
            Image.fromarray(_scan(rng, blob, wide=i % 3 == 0)).save(root / cls / f"{i:03d}.png")
    return root


@pytest.fixture(scope="session")
def tiny_folder(tmp_path_factory) -> Path:
    return write_folder(tmp_path_factory.mktemp("imgs") / "scans")


@pytest.fixture(scope="session")
def tiny_run(tmp_path_factory, tiny_folder):
    """(settings, run dir) of a DDPM trained 6 steps on the tiny folder; shared by the sampling tests."""
    from medcore.config import Settings
    from medcore.imaging.train import TrainConfig, train_image
    from medcore.jobs import ConsoleReporter

    data = tmp_path_factory.mktemp("imgdata")
    settings = Settings.load(env={"MEDCORE_DATA_DIR": str(data), "MEDCORE_LLM_BACKEND": "template"}, secrets={})
    cfg = TrainConfig(model="ddpm", dataset=str(tiny_folder), steps=6, name="tiny", **TINY)
    result = train_image(cfg, settings, ConsoleReporter(every_s=999))
    return settings, Path(result["out_dir"])
