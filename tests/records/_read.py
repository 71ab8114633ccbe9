"""What the summarizer reads from a test sentence, in the shape the problem tests compare."""

from __future__ import annotations

from medcore.records.pipeline import analyze


def problems(kb, text: str) -> list[tuple[str, str | None, str]]:
    """(problem text lower-cased, ICD-10-CM code, assertion) of each problem, in order."""
    return [(p.text.lower(), p.icd10cm, p.assertion) for p in analyze(text, kb).extraction.problems]
