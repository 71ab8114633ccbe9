import numpy as np

from medcore.imaging.viewing import window_level, zoom


def test_window_level_stretches_the_window_and_clips_outside():
    img = np.array([[0, 100, 128, 156, 255]], dtype=np.uint8)
    out = window_level(img, center=128, width=56)
    assert out.tolist() == [[0, 0, 127, 255, 255]]  # 28 of 56 -> 127.5, rounded to even
    assert np.abs(window_level(img, 128, 256).astype(int) - img).max() <= 1  # the full range: nearly unchanged


def test_zoom_keeps_pixels_as_blocks():
    img = np.array([[1, 2], [3, 4]], dtype=np.uint8)
    z = zoom(img, 3)
    assert z.shape == (6, 6) and (z[:3, :3] == 1).all() and (z[3:, 3:] == 4).all()


# ---- imported DICOM files: tiny datasets built here, no real scan ---------------------------------
def dicom_bytes(pixels: np.ndarray, frames: int = 1, **tags) -> bytes:
    """An uncompressed MONOCHROME2 DICOM in memory; `tags` are set on the dataset as given."""
    import io

    from pydicom.dataset import FileMetaDataset, Dataset
    from pydicom.uid import ExplicitVRLittleEndian, SecondaryCaptureImageStorage, generate_uid

    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = SecondaryCaptureImageStorage
    meta.MediaStorageSOPInstanceUID = generate_uid()
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds = Dataset()
    ds.file_meta = meta
    ds.SOPClassUID, ds.SOPInstanceUID = meta.MediaStorageSOPClassUID, meta.MediaStorageSOPInstanceUID
    ds.Modality = "CT"
    ds.Rows, ds.Columns = pixels.shape[-2:]
    ds.SamplesPerPixel, ds.PhotometricInterpretation = 1, "MONOCHROME2"
    ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 16, 16, 15, 0
    if frames > 1:
        ds.NumberOfFrames = frames
    for k, v in tags.items():
        setattr(ds, k, v)
    ds.PixelData = pixels.astype(np.uint16).tobytes()
    buf = io.BytesIO()
    ds.save_as(buf, enforce_file_format=True)
    return buf.getvalue()


def _settings(tmp_path):
    from medcore.config import Settings

    return Settings(data_dir=tmp_path)


def test_dicom_with_window_tags_uses_them_after_rescale(tmp_path):
    from medcore.imaging.viewing import read_dicom_view, render_dicom

    px = np.array([[0, 1000], [1040, 2000]], dtype=np.uint16)
    data = dicom_bytes(px, RescaleSlope="1", RescaleIntercept="-1024", WindowCenter=["40", "400"],
                       WindowWidth=["80", "1500"], PixelSpacing=["0.5", "0.75"])
    v = read_dicom_view(data, _settings(tmp_path))
    assert v.pixels.tolist() == [[-1024, -24], [16, 976]]  # Hounsfield units, not stored values
    assert (v.center, v.width, v.from_tags) == (40.0, 80.0, True)  # the first of a multi-valued window
    assert v.fields == {"Modality": "CT", "Size": "2 × 2 px", "Pixel spacing": "0.5 × 0.75 mm"}
    shown = render_dicom(v, v.center, v.width, 2)
    assert shown.shape == (4, 4) and shown[0, 0] == 0 and shown[-1, -1] == 255 and 0 < shown[2, 0] < 255


def test_dicom_without_window_tags_spans_its_values(tmp_path):
    from medcore.imaging.viewing import read_dicom_view, window_limits

    v = read_dicom_view(dicom_bytes(np.array([[100, 300]], dtype=np.uint16)), _settings(tmp_path))
    assert (v.center, v.width, v.from_tags) == (200.0, 200.0, False)
    assert "Pixel spacing" not in v.fields
    lo, hi, widest = window_limits(v)
    assert lo <= 100 and hi >= 300 and widest >= 200


def test_multiframe_dicom_shows_the_first_frame(tmp_path):
    from medcore.imaging.viewing import read_dicom_view

    frames = np.stack([np.full((3, 4), i * 10, dtype=np.uint16) for i in range(3)])
    v = read_dicom_view(dicom_bytes(frames, frames=3), _settings(tmp_path))
    assert v.pixels.shape == (3, 4) and (v.pixels == 0).all()
    assert v.fields["Frames"].startswith("3")


def test_patient_identifiers_are_never_returned(tmp_path):
    from medcore.imaging.viewing import read_dicom_view

    data = dicom_bytes(np.zeros((2, 2), dtype=np.uint16), PatientName="Testperson^Alvina", PatientID="PID-4471",
                       PatientBirthDate="19500101", StudyDate="20260101")
    v = read_dicom_view(data, _settings(tmp_path))
    text = repr(v.fields) + repr(v)
    for secret in ("Testperson", "Alvina", "PID-4471", "19500101", "20260101"):
        assert secret not in text


def test_bad_files_raise_the_domain_error_with_a_message(tmp_path):
    import pytest

    from medcore.imaging.images import DatasetError
    from medcore.imaging.viewing import read_dicom_view

    s = _settings(tmp_path)
    with pytest.raises(DatasetError, match="not a DICOM file"):
        read_dicom_view(b"\x89PNG\r\n\x1a\n" + b"\0" * 200, s)
    no_pixels = dicom_bytes(np.zeros((2, 2), dtype=np.uint16))
    import io

    import pydicom
    ds = pydicom.dcmread(io.BytesIO(no_pixels))
    del ds.PixelData
    buf = io.BytesIO()
    ds.save_as(buf)
    with pytest.raises(DatasetError, match="no pixel data"):
        read_dicom_view(buf.getvalue(), s)
    import dataclasses
    small = dataclasses.replace(s, max_image_pixels=3)
    with pytest.raises(DatasetError, match="more than the limit"):  # the upload cap, before decoding
        read_dicom_view(dicom_bytes(np.zeros((2, 2), dtype=np.uint16)), small)
    # a compressed transfer syntax we have no decoder for: the header says JPEG 2000, the bytes are not
    ds = pydicom.dcmread(io.BytesIO(no_pixels))
    ds.file_meta.TransferSyntaxUID = pydicom.uid.JPEG2000Lossless
    ds.PixelData = pydicom.encaps.encapsulate([b"\xff\x4f\xff\x51" + b"\0" * 20])
    buf = io.BytesIO()
    ds.save_as(buf)
    with pytest.raises(DatasetError, match="cannot decode"):
        read_dicom_view(buf.getvalue(), s)
