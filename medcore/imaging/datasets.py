"""Image datasets: the user's own folder or ZIP, the npz cache, and `load_dataset` over all sources.

The embedded sets (Br35H, MNI152, and the optional Debian ones) live in `builtin.py`, the common
format (`ImageDataset`, the near-duplicate-aware split) in `images.py`.

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
from pathlib import Path
from typing import Iterable, Iterator

import numpy as np

from medcore.atomic import tmp_sibling
from medcore.config import Settings
from medcore.uploads import UploadError, check_dicom, check_dicom_pixels, open_image, read_zip_member, walk_files
from medcore.imaging.builtin import BUILTIN_SETS
# The common format lives in images.py; re-exported because callers know these names from here.
from medcore.imaging.images import (  # noqa: F401
    NEAR_DUPLICATE_RMS, DatasetError, ImageDataset, ImportReport, duplicate_groups, to_square_gray,
)

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff", ".gif", ".webp"}
DICOM_SUFFIXES = {".dcm", ".dicom", ""}
# Bump when the preparation changes, so stale caches are rebuilt rather than reused.
CACHE_VERSION = 3


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
    if not isinstance(data, (bytes, bytearray)):  # a caller's wrong shape, said as DatasetError (issue 14)
        raise DatasetError("not a readable image: no file bytes were given")
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
    # Two processes may build the same cache at once (parallel training runs): each writes its own file.
    tmp = tmp_sibling(path, ".npz")
    groups = ds.groups if ds.groups is not None else duplicate_groups(ds.images)
    try:
        np.savez_compressed(tmp, images=ds.images, labels=ds.labels, groups=groups, meta=np.asarray(json.dumps(meta)))
        tmp.replace(path)
    except BaseException:  # any failure (full disk, MemoryError, an interrupt): no half-written temp file stays behind
        tmp.unlink(missing_ok=True)
        raise


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
