"""Tool status kept on disk, so that reading it loads no knowledge base, model or index (issue 14, speed).

Home shows what every tool's knowledge base holds and whether it loads; each tool page asks whether its tool is
ready. Working that out means loading the KB (1-2 s each in a fresh process), building the education pages or
loading the graph. Here it is worked out once per *version* of the files it comes from (the KB files and the code
that reads them, by path, mtime and size) and kept as JSON under `<data>/status/`, so a fresh server reads it in
milliseconds. Any change to one of those files is a new version: counted again (by loading, as before) on the next
read. Only a successful count is kept; a KB that fails to load is loaded (and fails) again on every read.

A new data folder (the first start after an install, a second server, a test) has no counts yet: before counting,
the *shipped* counts are looked up (`assets/status/<name>.json`, written by `python -m medcore.status_cache
--ship`), keyed by the content digest of the same files (their paths inside the repo and their bytes, not mtimes,
which differ in every checkout). A shipped count whose digest differs from the files is never used: that status is
counted as before. `tests/test_status_shipped.py` fails when the shipped counts are stale, naming the command.

JSON only (never pickle): a damaged or foreign file is ignored and counted again.
"""

from __future__ import annotations

import fnmatch
import hashlib
import json
import logging
import os
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

from medcore.atomic import tmp_sibling
from medcore.config import StatusShip

log = logging.getLogger(__name__)
MEDCORE = Path(__file__).resolve().parent
REPO = MEDCORE.parent
SHIPPED = REPO / "assets" / "status"
_memo: dict[tuple[str, str, str], dict] = {}
_lock = threading.Lock()


def files_under(*roots, pattern: str = "*") -> list[str]:
    """Every file under `roots` (recursively, in a stable order) whose name matches `pattern`; a missing root adds
    nothing. Plain strings from os.walk: Home reads a few thousand of these every status period, and sorting
    Path objects was most of that time."""
    out: list[str] = []
    for root in roots:
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames.sort()
            out += [os.path.join(dirpath, f) for f in sorted(filenames) if fnmatch.fnmatch(f, pattern)]
    return out


def code_files(*packages: str) -> list[str]:
    """The .py files of medcore subpackages ("triage", "knowledge"): a change in the code that reads a KB may
    change what it counts."""
    return [os.path.join(MEDCORE, pkg, f) for pkg in packages
            for f in sorted(os.listdir(MEDCORE / pkg)) if f.endswith(".py")]


def version(files: Iterable) -> str:
    h = hashlib.sha256()
    for p in files:
        try:
            st = os.stat(p)
            h.update(f"{p}|{st.st_mtime_ns}|{st.st_size}\n".encode())
        except OSError:
            h.update(f"{p}|missing\n".encode())
    return h.hexdigest()[:16]


def cached(name: str, data_dir, files: Iterable[Path], compute: Callable[[], dict],
           ship: StatusShip | None = None) -> dict:
    """`compute()` (a JSON-able dict) for this version of `files`: from memory, else from
    `<data_dir>/status/<name>-<version>.json`, else computed now and kept. Exceptions of `compute` propagate and
    nothing is kept. `ship` (`settings.status_ship`, set only by `ship()`): counts made now are also written there."""
    ver = version(files)
    key = (name, str(data_dir), ver)
    got = _memo.get(key)
    if got is not None:
        return got
    folder = Path(data_dir) / "status"
    path = folder / f"{name}-{ver}.json"
    try:
        got = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(got, dict):
            got = None
    except (OSError, ValueError):
        got = None  # not counted yet for this version (or a damaged file): count now
    if got is None:
        digest = content_digest(files)
        got = _shipped(name, digest)
        if ship is not None:
            ship.names.add(name)
        if got is None:
            got = _compute(name, compute)
            if ship is not None:
                _write_json(ship.folder / f"{name}.json", {"digest": digest, "counts": got})
        _keep(folder, path, name, got)
    with _lock:
        _memo[key] = got
    return got


def content_digest(files: Iterable) -> str:
    """sha256 of each file's path (relative to the repo when inside it: the same in every checkout) and bytes."""
    h = hashlib.sha256()
    for p in files:
        try:
            rel = os.path.relpath(p, REPO)
        except ValueError:  # another drive (Windows)
            rel = str(p)
        rel = str(p) if rel.startswith("..") else rel.replace(os.sep, "/")
        try:
            data = Path(p).read_bytes()
        except OSError:
            data = b"\0missing"
        h.update(f"{rel}|{len(data)}\n".encode())
        h.update(data)
    return h.hexdigest()[:24]


def _shipped(name: str, digest: str) -> dict | None:
    """The shipped counts of `name` when they were made from files with this content digest."""
    try:
        doc = json.loads((SHIPPED / f"{name}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if isinstance(doc, dict) and doc.get("digest") == digest and isinstance(doc.get("counts"), dict):
        return doc["counts"]
    return None


def _compute(name: str, compute: Callable[[], dict]) -> dict:
    """Counted now (tests watch this to see that a status came from a file)."""
    log.info("status %s: counting (no kept or shipped counts for these files)", name)
    return compute()


def _write_json(path: Path, doc: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = tmp_sibling(path)
    tmp.write_text(json.dumps(doc, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    tmp.replace(path)


def ship(settings, folder: Path = SHIPPED) -> list[str]:
    """Count every tool's status now, as Home reads it, in an empty data folder, and write the counts with their
    content digests to `folder` (assets/status/: shipped with the code). Returns the names written; files of
    names no longer counted are removed."""
    import tempfile

    from medcore.status import all_status

    target = StatusShip(Path(folder))
    with tempfile.TemporaryDirectory(prefix="medcore-ship-") as tmp:
        clear_memory()
        try:
            all_status(settings.replace(data_dir=Path(tmp), status_ship=target))
        finally:
            clear_memory()
    for old in target.folder.glob("*.json"):
        if old.stem not in target.names:
            old.unlink(missing_ok=True)
    return sorted(target.names)


def _keep(folder: Path, path: Path, name: str, got: dict) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = tmp_sibling(path)
        tmp.write_text(json.dumps(got), encoding="utf-8")
        tmp.replace(path)
        for old in folder.glob(f"{name}-*.json"):  # counts of earlier versions are never read again
            if old != path and old.stem.count("-") == name.count("-") + 1:
                old.unlink(missing_ok=True)
    except OSError as exc:  # a read-only data folder: counted again by the next process
        log.warning("status %s: not kept on disk (%s)", name, exc)


def clear_memory() -> None:
    """Forget what this process read (tests)."""
    with _lock:
        _memo.clear()


def main(argv=None) -> int:
    """`python -m medcore.status_cache --ship`: write the shipped counts (after any change to a KB or its code)."""
    import argparse

    from medcore import status_cache  # run as __main__, this file is a second module: count through the real one
    from medcore.config import Settings

    ap = argparse.ArgumentParser(description=main.__doc__)
    ap.add_argument("--ship", action="store_true", help=f"count every tool's status and write {SHIPPED}")
    args = ap.parse_args(argv)
    if not args.ship:
        ap.error("nothing to do: pass --ship")
    logging.basicConfig(level=logging.INFO)
    print("shipped:", ", ".join(status_cache.ship(Settings.load())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
