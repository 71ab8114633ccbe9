"""Quality and privacy checks for generated images, all computed from data.

- class confidence and class agreement from the in-domain classifier
- Classification Accuracy Score (CAS): a classifier trained on generated images, tested on real held-out ones
- FID, KID, MiFID (torchmetrics) and k-NN precision/recall on the classifier's features (metrics.py),
  with a real-vs-real baseline for scale
- copy check (copies.py): nearest training image per generated image, flagged under a threshold
  calibrated on real held-out images (which are, by construction, not copies)
- pixel-intensity histograms, real against generated
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np

from medcore.config import Settings
# the copy check's home is copies.py; its names stay importable from here for callers
from medcore.imaging.copies import (DUPLICATE_RMS, CopyCalibration, CopyReport, calibrate_copy_threshold,  # noqa: F401
                                    copy_check, nearest)


# ---- histograms ------------------------------------------------------------------------
def intensity_histogram(images: np.ndarray, bins: int = 32) -> np.ndarray:
    counts, _ = np.histogram(images, bins=bins, range=(0, 256))
    return counts / max(1, counts.sum())


def histogram_figure(real: np.ndarray, generated: np.ndarray, bins: int = 32):
    """A plotly figure: pixel-intensity distributions, real against generated."""
    import plotly.graph_objects as go

    edges = np.linspace(0, 256, bins + 1)
    centers = (edges[:-1] + edges[1:]) / 2
    fig = go.Figure()
    fig.add_bar(x=centers, y=intensity_histogram(real, bins), name="real (held-out)", opacity=0.6)
    fig.add_bar(x=centers, y=intensity_histogram(generated, bins), name="generated", opacity=0.6)
    fig.update_layout(barmode="overlay", xaxis_title="pixel intensity", yaxis_title="fraction of pixels",
                      height=300, margin=dict(l=10, r=10, t=30, b=10), title="Pixel intensities")
    return fig


# ---- the reference data of a model ------------------------------------------------------
@dataclass
class Reference:
    """Real images a model is judged against: its training split and the held-out split."""

    key: str
    class_names: list[str]
    train: np.ndarray
    train_labels: np.ndarray
    heldout: np.ndarray
    heldout_labels: np.ndarray
    calibration: CopyCalibration
    name: str = ""
    licence: str = ""


def dataset_key(state: dict) -> str:
    return str((state.get("train_config") or {}).get("dataset", "br35h"))


def load_reference(settings: Settings, key: str, size: int) -> Reference:
    from medcore.imaging.datasets import load_dataset

    ds = load_dataset(key, size, settings)
    tr, ho = ds.split(0.1, seed=0)
    cal = calibrate_copy_threshold(ds.images[ho], ds.images[tr])
    return Reference(key, ds.class_names, ds.images[tr], ds.labels[tr], ds.images[ho], ds.labels[ho], cal,
                     ds.name, ds.licence)


# ---- batch panel (what the page shows for one generated batch) -------------------------------
@dataclass
class BatchQuality:
    confidence: list[float]  # classifier probability of the requested class, per image
    predicted: list[str]
    class_agreement: float | None  # fraction classified as the requested class
    copy: CopyReport
    classifier_accuracy: float | None
    hist_real: list[float] = field(default_factory=list)
    hist_generated: list[float] = field(default_factory=list)
    deep: object | None = None  # copies.DeepCopyReport: nearest by classifier features and by SSIM

    @property
    def flagged(self) -> list[bool]:
        """Possible copy by any view: pixels, classifier features or SSIM."""
        if self.deep is None:
            return list(self.copy.flagged)
        return [a or b or c for a, b, c in zip(self.copy.flagged, self.deep.by_features, self.deep.by_ssim)]


def batch_quality(images: np.ndarray, labels: list[int] | None, ref: Reference, clf=None,
                  feature_ref=None) -> BatchQuality:
    """The page's panel for one batch; `feature_ref` (copies.feature_reference) adds the feature/SSIM copy check."""
    conf, pred, agree = [], [], None
    if clf is not None and labels is not None:
        p = clf.probs(images)
        conf = [float(p[i, labels[i]]) for i in range(len(images))]
        pred = [clf.class_names[j] for j in p.argmax(1)]
        agree = float(np.mean(p.argmax(1) == np.asarray(labels)))
    deep = None
    if clf is not None and feature_ref is not None:
        from medcore.imaging.copies import deep_check_batch

        deep = deep_check_batch(clf, images, ref.train, feature_ref)
    return BatchQuality(conf, pred, agree, copy_check(images, ref.train, ref.calibration),
                        clf.metrics.get("heldout_accuracy") if clf is not None else None,
                        intensity_histogram(ref.heldout).tolist(), intensity_histogram(images).tolist(), deep)


