"""Distribution metrics for generated images, on the in-domain classifier's features.

- FID, KID and MiFID (memorisation-informed FID) are torchmetrics' implementations, given our classifier's
  feature block as their custom feature extractor (Inception features know nothing about brain MRI and
  are never downloaded).
- k-NN precision and recall (Kynkäänniemi et al. 2019, "Improved precision and recall metric for
  assessing generative models"): neither torchmetrics nor any installed package has it, so it is here.
  Precision: share of generated samples inside the real manifold (the union of k-NN balls around the
  real features); recall: share of real samples inside the generated manifold.
"""

from __future__ import annotations

import warnings

import numpy as np
from torch import nn  # importing this module means torch is wanted: it is imported lazily by its callers


class ClassifierFeatures(nn.Module):
    """The classifier's feature block as a torchmetrics feature extractor: uint8 images (n, h, w) or
    (n, 1, h, w) in, one float64 feature row per image out, in batches, without gradients."""

    def __init__(self, net, batch: int = 256):
        super().__init__()
        self.net = net
        self.batch = batch
        self.num_features = int(getattr(net, "feature_dim", 0)) or None

    def forward(self, imgs):
        import torch

        x = imgs if imgs.dim() == 4 else imgs.unsqueeze(1)
        x = x.float().div(127.5).sub(1)
        self.net.eval()
        with torch.no_grad():
            out = [self.net.features(x[i:i + self.batch]) for i in range(0, len(x), self.batch)]
        return torch.cat(out).double()


def knn_radii(features, k: int):
    """Distance from each row to its k-th nearest other row."""
    import torch

    d = torch.cdist(features, features)
    return d.kthvalue(k + 1, dim=1).values  # +1: the row itself is at distance 0


def _coverage(points, centres, radii) -> float:
    import torch

    d = torch.cdist(points, centres)
    return float((d <= radii[None, :]).any(1).double().mean())


def precision_recall(real: np.ndarray, fake: np.ndarray, k: int = 3) -> dict:
    """Improved precision and recall on feature rows (k = 3 as in the paper)."""
    import torch

    r, f = torch.as_tensor(np.asarray(real), dtype=torch.float64), torch.as_tensor(np.asarray(fake), dtype=torch.float64)
    if len(r) <= k or len(f) <= k:
        raise ValueError(f"precision/recall with k={k} needs more than {k} real and generated samples")
    return {"precision": round(_coverage(f, r, knn_radii(r, k)), 4),
            "recall": round(_coverage(r, f, knn_radii(f, k)), 4), "k": k}


class FeatureMetrics:
    """FID, KID and MiFID against fixed real sets, re-used across generators of one image size.

    `reference` (the held-out scans) is the real set of FID, KID and precision/recall; `train` is the
    real set of MiFID, whose memorisation term asks how close generated features come to the images the
    generator was trained on. Real features are extracted once (`reset_real_features=False`).
    """

    def __init__(self, clf, reference: np.ndarray, train: np.ndarray, *, kid_subset: int = 100,
                 kid_subsets: int = 50, seed: int = 0):
        import torch
        from torchmetrics.image.fid import FrechetInceptionDistance
        from torchmetrics.image.kid import KernelInceptionDistance
        from torchmetrics.image.mifid import MemorizationInformedFrechetInceptionDistance

        self.seed = seed
        self.extractor = ClassifierFeatures(clf.net)
        self.fid = FrechetInceptionDistance(feature=self.extractor, reset_real_features=False)
        self.kid_subset = min(kid_subset, len(reference))
        with warnings.catch_warnings():  # "will save all extracted features": a few hundred rows of 128 here
            warnings.filterwarnings("ignore", message=".*save all extracted features.*")
            self.kid = KernelInceptionDistance(feature=self.extractor, subsets=kid_subsets,
                                               subset_size=self.kid_subset, reset_real_features=False)
        self.mifid = MemorizationInformedFrechetInceptionDistance(feature=self.extractor, reset_real_features=False)
        ref_t, train_t = torch.from_numpy(np.asarray(reference)), torch.from_numpy(np.asarray(train))
        self.fid.update(ref_t, real=True)
        self.kid.update(ref_t, real=True)
        self.mifid.update(train_t, real=True)
        self.reference_features = self.extractor(ref_t).numpy()

    @property
    def train_features(self) -> np.ndarray:
        """The training scans' features, as MiFID extracted them (no second pass)."""
        import torch

        return torch.cat(list(self.mifid.real_features)).numpy()

    def score(self, images: np.ndarray, k: int = 3) -> dict:
        """All metrics of one set of generated (or real, for a baseline) uint8 images."""
        import torch

        for m in (self.fid, self.kid, self.mifid):
            m.reset()  # keeps the real features
        x = torch.from_numpy(np.asarray(images))
        n = len(images)
        out: dict = {"n": int(n), "fid": None, "mifid": None, "kid": None, "kid_std": None, "precision": None,
                     "recall": None, "k": k}
        if n < 2:  # no covariance from one image
            return out
        self.fid.update(x, real=False)
        self.mifid.update(x, real=False)
        out.update(fid=round(float(self.fid.compute()), 4), mifid=round(float(self.mifid.compute()), 4))
        if n >= self.kid_subset:
            self.kid.update(x, real=False)
            torch.manual_seed(self.seed)  # KID draws its subsets with torch's global generator
            kid_mean, kid_std = self.kid.compute()
            out.update(kid=round(float(kid_mean), 5), kid_std=round(float(kid_std), 5))
        if n > k and len(self.reference_features) > k:
            out.update(precision_recall(self.reference_features, self.extractor(x).numpy(), k))
        return out
