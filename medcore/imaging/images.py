"""The common image-dataset format: grayscale uint8 images (N, S, S), integer labels, class names,
an import report, and the near-duplicate-aware train / held-out split.

Both the embedded sets (`builtin.py`) and the user's own folders (`datasets.py`) build these, so this
module sits below both and imports neither.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from medcore.errors import DomainError


class DatasetError(DomainError):
    """The dataset cannot be used; the message says why in plain words."""


@dataclass
class ImportReport:
    loaded: int = 0
    skipped: Counter = field(default_factory=Counter)  # reason -> count
    examples: dict = field(default_factory=dict)  # reason -> first few file names

    def skip(self, name: str, reason: str) -> None:
        self.skipped[reason] += 1
        self.examples.setdefault(reason, [])
        if len(self.examples[reason]) < 5:
            self.examples[reason].append(name)

    @property
    def skipped_total(self) -> int:
        return sum(self.skipped.values())

    def to_dict(self) -> dict:
        return {"loaded": self.loaded, "skipped_total": self.skipped_total, "skipped": dict(self.skipped),
                "examples": self.examples}


@dataclass
class ImageDataset:
    name: str
    images: np.ndarray  # (N, S, S) uint8
    labels: np.ndarray  # (N,) int64
    class_names: list[str]
    source: str
    licence: str
    report: ImportReport = field(default_factory=ImportReport)

    @property
    def size(self) -> int:
        return int(self.images.shape[-1])

    @property
    def num_classes(self) -> int:
        return len(self.class_names)

    @property
    def conditional(self) -> bool:
        """One class trains an unconditional model."""
        return self.num_classes > 1

    def counts(self) -> dict[str, int]:
        return {c: int((self.labels == i).sum()) for i, c in enumerate(self.class_names)}

    def card(self) -> dict:
        return {"name": self.name, "images": int(len(self.images)), "size": self.size,
                "classes": self.counts(), "source": self.source, "licence": self.licence,
                "import": self.report.to_dict()}

    groups: np.ndarray | None = None  # near-duplicate group of each image (see duplicate_groups)

    def split(self, holdout: float = 0.1, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
        """Stratified train / held-out indices, the same for the same seed.

        Near-duplicates always land on the same side: Br35H holds many copies of the same
        scan (43% of its images have a near-exact twin), and a plain random split would
        leak them into the held-out set and flatter every held-out number.
        """
        if self.groups is None:
            self.groups = duplicate_groups(self.images)
        rng = np.random.default_rng(seed)
        train, held = [], []
        for c in range(self.num_classes):
            idx = np.flatnonzero(self.labels == c)
            gids = np.unique(self.groups[idx])
            rng.shuffle(gids)
            target = int(round(len(idx) * holdout))
            chosen, count = [], 0
            sizes = {g: int((self.groups[idx] == g).sum()) for g in gids}
            for g in gids:
                if count >= target:
                    break
                if count + sizes[g] > target + max(1, target // 5):
                    continue  # a large family of near-copies would overshoot the held-out share
                chosen.append(g)
                count += sizes[g]
            mask = np.isin(self.groups[idx], chosen)
            held.append(idx[mask])
            train.append(idx[~mask])
        return np.sort(np.concatenate(train)), np.sort(np.concatenate(held))


NEAR_DUPLICATE_RMS = 0.03  # RMS pixel difference (0..1 scale) under which two images count as one scan
DEDUP_MAX_IMAGES = 8000  # above this the all-pairs search costs too much; each image is its own group


def duplicate_groups(images: np.ndarray, threshold: float = NEAR_DUPLICATE_RMS) -> np.ndarray:
    """Connected components of the 'near-duplicate' relation (mirror images included)."""
    n = len(images)
    if n == 0 or n > DEDUP_MAX_IMAGES:
        return np.arange(n)
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    q = images.reshape(n, -1).astype(np.float32) / 255.0
    dim = q.shape[1]
    qq = (q ** 2).sum(1)
    rows, cols = [], []
    for ref in (q, np.ascontiguousarray(images[..., ::-1]).reshape(n, -1).astype(np.float32) / 255.0):
        rr = (ref ** 2).sum(1)
        for start in range(0, n, 1024):
            block = q[start:start + 1024]
            d2 = (qq[start:start + 1024, None] + rr[None, :] - 2 * block @ ref.T) / dim
            r, c = np.nonzero(d2 < threshold ** 2)
            rows.append(r + start)
            cols.append(c)
    r, c = np.concatenate(rows), np.concatenate(cols)
    graph = coo_matrix((np.ones(len(r), dtype=np.int8), (r, c)), shape=(n, n))
    _, labels = connected_components(graph, directed=False)
    return labels.astype(np.int64)


# ---- one image to the model's format -----------------------------------------------
def to_square_gray(img, size: int, *, crop_dark_border: bool = False):
    """PIL image -> uint8 (size, size): grayscale, optionally cropped to content, padded to square, resized."""
    from PIL import Image

    g = img.convert("L")
    arr = np.asarray(g)
    if crop_dark_border:
        arr = _crop_to_content(arr)
    h, w = arr.shape
    side = max(h, w)
    # Pad with the darkest value so the padding looks like the scan's background.
    canvas = np.full((side, side), arr.min() if arr.size else 0, dtype=np.uint8)
    canvas[(side - h) // 2:(side - h) // 2 + h, (side - w) // 2:(side - w) // 2 + w] = arr
    return np.asarray(Image.fromarray(canvas).resize((size, size), Image.Resampling.LANCZOS), dtype=np.uint8)


def _crop_to_content(arr: np.ndarray, frac: float = 0.08) -> np.ndarray:
    mask = arr > max(8, int(arr.max() * frac))
    if mask.sum() < 16:
        return arr
    rows, cols = np.flatnonzero(mask.any(1)), np.flatnonzero(mask.any(0))
    return arr[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1]
