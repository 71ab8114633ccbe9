"""Reading untrusted uploads without decompression bombs.

Every check here runs before the expensive step: a ZIP member is streamed and stops at its cap (its
header may lie about its size), an image's width x height x frames is read from its header before any
pixel is decoded, and a deflated DICOM is inflated under a cap before pydicom inflates it without one.
A 1.6 MB deflated DICOM once took the server to 9.65 GB of memory; a 1.9 MB ZIP with one 1.9 GB member
to 3-4 GB.
"""

from __future__ import annotations

import io
import os
import zipfile
import zlib
from pathlib import Path
from typing import BinaryIO, Iterator

from medcore.errors import DomainError

MB = 2**20


class UploadError(DomainError):
    """An upload refused for its size or shape; the message is for the person who uploaded it."""


def _need_bytes(data, what: str) -> None:
    """Every checker takes a file's bytes; anything else is refused in words (issue 14: one error format)."""
    if not isinstance(data, (bytes, bytearray, memoryview)):
        from medcore.kinds import kind_of

        raise UploadError(f"{what} must be a file's bytes; this is {kind_of(data)}")


def read_capped(fh: BinaryIO, cap: int, what: str) -> bytes:
    """Read a stream to its end, refusing it as soon as it passes `cap` bytes."""
    chunks, total = [], 0
    while True:
        block = fh.read(min(1 << 20, cap + 1 - total))
        if not block:
            return b"".join(chunks)
        chunks.append(block)
        total += len(block)
        if total > cap:
            raise UploadError(f"{what} unpacks to more than {cap / MB:.0f} MB, the limit for one file")


def read_zip_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int) -> bytes:
    """A member's bytes, streamed under `cap` whatever its header says."""
    if info.file_size > cap:
        raise UploadError(f"{info.filename} unpacks to {info.file_size / MB:.0f} MB, more than the limit of "
                          f"{cap / MB:.0f} MB for one file")
    with zf.open(info) as fh:
        return read_capped(fh, cap, info.filename)


def walk_files(root: Path) -> Iterator[Path]:
    """Regular files under `root`, never following a symbolic link (to a file or a folder), so a folder
    import cannot be pointed at files outside the folder that was chosen."""
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not os.path.islink(os.path.join(dirpath, d)))
        for name in sorted(filenames):
            path = Path(dirpath) / name
            if not path.is_symlink() and path.is_file():
                yield path


def check_pixels(width: int, height: int, frames: int, max_pixels: int, what: str = "the image") -> None:
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in (width, height, frames)):
        raise UploadError(f"{what} has no readable size (width, height and frames must be whole numbers)")
    n = int(width) * int(height) * max(1, int(frames))
    if width <= 0 or height <= 0:
        raise UploadError(f"{what} has no pixels ({width} x {height})")
    if n > max_pixels:
        raise UploadError(f"{what} is {width} x {height}" + (f" x {frames} frames" if frames > 1 else "")
                          + f" = {n:,} pixels, more than the limit of {max_pixels:,}")


def open_image(data: bytes, max_pixels: int):
    """A PIL image, decoded only after its header's size passed the pixel cap."""
    _need_bytes(data, "the image")
    import warnings

    from PIL import Image

    with warnings.catch_warnings():
        # PIL's own bomb check warns or raises at its global limit; ours is explicit and comes first
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        try:
            img = Image.open(io.BytesIO(data))  # reads the header only
        except Image.DecompressionBombError as exc:  # PIL's hard limit, met before ours on huge headers
            raise UploadError(f"the image has too many pixels ({exc})") from exc
        check_pixels(img.size[0], img.size[1], getattr(img, "n_frames", 1), max_pixels)
        img.load()
    return img


DEFLATED_UID = "1.2.840.10008.1.2.1.99"


def check_dicom(data: bytes, max_bytes: int, max_pixels: int) -> None:
    """Refuse a DICOM whose deflated dataset would inflate past `max_bytes`; call before dcmread."""
    from pydicom.filereader import _read_file_meta_info, read_preamble

    fp = io.BytesIO(data)
    try:
        read_preamble(fp, True)
        meta = _read_file_meta_info(fp)
    except Exception:  # noqa: BLE001 - no readable file meta: dcmread decides, and deflate is not in play
        return
    if str(meta.get("TransferSyntaxUID", "")) != DEFLATED_UID:
        return
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    try:
        out = inflater.decompress(fp.read(), max_bytes + 1)
    except zlib.error as exc:
        raise UploadError(f"the deflated DICOM data is corrupt ({exc})") from exc
    if len(out) > max_bytes or inflater.unconsumed_tail:
        raise UploadError(f"the deflated DICOM inflates to more than {max_bytes / MB:.0f} MB, the limit for one file")