# ---- the full evaluation (`python -m medcore eval image`) ------------------------------------
def classification_accuracy_score(gen: np.ndarray, gen_labels: np.ndarray, ref: Reference, seed: int = 0) -> float:
    """CAS (Ravuri & Vinyals 2019): train on generated, test on real held-out."""
    from medcore.imaging.classifier import Classifier, accuracy, train_classifier

    net, _ = train_classifier(gen, gen_labels, len(ref.class_names), seed=seed)
    return accuracy(Classifier(net, ref.class_names, {}), ref.heldout, ref.heldout_labels)


def generate_per_class(model, n_per_class: int, *, seed: int, sampler: str, steps: int, guidance: float,
                       batch: int = 64, guidance_min_t: int = 0) -> tuple[np.ndarray, np.ndarray, float]:
    """n images per class (or n in all for an unconditional model); returns images, labels, seconds."""
    from medcore.imaging.sample import SampleRequest, generate

    classes = list(range(len(model.class_names))) if model.conditional else [None]
    imgs, labs, secs = [], [], 0.0
    for c in classes:
        left, k = n_per_class, 0
        while left > 0:
            m = min(batch, left)
            b = generate(model, SampleRequest(c, m, seed + 1000 * (c or 0) + k, sampler, steps, guidance,
                                              guidance_min_t=guidance_min_t))
            imgs.append(b.images)
            labs.append(np.full(m, c or 0))
            secs += b.seconds
            left -= m
            k += 1
    return np.concatenate(imgs), np.concatenate(labs), secs


def fid_pair(clf, gen: np.ndarray, ref: Reference, seed: int = 0) -> dict:
    """torchmetrics FID/KID/MiFID and k-NN precision/recall of generated images against the held-out scans,
    and the same for as many real training scans (the real-vs-real baseline that gives the scale)."""
    from medcore.imaging.metrics import FeatureMetrics

    n = min(len(gen), len(ref.heldout))
    rng = np.random.default_rng(seed)
    fm = FeatureMetrics(clf, ref.heldout, ref.train, kid_subset=min(100, n), seed=seed)
    g = fm.score(gen[rng.permutation(len(gen))[:n]])
    base = fm.score(ref.train[rng.permutation(len(ref.train))[:n]])
    return {"fid_generated": g["fid"], "fid_real_baseline": base["fid"], "n": int(n), "metrics_generated": g,
            "metrics_real_baseline": base, "reference": "held-out scans (FID, KID, precision/recall); training scans "
                                                "(MiFID's memorisation term)"}


def _sampler_record(kind: str, sampler: str, steps: int, guidance: float, seconds_per_image: float) -> dict:
    if kind == "gan":  # one generator pass: no sampler, steps or guidance to report
        return {"name": "generator (one forward pass)", "seconds_per_image": round(seconds_per_image, 4)}
    return {"name": sampler, "steps": steps, "guidance": guidance, "seconds_per_image": round(seconds_per_image, 4)}


