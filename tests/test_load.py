"""Load test (issue 14), small enough for every CI run: 3 concurrent browser sessions against one live server,
each chatting and summarizing a note (the full count, with the planner too, runs in bench/load_sessions.py),
and 4 sessions over Streamlit's websocket protocol, each chatting, summarizing and planning (bench/load_protocol.py).

It asserts what must hold on any machine: no session sees an error and every session finishes. The latency
ratio (target: p95 within 2x the single-user time) is printed, not asserted: CI shares its CPUs."""

import asyncio
import json

import pytest

from tests.live_server import CHROMIUM, NO_CHROMIUM, ServerError, streamlit_server

pytestmark = [pytest.mark.load]
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason=NO_CHROMIUM)

SESSIONS = 3


@needs_chromium
def test_concurrent_sessions_finish_without_errors(tmp_path):
    from bench.load_sessions import run_load

    tools = ["chat", "summarizer"]  # the planner runs in the bench; CI time is short
    try:
        with streamlit_server(tmp_path / "data") as url:
            report = asyncio.run(run_load(url, SESSIONS, tools, baseline_runs=1, timeout_s=120.0))
    except ServerError as exc:
        pytest.fail(str(exc))
    print(json.dumps(report, indent=1))  # the figures, for the CI log (-s or -rA shows them)
    assert report["errors"] == []
    assert report["sessions_finished"] == SESSIONS
    for tool in tools:  # every session's every interaction was timed, alone and under load
        assert report["per_tool"][tool]["done"] == SESSIONS
        assert report["per_tool"][tool]["single_user_s"] is not None


# ---- the same load over Streamlit's websocket protocol (bench/load_protocol.py): no browsers -----------------

PROTOCOL_SESSIONS = 4


def test_protocol_sessions_finish_without_errors(tmp_path):
    """4 sessions at once, each chatting, summarizing and planning over the websocket protocol: every
    interaction answers, with no exception, st.error, missing answer or timeout."""
    from bench.load_protocol import TOOLS, run_load

    tools = list(TOOLS)
    try:
        with streamlit_server(tmp_path / "data") as url:
            report = asyncio.run(run_load(url, PROTOCOL_SESSIONS, tools, baseline_runs=1, timeout_s=120.0,
                                          server_pid=url.proc.pid))
    except ServerError as exc:
        pytest.fail(str(exc))
    print(json.dumps(report, indent=1))
    assert report["errors"] == []
    assert report["sessions_finished"] == PROTOCOL_SESSIONS
    for tool in tools:
        assert report["per_tool"][tool]["done"] == PROTOCOL_SESSIONS
        assert report["per_tool"][tool]["single_user_s"] is not None
