"""Decompression bombs and odd archives in the user-data import, with tiny crafted files."""

from __future__ import annotations

import io
import os
import struct
import time
import zipfile
import zlib

import numpy as np
import pytest
from PIL import Image

from medcore import uploads
from medcore.imaging.datasets import DatasetError, import_folder, import_zip
from medcore.uploads import MB, UploadError, pdf_pages_text


def _png(w=8, h=8) -> bytes:
    buf = io.BytesIO()
    Image.fromarray(np.full((h, w), 128, np.uint8)).save(buf, "PNG")
    return buf.getvalue()


def _png_claiming(width: int, height: int) -> bytes:
    """A real 1x1 PNG whose header claims another size (the IHDR CRC is fixed up)."""
    data = bytearray(_png(1, 1))
    ihdr = data.index(b"IHDR")
    data[ihdr + 4:ihdr + 12] = struct.pack(">II", width, height)
    crc = zlib.crc32(bytes(data[ihdr:ihdr + 17])) & 0xFFFFFFFF
    data[ihdr + 17:ihdr + 21] = struct.pack(">I", crc)
    return bytes(data)


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


@pytest.fixture
def small(settings):
    return settings.replace(max_file_mb=1, max_image_pixels=1_000_000)


def test_zip_member_over_the_per_file_cap_is_skipped_without_reading_it_all(small):
    bomb = _zip({"a/ok.png": _png(), "a/bomb.png": b"\0" * (8 * 2**20)})
    assert len(bomb) < 100_000
    ds = import_zip(io.BytesIO(bomb), 8, small)
    assert ds.report.loaded == 1
    assert "more than the limit" in str(dict(ds.report.skipped))


def test_read_capped_stops_at_the_cap():
    class Endless(io.RawIOBase):
        def __init__(self):
            self.served = 0

        def read(self, n=-1):
            self.served += n
            return b"\0" * n

    src = Endless()
    with pytest.raises(UploadError, match="more than 1 MB"):
        uploads.read_capped(src, 2**20, "the member")
    assert src.served <= 2**20 + 1


def test_image_pixels_are_checked_before_decoding(small):
    for w, h in ((5000, 5000), (30000, 30000)):  # under and over PIL's own bomb limit
        with pytest.raises(UploadError, match="too many pixels|more than the limit"):
            uploads.open_image(_png_claiming(w, h), small.max_image_pixels)
    ds_zip = _zip({"x/ok.png": _png(), "x/huge.png": _png_claiming(5000, 5000)})
    ds = import_zip(io.BytesIO(ds_zip), 8, small)
    assert ds.report.loaded == 1 and "pixels" in str(dict(ds.report.skipped))


def test_jpeg_over_the_pixel_cap_is_refused(small):
    buf = io.BytesIO()
    Image.fromarray(np.zeros((1200, 1000), np.uint8)).save(buf, "JPEG")
    with pytest.raises(UploadError, match="1000 x 1200"):
        uploads.open_image(buf.getvalue(), small.max_image_pixels)


def _dicom(rows: int, cols: int, pixel_bytes: bytes, syntax) -> bytes:
    from pydicom.dataset import Dataset, FileMetaDataset
    from pydicom.uid import SecondaryCaptureImageStorage, generate_uid

    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = SecondaryCaptureImageStorage
    meta.MediaStorageSOPInstanceUID = generate_uid()
    meta.TransferSyntaxUID = syntax
    ds = Dataset()
    ds.file_meta = meta
    ds.SOPClassUID = SecondaryCaptureImageStorage
    ds.SOPInstanceUID = meta.MediaStorageSOPInstanceUID
    ds.Rows, ds.Columns, ds.SamplesPerPixel = rows, cols, 1
    ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 8, 8, 7, 0
    ds.PhotometricInterpretation = "MONOCHROME2"
    ds.PixelData = pixel_bytes
    buf = io.BytesIO()
    ds.save_as(buf, enforce_file_format=True)
    return buf.getvalue()