def check_dicom_pixels(ds, max_pixels: int) -> None:
    """Refuse a dataset whose header promises more pixels than the cap, before pixel_array decodes them."""
    rows, cols = int(getattr(ds, "Rows", 0) or 0), int(getattr(ds, "Columns", 0) or 0)
    frames = int(getattr(ds, "NumberOfFrames", 1) or 1)
    samples = int(getattr(ds, "SamplesPerPixel", 1) or 1)
    check_pixels(cols, rows, frames * samples, max_pixels, "the DICOM image")


def check_zip(data: bytes, per_file: int, total: int, what: str = "the archive") -> None:
    """Stream every member of a ZIP (a .docx is one) under its caps, before a library that reads members
    whole is given it. Raises UploadError for a bomb; a damaged archive is left to that library."""
    _need_bytes(data, what)
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError):
        return
    used = 0
    with zf:
        for info in zf.infolist():
            if info.is_dir():
                continue
            try:
                used += len(read_zip_member(zf, info, min(per_file, total - used)))
            except (zipfile.BadZipFile, OSError, RuntimeError, EOFError, NotImplementedError, zlib.error):
                return
            if used > total:
                raise UploadError(f"{what} unpacks to more than {total / MB:.0f} MB")


# pypdf's own per-stream limits (75 MB each) still let a small file with many pages inflate without end.
PDF_MAX_PAGES = 500
PDF_MAX_SECONDS = 30.0


def pdf_pages_text(data: bytes, *, max_file_bytes: int, max_chars: int, what: str = "the PDF",
                   max_pages: int = PDF_MAX_PAGES, max_seconds: float = PDF_MAX_SECONDS) -> list[str]:
    """The text layer of each page of an untrusted PDF, under caps on pages, inflated bytes per stream,
    extracted characters and time. UploadError with a message for the person otherwise: encrypted, corrupt,
    too large, or no text layer at all (a scan)."""
    _need_bytes(data, what)
    import time

    import pypdf
    from pypdf.errors import FileNotDecryptedError, LimitReachedError, PyPdfError

    cap = min(75_000_000, max(1, int(max_file_bytes)))
    limits = {k: cap for k in ("maximum_declared_stream_length", "zlib_maximum_output_length",
                               "lzw_maximum_output_length", "run_length_maximum_output_length",
                               "jbig2_maximum_output_length", "array_based_stream_maximum_output_length",
                               "image_maximum_buffer_size")}
    start, pages, total = time.monotonic(), [], 0
    try:
        with pypdf.apply_configuration(**limits):
            reader = pypdf.PdfReader(io.BytesIO(data))
            if reader.is_encrypted and not reader.decrypt(""):
                raise UploadError(f"{what} is password-protected. Save an unprotected copy and upload that.")
            if len(reader.pages) > max_pages:
                raise UploadError(f"{what} has {len(reader.pages):,} pages, more than the limit of {max_pages}.")
            for page in reader.pages:
                # extract_text swallows a decompression limit and returns "", which would read as "no text
                # layer"; decoding the content stream first (pypdf keeps the result) lets the limit surface.
                contents = page.get_contents()
                if contents is not None:
                    contents.get_data()
                text = page.extract_text() or ""
                total += len(text)
                if total > max_chars:
                    raise UploadError(f"{what} holds more than {max_chars:,} characters of text, the limit.")
                if time.monotonic() - start > max_seconds:
                    raise UploadError(f"reading {what} took longer than {max_seconds:.0f} s; it was stopped.")
                pages.append(text)
    except UploadError:
        raise
    except FileNotDecryptedError:
        raise UploadError(f"{what} is password-protected. Save an unprotected copy and upload that.") from None
    except LimitReachedError:
        raise UploadError(f"{what} unpacks to more than {cap / MB:.0f} MB in one part, the limit.") from None
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError, RecursionError) as exc:
        # pypdf signals many malformations with built-in exceptions; all of them mean "not a readable PDF".
        raise UploadError(f"{what} could not be read as a PDF ({type(exc).__name__}).") from None
    if not "".join(pages).strip():
        raise UploadError(f"{what} has no text layer (a scanned PDF?). Run OCR first or paste the text.")
    return pages
