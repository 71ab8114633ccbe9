"""Tool status kept on disk, so that reading it loads no knowledge base, model or index (issue 14, speed).

Home shows what every tool's knowledge base holds and whether it loads; each tool page asks whether its tool is
ready. Working that out means loading the KB (1-2 s each in a fresh process), building the education pages or
loading the graph. Here it is worked out once per *version* of the files it comes from (the KB files and the code
that reads them, by path, mtime and size) and kept as JSON under `<data>/status/`, so a fresh server reads it in
milliseconds. Any change to one of those files is a new version: counted again (by loading, as before) on the next
read. Only a successful count is kept; a KB that fails to load is loaded (and fails) again on every read.

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

log = logging.getLogger(__name__)
MEDCORE = Path(__file__).resolve().parent
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


def cached(name: str, data_dir, files: Iterable[Path], compute: Callable[[], dict]) -> dict:
    """`compute()` (a JSON-able dict) for this version of `files`: from memory, else from
    `<data_dir>/status/<name>-<version>.json`, else computed now and kept. Exceptions of `compute` propagate and
    nothing is kept."""
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
        got = compute()
        _keep(folder, path, name, got)
    with _lock:
        _memo[key] = got
    return got


def _keep(folder: Path, path: Path, name: str, got: dict) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
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
