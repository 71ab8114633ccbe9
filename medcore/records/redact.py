"""Identifiers out of everything derived from a note: summary exports and clinician-edited summaries.

A summary quotes the note ("Harold Jenkins, seen 03/04/2024 ..."), so exports are de-identified by default.
The note's own PHI spans are the surest guide (a name found once in the header is known everywhere), so each
is replaced by the same replacement the note got; whatever else the text holds (a clinician's edit can add a
name) goes through the de-identifier with the note's date shift. One shift for all of it, never a second one:
dates already replaced stay as they are.
"""

from __future__ import annotations

import re
from typing import Any

from medcore.deid import deidentify
from medcore.records.pipeline import NoteAnalysis

_HOLD = "\u27e6{}\u27e7"  # a mark no note holds, which no de-identification rule reads as PHI
_HELD = re.compile("\u27e6(\\d+)\u27e7")
# Keys of a FHIR resource that carry codes, ids or binary data rather than prose.
_NOT_PROSE = {"resourceType", "id", "fullUrl", "reference", "system", "code", "status", "docStatus", "date",
              "recorded", "timestamp", "dateAsserted", "contentType", "data", "type", "url",
              "display", "unit", "comparator"}  # a code system's display and a unit come from our tables


def redact(a: NoteAnalysis, text: str) -> str:
    """`text` (derived from the note of `a`) without the note's identifiers."""
    if not text:
        return text
    pairs = sorted({(s.text, s.replacement) for s in a.deid.spans if s.text.strip()}, key=lambda p: -len(p[0]))
    held: list[str] = []
    for original, replacement in pairs:
        if original in text:
            text = text.replace(original, _HOLD.format(len(held)))
            held.append(replacement)
    text = deidentify(text, shift_days=a.deid.shift_days).text
    return _HELD.sub(lambda m: held[int(m.group(1))], text)


def redact_tree(a: NoteAnalysis, obj: Any, key: str = "") -> Any:
    """Every prose string of a JSON-like tree (a FHIR bundle, the JSON export) redacted; codes, ids and
    binary attachments untouched."""
    if isinstance(obj, dict):
        return {k: redact_tree(a, v, k) for k, v in obj.items()}
    if isinstance(obj, list):
        return [redact_tree(a, v, key) for v in obj]
    if isinstance(obj, str) and key not in _NOT_PROSE:
        return redact(a, obj)
    return obj
