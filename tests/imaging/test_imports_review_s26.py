"""Session 26b review: (8) the local user and the CLI keep their imports in uploads/local, yet an account could be
named "local" and so see them; the name is now reserved. (9) Only an OSError removed the name an import had
reserved, so a ValueError or MemoryError while saving left an empty "scans" (and save_npz's temp file) behind,
blocking the name."""

from __future__ import annotations

import pytest

from medcore.auth import SYSTEM, AuthError, User, add_user, is_user_name, local_user
from medcore.imaging import datasets
from medcore.imaging.datasets import import_zip, save_npz
from medcore.imaging.images import DatasetError
from medcore.imaging.imports import list_imports, store_import, uploads_dir
from tests.imaging.test_imports_s26 import _zip


@pytest.fixture
def ds(settings, tmp_path):
    data = tmp_path / "a.zip"
    data.write_bytes(_zip({"round": 2, "long": 2}))
    return import_zip(data, 32, settings, name="a.zip")


def test_local_is_a_name_no_account_may_take(store):
    assert is_user_name("lena") and not is_user_name("local") and not is_user_name("LOCAL")
    with pytest.raises(AuthError, match="'local' is reserved"):
        add_user(store, "local", "a long enough passphrase", "clinician")
    with pytest.raises(AuthError, match="reserved"):
        add_user(store, "Local", "a long enough passphrase", "clinician")
    assert not is_user_name("_system")  # the system principal's name cannot be an account's either


def test_the_systems_imports_stay_with_the_local_user_and_away_from_an_account_named_local(settings, ds):
    old = uploads_dir(settings) / "local"
    old.mkdir(parents=True)
    save_npz(ds, old / "before.npz")  # an import made before this change
    cli = store_import(ds, settings, "cli.zip", SYSTEM)
    assert cli.path.parent == old
    assert {"before", "cli"} <= set(list_imports(settings, local_user()))  # nothing moved, nothing hidden
    imposter = User("local", "clinician")  # e.g. an account made before the name was reserved
    assert list_imports(settings, imposter) == {}
    with pytest.raises(DatasetError, match="cannot own an import"):
        store_import(ds, settings, "mine.zip", imposter)


@pytest.mark.parametrize("error", [ValueError("bad array"), MemoryError()])
def test_any_failure_while_saving_frees_the_name_and_leaves_no_temp_file(settings, ds, monkeypatch, error):
    real = datasets.np.savez_compressed

    def half_written(path, **arrays):
        real(path, images=arrays["images"][:1])  # something is on disk when it fails, as a real failure may leave
        raise error

    monkeypatch.setattr(datasets.np, "savez_compressed", half_written)
    with pytest.raises(type(error)):  # not turned into "not saved: ..." text: it is a fault, re-raised as it is
        store_import(ds, settings, "scans.zip", User("ann", "clinician"))
    folder = uploads_dir(settings) / "ann"
    assert list(folder.iterdir()) == []  # neither the reserved "scans.npz" nor save_npz's temp file
    monkeypatch.setattr(datasets.np, "savez_compressed", real)
    again = store_import(ds, settings, "scans.zip", User("ann", "clinician"))
    assert again.name == "scans" and not again.renamed
