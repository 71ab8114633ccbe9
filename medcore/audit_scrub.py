"""Audit detail without PHI (DESIGN.md: audit events): numbers and short identifiers under known keys pass; any
other text is replaced by its length and a hash, so events can still be correlated. The store scrubs every event's
detail through this before it is written."""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any

_SAFE_VALUE = re.compile(r"^[\w.\-:/@+ ]{0,64}\Z")
_SAFE_KEYS = frozenset(
    {"status", "model", "backend", "kind", "condition", "code", "count", "n", "steps", "version", "job_id",
     "item_id", "seconds", "ok", "reason_code", "page", "tool", "format", "triage", "severity", "size", "team"}
)


def scrub_detail(detail: dict[str, Any]) -> dict[str, Any]:
    """Keep audit detail free of PHI: numbers and short identifiers under known keys pass;
    any other text is replaced by its length and a hash, so events can still be correlated."""
    out: dict[str, Any] = {}
    for key, value in detail.items():
        if value is None or isinstance(value, (bool, int, float)):
            out[key] = value
        elif isinstance(value, str) and key in _SAFE_KEYS and _SAFE_VALUE.match(value):
            out[key] = value
        else:
            blob = value if isinstance(value, str) else json.dumps(value, sort_keys=True, default=str)
            out[key] = {"chars": len(blob), "sha256": hashlib.sha256(blob.encode("utf-8", "replace")).hexdigest()[:16]}
    return out
