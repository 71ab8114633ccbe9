"""Does a VAE's tumour class vary where masses lie? A class-conditional check of a latent prior (issue 17).

    nice -n 10 python bench/latent_prior_mass_check.py CKPT [CKPT ...] --out report.json

The mass region is learned from the checkpoint's TRAINING scans only (never the comparison table's held-out
scans): the per-pixel spread (standard deviation) of the tumour scans minus that of the no-tumour scans; the top
`--top` share of pixels is where tumour scans differ most, i.e. where masses lie. For each checkpoint, `--n`
images per class are generated (seeded) and the same spread difference is measured on them:
- `region_ratio`: mean generated difference inside the region / mean real difference there (1: as real; 0: the
  tumour class varies there no more than the no-tumour class);
- `map_corr`: correlation of the generated and the real difference maps over all pixels.
Only numbers are written; no image, real or generated.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
    os.environ.setdefault(var, "1")

import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def spread_difference(images: np.ndarray, labels: np.ndarray, tumour: int, healthy: int) -> np.ndarray:
    """Per-pixel std of the tumour images minus that of the healthy ones, on [0, 1] intensities."""
    x = images.astype(np.float64) / 255.0
    return x[labels == tumour].std(0) - x[labels == healthy].std(0)


def region_scores(real_diff: np.ndarray, gen_diff: np.ndarray, top: float) -> dict:
    region = real_diff >= np.quantile(real_diff, 1 - top)
    return {"region_ratio": round(float(gen_diff[region].mean() / real_diff[region].mean()), 4),
            "map_corr": round(float(np.corrcoef(real_diff.ravel(), gen_diff.ravel())[0, 1]), 4),
            "region_pixels": int(region.sum())}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("checkpoints", nargs="+")
    ap.add_argument("--n", type=int, default=128, help="generated images per class")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--top", type=float, default=0.1, help="share of pixels in the mass region")
    ap.add_argument("--out")
    args = ap.parse_args(argv)

    import torch

    torch.set_num_threads(1)
    from medcore.config import Settings
    from medcore.imaging.datasets import load_dataset
    from medcore.imaging.quality import dataset_key
    from medcore.imaging.sample import SampleRequest, generate, load_model

    settings = Settings.load()
    first = load_model(args.checkpoints[0])
    names = first.class_names
    tumour, healthy = names.index("tumour"), names.index("no tumour")
    ds = load_dataset(dataset_key(first.state), first.config.size, settings)
    tr, _ = ds.split(float((first.state.get("train_config") or {}).get("holdout", 0.1)), seed=0)
    real = spread_difference(ds.images[tr], ds.labels[tr], tumour, healthy)
    out = {"what": __doc__.split("\n")[0], "n_per_class": args.n, "seed": args.seed, "top": args.top,
           "real_train_scans": int(len(tr)), "rows": []}
    for ckpt in args.checkpoints:
        model = load_model(ckpt)
        imgs, labs = [], []
        for c in (healthy, tumour):
            b = generate(model, SampleRequest(n=args.n, class_name=names[c], seed=args.seed))
            imgs.append(b.images)
            labs.append(np.full(len(b.images), c))
        gen = spread_difference(np.concatenate(imgs), np.concatenate(labs), tumour, healthy)
        prior = model.prior.describe() if getattr(model, "prior", None) is not None else None
        out["rows"].append({"checkpoint": str(ckpt), "prior": prior, **region_scores(real, gen, args.top)})
        print(json.dumps(out["rows"][-1]))
    if args.out:
        Path(args.out).write_text(json.dumps(out, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
