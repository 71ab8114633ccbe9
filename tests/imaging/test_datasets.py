import io
import zipfile

import numpy as np
import pytest

from medcore.imaging.datasets import DatasetError, duplicate_groups, import_folder, import_zip, load_dataset
from tests.imaging.conftest import write_folder


def _dicom_bytes(with_pixels: bool) -> bytes:
    from pydicom.dataset import FileDataset, FileMetaDataset
    from pydicom.uid import ExplicitVRLittleEndian, generate_uid

    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = "1.2.840.10008.5.1.4.1.1.7"
    meta.MediaStorageSOPInstanceUID = generate_uid()
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds = FileDataset(None, {}, file_meta=meta, preamble=b"\0" * 128)
    ds.SOPClassUID = meta.MediaStorageSOPClassUID
    ds.SOPInstanceUID = meta.MediaStorageSOPInstanceUID
    ds.PatientName = "TEST^ONLY"
    if with_pixels:
        px = (np.arange(30 * 20, dtype=np.uint16).reshape(30, 20) * 7) % 4096
        ds.Rows, ds.Columns = px.shape
        ds.SamplesPerPixel = 1
        ds.PhotometricInterpretation = "MONOCHROME2"
        ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 16, 12, 11, 0
        ds.PixelData = px.tobytes()
    buf = io.BytesIO()
    ds.save_as(buf, enforce_file_format=True)
    return buf.getvalue()


def test_folder_import_pads_resizes_and_counts_skips(tmp_path, settings):
    root = write_folder(tmp_path / "scans", n_per_class=3)
    (root / "tumour" / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n not really a png")
    (root / "tumour" / "notes.txt").write_text("not an image")
    (root / "no tumour" / "empty.dcm").write_bytes(_dicom_bytes(False))
    (root / "no tumour" / "scan.dcm").write_bytes(_dicom_bytes(True))
    (root / ".DS_Store").write_bytes(b"junk")
    ds = import_folder(root, 16, settings)
    assert ds.images.shape == (7, 16, 16) and ds.images.dtype == np.uint8
    assert ds.class_names == ["no tumour", "tumour"]
    assert ds.counts() == {"no tumour": 4, "tumour": 3}
    assert ds.report.skipped == {"not a readable image": 1, "not an image file": 1, "DICOM without pixel data": 1}
    assert ds.report.loaded == 7


def test_zip_import_skips_corrupt_member(tmp_path, settings):
    root = write_folder(tmp_path / "scans", n_per_class=2)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for p in sorted(root.rglob("*.png")):
            zf.write(p, p.relative_to(root).as_posix())
        zf.writestr("tumour/corrupt.jpg", b"\xff\xd8\xff\xe0 truncated jpeg")
        zf.writestr("__MACOSX/tumour/._000.png", b"resource fork")
    buf.seek(0)
    ds = import_zip(buf, 16, settings)
    assert len(ds.images) == 4 and ds.report.skipped_total == 1
    assert ds.report.examples["not a readable image"] == ["tumour/corrupt.jpg"]


def test_zip_caps_stop_archive_bombs(tmp_path, settings):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for i in range(5):
            zf.writestr(f"a/{i}.png", b"\0" * 300_000)  # compresses to almost nothing
    with pytest.raises(DatasetError, match="more than the limit of 3"):
        import_zip(io.BytesIO(buf.getvalue()), 16, settings.replace(max_archive_files=3))
    with pytest.raises(DatasetError, match="MB"):
        import_zip(io.BytesIO(buf.getvalue()), 16, settings.replace(max_archive_uncompressed_mb=1))
    with pytest.raises(DatasetError, match="not a readable ZIP"):
        import_zip(io.BytesIO(b"PK not a zip"), 16, settings)


def test_empty_and_single_class(tmp_path, settings):
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "a.txt").write_text("x")
    with pytest.raises(DatasetError, match="no usable images"):
        import_folder(tmp_path / "empty", 16, settings)
    with pytest.raises(DatasetError, match="does not exist"):
        load_dataset(str(tmp_path / "missing"), 16, settings)
    root = write_folder(tmp_path / "one", n_per_class=2)
    for p in (root / "tumour").iterdir():
        p.rename(tmp_path / "one" / p.name)  # loose files only: one class
    (root / "tumour").rmdir()
    for p in (root / "no tumour").iterdir():
        p.unlink()
    (root / "no tumour").rmdir()
    ds = import_folder(root, 16, settings)
    assert ds.class_names == ["images"] and not ds.conditional


def test_split_keeps_near_duplicates_together(tmp_path, settings):
    ds = import_folder(write_folder(tmp_path / "s", n_per_class=10), 16, settings)
    ds.images = np.concatenate([ds.images, ds.images[:10], ds.images[:10, :, ::-1]])  # exact and mirrored copies
    ds.labels = np.concatenate([ds.labels, ds.labels[:10], ds.labels[:10]])
    groups = duplicate_groups(ds.images)
    assert all(groups[i] == groups[20 + i] == groups[30 + i] for i in range(10))
    ds.groups = groups
    tr, ho = ds.split(0.2, seed=0)
    assert set(groups[tr]).isdisjoint(groups[ho]) and len(ho) > 0
