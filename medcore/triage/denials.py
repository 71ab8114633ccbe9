"""A short denial of a word that names no one finding ('no weakness', 'no radiation', 'no bladder problems'): the
findings it rules out (assets/kb/triage/denials.yaml). Read only where the assertion engine says the word is negated;
an affirmed word reads nothing here (too vague), and a finding another phrase already read is left to that phrase."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import jsonschema

from medcore.knowledge import assertions
from medcore.knowledge.kbfiles import read_yaml

SCHEMA = {"type": "object", "required": ["version", "source", "words"], "additionalProperties": False,
          "properties": {"version": {"const": 1}, "source": {"type": "string", "minLength": 5},
                         "words": {"type": "object", "minProperties": 1, "additionalProperties": {
                             "type": "array", "minItems": 1, "items": {"type": "string", "pattern": "^[a-z0-9_]+$"}}}}}


@lru_cache(maxsize=4)
def load(kb_dir: str) -> tuple[re.Pattern, dict[str, tuple[str, ...]]] | None:
    """The denial words of a triage KB folder as one pattern and a word -> findings map (None without the file)."""
    path = Path(kb_dir) / "denials.yaml"
    if not path.is_file():
        return None
    doc = read_yaml(path)
    jsonschema.validate(doc, SCHEMA)
    words = {" ".join(w.lower().split()): tuple(ids) for w, ids in doc["words"].items()}
    alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![a-z'])(?:{alt})(?![a-z'])"), words


def denied(table, clause: str, rules, taken: list[tuple[int, int]]) -> list[tuple[str, str]]:
    """(finding id, word) for each finding a denied word of a lower-case clause rules out. `taken`: character spans
    a phrase already read (a word inside a longer one is that phrase's: 'weak stream' is not a denial of
    weakness; a phrase that is the word itself, 'bladder problems', still rules out the rest)."""
    if table is None:
        return []
    pattern, words = table
    spans = [(m.start(), m.end()) for m in pattern.finditer(clause)
             if not any((a <= m.start() < b or a < m.end() <= b) and (a, b) != (m.start(), m.end()) for a, b in taken)]
    if not spans:
        return []
    said = assertions.assert_spans(clause, spans, rules)
    out = []
    for (s, e), how in zip(spans, said):
        if how == "negated":
            word = " ".join(clause[s:e].split())
            out += [(fid, word) for fid in words[word]]
    return out
