"""Trial and review registrations (ClinicalTrials.gov, ISRCTN, EudraCT, ANZCTR, ChiCTR, PROSPERO, ...): the one
reader of registry identifiers and the one way they are shown. Formats are data (assets/kb/literature/
designs.yaml `registries`); each pattern's group `id` is the identifier, read once and kept in one canonical form,
so "ISRCTN 12345678" is the id ISRCTN12345678 and is shown once, never as "ISRCTN ISRCTN12345678"."""

from __future__ import annotations

import re
from functools import lru_cache

from medcore.literature import kb


@lru_cache(maxsize=4)
def _registries(kb_path: str) -> list[tuple[str, re.Pattern, str]]:
    data = kb.load(kb_path, "designs")
    return [(r["registry"], re.compile(r["pattern"], re.IGNORECASE), r.get("prefix", "")) for r in data["registries"]]


def canonical(ident: str, prefix: str = "") -> str:
    """The identifier without blanks, its prefix spelled as the registry spells it ("isrctn 1234" -> "ISRCTN1234")."""
    ident = re.sub(r"\s+", "", ident)
    if prefix and ident.lower().startswith(prefix.lower()):
        ident = prefix + ident[len(prefix):].upper()
    return ident


def find(settings, units: list[tuple[int, str]]) -> list[dict]:
    """Every registration in (sentence index, text) units, each identifier once, in reading order:
    {"registry", "id", "sentence_idx", "text" (as written, for the card's highlight)}."""
    seen: set[str] = set()
    out = []
    for idx, text in units:
        hits = sorted((m.start(), registry, m, prefix) for registry, pattern, prefix in
                      _registries(str(kb.kb_dir_of(settings))) for m in pattern.finditer(text or ""))
        for _, registry, m, prefix in hits:
            ident = canonical(m.group("id"), prefix)
            if ident.upper() not in seen:
                seen.add(ident.upper())
                out.append({"registry": registry, "id": ident, "sentence_idx": idx, "text": m.group(0)})
    return out


def shown(reg: dict) -> str:
    """How a registration is named on the card: the id alone when it carries its registry's name ("ISRCTN12345678",
    "ChiCTR1800012345"), else the registry first ("ClinicalTrials.gov NCT01234567", "EudraCT 2015-001234-56")."""
    registry, ident = str(reg.get("registry", "")), str(reg.get("id", ""))
    return ident if ident.lower().startswith(registry.lower()) else f"{registry} {ident}".strip()
