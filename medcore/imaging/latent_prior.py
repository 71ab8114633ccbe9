"""A learned prior for the VAE as a generator on its own: ex-post density estimation on its latents.

A VAE trained for latent diffusion keeps a small KL weight so its reconstructions stay sharp; its aggregate
posterior then sits far from N(0, I), and decoding prior noise gives texture, not anatomy. Fitting a density to the
posterior means of the training scans after training (Ghosh et al., "From variational to deterministic
autoencoders", ICLR 2020: a Gaussian mixture on the latent codes) and sampling from it instead fixes that without
retraining. Per class: PCA of the flattened latents to `dims` components, then a full-covariance Gaussian mixture
of `components` components in that space. Stored as safetensors beside the VAE's weights (no pickle); numpy only at
sampling time, so sklearn is needed only to fit.

A prior fitted on real latents without DP is not differentially private, so a DP checkpoint refuses one
(`latent_prior_fit.fit_for_checkpoint`, the `train image-prior` command).
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from medcore.errors import DomainError

log = logging.getLogger(__name__)

FILE = "latent_prior.safetensors"


class PriorError(DomainError):
    """A prior that cannot be fitted, saved or used, with a message for the user."""


@dataclass
class ClassPrior:
    mean: np.ndarray  # (D,) mean of the flattened latents
    basis: np.ndarray  # (k, D) PCA components
    weights: np.ndarray  # (m,) mixture weights
    centres: np.ndarray  # (m, k) mixture means in PCA space
    chol: np.ndarray  # (m, k, k) Cholesky factors of the mixture covariances
    n_fit: int = 0
    explained: float = 0.0  # share of latent variance the k components keep


@dataclass
class LatentPrior:
    shape: tuple[int, int, int]  # (C, H, W) of one latent
    classes: list[ClassPrior]  # one per class (one entry for an unconditional VAE)
    dims: int | list[int]  # as requested: one value for every class, or one per class
    components: int | list[int]
    basis_kind: str = "per-class"  # "per-class" PCA, "pooled" PCA of all classes, or "pooled+class" (see fit)

    def describe(self) -> dict:
        return {"method": "ex-post density estimation (PCA + full-covariance Gaussian mixture per class)",
                "basis": self.basis_kind, "dims": self.dims, "components": self.components,
                "used": [{"dims": int(c.basis.shape[0]), "components": int(len(c.weights))} for c in self.classes],
                "latent_shape": list(self.shape),
                "fitted_on": [c.n_fit for c in self.classes],
                "explained_variance": [round(c.explained, 4) for c in self.classes]}


def _per_class(value, n_cls: int, name: str) -> list[int]:
    vals = [int(value)] * n_cls if np.isscalar(value) else [int(v) for v in value]
    if len(vals) != n_cls or min(vals) < 1:
        raise PriorError(f"{name} must be one value >= 1 or one per class ({n_cls}), got {value}")
    return vals


BASIS_KINDS = ("per-class", "pooled", "pooled+class")


def pooled_basis(flat: np.ndarray, y: np.ndarray, k: int, *, class_directions: bool, seed: int = 0):
    """(mean, (k', D) orthonormal basis): PCA of all classes' latents together, so the directions in which one class
    differs from another (where masses lie) are shared and kept rather than fitted away per class. With
    `class_directions`, each class mean's offset from the pooled mean, minus its part already in the PCA span, is
    appended (as in LDA's between-class directions), so the class difference is exact even when it carries little
    variance. k' = k, or k plus up to (classes - 1) directions."""
    from sklearn.decomposition import PCA

    pca = PCA(k, random_state=seed).fit(flat)
    basis = pca.components_
    if class_directions:
        offsets = np.stack([flat[y == c].mean(0) - pca.mean_ for c in np.unique(y)])
        for off in offsets[1:]:  # the offsets sum to zero (weighted), so classes - 1 of them span them all
            rest = off - (basis @ off) @ basis
            norm = np.linalg.norm(rest)
            if norm > 1e-8 * max(np.linalg.norm(off), 1e-12):
                basis = np.vstack([basis, rest / norm])
    return pca.mean_, basis


def fit_latent_prior(latents: np.ndarray, labels: np.ndarray | None, *, dims=64, components=10,
                     seed: int = 0, cap_components: bool = True, basis: str = "per-class") -> LatentPrior:
    """`latents`: (N, C, H, W) posterior means of training scans; `labels`: (N,) class ids, or None.
    `dims` / `components`: one value for every class, or a list with one per class (`latent_prior_select`).
    `cap_components`: at most one component per 2 x dims latents, so each full covariance has enough points.
    `basis`: "per-class" (session 9: a PCA per class), "pooled" (one PCA of all classes, a mixture per class in
    it; `dims` must then be one value) or "pooled+class" (pooled, plus the class-mean directions)."""
    from sklearn.decomposition import PCA
    from sklearn.mixture import GaussianMixture

    if basis not in BASIS_KINDS:
        raise PriorError(f"basis must be one of {BASIS_KINDS}, got {basis!r}")

    z = np.asarray(latents, dtype=np.float64)
    if z.ndim != 4 or len(z) == 0:
        raise PriorError(f"latents must be (N, C, H, W) with N > 0, got shape {z.shape}")
    y = np.zeros(len(z), dtype=int) if labels is None else np.asarray(labels).astype(int)
    flat = z.reshape(len(z), -1)
    n_cls = int(y.max()) + 1
    dims_c, comps_c = _per_class(dims, n_cls, "dims"), _per_class(components, n_cls, "components")
    shared = None
    if basis != "per-class":
        if len(set(dims_c)) != 1:
            raise PriorError(f"a pooled basis has one number of dims for all classes, got {dims}")
        k = min(dims_c[0], len(flat) - 1, flat.shape[1])
        if k < 1:
            raise PriorError(f"{len(flat)} training latents: too few to fit a prior")
        shared = pooled_basis(flat, y, k, class_directions=basis == "pooled+class", seed=seed)
    out = []
    for c in range(n_cls):
        fc = flat[y == c]
        k = min(dims_c[c], len(fc) - 1, flat.shape[1]) if shared is None else shared[1].shape[0]
        m = min(comps_c[c], max(1, len(fc) // (2 * max(k, 1)))) if cap_components else min(comps_c[c], len(fc))
        if k < 1 or len(fc) < 2:
            raise PriorError(f"class {c} has {len(fc)} training latents: too few to fit a prior")
        if shared is None:
            pca = PCA(k, random_state=seed).fit(fc)
            mean, comps = pca.mean_, pca.components_
        else:
            mean, comps = shared
        p = (fc - mean) @ comps.T
        gmm = GaussianMixture(m, covariance_type="full", random_state=seed, reg_covar=1e-3).fit(p)
        centred = fc - fc.mean(0)
        kept = float(np.square((centred @ comps.T)).sum() / max(np.square(centred).sum(), 1e-12))
        out.append(ClassPrior(mean, comps, gmm.weights_, gmm.means_, np.linalg.cholesky(gmm.covariances_),
                              len(fc), kept))
        log.info("latent prior class %d: %d latents, %d dims (%.2f of variance), %d components",
                 c, len(fc), k, out[-1].explained, m)
    return LatentPrior(tuple(int(s) for s in z.shape[1:]), out, dims, components, basis)


def sample_latents(prior: LatentPrior, n: int, labels=None, seed: int = 0) -> np.ndarray:
    """(n, C, H, W) float32 latents drawn from the prior of each requested class (class 0 when unconditional)."""
    rng = np.random.default_rng(seed)
    ys = np.zeros(n, dtype=int) if labels is None else np.asarray(labels, dtype=int).reshape(-1)
    if len(ys) != n:
        raise PriorError(f"{len(ys)} labels for {n} samples")
    if len(prior.classes) == 1:
        ys = np.zeros(n, dtype=int)
    if ys.min(initial=0) < 0 or ys.max(initial=0) >= len(prior.classes):
        raise PriorError(f"class out of range for a prior of {len(prior.classes)} classes")
    flat = np.empty((n, int(np.prod(prior.shape))))
    for i, c in enumerate(ys):
        cp = prior.classes[c]
        j = rng.choice(len(cp.weights), p=cp.weights / cp.weights.sum())
        p = cp.centres[j] + cp.chol[j] @ rng.standard_normal(cp.centres.shape[1])
        flat[i] = cp.mean + p @ cp.basis
    return flat.reshape((n, *prior.shape)).astype(np.float32)


def save_prior(prior: LatentPrior, folder: str | Path) -> Path:
    import torch
    from safetensors.torch import save_file

    tensors = {}
    for c, cp in enumerate(prior.classes):
        for name in ("mean", "basis", "weights", "centres", "chol"):
            tensors[f"c{c}.{name}"] = torch.from_numpy(np.ascontiguousarray(getattr(cp, name), dtype=np.float32))
    meta = {"shape": json.dumps(list(prior.shape)), "dims": json.dumps(prior.dims),
            "components": json.dumps(prior.components), "basis": prior.basis_kind,
            "n_fit": json.dumps([cp.n_fit for cp in prior.classes]),
            "explained": json.dumps([cp.explained for cp in prior.classes])}
    path = Path(folder) / FILE
    save_file(tensors, str(path), metadata=meta)
    return path


def load_prior(folder: str | Path) -> LatentPrior | None:
    """The prior saved beside a VAE's weights, or None when there is none."""
    from safetensors import safe_open

    path = Path(folder) / FILE
    if not path.is_file():
        return None
    with safe_open(str(path), framework="np") as f:
        meta = f.metadata() or {}
        n_cls = len({k.split(".")[0] for k in f.keys()})
        n_fit = json.loads(meta.get("n_fit") or "[]") or [0] * n_cls
        explained = json.loads(meta.get("explained") or "[]") or [0.0] * n_cls
        classes = [ClassPrior(**{name: f.get_tensor(f"c{c}.{name}").astype(np.float64)
                                 for name in ("mean", "basis", "weights", "centres", "chol")},
                              n_fit=int(n_fit[c]), explained=float(explained[c])) for c in range(n_cls)]
    # an int (one setting for all classes, as session 9 saved it) or a list of one per class
    return LatentPrior(tuple(json.loads(meta["shape"])), classes, json.loads(meta.get("dims") or "0"),
                       json.loads(meta.get("components") or "0"), meta.get("basis") or "per-class")

