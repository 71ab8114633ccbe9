"""What a wrong-shaped value is, in words a person reads ("a list", "a number"), for domain-error messages that
name the problem without Python type names (issue 14: one error format)."""

from __future__ import annotations

import math


def kind_of(value) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, float) and math.isnan(value):
        return "not-a-number (NaN)"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, (bytes, bytearray)):
        return "binary data"
    if isinstance(value, dict):
        return "an object (key/value pairs)"
    if isinstance(value, (list, tuple, set, frozenset)):
        return "a list"
    return "an unsupported value"
