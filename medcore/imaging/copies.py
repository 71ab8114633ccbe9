"""Copy check: is a generated image as close to a training image as a memorised one would be?

Three views of "nearest training image", each with a threshold calibrated on real held-out scans (which
are, by construction, not copies of the training split): RMS pixel distance (mirror images count too),
distance between the in-domain classifier's features, and SSIM against a shortlist of candidates (the
nearest by features and by pixels, each also mirrored). Held-out scans that duplicate a training scan
inside the dataset itself (43% of Br35H has a near twin) are left out of the calibration.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import numpy as np


def _flat(images: np.ndarray) -> np.ndarray:
    return images.reshape(len(images), -1).astype(np.float32) / 255.0


def nearest(query: np.ndarray, reference: np.ndarray, *, flips: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """RMS pixel distance from each query image to its nearest reference image (mirror images count too)."""
    q = _flat(query)
    refs = [reference, reference[..., ::-1]] if flips else [reference]
    best_d = np.full(len(q), np.inf, dtype=np.float64)
    best_i = np.zeros(len(q), dtype=np.int64)
    qq = (q ** 2).sum(1)[:, None]
    for ref in refs:
        r = _flat(np.ascontiguousarray(ref))
        d2 = np.maximum(qq + (r ** 2).sum(1)[None, :] - 2 * q @ r.T, 0)
        i = d2.argmin(1)
        d = np.sqrt(d2[np.arange(len(q)), i] / q.shape[1])
        better = d < best_d
        best_d[better], best_i[better] = d[better], i[better]
    return best_d, best_i


@dataclass
class CopyCalibration:
    threshold: float
    quantile: float
    heldout_pairs: int
    heldout_duplicates: int  # held-out images that (nearly) duplicate a training image in the dataset itself
    heldout_min: float
    heldout_median: float


DUPLICATE_RMS = 1.5 / 255  # below this, two 8-bit images differ by rounding only


def calibrate_copy_threshold(heldout: np.ndarray, train: np.ndarray, quantile: float = 0.01) -> CopyCalibration:
    """The distance under which only `quantile` of genuinely new real images fall."""
    d, _ = nearest(heldout, train)
    dup = d < DUPLICATE_RMS
    clean = d[~dup] if (~dup).any() else d
    return CopyCalibration(float(np.quantile(clean, quantile)), quantile, int(len(d)), int(dup.sum()),
                           float(clean.min()), float(np.median(clean)))


@dataclass
class CopyReport:
    distances: list[float]
    nearest_index: list[int]  # index into the training images
    flagged: list[bool]
    calibration: CopyCalibration

    @property
    def n_flagged(self) -> int:
        return int(sum(self.flagged))

    def to_dict(self, per_image: bool = False) -> dict:
        d = {"threshold": round(self.calibration.threshold, 5), "flagged": self.n_flagged,
             "checked": len(self.flagged), "min_distance": round(min(self.distances), 5) if self.distances else None,
             "median_distance": round(float(np.median(self.distances)), 5) if self.distances else None,
             "calibration": asdict(self.calibration)}
        if per_image:
            d["distances"] = [round(x, 5) for x in self.distances]
            d["nearest_index"] = self.nearest_index
        return d


def copy_check(generated: np.ndarray, train: np.ndarray, calibration: CopyCalibration) -> CopyReport:
    d, i = nearest(generated, train)
    return CopyReport([float(x) for x in d], [int(x) for x in i],
                      [bool(x <= calibration.threshold) for x in d], calibration)


# ---- by classifier features and SSIM --------------------------------------------------------
def _feature_nearest(query: np.ndarray, reference: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Euclidean feature distance to the k nearest reference rows (ascending), and their indices."""
    q, r = np.asarray(query, np.float64), np.asarray(reference, np.float64)
    d2 = np.maximum((q ** 2).sum(1)[:, None] + (r ** 2).sum(1)[None, :] - 2 * q @ r.T, 0)
    k = min(k, r.shape[0])
    idx = np.argsort(d2, 1)[:, :k]
    return np.sqrt(np.take_along_axis(d2, idx, 1)), idx


