"""The engine as a student hears what a student hears: the opening statement, and whole answers."""

from __future__ import annotations

from medcore.cases.generator import new_case
from medcore.cases.interview import engine_interview, start_answers
from medcore.cases.patient import opening_statement


def _sudden(ckb, cid="subarachnoid_haemorrhage"):
    return next(c for c in (new_case(ckb, s, condition=cid) for s in range(30)) if c.findings.get("sudden_onset"))


def test_start_answers_hold_what_the_opening_statement_said(ckb):
    case = _sudden(ckb)
    assert "came on suddenly" in opening_statement(ckb.triage, case)
    answers, origin = start_answers(case)
    assert answers[case.complaint] == "yes" and origin[case.complaint] == "text"
    assert answers["sudden_onset"] == "yes" and answers["gradual_onset"] == "no"
    assert [f for f in answers if f.startswith("duration_") and answers[f] == "yes"] == \
        [f for f in ("duration_under_1_day", "duration_1_to_14_days", "duration_over_2_weeks") if case.findings[f]]
    assert all(origin[f] == "answer" for f in answers if f != case.complaint)


def test_engine_interview_records_the_whole_answer_and_only_the_truth(trainer, ckb):
    """An onset question answered 'It came on suddenly' tells both onset findings, as the patient's words do."""
    for seed in range(12):
        case = new_case(ckb, seed, level="emergency")
        run = engine_interview(trainer.engine, case)
        for f, v in run.answers.items():
            if v != "unknown":
                assert (v == "yes") == bool(case.findings.get(f)), (seed, f, v)
        if any(case.findings.get(f) for f in ("sudden_onset", "gradual_onset")):
            assert {"sudden_onset", "gradual_onset"} <= set(run.answers)