def test_deflated_dicom_bomb_is_refused_before_pydicom_inflates_it(small, monkeypatch):
    from pydicom.uid import DeflatedExplicitVRLittleEndian

    data = _dicom(2048, 2048, b"\0" * (2048 * 2048), DeflatedExplicitVRLittleEndian)
    assert len(data) < 50_000  # 4 MB of pixels, a few kB on disk
    import pydicom

    def no_dcmread(*a, **k):
        raise AssertionError("dcmread must not run on a bomb")

    monkeypatch.setattr(pydicom, "dcmread", no_dcmread)
    with pytest.raises(UploadError, match="inflates to more than 1 MB"):
        uploads.check_dicom(data, small.max_file_mb * 2**20, small.max_image_pixels)
    ds = import_zip(io.BytesIO(_zip({"d/ok.png": _png(), "d/bomb.dcm": data})), 8, small)
    assert ds.report.loaded == 1 and "inflates" in str(dict(ds.report.skipped))


def test_small_deflated_dicom_still_imports(settings):
    from pydicom.uid import DeflatedExplicitVRLittleEndian

    px = (np.arange(64 * 64) % 251).astype(np.uint8).tobytes()
    data = _dicom(64, 64, px, DeflatedExplicitVRLittleEndian)
    ds = import_zip(io.BytesIO(_zip({"c/a.dcm": data, "c/b.png": _png()})), 8, settings)
    assert ds.report.loaded == 2


def test_dicom_header_pixel_count_is_checked_before_pixel_array(small):
    from pydicom.uid import ExplicitVRLittleEndian

    data = _dicom(4000, 4000, b"\0" * 16, ExplicitVRLittleEndian)  # the header promises 16 M pixels
    ds = import_zip(io.BytesIO(_zip({"e/big.dcm": data, "e/ok.png": _png()})), 8, small)
    assert ds.report.loaded == 1 and "4000 x 4000" in str(dict(ds.report.skipped))


def _gif(width: int, height: int, frames: int) -> bytes:
    # distinct frames: PIL merges identical consecutive frames when it writes a GIF
    imgs = [Image.fromarray(np.full((height, width), 30 * i, np.uint8)) for i in range(frames)]
    buf = io.BytesIO()
    imgs[0].save(buf, "GIF", save_all=True, append_images=imgs[1:])
    return buf.getvalue()


def test_frames_count_towards_the_pixel_cap(small):
    """500 x 400 is 200,000 pixels, under the 1,000,000 cap; six frames of it are 1,200,000: refused, where
    counting one frame would have let it through. Four frames pass."""
    assert Image.open(io.BytesIO(_gif(500, 400, 6))).n_frames == 6
    with pytest.raises(UploadError, match="500 x 400 x 6 frames = 1,200,000 pixels"):
        uploads.open_image(_gif(500, 400, 6), small.max_image_pixels)
    assert uploads.open_image(_gif(500, 400, 4), small.max_image_pixels).n_frames == 4
    with pytest.raises(UploadError, match="x 3 frames"):
        uploads.check_pixels(1000, 500, 3, small.max_image_pixels)
    uploads.check_pixels(1000, 500, 2, small.max_image_pixels)  # exactly the cap


def test_dicom_frames_count_towards_the_pixel_cap(small):
    """A multi-frame DICOM whose header promises 5 frames of 500 x 500 (1,250,000 pixels): the viewer refuses it
    before pixel_array decodes anything; the same header with 3 frames is within the cap."""
    from pydicom.uid import ExplicitVRLittleEndian

    from medcore.imaging.viewing import read_dicom_view

    def multi(frames: int) -> bytes:
        import pydicom

        ds = pydicom.dcmread(io.BytesIO(_dicom(500, 500, b"\0" * (500 * 500 * frames), ExplicitVRLittleEndian)))
        ds.NumberOfFrames = frames
        buf = io.BytesIO()
        ds.save_as(buf, enforce_file_format=True)
        return buf.getvalue()

    with pytest.raises(DatasetError, match="500 x 500 x 5 frames = 1,250,000 pixels"):
        read_dicom_view(multi(5), small.replace(max_file_mb=4))
    view = read_dicom_view(multi(3), small.replace(max_file_mb=4))
    assert view.pixels.shape == (500, 500) and view.fields["Frames"].startswith("3")


