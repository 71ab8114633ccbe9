"""Image datasets: the common format, the user's own folder or ZIP, and the npz cache.

The embedded sets (Br35H, MNI152, and the optional Debian ones) live in `builtin.py`.

Every dataset ends up as the same thing: grayscale uint8 images (N, S, S), integer
labels, class names and an import report. Preparing is slow (thousands of JPEGs),
so the result is cached as an npz in the data dir and reused.
"""

from __future__ import annotations

import io
import json
import zipfile
import zlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

import numpy as np

from medcore.config import Settings
from medcore.uploads import UploadError, check_dicom, check_dicom_pixels, open_image, read_zip_member, walk_files

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff", ".gif", ".webp"}
DICOM_SUFFIXES = {".dcm", ".dicom", ""}
# Bump when the preparation changes, so stale caches are rebuilt rather than reused.
CACHE_VERSION = 3


class DatasetError(ValueError):
    """The dataset cannot be used; the message says why in plain words."""


@dataclass
class ImportReport:
    loaded: int = 0
    skipped: Counter = field(default_factory=Counter)  # reason -> count
    examples: dict = field(default_factory=dict)  # reason -> first few file names

    def skip(self, name: str, reason: str) -> None:
        self.skipped[reason] += 1
        self.examples.setdefault(reason, [])
        if len(self.examples[reason]) < 5:
            self.examples[reason].append(name)

    @property
    def skipped_total(self) -> int:
        return sum(self.skipped.values())

    def to_dict(self) -> dict:
        return {"loaded": self.loaded, "skipped_total": self.skipped_total, "skipped": dict(self.skipped),
                "examples": self.examples}


