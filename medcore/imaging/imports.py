"""Where imported image archives are kept, and who sees them.

An import was once saved as uploads/<archive name>.npz, so a second "scans.zip" (in shared mode maybe another
person's) silently replaced the first. Now each import gets a name of its own inside its owner's folder
(uploads/<owner>/<name>.npz, "scans", "scans-2", ...), reserved with an exclusive create so two imports at the
same moment cannot take one name either. As with saved work (auth.may_see_owner), a signed-in user of shared mode
sees only their own imports; the local user (and the system, auth.SYSTEM: the CLI) sees every one, and both keep
their own imports in uploads/local ("local" is a name no account may take, auth.RESERVED_NAMES). Files from before owners existed lie
directly in uploads/ and are shown in local mode and to admins.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from medcore.auth import User, check_tool, is_user_name
from medcore.imaging.images import DatasetError, ImageDataset

log = logging.getLogger(__name__)
TOOL = "imaging"
_MAX_TRIES = 1000  # "scans-1000": far beyond any real need; past it the import is refused, never overwritten


@dataclass(frozen=True)
class StoredImport:
    path: Path
    name: str  # the stored name the dataset lists show ("scans-2")
    renamed: bool  # True: an import of this name already existed, so this one got a new name


def uploads_dir(settings) -> Path:
    return settings.data_dir / "imaging" / "uploads"


def clean_name(file_name: str) -> str:
    """A file-system-safe name from the archive's file name (letters, digits, - and _; at most 40)."""
    stem = Path(file_name or "").stem
    return "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in stem)[:40] or "upload"


LOCAL_FOLDER = "local"  # the one person of local mode and the system share it, as they always did


def owner_folder(user: User) -> str:
    """The folder name of `user`'s own files (imports here, sampling runs in sample_progress)."""
    if user.local:
        return LOCAL_FOLDER
    if not is_user_name(user.name):  # a folder per owner: never a path separator, "..", or the reserved "local"
        raise DatasetError(f"{user.name!r} cannot own an import")
    return user.name


def _reserve(folder: Path, base: str) -> tuple[Path, str]:
    """The first free name, created empty at once (exclusive), so nobody else can take it meanwhile."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(1, _MAX_TRIES + 1):
        name = base if i == 1 else f"{base}-{i}"
        path = folder / f"{name}.npz"
        try:
            with path.open("xb"):
                return path, name
        except FileExistsError:
            continue
    raise DatasetError(f"There are already {_MAX_TRIES} imports named {base!r}; nothing was saved. "
                       "Rename the archive and import it again.")


def store_import(ds: ImageDataset, settings, file_name: str, user: User) -> StoredImport:
    """Save an imported dataset under a name no other import has; DatasetError (nothing saved) otherwise.
    `user`: the page's signed-in user, or auth.SYSTEM (the CLI); required, so a forgotten user is refused."""
    from medcore.imaging.datasets import save_npz

    check_tool(user, TOOL)
    base = clean_name(file_name)
    path, name = _reserve(uploads_dir(settings) / owner_folder(user), base)
    try:
        save_npz(ds, path)  # removes its own temp file when it fails
    except BaseException as exc:  # any failure (MemoryError, ValueError, an interrupt), not only a full disk:
        path.unlink(missing_ok=True)  # the reserved, empty name must not stay behind, blocking it
        log.warning("import %s could not be written: %r", path, exc)
        if isinstance(exc, OSError):
            raise DatasetError(f"The images were not saved: {exc.strerror or exc}.") from exc
        raise
    return StoredImport(path, name, renamed=name != base)


def list_imports(settings, user: User) -> dict[str, Path]:
    """name -> path of the imports `user` may see (every one for the local user and for auth.SYSTEM)."""
    root = uploads_dir(settings)
    if not root.is_dir():
        return {}
    everyone = user.local
    out: dict[str, Path] = {}
    if everyone or user.is_admin:
        out.update({p.stem: p for p in sorted(root.glob("*.npz")) if p.stat().st_size})
    if not everyone and not is_user_name(user.name):  # not signed in: owns nothing
        return out
    owners = sorted(d for d in root.iterdir() if d.is_dir()) if everyone else [root / user.name]
    for d in owners:
        for p in sorted(d.glob("*.npz")):
            if not p.stat().st_size:  # a name reserved by an import still being written
                continue
            label = p.stem if not everyone or d.name == LOCAL_FOLDER else f"{d.name}/{p.stem}"
            out[label if label not in out else f"{d.name}/{p.stem}"] = p
    return out
