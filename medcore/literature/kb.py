"""The literature reader's knowledge files (assets/kb/literature/*.yaml): schema-checked, every entry with a source.

One reader for all of them (`load(settings_or_kb_dir, name)`), cached per file path and modification time."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from medcore.errors import DomainError
from medcore.knowledge.validate import read_checked


class LiteratureKBError(DomainError):
    """A literature KB file is missing or does not fit its schema; the message names it."""


_SOURCE = {"type": "string", "minLength": 3}
_WORDS = {"type": "array", "items": {"type": "string", "minLength": 1}, "minItems": 1}

SCHEMAS: dict[str, dict] = {
    "headings": {
        "type": "object", "required": ["version", "roles", "stop_headings"],
        "properties": {
            "version": {"type": "integer"},
            "roles": {"type": "array", "minItems": 5, "items": {
                "type": "object", "required": ["role", "source", "variants"], "additionalProperties": False,
                "properties": {"role": {"enum": ["background", "objective", "methods", "results", "conclusions"]},
                               "source": _SOURCE, "variants": _WORDS}}},
            "stop_headings": {"type": "object", "required": ["source", "variants"],
                              "properties": {"source": _SOURCE, "variants": _WORDS}},
            "neutral_headings": {"type": "object", "required": ["source", "variants"],
                                 "properties": {"source": _SOURCE, "variants": _WORDS}},
        },
    },
    "designs": {
        "type": "object", "required": ["version", "designs", "blinding", "registries", "setting"],
        "properties": {
            "version": {"type": "integer"},
            "designs": {"type": "array", "minItems": 5, "items": {
                "type": "object", "required": ["kind", "label", "source", "cues"], "additionalProperties": False,
                "properties": {"kind": {"type": "string"}, "label": {"type": "string"}, "source": _SOURCE,
                               "cues": _WORDS, "publication_types": {"type": "array", "items": {"type": "string"}},
                               "priority": {"type": "integer"},
                               "not_after": {"type": "array", "items": {"type": "string"}}}}},
            "blinding": {"type": "array", "items": {
                "type": "object", "required": ["kind", "source", "cues"], "additionalProperties": False,
                "properties": {"kind": {"type": "string"}, "source": _SOURCE, "cues": _WORDS,
                               "patterns": {"type": "array", "items": {"type": "string"}}}}},
            "registries": {"type": "array", "items": {
                "type": "object", "required": ["registry", "pattern", "source"], "additionalProperties": False,
                "properties": {"registry": {"type": "string"}, "pattern": {"type": "string", "pattern": r"\(\?P<id>"},
                               "prefix": {"type": "string"}, "source": _SOURCE}}},
            # abbreviation_cues is required (session 26): the intensive care units by abbreviation are knowledge,
            # so the reader holds no fallback list of its own
            "setting": {"type": "object", "required": ["source", "cues", "scope_cues", "abbreviation_cues"],
                        "properties": {"source": _SOURCE, "cues": _WORDS, "scope_cues": _WORDS,
                                       "abbreviation_cues": _WORDS}},
            "unnamed_design": {"type": "array", "items": {
                "type": "object", "required": ["kind", "source", "patterns", "why"], "additionalProperties": False,
                "properties": {"kind": {"type": "string"}, "source": _SOURCE, "why": {"type": "string"},
                               "patterns": {"type": "array", "minItems": 1, "items": {"type": "string"}},
                               "roles": {"type": "array", "items": {"type": "string", "enum": [
                                   "background", "objective", "methods", "results", "conclusions", ""]}}}}},
        },
    },
    "consort_abstract": {
        "type": "object", "required": ["version", "source", "items"],
        "properties": {
            "version": {"type": "integer"}, "source": _SOURCE,
            "items": {"type": "array", "minItems": 5, "items": {
                "type": "object", "required": ["id", "label", "check"], "additionalProperties": False,
                "properties": {"id": {"type": "string"}, "label": {"type": "string"},
                               "check": {"type": "string"}, "cues": {"type": "array", "items": {"type": "string"}},
                               "note": {"type": "string"}}}},
        },
    },
    # session 27: conditions and procedures of one sex (population_sex reads them)
    "sex_specific": {
        "type": "object", "required": ["version", "female", "male", "others", "not_the_people"],
        "properties": {"version": {"type": "integer"}, **{k: {
            "type": "object", "required": ["source", "words"], "additionalProperties": False,
            "properties": {"source": _SOURCE, "words": _WORDS, "may_be_the_patients": _WORDS, "codes": {"type": "array", "items": {
                "type": "string", "pattern": r"^[A-Z][0-9][0-9A-Z]-[A-Z][0-9][0-9A-Z]$"}}}} for k in ("female", "male", "others", "not_the_people")}},
    },
    "cues": {
        "type": "object", "required": ["version", "groups"],
        "properties": {
            "version": {"type": "integer"},
            "groups": {"type": "object", "additionalProperties": {
                "type": "object", "required": ["source", "cues"], "additionalProperties": False,
                "properties": {"source": _SOURCE, "cues": _WORDS}}},
        },
    },
}


def kb_dir_of(settings_or_dir) -> Path:
    if isinstance(settings_or_dir, (str, Path)):
        return Path(settings_or_dir)
    return Path(settings_or_dir.kb_dir) / "literature"


def load(settings_or_dir, name: str) -> dict:
    path = kb_dir_of(settings_or_dir) / f"{name}.yaml"
    try:
        mtime = path.stat().st_mtime_ns
    except FileNotFoundError as exc:
        raise LiteratureKBError(f"missing literature KB file {path}") from exc
    return _load(str(path), name, mtime)


@lru_cache(maxsize=16)
def _load(path: str, name: str, mtime: int) -> dict:
    return read_checked(Path(path), SCHEMAS[name], LiteratureKBError, "literature KB file")


def cue_regex(words: list[str] | tuple[str, ...]) -> re.Pattern:
    """One case-insensitive pattern for a cue list: whole words, a trailing '*' makes a prefix, a leading '*' a
    suffix ('*ectomy': any word ending so)."""
    alts = []
    for w in sorted(words, key=len, reverse=True):
        w = w.lower()
        if w.startswith("*"):
            alts.append(r"\b\w+" + re.escape(w[1:]) + r"\b")
        elif w.endswith("*"):
            alts.append(r"\b" + re.escape(w[:-1]))
        else:
            alts.append((r"\b" if w[0].isalnum() else "") + re.escape(w) + (r"\b" if w[-1].isalnum() else ""))
    return re.compile("|".join(alts), re.IGNORECASE)
