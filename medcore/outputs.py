"""Files a command writes where the person said (`--out FILE`, `--fhir FILE`): checked before the work starts, so
a folder, a missing folder or a path that cannot be written is one clear line (OutputPathError), not an
IsADirectoryError after minutes of work; the write itself reports the same way (a full disk, say)."""

from __future__ import annotations

import os
from pathlib import Path

from medcore.errors import DomainError


class OutputPathError(DomainError):
    """An output path the command cannot write; the message says why and what to give instead."""


def check_output_file(path: str | Path | None, *, make_parent: bool = False) -> Path | None:
    """The path, when a file can be written there; None when no path was given. With make_parent, a missing
    folder is fine (the command creates it) as long as no file stands in its way."""
    if path is None or str(path) == "":
        return None
    path = Path(path)
    if path.is_dir():
        raise OutputPathError(f"cannot write {path}: it is a folder; give a file name (for example {path}/out.json)")
    parent = path.parent
    if not parent.exists():
        if make_parent:
            check_output_folder(parent)
            return path
        raise OutputPathError(f"cannot write {path}: the folder {parent} does not exist")
    if not parent.is_dir():
        raise OutputPathError(f"cannot write {path}: {parent} is a file, not a folder")
    if not os.access(path if path.exists() else parent, os.W_OK):
        raise OutputPathError(f"cannot write {path}: permission denied")
    return path


def check_output_folder(path: str | Path | None) -> Path | None:
    """A folder a command writes into (created when missing); refused when a file is in the way."""
    if path is None or str(path) == "":
        return None
    path = Path(path)
    existing = next((p for p in (path, *path.parents) if p.exists()), None)
    if existing is not None and not existing.is_dir():
        raise OutputPathError(f"cannot write into {path}: {existing} is a file, not a folder")
    if existing is not None and not os.access(existing, os.W_OK | os.X_OK):
        raise OutputPathError(f"cannot write into {path}: permission denied")
    return path


def write_output(path: str | Path, data: str | bytes) -> None:
    """Write a command's output file, or raise OutputPathError saying why it could not be written."""
    path = check_output_file(path)
    try:
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    except OSError as exc:  # a full disk, a quota, a path that changed under us
        raise OutputPathError(f"cannot write {path}: {exc.strerror or exc}") from exc
