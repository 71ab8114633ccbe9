"""Issue 12's case-trainer target, asserted (it was measured only, docs/evals/cases-undertriage-s9): on generated
patients seeds 0-299 (standard difficulty) the engine, interviewing the simulated patient, triages at most 10 % of
the emergencies lower than emergency. About a minute on the shared CPU."""

from __future__ import annotations

from medcore.cases.evaluate import solvability


def test_generated_emergencies_under_triaged_at_most_10_percent(trainer):
    m = solvability(trainer, 300, seed0=0)["metrics"]
    assert m["n"] == 300 and m["emergency_under_triage"] is not None
    assert m["emergency_under_triage"] <= 0.10, m
