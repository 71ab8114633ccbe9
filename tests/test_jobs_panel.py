"""The job panel's loss chart: a curve on a log scale when every loss is positive, and a run with a single
progress row still shows its point (a line through one point draws nothing)."""

from __future__ import annotations

from datetime import datetime

from medcore import jobs
from ui.jobs_panel import loss_figure


def _rows(*losses) -> list[jobs.ProgressRecord]:
    return [jobs.ProgressRecord(i + 1, datetime(2026, 1, 1), (i + 1) * 10, 100, loss, None, None)
            for i, loss in enumerate(losses)]


def test_no_loss_no_chart():
    assert loss_figure([]) is None and loss_figure(_rows(None, None)) is None


def test_a_single_point_is_drawn_as_a_marker_on_the_log_scale():
    fig = loss_figure(_rows(0.5))
    assert fig.layout.yaxis.type == "log"
    (trace,) = fig.data
    assert list(trace.x) == [10] and list(trace.y) == [0.5]
    assert "markers" in trace.mode  # a visible point: "lines" alone draws nothing for one point


def test_a_curve_is_a_line_and_a_non_positive_loss_keeps_a_linear_scale():
    fig = loss_figure(_rows(1.0, 0.5, 0.25))
    assert fig.layout.yaxis.type == "log" and "lines" in fig.data[0].mode
    assert list(fig.data[0].y) == [1.0, 0.5, 0.25]
    assert loss_figure(_rows(0.5, 0.0, -0.1)).layout.yaxis.type == "linear"


def test_a_lab_panel_shows_the_session_job_else_the_latest_of_its_kind(monkeypatch):
    from types import SimpleNamespace

    from ui.jobs_panel import job_to_show

    asked = []

    def fake_list(store, kind=None, limit=None):
        asked.append((kind, limit))
        return [SimpleNamespace(id=41)] if kind == "records-scorer" else []

    monkeypatch.setattr(jobs, "list_jobs", fake_list)
    assert job_to_show(None, "records-scorer", 7) == 7 and asked == []  # the session's own job, no lookup
    assert job_to_show(None, "records-scorer", None) == 41  # a reloaded page finds the latest run of its kind
    assert job_to_show(None, "triage-mlp", None) is None  # no job of that kind: no panel
    assert asked == [("records-scorer", 1), ("triage-mlp", 1)]
