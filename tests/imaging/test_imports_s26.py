"""Session 26b: an imported archive was stored under its file name, so a second "scans.zip" (in shared mode maybe
another person's) replaced the first without a word, and one image read "Imported 1 images". Each import now gets a
name of its own in its owner's folder (medcore.imaging.imports), and the page says which name it was saved as."""

from __future__ import annotations

import io
import zipfile

import numpy as np
import pytest
from PIL import Image
from streamlit import config
from streamlit.testing.v1 import AppTest

from medcore.auth import SYSTEM, AccessDenied, User, local_user
from medcore.imaging.datasets import import_zip, load_npz
from medcore.imaging.imports import list_imports, store_import
from tests.conftest import REPO


def _zip(classes: dict[str, int], shade: int = 0) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for cls, n in classes.items():
            for i in range(n):
                png = io.BytesIO()
                Image.fromarray(np.full((24, 24), 40 + shade + 9 * i, dtype=np.uint8)).save(png, "PNG")
                zf.writestr(f"{cls}/pic{i}.png", png.getvalue())
    return buf.getvalue()


def _import(at, name: str, data: bytes):
    at.file_uploader(key="ds-upload").set_value((name, data, "application/zip")).run()
    next(b for b in at.button if b.label == "Import").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    return str(at.success[0].value).replace("\\", "")


def test_a_second_archive_of_the_same_name_keeps_the_first(settings, store):
    at = AppTest.from_file(str(REPO / "pages" / "image_generator.py"), default_timeout=120).run()
    first = _import(at, "scans.zip", _zip({"calm": 2, "spotted": 2}))
    assert "Imported 4 images in 2 classes" in first and "Saved as “scans”" in first, first
    second = _import(at, "scans.zip", _zip({"only": 1}, shade=100))
    assert "Imported 1 image in 1 class:" in second, second  # "1 image", not "1 images"
    assert "Saved as “scans-2”" in second and "“scans” already exists and was kept" in second, second
    kept = list_imports(settings, local_user())
    assert set(kept) == {"scans", "scans-2"}
    assert len(load_npz(kept["scans"]).images) == 4 and len(load_npz(kept["scans-2"]).images) == 1


def test_store_import_never_replaces_and_keeps_owners_apart(settings, tmp_path):
    data = tmp_path / "a.zip"
    data.write_bytes(_zip({"x": 2, "y": 2}))
    ds = import_zip(data, 32, settings, name="a.zip")
    ann, bob = User("ann", "clinician"), User("bob", "clinician")
    a1 = store_import(ds, settings, "scans.zip", ann)
    b1 = store_import(ds, settings, "scans.zip", bob)
    a2 = store_import(ds, settings, "scans.zip", ann)
    assert (a1.name, b1.name, a2.name) == ("scans", "scans", "scans-2") and a2.renamed and not b1.renamed
    assert len({a1.path, b1.path, a2.path}) == 3
    assert set(list_imports(settings, ann)) == {"scans", "scans-2"}  # bob's import is not ann's to see
    assert set(list_imports(settings, bob)) == {"scans"} and list_imports(settings, bob)["scans"] == b1.path
    assert len(list_imports(settings, local_user())) == 3  # the local user (one person) sees every import
    with pytest.raises(AccessDenied, match="may not use the imaging tool"):
        store_import(ds, settings, "scans.zip", User("sam", "student"))


def test_a_failed_write_says_nothing_was_saved_and_leaves_no_entry(settings, tmp_path, monkeypatch):
    from medcore.imaging import datasets
    from medcore.imaging.images import DatasetError

    data = tmp_path / "a.zip"
    data.write_bytes(_zip({"x": 2}))
    ds = import_zip(data, 32, settings, name="a.zip")

    def full_disk(*a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(datasets, "save_npz", full_disk)
    with pytest.raises(DatasetError, match="The images were not saved: No space left on device"):
        store_import(ds, settings, "scans.zip", SYSTEM)
    assert list_imports(settings, SYSTEM) == {}


@pytest.fixture
def shared_mode(settings, monkeypatch, store):
    config.set_option("server.address", "0.0.0.0")  # the autouse fixture sets it back afterwards
    monkeypatch.setenv("MEDCORE_AUTH", "accounts")
    return store


def test_in_shared_mode_another_users_scans_zip_is_neither_replaced_nor_listed(shared_mode):
    for who in ("ann", "bob"):
        at = AppTest.from_file(str(REPO / "pages" / "image_generator.py"), default_timeout=120)
        at.session_state["_signed_in_user"] = User(who, "clinician")
        at.run()
        said = _import(at, "scans.zip", _zip({"calm": 2}))
        assert "Saved as “scans”" in said and "already exists" not in said, said
        shown = at.run().selectbox(key="ds-pick").options  # the list is drawn above the import: the next run
        assert [o for o in shown if o.startswith("Imported")] == ["Imported: scans"], shown
