"""Pooled-class latent priors for the 128 px VAE (issue 17, session 10b): held-out likelihood on TRAINING latents.

    nice -n 10 python bench/latent_prior_pooled.py --cache LATENTS.npz --out selection.json \
        [--fit-into /tmp/DIR]   # also fit each candidate on all training latents into a copy of the checkpoint

Candidates: the shipped per-class PCA (64 x 10, for reference); one PCA of both classes ("pooled") with a mixture
per class; the same plus the class-mean direction ("pooled+class"); and pooled+class plus the top `r` eigenvectors
of (tumour covariance - no-tumour covariance), the directions in which the tumour class varies MORE than the healthy
one ("contrast"; where masses should lie). Each is fitted on a seeded 80% of each class's training latents and
scored by the mean log-likelihood of the other 20% in the full latent space (`latent_prior_select`), in nats per
latent dim. The comparison table's held-out scans are never used. `--fit-into` folders feed
`bench/latent_prior_mass_check.py`. LATENTS.npz is derived from real scans: keep it outside the repository.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from pathlib import Path

for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
    os.environ.setdefault(var, "1")

import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from medcore.imaging.latent_prior import (ClassPrior, LatentPrior, fit_latent_prior, pooled_basis,  # noqa: E402
                                          save_prior)
from medcore.imaging.latent_prior_select import full_space_loglik, residual_variance, validation_split  # noqa: E402

CKPT = "assets/checkpoints/br35h-vae-128px"
GRID = [("per-class", 64, 0, 10)] + [(b, k, 0, m) for b in ("pooled", "pooled+class") for k in (64, 128)
                                     for m in (2, 5, 10)] + [("contrast", 64, 16, 5), ("contrast", 64, 32, 2)]


def contrast_prior(flat, y, shape, k: int, r: int, m: int) -> LatentPrior:
    """pooled+class basis plus the top-r directions of (class 1 covariance - class 0 covariance)."""
    from scipy.sparse.linalg import LinearOperator, eigsh
    from sklearn.mixture import GaussianMixture

    d = flat.shape[1]
    mean, basis = pooled_basis(flat, y, k, class_directions=True)
    a, h = flat[y == 1] - flat[y == 1].mean(0), flat[y == 0] - flat[y == 0].mean(0)
    op = LinearOperator((d, d), dtype=np.float64,
                        matvec=lambda v: a.T @ (a @ v) / len(a) - h.T @ (h @ v) / len(h))
    for v in eigsh(op, k=r, which="LA")[1].T[::-1]:
        rest = v - (basis @ v) @ basis
        if np.linalg.norm(rest) > 1e-6:
            basis = np.vstack([basis, rest / np.linalg.norm(rest)])
    classes = []
    for c in (0, 1):
        fc = flat[y == c]
        g = GaussianMixture(m, covariance_type="full", random_state=0, reg_covar=1e-3).fit((fc - mean) @ basis.T)
        cen = fc - fc.mean(0)
        classes.append(ClassPrior(mean, basis, g.weights_, g.means_, np.linalg.cholesky(g.covariances_), len(fc),
                                  float(np.square(cen @ basis.T).sum() / np.square(cen).sum())))
    return LatentPrior(tuple(shape), classes, k, m, f"pooled+class+contrast{r}")


def fit(kind, k, r, m, z, y):
    if kind == "contrast":
        return contrast_prior(z.reshape(len(z), -1), y, z.shape[1:], k, r, m)
    return fit_latent_prior(z, y, dims=k, components=m, basis=kind, seed=0)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cache", required=True)
    ap.add_argument("--out")
    ap.add_argument("--fit-into", help="folder for checkpoint copies with each candidate fitted on all latents")
    args = ap.parse_args(argv)
    with np.load(args.cache) as f:
        z, y = f["z"].astype(np.float64), f["y"]
    flat = z.reshape(len(z), -1)
    fi, vi = validation_split(y, 0.2, 0)
    rows = []
    for kind, k, r, m in GRID:
        t0 = time.perf_counter()
        prior = fit(kind, k, r, m, z[fi], y[fi])
        row = {"basis": kind, "dims": k, "contrast": r, "components": m}
        for c, cp in enumerate(prior.classes):
            var = residual_variance(cp, flat[fi][y[fi] == c])
            row[f"val_nats_{c}"] = round(float(full_space_loglik(cp, var, flat[vi][y[vi] == c]).mean()
                                               / flat.shape[1]), 4)
            row[f"used_{c}"] = [int(cp.basis.shape[0]), int(len(cp.weights))]
            row[f"explained_{c}"] = round(cp.explained, 3)
        if args.fit_into:
            dst = Path(args.fit_into) / f"ckpt-{kind}-{k}-{r}x{m}"
            shutil.copytree(CKPT, dst, dirs_exist_ok=True)
            save_prior(fit(kind, k, r, m, z, y), dst)
        row["seconds"] = round(time.perf_counter() - t0, 1)
        rows.append(row)
        print(json.dumps(row), flush=True)
    if args.out:
        Path(args.out).write_text(json.dumps({"what": __doc__.split("\n")[0], "val_frac": 0.2, "split_seed": 0,
                                              "classes": ["no tumour", "tumour"], "rows": rows}, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
