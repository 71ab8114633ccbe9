"""Viewing a scan the way radiology viewers do: window / level (contrast) and nearest-neighbour zoom."""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass, field

import numpy as np

from medcore.config import Settings
from medcore.imaging.images import DatasetError
from medcore.uploads import UploadError, check_dicom, check_dicom_pixels

logger = logging.getLogger(__name__)


def window_level(img: np.ndarray, center: float, width: float) -> np.ndarray:
    """Image (uint8, or float in a DICOM's own units) -> uint8: intensities in [center - width/2,
    center + width/2] stretched to 0..255."""
    width = max(float(width), 1.0)
    lo = float(center) - width / 2
    out = (img.astype(np.float32) - lo) * (255.0 / width)
    return np.clip(np.round(out), 0, 255).astype(np.uint8)


def zoom(img: np.ndarray, factor: int) -> np.ndarray:
    """Nearest-neighbour enlargement, so every model pixel stays visible as a block rather than being smoothed."""
    factor = max(1, int(factor))
    return np.kron(img, np.ones((factor, factor), dtype=img.dtype))


# ---- an imported DICOM file ------------------------------------------------------------------
@dataclass(frozen=True)
class DicomView:
    """One uploaded DICOM's first frame in modality units (after RescaleSlope/Intercept), ready for window_level.

    `fields` holds only a fixed allow-list of technical header values (modality, size, spacing): never a
    patient identifier or a date, so nothing here can leak PHI to the screen."""
    pixels: np.ndarray  # float32, rows x columns
    center: float  # the file's own WindowCenter, or the middle of its value range
    width: float  # the file's own WindowWidth, or its value range
    from_tags: bool  # whether center/width came from the file's window tags
    invert: bool  # MONOCHROME1: high values are dark
    fields: dict[str, str] = field(default_factory=dict)


def _first_number(value) -> float | None:
    """A DICOM number that may be multi-valued (the first counts) or malformed (then None)."""
    if value is None:
        return None
    if not isinstance(value, (str, bytes)) and hasattr(value, "__len__"):
        if len(value) == 0:
            return None
        value = value[0]
    try:
        out = float(value)
    except (TypeError, ValueError):
        return None
    return out if np.isfinite(out) else None


def read_dicom_view(data: bytes, settings: Settings) -> DicomView:
    """Bytes of one uploaded DICOM -> DicomView. Raises DatasetError with a message for the person otherwise.

    The size, deflate and pixel-count caps are medcore.uploads' (checked before pydicom inflates or decodes)."""
    import pydicom
    from pydicom.errors import InvalidDicomError

    max_bytes = settings.max_file_mb * 2**20
    if len(data) > max_bytes:
        raise DatasetError(f"the file is {len(data) / 2**20:.0f} MB, more than the limit of {settings.max_file_mb} MB")
    try:
        check_dicom(data, max_bytes, settings.max_image_pixels)  # before pydicom inflates a deflated dataset
        try:
            # Not force=True: a PNG or a text file would "parse" into an empty dataset and be reported as
            # a DICOM without pixels; the DICM preamble is what tells us this is DICOM at all.
            ds = pydicom.dcmread(io.BytesIO(data))
        except InvalidDicomError:
            raise DatasetError("this is not a DICOM file (no DICM header). Upload a .dcm file.") from None
        except Exception as exc:  # noqa: BLE001 - any parse failure means "damaged DICOM", said plainly
            logger.info("unreadable DICOM upload: %s", type(exc).__name__)
            raise DatasetError(f"the DICOM file could not be read ({type(exc).__name__}); it may be damaged.") from None
        if "PixelData" not in ds:
            raise DatasetError("the DICOM file holds no image (no pixel data); it may be a report or a structure set.")
        check_dicom_pixels(ds, settings.max_image_pixels)  # before pixel_array decodes them
    except UploadError as exc:
        raise DatasetError(str(exc)) from None
    try:
        px = ds.pixel_array
    except Exception as exc:  # noqa: BLE001 - compressed syntaxes without an installed decoder land here
        syntax = getattr(getattr(ds, "file_meta", None), "TransferSyntaxUID", None)
        name = getattr(syntax, "name", "") or str(syntax or "unknown")
        logger.info("undecodable DICOM pixels (%s): %s", name, type(exc).__name__)
        raise DatasetError(f"the image is stored as {name}, which this server cannot decode. "
                           "Export it uncompressed (Explicit VR Little Endian) and upload again.") from None
    frames = int(getattr(ds, "NumberOfFrames", 1) or 1)
    samples = int(getattr(ds, "SamplesPerPixel", 1) or 1)
    if frames > 1:
        px = px[0]  # the first frame is the one shown
    px = px.astype(np.float32)
    if samples > 1 and px.ndim == 3:
        px = px[..., :3].mean(-1)  # colour shown as grey: window / level is a greyscale control
    slope = _first_number(getattr(ds, "RescaleSlope", None))
    intercept = _first_number(getattr(ds, "RescaleIntercept", None))
    px = px * (1.0 if slope is None else slope) + (0.0 if intercept is None else intercept)
    center = _first_number(getattr(ds, "WindowCenter", None))
    width = _first_number(getattr(ds, "WindowWidth", None))
    from_tags = center is not None and width is not None and width > 0
    if not from_tags:
        lo, hi = float(px.min()), float(px.max())
        center, width = (lo + hi) / 2, max(hi - lo, 1.0)
    rows, cols = px.shape[:2]
    fields = {"Modality": str(getattr(ds, "Modality", "") or "not stated"), "Size": f"{rows} × {cols} px"}
    if frames > 1:
        fields["Frames"] = f"{frames} (the first is shown)"
    spacing = getattr(ds, "PixelSpacing", None)
    sp = [_first_number(v) for v in spacing] if spacing is not None and hasattr(spacing, "__len__") else []
    if len(sp) >= 2 and None not in sp[:2]:
        fields["Pixel spacing"] = f"{sp[0]:g} × {sp[1]:g} mm"
    return DicomView(pixels=px, center=float(center), width=float(width), from_tags=from_tags,
                     invert=str(getattr(ds, "PhotometricInterpretation", "")) == "MONOCHROME1", fields=fields)


def render_dicom(view: DicomView, center: float, width: float, factor: int) -> np.ndarray:
    """The displayed uint8 image: window / level in the file's units, MONOCHROME1 inverted, then zoomed."""
    out = window_level(view.pixels, center, width)
    if view.invert:
        out = 255 - out
    return zoom(out, factor)


def window_limits(view: DicomView) -> tuple[int, int, int]:
    """(lowest level, highest level, widest width) for the sliders: the value range, widened to hold the file's
    own window so its defaults are always reachable."""
    lo = int(np.floor(min(float(view.pixels.min()), view.center - view.width / 2)))
    hi = int(np.ceil(max(float(view.pixels.max()), view.center + view.width / 2)))
    hi = max(hi, lo + 1)
    return lo, hi, max(2 * (hi - lo), int(np.ceil(view.width)), 2)


def default_zoom(shape: tuple[int, ...], most: int = 512) -> int:
    """The largest of 1, 2, 4, 8 that keeps the longer side within `most` px (1 for an already large image)."""
    return max(f for f in (1, 2, 4, 8) if f == 1 or f * max(shape[:2]) <= most)
