"""Events that are over by the time the note is written: a fall or a motor vehicle accident is the cause of what the
patient has now (the fracture, the neck pain), not itself a current problem. Said as having happened, it is reported
historical; a hedged, denied or hypothetical one ("risk of falls", "no fall") keeps its reading. The events are data:
`past_events` in assets/kb/records/problem_vocabulary.yaml (issue 11, session 13)."""

from __future__ import annotations

from dataclasses import replace

from medcore.records.entities import Problem


def settle(problems: list[Problem], events: frozenset[str]) -> list[Problem]:
    """The problems with each present event made historical."""
    return [replace(p, assertion="historical") if p.concept_id in events and p.assertion == "present" else p
            for p in problems]
