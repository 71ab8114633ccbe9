"""One call for the CLI, the page and the bench: input -> analysis -> narrative -> outputs."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from medcore.auth import SYSTEM, User, check_tool
from medcore.controls import strip_controls
from medcore.records import kb as kb_mod
from medcore.records.inputs import INVISIBLE_NOTE, InputError, NoteInput, injection_warning, is_blank
from medcore.records.narrative import Narrative, narrative
from medcore.records.pipeline import NoteAnalysis, analyze
from medcore.records.prompt import vocabulary


@dataclass
class RecordResult:
    note: NoteInput
    analysis: NoteAnalysis
    narrative: Narrative | None
    warnings: list[str] = field(default_factory=list)


def summarize_input(note: NoteInput, settings, *, user: User, store=None, with_narrative: bool = True, backend=None,
                    scorer=None) -> RecordResult:
    """`user` (required: the page's signed-in user, or auth.SYSTEM for the CLI, workers and evals) must be allowed
    the records tool."""
    check_tool(user, "records")
    # Checked here too, not only where the input was read: a NoteInput can be built directly, and the
    # engines' cost grows with the text, so an oversized note must never reach them.
    if not isinstance(note, NoteInput) or not isinstance(note.text, str):
        raise InputError("summarize needs a note read by medcore.records.inputs (from_paste, from_upload or "
                         "from_path)")
    if len(note.text) > settings.max_note_chars:
        raise InputError(f"The note has {len(note.text):,} characters, more than the limit of "
                         f"{settings.max_note_chars:,} (MEDCORE_MAX_NOTE_CHARS). Split the record into separate notes.")
    if is_blank(note.text):  # a NoteInput built directly (a restored workspace) skips inputs.check_text
        raise InputError(INVISIBLE_NOTE)
    if (clean := strip_controls(note.text)) != note.text:  # built directly: not cleaned by inputs.check_text
        note = replace(note, text=clean)
    kb = kb_mod.load(settings)
    analysis = analyze(note.text, kb)
    warnings = list(note.warnings)
    if w := injection_warning(note.text):
        warnings.append(w)
    nar = None
    if with_narrative:
        if scorer is None:
            from medcore.records.scorer import active_scorer

            scorer = active_scorer(store, settings)
        nar = narrative(analysis, settings, backend=backend, scorer=scorer, vocabulary=vocabulary(kb), store=store)
    return RecordResult(note, analysis, nar, warnings)


def _summarize_in_worker(note: NoteInput, settings, with_narrative: bool, user: User) -> RecordResult:
    from medcore.store import Store

    store = Store.open(settings)  # the system's view: the active scorer and adapter are read from the registry
    try:
        return summarize_input(note, settings, user=user, store=store, with_narrative=with_narrative)
    finally:
        store.engine.dispose()


def summarize_bounded(note: NoteInput, settings, *, user: User, with_narrative: bool = True) -> RecordResult:
    """summarize_input in the engine worker pool, under its time budget (the page uses this, so one long
    note cannot stall the server for everyone). `user`: the page's signed-in user, who must be allowed the records
    tool (checked here, not only by the page; required: the CLI passes auth.SYSTEM)."""
    from medcore import workpool

    check_tool(user, "records")
    if len(note.text) > settings.max_note_chars:  # refuse before shipping the text to a worker
        raise InputError(f"The note has {len(note.text):,} characters, more than the limit of "
                         f"{settings.max_note_chars:,} (MEDCORE_MAX_NOTE_CHARS). Split the record into separate notes.")
    return workpool.run(settings, _summarize_in_worker, note, settings, with_narrative, user)



# A made-up note (no real patient), only to build the engines' lazy parts in a new worker.
_WARM_NOTE = ("HISTORY: 61-year-old woman seen for follow-up of type 2 diabetes and high blood pressure. She denies "
              "chest pain.\nMEDICATIONS: metformin 500 mg twice daily; lisinopril 10 mg daily.\n"
              "LABS: creatinine 0.9 mg/dL, HbA1c 7.2 %.\nPLAN: continue, recheck in 3 months.")


def warm_worker(settings) -> None:
    """Called once in each engine worker when the server starts (workpool.warm): the knowledge base, the
    matchers built on first use and the narrative's scorer are ready before the first summary (about 10 s in a
    new worker here). Nothing is stored."""
    summarize_input(NoteInput(_WARM_NOTE, "paste"), settings, user=SYSTEM)