@dataclass
class ImageDataset:
    name: str
    images: np.ndarray  # (N, S, S) uint8
    labels: np.ndarray  # (N,) int64
    class_names: list[str]
    source: str
    licence: str
    report: ImportReport = field(default_factory=ImportReport)

    @property
    def size(self) -> int:
        return int(self.images.shape[-1])

    @property
    def num_classes(self) -> int:
        return len(self.class_names)

    @property
    def conditional(self) -> bool:
        """One class trains an unconditional model."""
        return self.num_classes > 1

    def counts(self) -> dict[str, int]:
        return {c: int((self.labels == i).sum()) for i, c in enumerate(self.class_names)}

    def card(self) -> dict:
        return {"name": self.name, "images": int(len(self.images)), "size": self.size,
                "classes": self.counts(), "source": self.source, "licence": self.licence,
                "import": self.report.to_dict()}

    groups: np.ndarray | None = None  # near-duplicate group of each image (see duplicate_groups)

    def split(self, holdout: float = 0.1, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
        """Stratified train / held-out indices, the same for the same seed.

        Near-duplicates always land on the same side: Br35H holds many copies of the same
        scan (43% of its images have a near-exact twin), and a plain random split would
        leak them into the held-out set and flatter every held-out number.
        """
        if self.groups is None:
            self.groups = duplicate_groups(self.images)
        rng = np.random.default_rng(seed)
        train, held = [], []
        for c in range(self.num_classes):
            idx = np.flatnonzero(self.labels == c)
            gids = np.unique(self.groups[idx])
            rng.shuffle(gids)
            target = int(round(len(idx) * holdout))
            chosen, count = [], 0
            sizes = {g: int((self.groups[idx] == g).sum()) for g in gids}
            for g in gids:
                if count >= target:
                    break
                if count + sizes[g] > target + max(1, target // 5):
                    continue  # a large family of near-copies would overshoot the held-out share
                chosen.append(g)
                count += sizes[g]
            mask = np.isin(self.groups[idx], chosen)
            held.append(idx[mask])
            train.append(idx[~mask])
        return np.sort(np.concatenate(train)), np.sort(np.concatenate(held))


NEAR_DUPLICATE_RMS = 0.03  # RMS pixel difference (0..1 scale) under which two images count as one scan
DEDUP_MAX_IMAGES = 8000  # above this the all-pairs search costs too much; each image is its own group


def duplicate_groups(images: np.ndarray, threshold: float = NEAR_DUPLICATE_RMS) -> np.ndarray:
    """Connected components of the 'near-duplicate' relation (mirror images included)."""
    n = len(images)
    if n == 0 or n > DEDUP_MAX_IMAGES:
        return np.arange(n)
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    q = images.reshape(n, -1).astype(np.float32) / 255.0
    dim = q.shape[1]
    qq = (q ** 2).sum(1)
    rows, cols = [], []
    for ref in (q, np.ascontiguousarray(images[..., ::-1]).reshape(n, -1).astype(np.float32) / 255.0):
        rr = (ref ** 2).sum(1)
        for start in range(0, n, 1024):
            block = q[start:start + 1024]
            d2 = (qq[start:start + 1024, None] + rr[None, :] - 2 * block @ ref.T) / dim
            r, c = np.nonzero(d2 < threshold ** 2)
            rows.append(r + start)
            cols.append(c)
    r, c = np.concatenate(rows), np.concatenate(cols)
    graph = coo_matrix((np.ones(len(r), dtype=np.int8), (r, c)), shape=(n, n))
    _, labels = connected_components(graph, directed=False)
    return labels.astype(np.int64)


# ---- one image to the model's format -----------------------------------------------
def to_square_gray(img, size: int, *, crop_dark_border: bool = False):
    """PIL image -> uint8 (size, size): grayscale, optionally cropped to content, padded to square, resized."""
    from PIL import Image

    g = img.convert("L")
    arr = np.asarray(g)
    if crop_dark_border:
        arr = _crop_to_content(arr)
    h, w = arr.shape
    side = max(h, w)
    # Pad with the darkest value so the padding looks like the scan's background.
    canvas = np.full((side, side), arr.min() if arr.size else 0, dtype=np.uint8)
    canvas[(side - h) // 2:(side - h) // 2 + h, (side - w) // 2:(side - w) // 2 + w] = arr
    return np.asarray(Image.fromarray(canvas).resize((size, size), Image.Resampling.LANCZOS), dtype=np.uint8)


def _crop_to_content(arr: np.ndarray, frac: float = 0.08) -> np.ndarray:
    mask = arr > max(8, int(arr.max() * frac))
    if mask.sum() < 16:
        return arr
    rows, cols = np.flatnonzero(mask.any(1)), np.flatnonzero(mask.any(0))
    return arr[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1]


def _dicom_to_pil(data: bytes, limits: Settings):
    """A DICOM file's first frame as a PIL image, or raise DatasetError saying why not."""
    import pydicom
    from PIL import Image

    check_dicom(data, limits.max_file_mb * 2**20, limits.max_image_pixels)  # before pydicom inflates it
    try:
        ds = pydicom.dcmread(io.BytesIO(data), force=True)
    except Exception as exc:  # noqa: BLE001 - any parse failure means "not a usable DICOM"
        raise DatasetError(f"unreadable DICOM ({type(exc).__name__})") from exc
    if "PixelData" not in ds:
        raise DatasetError("DICOM without pixel data")
    check_dicom_pixels(ds, limits.max_image_pixels)
    try:
        px = ds.pixel_array.astype(np.float32)
    except Exception as exc:  # noqa: BLE001 - compressed syntaxes without a decoder land here
        raise DatasetError(f"DICOM pixels not decodable ({type(exc).__name__})") from exc
    if px.ndim == 3 and px.shape[-1] in (3, 4) and getattr(ds, "SamplesPerPixel", 1) > 1:
        px = px[..., :3].mean(-1)
    elif px.ndim == 3:
        px = px[px.shape[0] // 2]
    if getattr(ds, "PhotometricInterpretation", "") == "MONOCHROME1":
        px = px.max() - px
    lo, hi = np.percentile(px, [0.5, 99.5])
    px = np.clip((px - lo) / max(hi - lo, 1e-6), 0, 1)
    return Image.fromarray((px * 255).astype(np.uint8))


def _is_dicom(name: str, data: bytes) -> bool:
    return data[128:132] == b"DICM" or Path(name).suffix.lower() in (".dcm", ".dicom")


def decode_image(name: str, data: bytes, limits: Settings | None = None):
    """Bytes -> PIL image. Raises DatasetError with the reason to skip it (UploadError for a bomb)."""
    from PIL import UnidentifiedImageError

    limits = limits or Settings(data_dir=Path("."))
    if _is_dicom(name, data):
        return _dicom_to_pil(data, limits)
    try:
        return open_image(data, limits.max_image_pixels)  # pixel count checked before decoding
    except UploadError:
        raise
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as exc:
        raise DatasetError("not a readable image") from exc


# ---- user folders and ZIPs -----------------------------------------------------------
def _skip_name(rel: str) -> bool:
    parts = Path(rel).parts
    return any(p.startswith(".") or p == "__MACOSX" for p in parts)


def _class_of(rel: str) -> str:
    parts = Path(rel).parts
    return parts[0] if len(parts) > 1 else ""


def _iter_folder(root: Path, settings: Settings) -> Iterator[tuple[str, bytes | None, str]]:
    files = list(walk_files(root))  # symbolic links are not followed
    if len(files) > settings.max_archive_files:
        raise DatasetError(f"{len(files)} files in {root}: more than the limit of {settings.max_archive_files}")
    budget = settings.max_archive_uncompressed_mb * 2**20
    for p in files:
        rel = p.relative_to(root).as_posix()
        size = p.stat().st_size
        budget -= size
        if budget < 0:
            raise DatasetError(f"{root} holds more than {settings.max_archive_uncompressed_mb} MB of files")
        yield rel, p.read_bytes(), ""


def _iter_zip(source, settings: Settings) -> Iterator[tuple[str, bytes | None, str]]:
    try:
        zf = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError) as exc:
        raise DatasetError("the file is not a readable ZIP archive") from exc
    with zf:
        members = [m for m in zf.infolist() if not m.is_dir()]
        if len(members) > settings.max_archive_files:
            raise DatasetError(f"the ZIP holds {len(members)} files, more than the limit of "
                               f"{settings.max_archive_files}")
        declared = sum(m.file_size for m in members)
        cap = settings.max_archive_uncompressed_mb * 2**20
        if declared > cap:
            raise DatasetError(f"the ZIP unpacks to {declared / 2**20:.0f} MB, more than the limit of "
                               f"{settings.max_archive_uncompressed_mb} MB")
        used = 0
        per_file = settings.max_file_mb * 2**20
        for m in members:
            # Headers can lie about sizes: each member is streamed and stops at its cap.
            try:
                data = read_zip_member(zf, m, min(per_file, m.file_size, cap - used))
            except UploadError as exc:
                yield m.filename, None, str(exc)
                continue
            except (zipfile.BadZipFile, OSError, RuntimeError, EOFError, NotImplementedError, zlib.error) as exc:
                yield m.filename, None, f"damaged ZIP entry ({type(exc).__name__})"
                continue
            used += len(data)
            if used > cap:
                raise DatasetError(f"the ZIP unpacks to more than {settings.max_archive_uncompressed_mb} MB")
            yield m.filename, data, ""


def _collect(entries: Iterable[tuple[str, bytes | None, str]], size: int, name: str, source: str,
             licence: str, limits: Settings | None = None) -> ImageDataset:
    report = ImportReport()
    by_class: dict[str, list[np.ndarray]] = {}
    for rel, data, problem in entries:
        if _skip_name(rel):
            continue
        if problem:
            report.skip(rel, problem)
            continue
        suffix = Path(rel).suffix.lower()
        if suffix not in IMAGE_SUFFIXES and suffix not in DICOM_SUFFIXES and not _is_dicom(rel, data or b""):
            report.skip(rel, "not an image file")
            continue
        try:
            img = decode_image(rel, data or b"", limits)
            arr = to_square_gray(img, size)
        except (DatasetError, UploadError) as exc:
            report.skip(rel, str(exc))
            continue
        except Exception as exc:  # noqa: BLE001 - one odd file must not stop the import
            report.skip(rel, f"could not convert ({type(exc).__name__})")
            continue
        by_class.setdefault(_class_of(rel), []).append(arr)
        report.loaded += 1
    if not by_class:
        detail = f" ({report.skipped_total} files skipped: {dict(report.skipped)})" if report.skipped_total else ""
        raise DatasetError(f"no usable images found in {name}{detail}")
    class_names = sorted(by_class)
    if class_names == [""]:
        class_names_out = ["images"]
    else:
        # Loose files beside class folders form their own class rather than vanish.
        class_names_out = [c or "unsorted" for c in class_names]
    images = np.stack([a for c in class_names for a in by_class[c]])
    labels = np.concatenate([np.full(len(by_class[c]), i, dtype=np.int64) for i, c in enumerate(class_names)])
    return ImageDataset(name, images, labels, class_names_out, source, licence, report)


def import_folder(path: str | Path, size: int, settings: Settings) -> ImageDataset:
    root = Path(path)
    if not root.exists():
        raise DatasetError(f"{root} does not exist")
    if root.is_file():
        return import_zip(root, size, settings, name=root.name)
    return _collect(_iter_folder(root, settings), size, root.name, f"user folder {root}", "user supplied",
                    settings)


def import_zip(source, size: int, settings: Settings, name: str = "upload.zip") -> ImageDataset:
    """`source`: a path or a binary file object (e.g. a Streamlit upload)."""
    return _collect(_iter_zip(source, settings), size, name, f"user ZIP {name}", "user supplied", settings)


def _cache_path(settings: Settings, key: str, size: int) -> Path:
    return settings.path("imaging", "datasets") / f"{key}-{size}px-v{CACHE_VERSION}.npz"


def save_npz(ds: ImageDataset, path: Path) -> None:
    meta = {"name": ds.name, "class_names": ds.class_names, "source": ds.source, "licence": ds.licence,
            "report": ds.report.to_dict()}
    tmp = path.with_suffix(".tmp.npz")
    groups = ds.groups if ds.groups is not None else duplicate_groups(ds.images)
    np.savez_compressed(tmp, images=ds.images, labels=ds.labels, groups=groups, meta=np.asarray(json.dumps(meta)))
    tmp.replace(path)


def load_npz(path: Path) -> ImageDataset:
    with np.load(path, allow_pickle=False) as z:
        meta = json.loads(str(z["meta"]))
        rep = ImportReport(loaded=meta["report"]["loaded"], skipped=Counter(meta["report"]["skipped"]),
                           examples=meta["report"]["examples"])
        groups = z["groups"].astype(np.int64) if "groups" in z.files else None
        return ImageDataset(meta["name"], z["images"], z["labels"].astype(np.int64), list(meta["class_names"]),
                            meta["source"], meta["licence"], rep, groups)


def load_dataset(spec: str, size: int, settings: Settings) -> ImageDataset:
    """`spec`: an embedded set (br35h, mni, headct, colin27), a folder / ZIP, or a prepared .npz."""
    from medcore.imaging.builtin import BUILTIN_SETS

    if size not in (8, 16, 32, 64, 128):
        raise DatasetError(f"image size {size} is not supported (use 32 or 64)")
    if spec in BUILTIN_SETS:
        cache = _cache_path(settings, spec, size)
        if cache.exists():
            return load_npz(cache)
        ds = BUILTIN_SETS[spec].prepare(size)
        save_npz(ds, cache)
        return ds
    path = Path(spec).expanduser()
    if path.suffix == ".npz" and path.is_file():
        ds = load_npz(path)
        if ds.size != size:
            ds.images = np.stack([to_square_gray(_pil(a), size) for a in ds.images])
        return ds
    return import_folder(path, size, settings)


def _pil(arr: np.ndarray):
    from PIL import Image

    return Image.fromarray(arr)
