"""Choose the latent prior's settings (PCA dims, mixture components) per class by held-out likelihood.

Session 9 picked 64 dims x 10 components by eye. Here a seeded validation part of the TRAINING scans' latents is
held out per class; each candidate setting is fitted (`fit_latent_prior`, the shipped fitter) on the rest and
scored by the mean log-likelihood of the validation latents. The comparison table's held-out scans and its
classifier are never touched.

Settings with different PCA dims are only comparable as densities in the same space, so the likelihood is taken in
the full latent space, as probabilistic PCA does (Tipping and Bishop 1999): the mixture's density on the k PCA
coordinates times an isotropic Gaussian on the residual orthogonal to them, with the residual variance estimated
on the fitting part (mean squared residual per discarded dimension). Log-likelihoods are reported in nats per
latent dimension.
"""

from __future__ import annotations

import logging
import time
from dataclasses import asdict, dataclass

import numpy as np

from medcore.imaging.latent_prior import ClassPrior, PriorError, fit_latent_prior

log = logging.getLogger(__name__)


@dataclass
class Candidate:
    cls: int
    dims: int  # PCA components used
    components: int  # mixture components used (the fitter caps them so each full covariance has enough points)
    requested: list[int]  # the components values of the grid that gave this fit
    val_nats: float  # mean validation log-likelihood per latent dimension (averaged over the split seeds)
    fit_nats: float  # the same on the fitting part (the gap to val_nats is overfitting)
    explained: float
    seconds: float


def validation_split(labels: np.ndarray, frac: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Indices (fit, val): a seeded `frac` of each class held out for validation."""
    if not 0 < frac < 1:
        raise PriorError(f"validation fraction must be in (0, 1), got {frac}")
    rng = np.random.default_rng(seed)
    fit, val = [], []
    for c in np.unique(labels):
        idx = rng.permutation(np.flatnonzero(labels == c))
        n_val = max(1, int(round(frac * len(idx))))
        val.append(idx[:n_val])
        fit.append(idx[n_val:])
    return np.sort(np.concatenate(fit)), np.sort(np.concatenate(val))


def _residual(cp: ClassPrior, flat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(PCA coordinates, squared norm of what the PCA basis leaves out) of flattened latents."""
    centred = flat - cp.mean
    p = centred @ cp.basis.T
    r = centred - p @ cp.basis
    return p, np.einsum("ij,ij->i", r, r)


def residual_variance(cp: ClassPrior, flat: np.ndarray) -> float:
    """Isotropic variance of the residual per discarded dimension, estimated on the latents the prior was fitted on."""
    d, k = flat.shape[1], cp.basis.shape[0]
    if d == k:
        return 0.0
    return float(_residual(cp, flat)[1].mean() / (d - k))


def full_space_loglik(cp: ClassPrior, resid_var: float, flat: np.ndarray) -> np.ndarray:
    """(n,) log-density of flattened latents under mixture-on-PCA-coordinates x isotropic residual Gaussian."""
    from scipy.linalg import solve_triangular
    from scipy.special import logsumexp

    d, k = flat.shape[1], cp.basis.shape[0]
    p, r2 = _residual(cp, flat)
    per = np.empty((len(flat), len(cp.weights)))
    for j, (w, mu, chol) in enumerate(zip(cp.weights, cp.centres, cp.chol)):
        u = solve_triangular(chol, (p - mu).T, lower=True)
        per[:, j] = (np.log(w) - 0.5 * (k * np.log(2 * np.pi) + np.einsum("ij,ij->j", u, u))
                     - np.log(np.diag(chol)).sum())
    ll = logsumexp(per, axis=1)
    if d > k:
        var = max(resid_var, 1e-12)
        ll = ll - 0.5 * ((d - k) * np.log(2 * np.pi * var) + r2 / var)
    return ll


def select_prior_settings(latents: np.ndarray, labels: np.ndarray | None, *, dims_grid=(32, 64, 128, 256),
                          components_grid=(5, 10, 20), val_frac: float = 0.2, split_seeds=(0,),
                          fit_seed: int = 0, cap_components: bool = True) -> dict:
    """Score every (dims, components) per class on held-out training latents. -> {"candidates": [...],
    "chosen": {"dims": [per class], "components": [per class]}, ...}. Settings that the fitter's cap turns into the
    same fit are scored once."""
    z = np.asarray(latents, dtype=np.float64)
    if z.ndim != 4:
        raise PriorError(f"latents must be (N, C, H, W), got shape {z.shape}")
    y = np.zeros(len(z), dtype=int) if labels is None else np.asarray(labels).astype(int)
    flat = z.reshape(len(z), -1)
    d = flat.shape[1]
    cands: list[Candidate] = []
    for c in range(int(y.max()) + 1):
        fc = flat[y == c]
        seen: dict[tuple[int, int], Candidate] = {}
        for dims in sorted(set(dims_grid)):
            for comps in sorted(set(components_grid)):
                val_ll, fit_ll, expl, used, t0 = [], [], [], None, time.perf_counter()
                for s in split_seeds:
                    fi, vi = validation_split(np.zeros(len(fc), dtype=int), val_frac, s)
                    prior = fit_latent_prior(fc[fi].reshape(len(fi), *z.shape[1:]), None, dims=dims,
                                             components=comps, seed=fit_seed, cap_components=cap_components)
                    cp = prior.classes[0]
                    used = (int(cp.basis.shape[0]), int(len(cp.weights)))
                    if used in seen:
                        break
                    var = residual_variance(cp, fc[fi])
                    val_ll.append(full_space_loglik(cp, var, fc[vi]).mean() / d)
                    fit_ll.append(full_space_loglik(cp, var, fc[fi]).mean() / d)
                    expl.append(cp.explained)
                if used in seen:
                    seen[used].requested.append(comps)
                    continue
                cand = Candidate(c, used[0], used[1], [comps], float(np.mean(val_ll)), float(np.mean(fit_ll)),
                                 float(np.mean(expl)), round(time.perf_counter() - t0, 1))
                seen[used] = cand
                cands.append(cand)
                log.info("class %d: %d dims x %d components (asked %d): validation %.4f nats/dim, fit %.4f",
                         c, used[0], used[1], comps, cand.val_nats, cand.fit_nats)
    n_cls = int(y.max()) + 1
    best = [max((x for x in cands if x.cls == c), key=lambda x: x.val_nats) for c in range(n_cls)]
    return {"method": "validation log-likelihood of held-out training latents, full latent space (mixture on PCA "
                      "coordinates x isotropic residual Gaussian)",
            "latent_dim": d, "val_frac": val_frac, "split_seeds": list(split_seeds), "fit_seed": fit_seed,
            "cap_components": cap_components,
            "dims_grid": sorted(set(dims_grid)), "components_grid": sorted(set(components_grid)),
            "fitted_on": [int((y == c).sum()) for c in range(n_cls)],
            "candidates": [asdict(x) for x in cands],
            "chosen": {"dims": [b.dims for b in best], "components": [b.components for b in best],
                       "val_nats": [round(b.val_nats, 5) for b in best]}}
