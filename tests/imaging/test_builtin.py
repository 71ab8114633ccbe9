"""The embedded datasets that are volumes: slicing by plane, the InVesalius and NIfTI readers, and the
optional Debian sets, on tiny volumes written here (the real packages may not be installed)."""

import io
import plistlib
import tarfile

import numpy as np
import pytest

from medcore.imaging import builtin
from medcore.imaging.datasets import DatasetError, load_dataset


def _head(shape_zyx=(8, 20, 20)) -> np.ndarray:
    """A HU volume (z, y, x): an ellipsoid of brain (30 HU) with a bright nose at the anterior end."""
    z, y, x = np.mgrid[:shape_zyx[0], :shape_zyx[1], :shape_zyx[2]].astype(np.float32)
    cz, cy, cx = [(s - 1) / 2 for s in shape_zyx]
    inside = ((z - cz) / (shape_zyx[0] * 0.45)) ** 2 + ((y - cy) / (shape_zyx[1] * 0.4)) ** 2 + \
        ((x - cx) / (shape_zyx[2] * 0.35)) ** 2 < 1
    vol = np.where(inside, 30, -1000).astype(np.int16)
    vol[:, -3:, int(cx) - 1:int(cx) + 2] = 70  # y grows towards the face
    return vol


def _write_inv3(path, vol: np.ndarray, spacing=(1.0, 1.0, 2.0), declared_shape=None) -> None:
    main = {"matrix": {"dtype": "int16", "filename": "matrix.dat", "shape": list(declared_shape or vol.shape)},
            "spacing": list(spacing), "modality": "CT"}
    with tarfile.open(path, "w:gz") as tf:
        for name, data in (("proj/main.plist", plistlib.dumps(main)), ("proj/matrix.dat", vol.tobytes())):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))


def test_plane_slices_keep_radiological_orientation():
    vol = np.zeros((20, 20, 20), np.float32)  # (x, y, z) RAS
    vol[4:16, 4:16, 4:16] = 0.5
    vol[8:12, 14:16, 8:12] = 1.0  # anterior
    ds = builtin.plane_slices(vol, 20)
    assert ds.class_names == ["axial", "coronal", "sagittal"]
    assert set(ds.counts().values()) == {12}  # the empty edge slices are dropped in every plane
    axial = ds.images[ds.labels == 0][6].astype(int)
    assert axial[:10].sum() > axial[10:].sum()  # anterior is up


def test_headct_reads_inv3_resamples_and_windows(tmp_path):
    p = tmp_path / "Cranium.inv3"
    _write_inv3(p, _head())
    ds = builtin.prepare_headct(16, p)
    assert ds.images.shape[1:] == (16, 16) and ds.images.dtype == np.uint8
    assert ds.class_names == ["axial", "coronal", "sagittal"] and min(ds.counts().values()) > 0
    # 8 slices 2 mm apart become 16 at 1 mm, so more axial slices than the file holds
    assert ds.counts()["axial"] > 8
    # brain window 40 / 80 maps 0..80 HU to black..white: brain at 30 HU is 0.375 * 255, air is black
    mid = ds.images[ds.labels == 0][ds.counts()["axial"] // 2].astype(int)
    assert abs(mid[8, 8] - 96) <= 4 and mid[0, 0] == 0
    assert "GPL-2" in ds.licence


@pytest.mark.parametrize("damage", ["not a tar", "shape mismatch", "no main.plist"])
def test_headct_rejects_damaged_projects(tmp_path, damage):
    p = tmp_path / "bad.inv3"
    if damage == "not a tar":
        p.write_bytes(b"\x1f\x8b\x08 truncated gzip")
    elif damage == "shape mismatch":
        _write_inv3(p, _head(), declared_shape=(9, 20, 20))
    else:
        with tarfile.open(p, "w:gz") as tf:
            info = tarfile.TarInfo("proj/matrix.dat")
            tf.addfile(info, io.BytesIO(b""))
    with pytest.raises(DatasetError):
        builtin.prepare_headct(16, p)


def test_colin27_reorients_nifti_and_rejects_bad_files(tmp_path):
    import nibabel as nib

    vol = np.zeros((20, 20, 20), np.float32)
    vol[4:16, 4:16, 4:16] = 100
    vol[8:12, 14:16, 8:12] = 200  # anterior in RAS
    las = np.diag([-1.0, 1.0, 1.0, 1.0])  # stored left-to-right flipped: canonical reorientation undoes it
    nib.save(nib.Nifti1Image(vol[::-1].copy(), las), tmp_path / "ch2.nii.gz")
    ds = builtin.prepare_colin27(16, tmp_path / "ch2.nii.gz")
    ref = builtin.plane_slices(np.clip(vol / np.percentile(vol, 99.5), 0, 1), 16)
    assert np.array_equal(ds.images, ref.images)

    nib.save(nib.Nifti1Image(np.ones((5, 5), np.float32), np.eye(4)), tmp_path / "flat.nii.gz")
    (tmp_path / "junk.nii.gz").write_bytes(b"not nifti")
    for bad in ("flat.nii.gz", "junk.nii.gz"):
        with pytest.raises(DatasetError):
            builtin.prepare_colin27(16, tmp_path / bad)


def test_optional_sets_say_how_to_install_and_load_through_the_cache(tmp_path, settings, monkeypatch):
    monkeypatch.setattr(builtin, "HEADCT_PATH", tmp_path / "missing.inv3")
    ok, detail = builtin.available("headct")
    assert not ok and "apt install invesalius-examples" in detail
    with pytest.raises(DatasetError, match="invesalius-examples"):
        load_dataset("headct", 16, settings)

    _write_inv3(tmp_path / "missing.inv3", _head())
    assert builtin.available("headct")[0]
    ds = load_dataset("headct", 16, settings)
    assert len(list(settings.path("imaging", "datasets").glob("headct-16px-*.npz"))) == 1
    assert np.array_equal(load_dataset("headct", 16, settings).images, ds.images)  # from the cache


def test_status_lists_optional_sets_as_optional(settings, monkeypatch, tmp_path):
    from medcore.imaging.status import check

    monkeypatch.setattr(builtin, "COLIN27_PATH", tmp_path / "none.nii.gz")
    rows = {c.name: c for c in check(settings)}
    colin = rows[builtin.BUILTIN_SETS["colin27"].label]
    assert colin.kind == "optional dataset" and not colin.ok and "mricron-data" in colin.detail
