"""The shipped sample notes and their gold annotations.

Annotated notes (assets/notes/annotated/*.md) are written with inline markup, so the gold spans
cannot drift from the text: {{TYPE|text}} marks PHI, [[type/assertion|text]] marks an entity
(problem, medication, allergy, lab, vital, procedure). A front-matter block gives id, kind and
split (dev: used while building the rules; heldout: never looked at while tuning), and an optional
'=== reference summary ===' trailer holds a reference narrative."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

_MARK = re.compile(r"\{\{([A-Z]+)\|([^{}]+)\}\}|\[\[([a-z]+)(?:/([a-z]+))?\|([^\[\]]+)\]\]")
SUMMARY_MARK = "=== reference summary ==="


@dataclass(frozen=True)
class GoldSpan:
    type: str
    start: int
    end: int
    text: str
    assertion: str = ""


@dataclass
class AnnotatedNote:
    id: str
    kind: str
    split: str
    text: str
    phi: list[GoldSpan] = field(default_factory=list)
    entities: list[GoldSpan] = field(default_factory=list)
    reference_summary: str = ""
    path: str = ""


def parse_markup(source: str) -> tuple[str, list[GoldSpan], list[GoldSpan]]:
    out, phi, ents, pos, last = [], [], [], 0, 0
    for m in _MARK.finditer(source):
        out.append(source[last:m.start()])
        pos += m.start() - last
        if m.group(1):
            text = m.group(2)
            phi.append(GoldSpan(m.group(1), pos, pos + len(text), text))
        else:
            text = m.group(5)
            kind = m.group(3)
            assertion = m.group(4) or ("present" if kind == "problem" else "")
            ents.append(GoldSpan(kind, pos, pos + len(text), text, assertion))
        out.append(text)
        pos += len(text)
        last = m.end()
    out.append(source[last:])
    return "".join(out), phi, ents


def parse_annotated(raw: str, path: str = "") -> AnnotatedNote:
    meta: dict[str, str] = {}
    body = raw
    if raw.startswith("---"):
        head, body = raw[3:].split("\n---\n", 1)
        for line in head.strip().splitlines():
            if ":" in line:
                k, v = line.split(":", 1)
                meta[k.strip()] = v.split("#", 1)[0].strip()
    reference = ""
    if SUMMARY_MARK in body:
        body, reference = body.split(SUMMARY_MARK, 1)
    text, phi, ents = parse_markup(body.strip("\n") + "\n")
    return AnnotatedNote(meta.get("id", Path(path).stem), meta.get("kind", "note"), meta.get("split", "dev"), text,
                         phi, ents, reference.strip(), path)


def notes_dir(settings) -> Path:
    return Path(settings.assets_dir) / "notes"


@lru_cache(maxsize=4)
def _load_annotated(folder: Path) -> tuple[AnnotatedNote, ...]:
    return tuple(parse_annotated(p.read_text(encoding="utf-8"), str(p)) for p in sorted(folder.glob("*.md")))


def annotated_notes(settings, split: str | None = None) -> list[AnnotatedNote]:
    notes = list(_load_annotated(notes_dir(settings) / "annotated"))
    return [n for n in notes if split is None or n.split == split]


def sample_notes(settings) -> dict[str, str]:
    """Every shipped note as plain text, keyed by a display label (annotated ones with markup removed)."""
    notes = annotated_notes(settings)
    out = {f"{n.id} · {n.kind}": n.text for n in notes}
    annotated_stems = {Path(n.path).stem for n in notes}
    for p in sorted(notes_dir(settings).glob("*.txt")):
        if p.stem not in annotated_stems:  # plain copies of annotated notes are already listed
            out[f"{p.stem.split('_')[0]} · {p.stem.split('_', 1)[-1].replace('_', ' ')} (not annotated)"] = \
                p.read_text(encoding="utf-8")
    return out
