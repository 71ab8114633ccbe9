"""Severity-aware readings: a pain finding whose red-flag meaning needs more than mild pain (assets/kb/triage/
mild_readings.yaml) is not read where the patient calls that pain mild ('my eye is mildly sore', 'a bit sore')."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from medcore.knowledge.kbfiles import read_yaml

log = logging.getLogger(__name__)

SCHEMA = {
    "type": "object",
    "required": ["version", "cue", "findings"],
    "additionalProperties": False,
    "properties": {
        "version": {"const": 1},
        "cue": {"type": "string", "minLength": 5},
        "findings": {"type": "array", "items": {
            "type": "object", "required": ["id", "reason", "source"], "additionalProperties": False,
            "properties": {"id": {"type": "string"}, "reason": {"type": "string"}, "source": {"type": "string"}}}},
    },
}
WINDOW = 40  # characters either side of the matched words where a mild qualifier belongs to them


@dataclass(frozen=True)
class MildTable:
    cue: re.Pattern
    findings: frozenset[str]


@lru_cache(maxsize=4)
def load(kb_dir: str) -> MildTable | None:
    path = Path(kb_dir) / "mild_readings.yaml"
    if not path.exists():
        log.info("no %s: severity-aware readings off", path)
        return None
    import jsonschema

    doc = read_yaml(path)
    jsonschema.validate(doc, SCHEMA)
    return MildTable(re.compile(doc["cue"]), frozenset(f["id"] for f in doc["findings"]))


def is_mild(table: MildTable | None, finding_id: str, clause: str, start: int, end: int,
            other_spans: list[tuple[int, int]] = ()) -> bool:
    """True when `finding_id` is severity-gated and a mild qualifier of pain sits within WINDOW characters of the
    matched words clause[start:end] ('it's mildly sore' after 'a red patch on my eye'). A qualifier inside another
    finding's words ('a mildly sore throat') belongs to that finding, not to this one."""
    if table is None or finding_id not in table.findings:
        return False
    lo = max(0, start - WINDOW)
    for m in table.cue.finditer(clause[lo:end + WINDOW]):
        a, b = lo + m.start(), lo + m.end()
        if not any(s < b and a < e for s, e in other_spans if (s, e) != (start, end)):
            return True
    return False
