"""A named destination after a travel cue ("just back from Nigeria", "a trip to Thailand") is recent travel to the
tropics (finding travel_tropics). The destinations and cues are data: assets/kb/triage/travel.yaml (one home)."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import yaml

FINDING = "travel_tropics"


@functools.lru_cache(maxsize=4)
def load_travel(path: str) -> re.Pattern | None:
    """One pattern: a cue, at most max_gap words, then a destination. None when the file is absent."""
    p = Path(path)
    if not p.exists():
        return None
    doc = yaml.safe_load(p.read_text(encoding="utf-8"))
    if not doc.get("source") or not doc.get("cues") or not doc.get("destinations"):
        raise ValueError(f"{p.name}: needs source, cues and destinations")
    names = sorted({n.lower() for group in doc["destinations"].values() for n in group}, key=len, reverse=True)
    cues = sorted({c.lower() for c in doc["cues"]}, key=len, reverse=True)
    gap = int(doc.get("max_gap", 4))
    alt = lambda xs: "|".join(re.escape(x).replace(r"\ ", r"\s+") for x in xs)  # noqa: E731
    return re.compile(rf"\b(?:{alt(cues)})\s+(?:[\w'-]+\s+){{0,{gap}}}?(?:{alt(names)})\b")


def travel_span(low: str, kb_dir: str | Path) -> tuple[int, int] | None:
    """Where a lower-case text says the patient travelled to a listed destination, or None."""
    pat = load_travel(str(Path(kb_dir) / "travel.yaml"))
    m = pat.search(low) if pat is not None else None
    return (m.start(), m.end()) if m else None
