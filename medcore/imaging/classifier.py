"""The in-domain classifier: a small CNN trained on the real images by our own loop.

It serves three checks: per-image class confidence of generated images, the
Classification Accuracy Score, and the features for an in-domain FID (Inception
features know nothing about brain MRI at 32 px).
"""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from medcore.config import Settings


@dataclass(frozen=True)
class ClassifierRecipe:
    """How the classifier is trained. DP-SGD swaps BatchNorm for GroupNorm: BatchNorm mixes the scans of
    a batch, so one scan's gradient would depend on the others and could not be clipped on its own."""

    epochs: int = 12
    width: int = 32
    batch: int = 64
    lr: float = 2e-3
    seed: int = 0
    dp_epsilon: float = 0.0
    dp_delta: float = 1e-5
    dp_max_grad_norm: float = 1.0

    @property
    def norm(self) -> str:
        return "group" if self.dp_epsilon > 0 else "batch"


def build_classifier(num_classes: int, width: int = 32, norm: str = "batch"):
    from torch import nn

    def block(i, o):
        layer = nn.BatchNorm2d(o) if norm == "batch" else nn.GroupNorm(min(8, o), o)
        return [nn.Conv2d(i, o, 3, padding=1, bias=False), layer, nn.ReLU()]

    class SmallCNN(nn.Module):
        def __init__(self):
            super().__init__()
            w = width
            self.features = nn.Sequential(*block(1, w), nn.MaxPool2d(2), *block(w, 2 * w), nn.MaxPool2d(2),
                                          *block(2 * w, 4 * w), nn.MaxPool2d(2), *block(4 * w, 4 * w),
                                          nn.AdaptiveAvgPool2d(1), nn.Flatten())
            self.head = nn.Sequential(nn.Dropout(0.2), nn.Linear(4 * w, num_classes))
            self.feature_dim = 4 * w

        def forward(self, x):
            return self.head(self.features(x))

    return SmallCNN()


@dataclass
class Classifier:
    net: object
    class_names: list[str]
    metrics: dict

    def _tensor(self, images: np.ndarray):
        import torch

        return torch.from_numpy(np.asarray(images)).float().div(127.5).sub(1).unsqueeze(1)

    def _run(self, images: np.ndarray, fn, batch: int = 256) -> np.ndarray:
        import torch

        self.net.eval()
        out = []
        with torch.no_grad():
            for i in range(0, len(images), batch):
                out.append(fn(self._tensor(images[i:i + batch])).numpy())
        return np.concatenate(out) if out else np.zeros((0,))

    def probs(self, images: np.ndarray) -> np.ndarray:
        import torch

        return self._run(images, lambda x: torch.softmax(self.net(x), 1))

    def features(self, images: np.ndarray) -> np.ndarray:
        return self._run(images, self.net.features).astype(np.float64)


def train_classifier(images: np.ndarray, labels: np.ndarray, num_classes: int, *, epochs: int = 12,
                     batch: int = 64, lr: float = 2e-3, seed: int = 0, width: int = 32,
                     recipe: ClassifierRecipe | None = None, device=None):
    """Returns (trained network on the CPU, DP summary or None). Augmentation: flips and small shifts.
    The scans stay on the CPU (where the batch draws happen); each batch moves to `device`."""
    import torch
    import torch.nn.functional as F

    from medcore.runtime import torch_generator

    r = recipe or ClassifierRecipe(epochs=epochs, width=width, batch=batch, lr=lr, seed=seed)
    torch.manual_seed(r.seed)
    net = build_classifier(num_classes, r.width, r.norm).to(device or "cpu")
    x = torch.from_numpy(images).float().div(127.5).sub(1).unsqueeze(1)
    y = torch.from_numpy(labels).long()
    gen = torch_generator(r.seed)
    steps = max(1, r.epochs * len(x) // r.batch)
    opt = torch.optim.AdamW(net.parameters(), lr=r.lr, weight_decay=1e-4)
    private, model = None, net
    if r.dp_epsilon > 0:
        from medcore.imaging.privacy import DPRun

        private = DPRun(net, opt, target_epsilon=r.dp_epsilon, delta=r.dp_delta, max_grad_norm=r.dp_max_grad_norm,
                        batch_size=min(r.batch, len(x)), n_train=len(x), steps=steps)
        model, opt = private.module, private.optimizer
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=r.lr, total_steps=steps)
    net.train()
    for step in range(steps):
        if private is None:
            idx = torch.randint(0, len(x), (min(r.batch, len(x)),), generator=gen)
            xb, yb = x[idx], y[idx]
        else:
            private.steps_done = step + 1
            xb, yb = private.batch(x, y, gen, flip=False)
        if xb.shape[0]:
            if torch.rand(1, generator=gen).item() < 0.5:
                xb = xb.flip(-1)
            shift = torch.randint(-2, 3, (2,), generator=gen)
            xb = torch.roll(xb, shifts=(int(shift[0]), int(shift[1])), dims=(2, 3))
            loss = F.cross_entropy(model(xb.to(net_device(net))), yb.to(net_device(net)))
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
        sched.step()
    net.eval()
    return net.cpu(), (private.spent() if private else None)