def test_folder_import_does_not_follow_symbolic_links(tmp_path, settings):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.png").write_bytes(_png())
    root = tmp_path / "data" / "imgs"
    (root / "a").mkdir(parents=True)
    (root / "a" / "one.png").write_bytes(_png())
    os.symlink(outside / "secret.png", root / "a" / "link.png")
    os.symlink(outside, root / "b")
    ds = import_folder(root, 8, settings)
    assert ds.report.loaded == 1  # neither the linked file nor the linked folder


def test_docx_zip_bomb_is_refused_with_a_clear_message(small):
    from medcore.records.inputs import InputError, from_upload

    bomb = _zip({"[Content_Types].xml": b"<x/>", "word/document.xml": b" " * (8 * 2**20)})
    with pytest.raises(InputError, match="more than the limit of 1 MB"):
        from_upload("note.docx", bomb, small)


def test_zip_total_cap_still_applies(settings):
    tight = settings.replace(max_archive_uncompressed_mb=1, max_file_mb=1)
    data = _zip({f"a/{i}.bin": os.urandom(300_000) for i in range(5)})
    with pytest.raises(DatasetError, match="unpacks to"):
        import_zip(io.BytesIO(data), 8, tight)


# ---- PDF: caps on pages, inflation, characters; encryption and damage get a plain message ------------------
def _pdf(pages: int, text: str = "Assessment: pneumonia.") -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("Helvetica", size=9)
    for _ in range(pages):
        pdf.add_page()
        pdf.multi_cell(0, 5, text)
    return bytes(pdf.output())


def _flate_bomb_pdf(inflated_mb: int) -> bytes:
    """One page whose content stream is a few KB deflated and `inflated_mb` MB inflated."""
    stream = zlib.compress(b" " * (inflated_mb * MB), 9)
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


def test_pdf_text_by_page():
    pages = pdf_pages_text(_pdf(3), max_file_bytes=MB, max_chars=10_000)
    assert len(pages) == 3 and all("pneumonia" in p for p in pages)


def test_pdf_with_too_many_pages_is_refused_before_reading_them():
    with pytest.raises(UploadError, match="pages, more than the limit of 5"):
        pdf_pages_text(_pdf(6), max_file_bytes=MB, max_chars=10**6, max_pages=5)


def test_pdf_inflation_bomb_is_refused():
    bomb = _flate_bomb_pdf(40)
    assert len(bomb) < 200_000
    t0 = time.monotonic()
    with pytest.raises(UploadError, match="unpacks to more than 8 MB"):
        pdf_pages_text(bomb, max_file_bytes=8 * MB, max_chars=10**6)
    assert time.monotonic() - t0 < 10


def test_pdf_text_over_the_character_cap_is_refused():
    with pytest.raises(UploadError, match="characters of text"):
        pdf_pages_text(_pdf(4, "word " * 200), max_file_bytes=MB, max_chars=1_500)


def test_encrypted_and_damaged_pdfs_get_a_plain_message():
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(_pdf(1))))
    writer.encrypt("secret")
    buf = io.BytesIO()
    writer.write(buf)
    with pytest.raises(UploadError, match="password-protected"):
        pdf_pages_text(buf.getvalue(), max_file_bytes=MB, max_chars=10**6)
    for junk in (b"%PDF-1.4 garbage", b"", _pdf(2)[:400]):
        with pytest.raises(UploadError, match="could not be read|no text layer"):
            pdf_pages_text(junk, max_file_bytes=MB, max_chars=10**6)
