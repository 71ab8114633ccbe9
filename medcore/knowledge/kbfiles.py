"""Reading knowledge-base files.

The knowledge layer's own data files (assets/kb/knowledge/) are checked against their JSON schema and
must name a source, at file level or on every entry, before anything uses it. The tools' KB files
(triage, therapy, cases) are read as data for the graph (`graph_input_files`); the tools validate
them in full at their own load, and the graph checks what it relies on (`require`)."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from medcore import kbyaml
from medcore.errors import DomainError
from medcore.knowledge import schemas


class KnowledgeKBError(DomainError):
    """A knowledge file is missing, malformed, or has an entry without a source; the message names it."""


def knowledge_dir(kb_dir: Path) -> Path:
    return Path(kb_dir) / "knowledge"


def read_yaml(path: Path):
    try:
        return kbyaml.load(path)
    except FileNotFoundError as exc:
        raise KnowledgeKBError(f"{Path(path).name} is missing") from exc
    except kbyaml.KBYamlError as exc:
        raise KnowledgeKBError(str(exc)) from exc


def validate(doc, name: str) -> None:
    """Schema, then sources: the file has a `source`, and every entry of a list-of-entries file has one
    (its own or, where the schema allows, the file's)."""
    import jsonschema

    schema = schemas.SCHEMAS.get(name)
    if schema is None:
        raise KnowledgeKBError(f"{name}: no schema registered for this knowledge file")
    try:
        jsonschema.validate(doc, schema)
    except jsonschema.ValidationError as exc:
        where = "/".join(str(p) for p in exc.absolute_path) or "(top)"
        raise KnowledgeKBError(f"{name}: {where}: {exc.message}") from exc
    if not str(doc.get("source") or "").strip():
        raise KnowledgeKBError(f"{name}: 'source' is missing or empty")
    for key in schemas.ENTRY_LISTS.get(name, ()):
        for i, entry in enumerate(doc.get(key) or ()):
            if isinstance(entry, dict) and "source" in entry and not str(entry["source"]).strip():
                raise KnowledgeKBError(f"{name}: {key}[{i}] has an empty source")


@lru_cache(maxsize=32)
def _load_cached(path: str, mtime_ns: int) -> dict:
    doc = read_yaml(Path(path))
    if not isinstance(doc, dict):
        raise KnowledgeKBError(f"{Path(path).name}: expected a mapping at the top level")
    validate(doc, Path(path).name)
    return doc


def load(kb_dir: Path, name: str) -> dict:
    """A validated knowledge file (cached per file version)."""
    path = knowledge_dir(kb_dir) / name
    if not path.is_file():
        raise KnowledgeKBError(f"{name} is missing from {path.parent}")
    return _load_cached(str(path), path.stat().st_mtime_ns)


def digest_files(paths, extra: bytes = b"") -> str:
    """A digest of file contents, for cache invalidation (names plus bytes, plus `extra`)."""
    h = hashlib.sha256(extra)
    for p in sorted(str(x) for x in paths):
        h.update(p.encode())
        try:
            h.update(Path(p).read_bytes())
        except FileNotFoundError:
            h.update(b"<missing>")
    return h.hexdigest()[:16]


def graph_input_files(kb_dir: Path) -> list[Path]:
    """The tools' KB files the knowledge graph is built from (evaluation sets excluded)."""
    kb_dir = Path(kb_dir)
    files = sorted((kb_dir / "triage").glob("*.yaml"))
    files += sorted((kb_dir / "therapy").glob("*.yaml")) + sorted((kb_dir / "therapy" / "drugs").glob("*.yaml"))
    files.append(kb_dir / "cases" / "tests.yaml")
    files += sorted((kb_dir / "knowledge" / "drugs").rglob("*.yaml"))
    return [f for f in files if f.name not in ("cases.yaml", "engine.yaml") and not f.name.startswith("vignettes")]


def read_mapping(path: Path) -> dict:
    doc = read_yaml(path)
    if not isinstance(doc, dict):
        raise KnowledgeKBError(f"{Path(path).name}: expected a mapping at the top level")
    return doc


def require(entry: dict, keys: tuple[str, ...], where: str) -> None:
    missing = [k for k in keys if k not in entry]
    if missing:
        raise KnowledgeKBError(f"{where}: entry {entry.get('id', entry)!r} lacks {', '.join(missing)}")
