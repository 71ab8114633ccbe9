"""Choose a VAE's latent-prior settings by validation log-likelihood of its training latents (issue 17).

    nice -n 10 python bench/latent_prior_select.py assets/checkpoints/br35h-vae-128px \
        --cache /tmp/vae128-train-latents.npz --out docs/evals/image-prior-s10/selection.json

Encodes the checkpoint's own training split once (posterior means; the comparison table's held-out scans are never
encoded) and caches the latents in --cache, outside the repository: they are derived from real scans and are
never committed. Then fits every (dims, components) of the grid per class on a seeded 80% of each class's latents
and scores the other 20% (`medcore.imaging.latent_prior_select`). One torch / BLAS thread: the CPU is shared.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
from pathlib import Path

for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
    os.environ.setdefault(var, "1")

import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def _ints(text: str) -> list[int]:
    return [int(v) for v in text.split(",") if v.strip()]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("checkpoint")
    ap.add_argument("--cache", required=True, help="npz of the training latents (written on first use)")
    ap.add_argument("--dims", type=_ints, default=[32, 64, 128, 256])
    ap.add_argument("--components", type=_ints, default=[5, 10, 20])
    ap.add_argument("--val-frac", type=float, default=0.2)
    ap.add_argument("--split-seeds", type=_ints, default=[0])
    ap.add_argument("--no-cap", action="store_true", help="let validation judge components the fitter would cap")
    ap.add_argument("--out", help="JSON report")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")

    import torch

    torch.set_num_threads(1)
    from medcore.config import Settings
    from medcore.imaging.latent_prior_select import select_prior_settings

    cache = Path(args.cache)
    t0 = time.perf_counter()
    if cache.is_file():
        with np.load(cache, allow_pickle=False) as f:
            z, y = f["z"], (f["y"] if "y" in f.files else None)
    else:
        from medcore.imaging.latent_prior_fit import training_latents

        _, z, y = training_latents(Settings.load(), args.checkpoint)
        np.savez(cache, z=z, **({} if y is None else {"y": y}))
    encode_s = time.perf_counter() - t0
    out = select_prior_settings(z, y, dims_grid=args.dims, components_grid=args.components, val_frac=args.val_frac,
                                split_seeds=args.split_seeds, cap_components=not args.no_cap)
    out.update(checkpoint=args.checkpoint, encode_or_load_s=round(encode_s, 1),
               select_s=round(time.perf_counter() - t0 - encode_s, 1))
    for c in out["candidates"]:
        print(f"class {c['cls']}: {c['dims']:4d} dims x {c['components']:2d} components (asked {c['requested']}): "
              f"validation {c['val_nats']:.4f} nats/dim, fit {c['fit_nats']:.4f}, explained {c['explained']:.3f}")
    print("chosen:", json.dumps(out["chosen"]))
    if args.out:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(json.dumps(out, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