def evaluate_checkpoint(settings: Settings, path, *, n_per_class: int = 150, seed: int = 1, sampler: str = "dpm++",
                        steps: int = 20, guidance: float = 2.5, retrain_classifier: bool = False) -> dict:
    from medcore.imaging.classifier import get_classifier
    from medcore.imaging.sample import load_model
    from medcore.runtime import apply_thread_policy

    apply_thread_policy(settings.torch_threads)
    t0 = time.perf_counter()
    model = load_model(path)
    key = dataset_key(model.state)
    ref = load_reference(settings, key, model.size)
    clf = get_classifier(settings, key, model.size, retrain=retrain_classifier) if len(ref.class_names) > 1 else None
    gen, labels, secs = generate_per_class(model, n_per_class, seed=seed, sampler=sampler, steps=steps,
                                           guidance=guidance)
    out: dict = {"checkpoint": str(model.path), "model": model.kind, "dataset": ref.name, "size": model.size,
                 "classes": model.class_names, "generated": int(len(gen)),
                 "sampler": _sampler_record(model.kind, sampler, steps, guidance, secs / max(1, len(gen))),
                 "params": int(sum(p.numel() for p in model.net.parameters())), "load_s": round(model.load_s, 3),
                 "import_s": round(model.import_s, 3)}
    if clf is not None:
        p = clf.probs(gen)
        conf = p[np.arange(len(gen)), labels]
        out["classifier"] = {"heldout_accuracy": clf.metrics.get("heldout_accuracy"),
                             "heldout_images": clf.metrics.get("heldout_images")}
        out["class_agreement"] = round(float((p.argmax(1) == labels).mean()), 4)
        out["mean_confidence"] = round(float(conf.mean()), 4)
        out["per_class_agreement"] = {c: round(float((p.argmax(1)[labels == i] == i).mean()), 4)
                                      for i, c in enumerate(model.class_names) if (labels == i).any()}
        if model.conditional:
            out["cas"] = round(classification_accuracy_score(gen, labels, ref, seed), 4)
            out["cas_real_baseline"] = clf.metrics.get("heldout_accuracy")
        out.update(fid_pair(clf, gen, ref, seed))
    cc = copy_check(gen, ref.train, ref.calibration)
    out["copy_check"] = cc.to_dict()
    hr, hg = intensity_histogram(ref.heldout), intensity_histogram(gen)
    out["intensity"] = {"real_mean": round(float(ref.heldout.mean()), 2), "generated_mean": round(float(gen.mean()), 2),
                        "real_std": round(float(ref.heldout.std()), 2), "generated_std": round(float(gen.std()), 2),
                        "histogram_l1": round(float(np.abs(hr - hg).sum()), 4)}
    out["seconds"] = round(time.perf_counter() - t0, 1)
    return out


def reconstruction_report(settings: Settings, path, max_images: int = 0) -> dict:
    """A VAE's reconstruction PSNR / SSIM on the held-out scans (posterior means, no sampling noise)."""
    import torch

    from medcore.imaging.sample import SampleError, load_model
    from medcore.imaging.vae import evaluate_reconstruction
    from medcore.runtime import apply_thread_policy

    apply_thread_policy(settings.torch_threads)
    t0 = time.perf_counter()
    model = load_model(path)
    if model.kind != "vae":
        raise SampleError(f"reconstruction metrics need a VAE checkpoint, not a {model.kind}")
    ref = load_reference(settings, dataset_key(model.state), model.size)
    held, labels = ref.heldout, ref.heldout_labels
    if max_images:
        held, labels = held[:max_images], labels[:max_images]
    x = torch.from_numpy(held).float().div(127.5).sub(1).unsqueeze(1)
    y = torch.from_numpy(labels).long() if model.conditional else None
    out = {"checkpoint": str(model.path), "model": "vae", "dataset": ref.name, "size": model.size,
           "split": "held-out scans of the near-duplicate-aware split (seed 0)",
           **evaluate_reconstruction(model.net, x, y), "step": model.state.get("step")}
    out["seconds"] = round(time.perf_counter() - t0, 1)
    return out
