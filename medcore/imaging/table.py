"""The comparison table of the image generators (`python -m medcore eval image-table`).

Every generator is scored on the same duplicate-aware held-out split (seed 0) of its dataset, at its own
size, with the in-domain classifier of that size: FID, KID, MiFID and k-NN precision/recall (metrics.py),
class agreement, CAS, copies flagged (copies.py: by pixels, features or SSIM) and the time to sample 16
images. Each size also gets a real-vs-real row (as many training scans as generated images, scored the same
way), because feature distances from two different classifiers (32 px, 128 px) are not on one scale.
A second section scores the DP trade-off runs the same way.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from medcore.config import Settings

log = logging.getLogger(__name__)

DEFAULT_MODELS = (("32 px DDPM", "br35h-ddpm-32px"), ("DCGAN (32 px)", "br35h-gan-32px"),
                  ("VAE alone, learned prior (128 px)", "br35h-vae-128px"),
                  ("128 px latent DDPM", "br35h-ldm-128px"))
DEFAULT_DP = (("VAE, DP-SGD ε≈8", "br35h-vae-128px-dp8"), ("VAE, DP-SGD ε≈1", "br35h-vae-128px-dp1"),
              ("VAE, no DP (same run config)", "br35h-vae-128px-nodp"),
              ("DCGAN, DP-SGD ε≈8", "br35h-gan-32px-dp8"), ("DCGAN, DP-SGD ε≈1", "br35h-gan-32px-dp1"),
              ("DCGAN, no DP (same run config)", "br35h-gan-32px-nodp"))


@dataclass
class _SizeContext:
    """What every generator of one (dataset, size) is judged against; built once."""

    ref: object  # quality.Reference
    clf: object  # classifier.Classifier
    metrics: object  # metrics.FeatureMetrics
    train_feats: np.ndarray
    deep_cal: object  # copies.DeepCalibration


def _context(settings: Settings, key: str, size: int, n: int, seed: int) -> _SizeContext:
    from medcore.imaging.classifier import find_classifier
    from medcore.imaging.copies import calibrate_deep
    from medcore.imaging.metrics import FeatureMetrics
    from medcore.imaging.quality import load_reference

    ref = load_reference(settings, key, size)
    clf = find_classifier(settings, key, size)
    if clf is None:
        raise ValueError(f"no in-domain classifier for {key} at {size} px: train one first "
                         f"(python -m medcore eval image-classifier --size {size})")
    fm = FeatureMetrics(clf, ref.heldout, ref.train, kid_subset=min(100, n), seed=seed)
    train_feats = fm.train_features
    cal = calibrate_deep(ref.heldout, fm.reference_features, ref.train, train_feats)
    return _SizeContext(ref, clf, fm, train_feats, cal)


def _copies(ctx: _SizeContext, images: np.ndarray) -> dict:
    import torch

    from medcore.imaging.copies import copy_check, deep_copy_check

    pix = copy_check(images, ctx.ref.train, ctx.ref.calibration)
    feats = ctx.metrics.extractor(torch.from_numpy(images)).numpy()
    deep = deep_copy_check(images, feats, ctx.ref.train, ctx.train_feats, ctx.deep_cal)
    anyf = [a or b or c for a, b, c in zip(pix.flagged, deep.by_features, deep.by_ssim)]
    return {"copies_flagged": int(sum(anyf)), "copies_by_pixels": pix.n_flagged,
            "copies_by_features": int(sum(deep.by_features)), "copies_by_ssim": int(sum(deep.by_ssim)),
            "max_ssim_to_train": round(max(deep.ssim), 4)}


def score_model(settings: Settings, path, ctxs: dict, *, n_per_class: int, seed: int, sampler: str, steps: int,
                guidance: float, cas: bool = True) -> dict:
    from medcore.imaging.quality import classification_accuracy_score, dataset_key, generate_per_class
    from medcore.imaging.sample import SampleRequest, generate, load_model

    model = load_model(path)
    key = (dataset_key(model.state), model.size)
    if key not in ctxs:
        ctxs[key] = _context(settings, key[0], key[1], n_per_class * max(1, len(model.class_names)), seed)
    ctx = ctxs[key]
    gen, labels, _ = generate_per_class(model, n_per_class, seed=seed, sampler=sampler, steps=steps,
                                        guidance=guidance)
    t0 = time.perf_counter()
    generate(model, SampleRequest(0 if model.conditional else None, 16, seed + 7, sampler, steps, guidance))
    t16 = time.perf_counter() - t0
    row = {"checkpoint": _shown_path(path), "kind": model.kind, "size": model.size, "step": model.state.get("step"),
           "privacy": _privacy(model.state), "generated": int(len(gen)), **ctx.metrics.score(gen)}
    p = ctx.clf.probs(gen)
    row["class_agreement"] = round(float((p.argmax(1) == labels).mean()), 4) if model.conditional else None
    row["cas"] = round(classification_accuracy_score(gen, labels, ctx.ref, seed), 4) if cas and model.conditional \
        else None
    row.update(_copies(ctx, gen))
    row["seconds_16"] = round(t16, 3)
    row["sampler"] = "generator (one pass)" if model.kind in ("gan", "vae") else f"{sampler} {steps} steps"
    return row


def _shown_path(path) -> str:
    """The checkpoint as the table shows it: relative to the working folder when inside it, so a committed
    table names assets/checkpoints/... rather than one machine's folders."""
    p = Path(path).resolve()
    try:
        return str(p.relative_to(Path.cwd().resolve()))
    except ValueError:
        return p.name