def net_device(net):
    return next(net.parameters()).device


def accuracy(clf: Classifier, images: np.ndarray, labels: np.ndarray) -> float:
    if len(images) == 0:
        return float("nan")
    return float((clf.probs(images).argmax(1) == labels).mean())


def _paths(settings: Settings, key: str, size: int) -> list[Path]:
    name = f"classifier-{key}-{size}px"
    return [settings.assets_dir / "imaging" / name, settings.path("imaging", "classifiers") / name]


def _load(path: Path) -> Classifier | None:
    if not (path.with_suffix(".safetensors").exists() and path.with_suffix(".json").exists()):
        return None
    from safetensors.torch import load_file

    meta = json.loads(path.with_suffix(".json").read_text())
    net = build_classifier(len(meta["class_names"]), meta.get("width", 32), meta.get("norm", "batch"))
    net.load_state_dict(load_file(str(path.with_suffix(".safetensors"))))
    net.eval()
    return Classifier(net, meta["class_names"], meta)


def get_classifier(settings: Settings, key: str, size: int, *, retrain: bool = False,
                   save_to: Path | None = None, recipe: ClassifierRecipe | None = None) -> Classifier:
    """The classifier for a dataset: shipped (assets) or cached (data dir), else trained now and cached."""
    from safetensors.torch import save_file

    from medcore.imaging.datasets import load_dataset
    from medcore.imaging.loop import select_train_device
    from medcore.runtime import apply_thread_policy

    apply_thread_policy(settings.torch_threads)
    if not retrain:
        for p in _paths(settings, key, size):
            found = _load(p)
            if found is not None:
                return found
    ds = load_dataset(key, size, settings)
    if ds.num_classes < 2:
        raise ValueError("the in-domain classifier needs at least two classes")
    tr, ho = ds.split(0.1, seed=0)  # the same split the generators are trained on
    recipe = recipe or ClassifierRecipe()
    t0 = time.perf_counter()
    device = select_train_device(settings)  # a GPU when there is one
    net, dp = train_classifier(ds.images[tr], ds.labels[tr], ds.num_classes, recipe=recipe, device=device)
    clf = Classifier(net, ds.class_names, {})
    clf.metrics = {"class_names": ds.class_names, "width": recipe.width, "norm": recipe.norm,
                   "recipe": asdict(recipe), "dp": dp, "dataset": ds.name, "size": size,
                   "train_images": int(len(tr)), "heldout_images": int(len(ho)),
                   "heldout_accuracy": round(accuracy(clf, ds.images[ho], ds.labels[ho]), 4),
                   "train_accuracy": round(accuracy(clf, ds.images[tr], ds.labels[tr]), 4),
                   "train_seconds": round(time.perf_counter() - t0, 1), "device": str(device),
                   "command": f"python -m medcore eval image-classifier --dataset {key} --size {size} "
                              f"--epochs {recipe.epochs} --width {recipe.width}"
                              f"{f' --dp-epsilon {recipe.dp_epsilon:g}' if dp else ''}"
                              f"{' --save-to ' + str(save_to) if save_to else ''}",
                   "split": "duplicate-aware 90/10 split, seed 0 (datasets.ImageDataset.split)"}
    dest = save_to or _paths(settings, key, size)[1]
    dest.parent.mkdir(parents=True, exist_ok=True)
    save_file({k: v.contiguous() for k, v in net.state_dict().items()}, str(dest.with_suffix(".safetensors")))
    dest.with_suffix(".json").write_text(json.dumps(clf.metrics, indent=2))
    return clf


def find_classifier(settings: Settings, key: str, size: int) -> Classifier | None:
    """The shipped or cached classifier, or None (training one takes about a minute: not done implicitly)."""
    for p in _paths(settings, key, size):
        found = _load(p)
        if found is not None:
            return found
    return None
