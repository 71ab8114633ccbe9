"""Viewing a scan the way radiology viewers do: window / level (contrast) and nearest-neighbour zoom."""

from __future__ import annotations

import numpy as np


def window_level(img: np.ndarray, center: float, width: float) -> np.ndarray:
    """uint8 image -> uint8 image: intensities in [center - width/2, center + width/2] stretched to 0..255."""
    width = max(float(width), 1.0)
    lo = float(center) - width / 2
    out = (img.astype(np.float32) - lo) * (255.0 / width)
    return np.clip(np.round(out), 0, 255).astype(np.uint8)


def zoom(img: np.ndarray, factor: int) -> np.ndarray:
    """Nearest-neighbour enlargement, so every model pixel stays visible as a block rather than being smoothed."""
    factor = max(1, int(factor))
    return np.kron(img, np.ones((factor, factor), dtype=img.dtype))
