"""The knowledge-base files the graph is built from, read as data, and their digest.

The tools' YAML under assets/kb/ stays the source of truth; the knowledge layer reads it directly
(it may not import the tools' loaders). The digest of the files' paths, sizes and modification
times keys the graph cache, so an edited file gives a new graph on the next load."""

from __future__ import annotations

import hashlib
from pathlib import Path

import yaml

try:  # the C loader is about 10x faster; fall back where libyaml is missing
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader


class KnowledgeError(ValueError):
    """A knowledge-base file is missing or malformed; the message names the file."""


def input_files(kb_dir: Path) -> list[Path]:
    kb_dir = Path(kb_dir)
    files = sorted((kb_dir / "triage").glob("*.yaml"))
    files += sorted((kb_dir / "therapy").glob("*.yaml")) + sorted((kb_dir / "therapy" / "drugs").glob("*.yaml"))
    files.append(kb_dir / "cases" / "tests.yaml")
    return [f for f in files if f.name not in ("vignettes.yaml", "cases.yaml")]  # evaluation sets, not knowledge


def digest(files: list[Path]) -> str:
    h = hashlib.sha1()
    for f in files:
        try:
            st = f.stat()
        except FileNotFoundError as exc:
            raise KnowledgeError(f"missing knowledge-base file {f}") from exc
        h.update(f"{f}|{st.st_size}|{st.st_mtime_ns}\n".encode())
    return h.hexdigest()[:16]


def read_yaml(path: Path) -> dict:
    try:
        with open(path, encoding="utf-8") as fh:
            data = yaml.load(fh, Loader=_Loader)
    except FileNotFoundError as exc:
        raise KnowledgeError(f"missing knowledge-base file {path}") from exc
    except yaml.YAMLError as exc:
        raise KnowledgeError(f"{path.name}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise KnowledgeError(f"{path.name}: expected a mapping at the top level")
    return data


def require(entry: dict, keys: tuple[str, ...], where: str) -> None:
    """The tools' schemas validate their files in full; the graph only checks what it relies on."""
    missing = [k for k in keys if k not in entry]
    if missing:
        raise KnowledgeError(f"{where}: entry {entry.get('id', entry)!r} lacks {', '.join(missing)}")