def _privacy(state: dict) -> str:
    from medcore.imaging.sample import privacy_label

    return privacy_label(state)


def baseline_row(ctx: _SizeContext, size: int, n: int, seed: int) -> dict:
    """The same metrics for n real training scans: what a perfect generator would score."""
    rng = np.random.default_rng(seed)
    real = ctx.ref.train[rng.permutation(len(ctx.ref.train))[:n]]
    row = {"checkpoint": "real training scans", "kind": "real", "size": size, "generated": int(n),
           **ctx.metrics.score(real)}
    row["class_agreement"] = ctx.clf.metrics.get("heldout_accuracy")
    row["cas"] = ctx.clf.metrics.get("heldout_accuracy")
    row.update({"copies_flagged": None, "seconds_16": None, "sampler": "–",
                "classifier_heldout_accuracy": ctx.clf.metrics.get("heldout_accuracy")})
    return row


def image_table(settings: Settings, *, models=DEFAULT_MODELS, dp_models=DEFAULT_DP, n_per_class: int = 64,
                seed: int = 1, sampler: str = "dpm++", steps: int = 20, guidance: float = 2.5) -> dict:
    from medcore.imaging.registry import shipped_checkpoint
    from medcore.runtime import apply_thread_policy

    apply_thread_policy(settings.torch_threads)
    t0 = time.perf_counter()
    ctxs: dict = {}

    def resolve(p: str) -> Path:
        q = Path(p)
        return q if q.exists() else shipped_checkpoint(settings, p)

    def rows(pairs, cas: bool) -> list[dict]:
        out = []
        for label, p in pairs:
            path = resolve(p)
            if not path.exists():
                log.warning("image table: %s is missing (%s), left out", label, path)
                out.append({"model": label, "checkpoint": str(p), "missing": True})
                continue
            t = time.perf_counter()
            r = score_model(settings, path, ctxs, n_per_class=n_per_class, seed=seed, sampler=sampler, steps=steps,
                            guidance=guidance, cas=cas)
            out.append({"model": label, **r, "seconds": round(time.perf_counter() - t, 1)})
            log.info("image table: %s done in %.1f s", label, out[-1]["seconds"])
        return out

    main_rows = rows(models, cas=True)
    dp_rows = rows(dp_models, cas=False)
    baselines = [{"model": f"real vs real ({size} px)", **baseline_row(ctx, size, n_per_class * 2, seed)}
                 for (key, size), ctx in sorted(ctxs.items(), key=lambda kv: kv[0][1])]
    classifiers = {f"{size} px": {k: ctx.clf.metrics.get(k) for k in ("heldout_accuracy", "heldout_images",
                                                                      "train_images", "size")}
                   for (key, size), ctx in ctxs.items()}
    return {"what": "image generators on the same duplicate-aware held-out split (seed 0) of Br35H; "
                    "FID/KID/MiFID by torchmetrics on the in-domain classifier's features of each size",
            "settings": {"n_per_class": n_per_class, "seed": seed, "sampler": sampler, "steps": steps,
                         "guidance": guidance, "kid_subset": min(100, 2 * n_per_class), "pr_k": 3,
                         "copy_quantile": 0.01},
            "reference": "FID, KID, precision/recall: held-out scans; MiFID: training scans; copies: training scans",
            "classifiers": classifiers, "rows": main_rows, "baselines": baselines, "dp_rows": dp_rows,
            "seconds": round(time.perf_counter() - t0, 1)}


COLUMNS = (("model", "model"), ("fid", "FID"), ("kid", "KID"), ("mifid", "MiFID"), ("precision", "precision"),
           ("recall", "recall"), ("class_agreement", "class agreement"), ("cas", "CAS"),
           ("copies_flagged", "copies flagged"), ("seconds_16", "s / 16 images"), ("size", "px"))


def markdown(table: dict) -> str:
    """The README's version of the table."""
    def cell(v):
        if v is None:
            return "–"
        return f"{v:.4g}" if isinstance(v, float) else str(v)

    lines = ["| " + " | ".join(h for _, h in COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    for r in [*table["rows"], *table["baselines"]]:
        if r.get("missing"):
            continue
        cells = [cell(r.get(k)) for k, _ in COLUMNS]
        if r.get("copies_flagged") is not None:
            cells[8] = f"{r['copies_flagged']} of {r['generated']}"
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)