def best_ssim(query: np.ndarray, train: np.ndarray, candidates: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Highest SSIM of each query image against its candidate training images (and their mirrors)."""
    import torch

    from medcore.imaging.vae import ssim

    def t(x):
        return torch.from_numpy(np.ascontiguousarray(x)).float().div(127.5).sub(1).unsqueeze(1)

    best, which = np.full(len(query), -1.0), np.zeros(len(query), np.int64)
    for j in range(candidates.shape[1]):
        ref = train[candidates[:, j]]
        with torch.no_grad():
            s = np.maximum(ssim(t(query), t(ref), reduce=False).numpy(),
                           ssim(t(query), t(ref[..., ::-1]), reduce=False).numpy())
        better = s > best
        best[better], which[better] = s[better], candidates[better, j]
    return best, which


@dataclass
class DeepCalibration:
    feature_threshold: float  # flagged at or under this feature distance
    ssim_threshold: float  # flagged at or over this SSIM
    quantile: float
    heldout_pairs: int
    heldout_duplicates: int
    heldout_feature_median: float
    heldout_ssim_median: float


def _candidates(images, feats, train, train_feats, shortlist):
    fd, fi = _feature_nearest(feats, train_feats, shortlist)
    _, pi = nearest(images, train)
    return fd[:, 0], fi, np.concatenate([fi, pi[:, None]], 1)


def calibrate_deep(heldout: np.ndarray, heldout_feats: np.ndarray, train: np.ndarray, train_feats: np.ndarray,
                   quantile: float = 0.01, shortlist: int = 5) -> DeepCalibration:
    """Thresholds that only `quantile` of genuinely new real scans cross, by features and by SSIM."""
    pix, _ = nearest(heldout, train)
    clean = pix >= DUPLICATE_RMS
    if not clean.any():
        clean = np.ones_like(clean)
    fd, _, cand = _candidates(heldout, heldout_feats, train, train_feats, shortlist)
    ss, _ = best_ssim(heldout, train, cand)
    return DeepCalibration(float(np.quantile(fd[clean], quantile)), float(np.quantile(ss[clean], 1 - quantile)),
                           quantile, int(len(heldout)), int((~clean).sum()), float(np.median(fd[clean])),
                           float(np.median(ss[clean])))


@dataclass
class DeepCopyReport:
    feature_distance: list[float]
    feature_nearest: list[int]
    ssim: list[float]
    ssim_nearest: list[int]
    by_features: list[bool]
    by_ssim: list[bool]
    calibration: DeepCalibration

    def to_dict(self) -> dict:
        return {"flagged_by_features": int(sum(self.by_features)), "flagged_by_ssim": int(sum(self.by_ssim)),
                "checked": len(self.ssim), "max_ssim": round(max(self.ssim), 4) if self.ssim else None,
                "calibration": asdict(self.calibration)}


def deep_copy_check(images: np.ndarray, feats: np.ndarray, train: np.ndarray, train_feats: np.ndarray,
                    calibration: DeepCalibration, shortlist: int = 5) -> DeepCopyReport:
    fd, fi, cand = _candidates(images, feats, train, train_feats, shortlist)
    ss, si = best_ssim(images, train, cand)
    c = calibration
    return DeepCopyReport([float(x) for x in fd], [int(x) for x in fi[:, 0]], [float(x) for x in ss],
                          [int(x) for x in si], [bool(x <= c.feature_threshold) for x in fd],
                          [bool(x >= c.ssim_threshold) for x in ss], c)


@dataclass
class FeatureReference:
    """The training scans' classifier features and the calibrated feature/SSIM thresholds, computed once."""

    train_features: np.ndarray
    calibration: DeepCalibration


def feature_reference(clf, train: np.ndarray, heldout: np.ndarray) -> FeatureReference:
    tf = clf.features(train)
    return FeatureReference(tf, calibrate_deep(heldout, clf.features(heldout), train, tf))


def deep_check_batch(clf, images: np.ndarray, train: np.ndarray, fref: FeatureReference) -> DeepCopyReport:
    return deep_copy_check(images, clf.features(images), train, fref.train_features, fref.calibration)
