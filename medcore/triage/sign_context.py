"""Signs whose meaning needs their setting (assets/kb/triage/sign_context.yaml, with sources): the hip-fracture sign
'foot pointing outwards' is a sign only after a fall or injury; told with no fall (a teenager's out-turned foot
with a limp) it was read as the emergency and the fall it implies (session 24c, issue 12)."""

from __future__ import annotations

import functools
import logging
import re
from pathlib import Path

import jsonschema

from medcore import kbyaml
from medcore.triage.tokens import tokens

log = logging.getLogger(__name__)
_NEGATION = {"not", "no", "never", "without", "didn't", "didnt", "hasn't", "hasnt", "wasn't", "wasnt", "nor", "denies"}

_IDS = {"type": "array", "items": {"type": "string", "pattern": "^[a-z0-9_]+$"}, "minItems": 1}
SCHEMA = {
    "type": "object", "required": ["source", "signs"],
    "properties": {
        "version": {"type": "integer"}, "source": {"type": "string", "minLength": 3},
        "signs": {"type": "array", "items": {
            "type": "object", "additionalProperties": False, "required": ["finding", "needs_any", "source"],
            "properties": {"finding": {"type": "string", "pattern": "^[a-z0-9_]+$"}, "needs_any": _IDS,
                           "instead": {"type": "string", "pattern": "^[a-z0-9_]+$"},
                           # phrases that tell the setting themselves ('can't stand up'), found anywhere in the text
                           "setting_phrases": {"type": "array", "items": {"type": "string", "minLength": 3}},
                           "setting_words": {"type": "array", "items": {"type": "string", "minLength": 1}},
                           "source": {"type": "string", "minLength": 3}}}},
    },
}


@functools.lru_cache(maxsize=4)
def _load(path: str, mtime_ns: int) -> tuple[tuple[str, frozenset, frozenset, str | None, re.Pattern | None], ...]:
    doc = kbyaml.load(path)
    jsonschema.validate(doc, SCHEMA)
    return tuple((s["finding"], frozenset(s["needs_any"]), frozenset(w.lower() for w in s.get("setting_words", ())),
                  s.get("instead"), _phrases(s.get("setting_phrases", ()))) for s in doc["signs"])


def _phrases(phrases) -> re.Pattern | None:
    alt = "|".join(re.escape(p.lower()).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<![a-z])(?:{alt})(?![a-z])") if alt else None


def load(kb_dir: str | Path) -> tuple[tuple[str, frozenset, frozenset, str | None, re.Pattern | None], ...]:
    """The guarded signs of a triage KB folder (none when it has no sign_context.yaml)."""
    p = Path(kb_dir) / "sign_context.yaml"
    return _load(str(p), p.stat().st_mtime_ns) if p.is_file() else ()


def drop_out_of_context(ex, kb, low: str) -> None:
    """Drop (or move to the sign's `instead` finding, when the KB has it) each present reading of a guarded sign whose setting the text does not tell: no needed finding read
    present, and either one read denied ('he did not fall') or no setting word anywhere in the text ('she fell, her
    leg looks shorter' keeps it). A denied sign ('the leg is not turned out') stays."""
    signs = load(Path(kb.source_files[0]).parent) if kb.source_files else ()
    if not signs:
        return
    present = {m.finding_id for m in ex.mentions if m.present}
    denied = {m.finding_id for m in ex.mentions if not m.present}
    toks = tokens(low)
    # a setting word right after a negation ('he did not fall', 'no injury', 'without falling') tells no setting
    words = {t for i, t in enumerate(toks) if not _NEGATION & set(toks[max(0, i - 3):i])}
    for fid, needs, setting, instead, phrases in signs:
        if fid not in present or present & needs:
            continue
        if not (denied & needs) and (setting & words or (phrases is not None and phrases.search(low))):
            continue
        log.debug("dropped %s: no %s in the text", fid, sorted(needs))
        moved = [m for m in ex.mentions if m.finding_id == fid and m.present]
        ex.mentions = [m for m in ex.mentions if not (m.finding_id == fid and m.present)]
        if instead and instead in kb.finding_index and instead not in present:
            ex.mentions.append(type(moved[0])(instead, kb.finding(instead).name, True, moved[0].phrase, "sign context"))
