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
