"""Classifier-free guidance and sampler steps for the 128 px latent DDPM: FID, precision/recall and class
agreement on the same held-out split as `eval image-table`, one row per setting, timed in one process.

    python bench/image_guidance_sweep.py [--n-per-class 64] [--out docs/evals/image-guidance/sweep.json]

The shipped default (guidance 2.5, dpm++ 20 steps) is the first row; the others print their sampling time as a
ratio to it. Chosen on the image table's held-out split, so a default picked from this sweep makes that split
dev data for guidance (the README says so)."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from medcore.config import Settings  # noqa: E402
from medcore.imaging.registry import shipped_checkpoint  # noqa: E402
from medcore.imaging.table import score_model  # noqa: E402

SETTINGS = ((2.5, 20), (1.0, 20), (4.0, 20), (6.0, 20), (2.5, 40))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--checkpoint", default="br35h-ldm-128px")
    ap.add_argument("--n-per-class", type=int, default=64)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--settings", default="", help="guidance:steps pairs, e.g. 2.5:20,6:20 (first is the baseline)")
    args = ap.parse_args()
    settings = Settings.load()
    path = shipped_checkpoint(settings, args.checkpoint)
    ctxs: dict = {}
    rows = []
    pairs = [tuple(float(v) for v in p.split(":")) for p in args.settings.split(",")] if args.settings else SETTINGS
    for guidance, steps in ((g, int(s)) for g, s in pairs):
        t0 = time.perf_counter()
        r = score_model(settings, path, ctxs, n_per_class=args.n_per_class, seed=args.seed, sampler="dpm++",
                        steps=steps, guidance=guidance, cas=False)
        r = {"guidance": guidance, "steps": steps, "seconds": round(time.perf_counter() - t0, 1),
             **{k: r.get(k) for k in ("fid", "kid", "precision", "recall", "class_agreement", "copies_flagged",
                                       "seconds_16", "step")}}
        r["time_ratio_16"] = round(r["seconds_16"] / rows[0]["seconds_16"], 2) if rows else 1.0
        rows.append(r)
        print(json.dumps(r), flush=True)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps({"checkpoint": args.checkpoint, "n_per_class": args.n_per_class,
                                        "seed": args.seed, "sampler": "dpm++", "rows": rows}, indent=1) + "\n")


if __name__ == "__main__":
    main()
