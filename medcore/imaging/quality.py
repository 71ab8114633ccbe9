"""Quality and privacy checks for generated images, all computed from data.

- class confidence and class agreement from the in-domain classifier
- Classification Accuracy Score (CAS): a classifier trained on generated images, tested on real held-out ones
- in-domain FID from the classifier's features, with a real-vs-real baseline for scale
- copy check: nearest training image per generated image, flagged under a threshold
  calibrated on real held-out images (which are, by construction, not copies)
- pixel-intensity histograms, real against generated
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass, field

import numpy as np

from medcore.config import Settings


# ---- FID -----------------------------------------------------------------------------
def frechet_distance(a: np.ndarray, b: np.ndarray) -> float:
    """Fréchet distance between Gaussians fitted to two feature sets (rows are samples)."""
    from scipy import linalg

    if len(a) < 2 or len(b) < 2:
        return float("nan")
    mu1, mu2 = a.mean(0), b.mean(0)
    s1, s2 = np.cov(a, rowvar=False), np.cov(b, rowvar=False)
    import warnings

    with warnings.catch_warnings():
        # Fewer samples than feature dimensions make the covariances singular; the estimate is still
        # comparable with a real-vs-real baseline of the same size, which is how it is reported.
        warnings.simplefilter("ignore", linalg.LinAlgWarning)
        covmean, _ = linalg.sqrtm(s1 @ s2, disp=False)
    if not np.isfinite(covmean).all():  # near-singular product: nudge both diagonals, as in the reference code
        off = np.eye(s1.shape[0]) * 1e-6
        covmean = linalg.sqrtm((s1 + off) @ (s2 + off))
    covmean = covmean.real
    return float(((mu1 - mu2) ** 2).sum() + np.trace(s1) + np.trace(s2) - 2 * np.trace(covmean))


# ---- copy check -----------------------------------------------------------------------
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


def batch_quality(images: np.ndarray, labels: list[int] | None, ref: Reference, clf=None) -> BatchQuality:
    conf, pred, agree = [], [], None
    if clf is not None and labels is not None:
        p = clf.probs(images)
        conf = [float(p[i, labels[i]]) for i in range(len(images))]
        pred = [clf.class_names[j] for j in p.argmax(1)]
        agree = float(np.mean(p.argmax(1) == np.asarray(labels)))
    return BatchQuality(conf, pred, agree, copy_check(images, ref.train, ref.calibration),
                        clf.metrics.get("heldout_accuracy") if clf is not None else None,
                        intensity_histogram(ref.heldout).tolist(), intensity_histogram(images).tolist())


# ---- the full evaluation (`python -m medcore eval image`) ------------------------------------
def classification_accuracy_score(gen: np.ndarray, gen_labels: np.ndarray, ref: Reference, seed: int = 0) -> float:
    """CAS (Ravuri & Vinyals 2019): train on generated, test on real held-out."""
    from medcore.imaging.classifier import Classifier, accuracy, train_classifier

    net = train_classifier(gen, gen_labels, len(ref.class_names), seed=seed)
    return accuracy(Classifier(net, ref.class_names, {}), ref.heldout, ref.heldout_labels)


def generate_per_class(model, n_per_class: int, *, seed: int, sampler: str, steps: int, guidance: float,
                       batch: int = 64) -> tuple[np.ndarray, np.ndarray, float]:
    """n images per class (or n in all for an unconditional model); returns images, labels, seconds."""
    from medcore.imaging.sample import SampleRequest, generate

    classes = list(range(len(model.class_names))) if model.conditional else [None]
    imgs, labs, secs = [], [], 0.0
    for c in classes:
        left, k = n_per_class, 0
        while left > 0:
            m = min(batch, left)
            b = generate(model, SampleRequest(c, m, seed + 1000 * (c or 0) + k, sampler, steps, guidance))
            imgs.append(b.images)
            labs.append(np.full(m, c or 0))
            secs += b.seconds
            left -= m
            k += 1
    return np.concatenate(imgs), np.concatenate(labs), secs


def fid_pair(clf, gen: np.ndarray, ref: Reference, seed: int = 0) -> dict:
    """In-domain FID of generated vs training images, and of held-out real vs training images (same n)."""
    n = min(len(gen), len(ref.heldout))
    rng = np.random.default_rng(seed)
    f_train = clf.features(ref.train)
    f_gen = clf.features(gen[rng.permutation(len(gen))[:n]])
    f_held = clf.features(ref.heldout[rng.permutation(len(ref.heldout))[:n]])
    return {"fid_generated": round(frechet_distance(f_gen, f_train), 4),
            "fid_real_baseline": round(frechet_distance(f_held, f_train), 4), "n": int(n)}


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
