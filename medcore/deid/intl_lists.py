"""The word lists of intl_names.py and intl_addresses.py (assets/kb/deid/international.yaml), read once and checked:
each key is a list of words, or a string of single characters (the one-character surnames and clinical characters
of the scripts without spaces). A leaf module, so the two rule modules share one home for their words."""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path

from medcore import kbyaml
from medcore.errors import DomainError

log = logging.getLogger(__name__)

_FILE = Path(__file__).resolve().parents[2] / "assets" / "kb" / "deid" / "international.yaml"
_CHARACTER_KEYS = ("han_surnames", "han_clinical_characters", "hangul_surnames")


class IntlListError(DomainError):
    """international.yaml has a key of the wrong shape (the message names it)."""


@lru_cache(maxsize=1)
def _doc() -> dict:
    try:
        doc = kbyaml.load(_FILE) or {}
    except OSError:
        # the other rules still run; names in other scripts and foreign addresses are then found by cues only
        log.warning("international name and address lists not read: %s is missing", _FILE)
        return {}
    for section, body in doc.items():
        if not isinstance(body, dict):
            raise IntlListError(f"{_FILE.name}: {section} must map list names to lists")
        for key, value in body.items():
            ok = isinstance(value, str) if key in _CHARACTER_KEYS else (
                isinstance(value, list) and all(isinstance(v, str) and v for v in value))
            if not ok:
                raise IntlListError(f"{_FILE.name}: {section}.{key} must be a "
                                    f"{'string of characters' if key in _CHARACTER_KEYS else 'list of words'}")
    return doc


@lru_cache(maxsize=64)
def words(section: str, key: str) -> frozenset[str]:
    """One list, in lower case (the scripts without case are unchanged by lower())."""
    value = _doc().get(section, {}).get(key, [])
    if isinstance(value, str):
        return frozenset(c for c in value if not c.isspace())
    return frozenset(v.lower() for v in value)


@lru_cache(maxsize=64)
def ordered(section: str, key: str) -> tuple[str, ...]:
    """One list, longest first (for an alternation that must try "home address" before "address")."""
    return tuple(sorted(words(section, key), key=lambda w: (-len(w), w)))


def clear_cache() -> None:
    """Read the file again at the next use (tests that point _FILE elsewhere)."""
    for cached in (_doc, words, ordered):
        cached.cache_clear()
