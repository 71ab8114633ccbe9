"""The deterministic pipeline, one function per visible step:
de-identify -> sentences and sections -> extraction -> structured summary -> note type and layout.
The narrative (language model or extractive) is a separate, slower step (narrative.py)."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from medcore.records import kb as kb_mod
from medcore.deid import DeidResult, deidentify
from medcore.records.extract import Extraction, extract
from medcore.records.layout import LaidOut, lay_out
from medcore.records.note_types import NoteType, detect
from medcore.records.sections import Section, assign_sections, find_sections
from medcore.records.structured import StructuredSummary, build
from medcore.records.text import Sentence, split_sentences
from medcore.records.units import ObservationCodes


@dataclass
class NoteAnalysis:
    text: str
    deid: DeidResult
    sections: list[Section]
    sentences: list[Sentence]
    extraction: Extraction
    summary: StructuredSummary
    timings_ms: dict[str, float] = field(default_factory=dict)
    codes: ObservationCodes = field(default_factory=ObservationCodes)  # UCUM and LOINC of the KB (FHIR export)
    note_type: NoteType | None = None  # discharge, ED, consult, progress, radiology, ... (note_types.py)
    layout: LaidOut | None = None  # the summary laid out for that note type (layout.py)


def analyze(text: str, kb: kb_mod.RecordsKB, *, kind: str = "", shift_days: int | None = None) -> NoteAnalysis:
    if not isinstance(text, str):  # checked before the engines (issue 14: one error format)
        from medcore.kinds import kind_of
        from medcore.records.inputs import InputError

        raise InputError(f"The note must be text; this is {kind_of(text)}.")
    t = {}
    t0 = time.perf_counter()
    deid = deidentify(text, shift_days=shift_days)
    t["deidentify"] = time.perf_counter()
    sections = find_sections(text, kb.sections)
    sentences = assign_sections(split_sentences(text), sections)
    t["sections"] = time.perf_counter()
    ex = extract(text, sentences, kb)
    t["extract"] = time.perf_counter()
    summary = build(text, sentences, ex, kind)
    t["summary"] = time.perf_counter()
    note_type = detect(text, sections)
    laid = lay_out(note_type, sections, sentences, summary, ex)
    t["layout"] = time.perf_counter()
    timings, prev = {}, t0
    for k, v in t.items():
        timings[k] = (v - prev) * 1000
        prev = v
    return NoteAnalysis(text, deid, sections, sentences, ex, summary, timings, kb.codes, note_type, laid)
