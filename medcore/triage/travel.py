"""A named destination after a travel cue ("just back from Nigeria", "a trip to Thailand") is recent travel to the
tropics (finding travel_tropics). The destinations and cues are data: assets/kb/triage/travel.yaml (one home)."""

from __future__ import annotations

import functools
import os
import re
from pathlib import Path

import yaml

FINDING = "travel_tropics"


def _alt(xs) -> str:
    return "|".join(re.escape(x).replace(r"\ ", r"\s+") for x in sorted({x.lower() for x in xs}, key=len, reverse=True))


@functools.lru_cache(maxsize=4)
def load_travel(path: str) -> tuple[re.Pattern, re.Pattern, re.Pattern] | None:
    """(a cue, at most max_gap words, then a destination; 'in'/'to' then a destination; a residence word).
    None when the file is absent."""
    p = Path(path)
    if not p.exists():
        return None
    doc = yaml.safe_load(p.read_text(encoding="utf-8"))
    if not doc.get("source") or not doc.get("cues") or not doc.get("destinations"):
        raise ValueError(f"{p.name}: needs source, cues and destinations")
    names = _alt(n for group in doc["destinations"].values() for n in group)
    gap = int(doc.get("max_gap", 4))
    return (re.compile(rf"\b(?:{_alt(doc['cues'])})\s+(?:[\w'-]+\s+){{0,{gap}}}?(?:{names})\b"),
            re.compile(rf"\b(?:in|to)\s+(?:the\s+)?(?:{names})\b"),
            re.compile(rf"\b(?:{_alt(doc.get('residence') or ['live'])})\b"))


def travel_span(low: str, kb_dir: str | Path) -> tuple[int, int] | None:
    """Where a lower-case text (one clause) says the patient stayed at a listed destination, or None."""
    pats = load_travel(os.path.join(kb_dir, "travel.yaml"))
    if pats is None:
        return None
    cue, stay, residence = pats
    m = cue.search(low)
    if m is None:
        m = stay.search(low)
        if m is not None and residence.search(low, 0, m.start()):
            m = None  # "I live in Thailand", "I was born in Ghana"
    return (m.start(), m.end()) if m else None
