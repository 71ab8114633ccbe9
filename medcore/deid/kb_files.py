"""The one place de-identification reads a knowledge-base file from (given names, section headers, the knowledge
layer's vocabularies). The KB is optional for the API: titles, labels and header lines still find names without it,
so a missing file reads as empty, and the miss is logged once per file rather than raised."""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path

log = logging.getLogger(__name__)

KB_ROOT = Path(__file__).resolve().parents[2] / "assets" / "kb"


_warned: set[str] = set()


def kb_text(relpath: str) -> str:
    """The text of assets/kb/<relpath>, or "" when it cannot be read. Not cached here: each caller caches what it
    derives (a word set), not the file's text."""
    try:
        return (KB_ROOT / relpath).read_text(encoding="utf-8")
    except OSError as exc:
        if relpath not in _warned:
            _warned.add(relpath)
            log.warning("de-identification KB file not read (%s): the rules that use it run without it", exc)
        return ""


def kb_lines(relpath: str) -> list[str]:
    """The lines of a KB file that are not '#' comments."""
    return [line for line in kb_text(relpath).splitlines() if not line.lstrip().startswith("#")]


def kb_yaml(relpath: str) -> dict:
    """A KB YAML file as a mapping ({} when missing or empty)."""
    from medcore import kbyaml

    return kbyaml.loads(kb_text(relpath), relpath) or {}


def kb_paths(reldir: str, pattern: str) -> list[str]:
    """The KB-relative paths under assets/kb/<reldir> that match a glob, recursively, in a stable order."""
    return [p.relative_to(KB_ROOT).as_posix() for p in sorted((KB_ROOT / reldir).rglob(pattern))]


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """The given-name list (records/first_names.txt, capitalised, English words already left out)."""
    return frozenset(w for line in kb_lines("records/first_names.txt") for w in line.split())


@lru_cache(maxsize=1)
def word_given_names() -> frozenset[str]:
    """Given names that are also English words (deid/word_given_names.txt): names only with a person's cue."""
    return frozenset(w for line in kb_lines("deid/word_given_names.txt") for w in line.split())
