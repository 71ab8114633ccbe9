"""A named destination after a travel cue ("just back from Nigeria", "a trip to Thailand") is recent travel to the
tropics (finding travel_tropics); a long-haul destination after a travel cue ("since I flew back from Australia")
is a long journey (the long_haul section's finding, immobility_surgery), and one several time zones away a flight
across time zones (time_zones: time_zone_travel; 'flew back from Spain' is neither). The destinations and cues are data:
assets/kb/triage/travel.yaml (one home)."""

from __future__ import annotations

import functools
import os
import re
from pathlib import Path

from medcore import kbyaml

FINDING = "travel_tropics"
# journey sections of travel.yaml: a journey cue then one of the section's destinations states its finding
# (long_haul: a long journey, a clot risk; time_zones: a flight across several time zones, jet lag's cause)
JOURNEYS = ("long_haul", "time_zones")


def _alt(xs) -> str:
    return "|".join(re.escape(x).replace(r"\ ", r"\s+") for x in sorted({x.lower() for x in xs}, key=len, reverse=True))


@functools.lru_cache(maxsize=4)
def _load(path: str) -> dict | None:
    """The compiled patterns: tropics (a cue, at most max_gap words, then a destination; 'in'/'to' then a
    destination; a residence word) and journeys ((finding, a journey cue then one of its destinations) per JOURNEYS
    section present).
    None when the file is absent."""
    p = Path(path)
    if not p.exists():
        return None
    doc = kbyaml.load(p)
    if not doc.get("source") or not doc.get("cues") or not doc.get("destinations"):
        raise ValueError(f"{p.name}: needs source, cues and destinations")
    tropical = [n for group in doc["destinations"].values() for n in group]
    gap = int(doc.get("max_gap", 4))
    cue = rf"\b(?:{_alt(doc['cues'])})\s+(?:[\w'-]+\s+){{0,{gap}}}?"
    out = {"tropics": (re.compile(rf"{cue}(?:{_alt(tropical)})\b"),
                       re.compile(rf"\b(?:in|to)\s+(?:the\s+)?(?:{_alt(tropical)})\b"),
                       re.compile(rf"\b(?:{_alt(doc.get('residence') or ['live'])})\b")),
           "journeys": [],
           # 'south africa' is not 'africa' (travel.yaml not_destinations): masked before the tropics patterns run
           "not_here": re.compile(rf"\b(?:{_alt(doc['not_destinations'])})\b") if doc.get("not_destinations") else None}
    for section in JOURNEYS:
        lh = doc.get(section)
        if not lh:
            continue
        if lh.get("same_as"):  # another section's cues and destinations, less `except`
            base, drop = doc[lh["same_as"]], set(lh.get("except") or [])
            lh = {**base, **{k: v for k, v in lh.items() if k not in ("same_as", "except")}}
            lh["destinations"] = [d for d in base["destinations"] if d not in drop]
            lh["include_groups"] = [g for g in doc["destinations"] if g not in drop] if base.get("include_destinations") \
                else []
            lh["include_destinations"] = False
        if not lh.get("source") or not lh.get("finding") or not lh.get("destinations"):
            raise ValueError(f"{p.name}: {section} needs source, finding and destinations")
        names = list(lh["destinations"]) + (tropical if lh.get("include_destinations") else []) \
            + [n for g in lh.get("include_groups") or [] for n in doc["destinations"][g]]
        journey = rf"\b(?:{_alt(lh.get('cues') or doc['cues'])})\s+(?:[\w'-]+\s+){{0,{gap}}}?"
        out["journeys"].append((lh["finding"], re.compile(rf"{journey}(?:{_alt(names)})\b")))
    return out


def load_travel(path: str) -> tuple[re.Pattern, re.Pattern, re.Pattern] | None:
    """(a cue, at most max_gap words, then a tropical destination; 'in'/'to' then one; a residence word)."""
    pats = _load(path)
    return None if pats is None else pats["tropics"]


def travel_span(low: str, kb_dir: str | Path) -> tuple[int, int] | None:
    """Where a lower-case text (one clause) says the patient stayed at a listed destination, or None."""
    pats = load_travel(os.path.join(kb_dir, "travel.yaml"))
    if pats is None:
        return None
    cue, stay, residence = pats
    not_here = _load(os.path.join(kb_dir, "travel.yaml"))["not_here"]
    if not_here is not None:  # same length, so the spans stay offsets of the clause
        low = not_here.sub(lambda m: " " * len(m.group(0)), low)
    m = cue.search(low)
    if m is None:
        m = stay.search(low)
        if m is not None and residence.search(low, 0, m.start()):
            m = None  # "I live in Thailand", "I was born in Ghana"
    return (m.start(), m.end()) if m else None


def travel_findings(low: str, kb_dir: str | Path) -> list[tuple[str, tuple[int, int]]]:
    """The travel findings a lower-case clause states, each with its span: travel to the tropics, and a long-haul
    journey (only after a travel cue: 'I live in Australia' is none)."""
    out = []
    span = travel_span(low, kb_dir)
    if span is not None:
        out.append((FINDING, span))
    pats = _load(os.path.join(kb_dir, "travel.yaml"))
    for finding, cue in pats["journeys"] if pats is not None else ():
        m = cue.search(low)
        if m is not None:
            out.append((finding, (m.start(), m.end())))
    return out
