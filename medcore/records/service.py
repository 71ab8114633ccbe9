"""One call for the CLI, the page and the bench: input -> analysis -> narrative -> outputs."""

from __future__ import annotations

from dataclasses import dataclass, field

from medcore.records import kb as kb_mod
from medcore.records.inputs import NoteInput, injection_warning
from medcore.records.narrative import Narrative, narrative
from medcore.records.pipeline import NoteAnalysis, analyze
from medcore.records.prompt import vocabulary


@dataclass
class RecordResult:
    note: NoteInput
    analysis: NoteAnalysis
    narrative: Narrative | None
    warnings: list[str] = field(default_factory=list)


def summarize_input(note: NoteInput, settings, *, store=None, with_narrative: bool = True, backend=None,
                    scorer=None) -> RecordResult:
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
