"""The engine worker pool: results and errors come back, an over-budget call is stopped without stalling
the caller or poisoning the pool, a full pool says it is busy, a crashed worker is reported and replaced."""

from __future__ import annotations

from medcore.auth import SYSTEM

import os
import signal
import threading
import time
from pathlib import Path

import pytest

from medcore.workpool import EngineBusy, EngineTimeout, WorkerCrashed, WorkerPool


def add(a, b):
    return a + b


def fail(msg):
    raise ValueError(msg)


def spin(seconds):
    end = time.monotonic() + seconds
    n = 0
    while time.monotonic() < end:  # CPU-bound, holds its own process's GIL only
        n += 1
    return n


def die():
    os._exit(3)


@pytest.fixture
def pool():
    p = WorkerPool(1, queue_wait_s=0.3)
    yield p
    p.close()


def test_results_and_errors_come_back(pool):
    assert pool.call(add, 2, 3, timeout_s=60) == 5
    with pytest.raises(ValueError, match="bad input"):
        pool.call(fail, "bad input", timeout_s=60)
    assert pool.call(add, "a", "b", timeout_s=60) == "ab"  # the worker survived the error


def test_an_over_budget_call_is_stopped_and_the_pool_recovers(pool):
    pool.call(add, 1, 1, timeout_s=60)  # warm: the worker is started
    t0 = time.monotonic()
    with pytest.raises(EngineTimeout, match="time limit of 1 s"):
        pool.call(spin, 60, timeout_s=1)
    assert time.monotonic() - t0 < 10
    assert pool.call(add, 1, 2, timeout_s=60) == 3  # a fresh worker replaced the stopped one


def test_a_full_pool_says_it_is_busy_and_the_caller_thread_stays_free(pool):
    pool.call(add, 0, 0, timeout_s=60)
    started = threading.Event()

    def long_call():
        started.set()
        pool.call(spin, 3, timeout_s=60)

    t = threading.Thread(target=long_call)
    t.start()
    started.wait()
    time.sleep(0.1)
    ticks = spin(0.5)  # the server's own thread keeps running while the worker computes
    assert ticks > 1000
    with pytest.raises(EngineBusy, match="busy"):
        pool.call(add, 1, 1, timeout_s=60)
    t.join()


def killed_by_sigkill():
    os.kill(os.getpid(), signal.SIGKILL)  # kill -9 of the worker mid-request (the OOM killer does the same)


def test_a_worker_killed_with_sigkill_is_reported_and_replaced(pool):
    with pytest.raises(WorkerCrashed, match="stopped unexpectedly"):
        pool.call(killed_by_sigkill, timeout_s=60)
    assert pool.call(add, 2, 3, timeout_s=60) == 5


def test_a_crashed_worker_is_reported_and_replaced(pool):
    with pytest.raises(WorkerCrashed):
        pool.call(die, timeout_s=60)
    assert pool.call(add, 4, 4, timeout_s=60) == 8


def test_records_summary_runs_in_the_pool_with_the_same_result(settings):
    from medcore.records.inputs import InputError, NoteInput
    from medcore.records.service import summarize_bounded, summarize_input

    note = NoteInput("HPI: cough and fever for 3 days.\nAssessment: community-acquired pneumonia.\n"
                     "Plan: amoxicillin 500 mg three times daily.\n", "paste")
    pooled = summarize_bounded(note, settings.replace(engine_workers=1), user=SYSTEM, with_narrative=False)
    inline = summarize_input(note, settings, user=SYSTEM, with_narrative=False)
    assert pooled.analysis.summary == inline.analysis.summary
    with pytest.raises(InputError, match="limit"):
        summarize_bounded(NoteInput("x" * 50, "paste"), settings.replace(engine_workers=1, max_note_chars=10), user=SYSTEM)


def test_workers_never_run_the_page_script_that_streamlit_installed_as_main(tmp_path, monkeypatch):
    import sys
    import types

    marker = tmp_path / "page-ran"
    page = tmp_path / "page.py"
    page.write_text(f"open({str(marker)!r}, 'w').close()\nraise SystemExit(9)\n")
    fake_main = types.ModuleType("__main__")
    fake_main.__file__ = str(page)  # what a Streamlit script run leaves in sys.modules
    monkeypatch.setitem(sys.modules, "__main__", fake_main)
    p = WorkerPool(1)
    try:
        assert p.call(add, 20, 22, timeout_s=60) == 42
    finally:
        p.close()
    assert not marker.exists()
    assert sys.modules["__main__"] is fake_main


# ---- warming (issue 14): the server starts its workers and loads the tools in them before any request ----------

_WARMED: list[str] = []  # in a worker: the warmers it ran


def note_warm(tag):
    _WARMED.append(tag)


def warm_and_pid():
    return list(_WARMED), os.getpid()


def failing_warmer(tag):
    raise RuntimeError(f"tool {tag} not installed")


def test_warm_starts_every_worker_and_runs_the_warmers_in_each_before_requests():
    p = WorkerPool(2)
    try:
        assert p.warm(["tests.test_workpool:note_warm", "tests.test_workpool:failing_warmer"], "kb") == 2
        warm_pids = {w.proc.pid for w in p._idle}
        assert len(warm_pids) == 2
        assert p.warm(["tests.test_workpool:note_warm"], "kb") == 0  # already full: nothing more is started
        done, pid = p.call(warm_and_pid, timeout_s=60)
        assert done == ["kb"] and pid in warm_pids  # a request is served by a warmed worker, not a new one
        # two requests at once: both warmed workers, no third process
        out = []
        ts = [threading.Thread(target=lambda: out.append(p.call(warm_and_pid, timeout_s=60))) for _ in range(2)]
        for t in ts:
            t.start()
        for t in ts:
            t.join()
        assert {pid for _, pid in out} <= warm_pids and all(done == ["kb"] for done, _ in out)
    finally:
        p.close()


def test_warming_is_skipped_inline_or_when_turned_off(settings):
    from medcore.workpool import warm_in_background

    assert warm_in_background(settings.replace(engine_workers=0), ["tests.test_workpool:note_warm"]) is None
    assert warm_in_background(settings.replace(engine_warm=False), ["tests.test_workpool:note_warm"]) is None


def test_the_tools_warmers_load_without_storing_anything(settings, store, caplog):
    """The warmers the server runs (ui.launch.WARMERS) succeed in a fresh process and write nothing to the database;
    on a new data folder they leave the therapy KB and the knowledge graph built in its caches, which every later
    process (the server's pages, the CLI) reads instead of building them (issue 14: the Knowledge page's cold first
    render built the whole graph, 7 CPU s)."""
    import logging
    from pathlib import Path

    from ui.launch import WARMERS

    before = store.audit_events(limit=1000)
    p = WorkerPool(1)
    try:
        with caplog.at_level(logging.INFO, logger="medcore.workpool"):
            assert p.warm(WARMERS, settings, timeout_s=300) == 1
        assert p.call(add, 1, 1, timeout_s=60) == 2
    finally:
        p.close()
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING], caplog.text
    assert len([r for r in caplog.records if "warm_worker in" in r.getMessage()]) == len(WARMERS)
    assert store.audit_events(limit=1000) == before
    data = Path(settings.data_dir)
    assert list((data / "knowledge").glob("graph-*.json")) and list((data / "therapy").glob("therapy-kb-*.json"))


# ---- a lost worker's replacement is warmed in the background (issue 14): no cold start after a crash -------------

def warm_slow_when(tag, flag):
    """A fake tool's warmer: notes that it ran; slow (2 s) once the test has created `flag`."""
    from pathlib import Path

    _WARMED.append(tag)
    if Path(flag).exists():
        time.sleep(2)


def _warmed_pool(tmp_path):
    p = WorkerPool(1, queue_wait_s=30)
    flag = tmp_path / "slow"
    assert p.warm(["tests.test_workpool:warm_slow_when"], "kb", str(flag), timeout_s=60) == 1
    flag.touch()  # from now on a warm-up takes 2 s: a request that waited for one would show it
    return p


def _join_replacements(p):
    for t in list(p._replacing):
        t.join(30)
        assert not t.is_alive()


def test_a_worker_killed_with_sigkill_is_replaced_by_a_warmed_one_in_the_background(tmp_path, caplog):
    import logging

    p = _warmed_pool(tmp_path)
    try:
        _, old_pid = p.call(warm_and_pid, timeout_s=60)
        t0 = time.monotonic()
        with caplog.at_level(logging.INFO, logger="medcore.workpool"):
            with pytest.raises(WorkerCrashed, match="stopped unexpectedly"):
                p.call(killed_by_sigkill, timeout_s=60)
            assert time.monotonic() - t0 < 1.5  # the crashed request did not wait for the replacement's warm-up
            assert len(p._replacing) == 1
            _join_replacements(p)
        assert "crashed: warming a replacement in the background" in caplog.text
        assert "replaced a worker that crashed: warmed in" in caplog.text
        assert len(p._idle) == 1 and p._idle[0].warm
        done, pid = p.call(warm_and_pid, timeout_s=60)
        assert done == ["kb"] and pid != old_pid  # the next request meets the warmed replacement
    finally:
        p.close()


def test_a_worker_killed_while_idle_is_replaced_by_a_warmed_one_and_the_request_still_succeeds(tmp_path):
    p = _warmed_pool(tmp_path)
    try:
        old = p._idle[0]
        os.kill(old.proc.pid, signal.SIGKILL)  # kill -9 from outside while it waits for work
        old.proc.join(10)
        done, pid = p.call(warm_and_pid, timeout_s=60)  # served at once by a cold worker, not after a warm-up
        assert done == [] and pid != old.proc.pid
        _join_replacements(p)
        assert len(p._idle) == 1 and p._idle[0].warm  # the warmed replacement is kept, the cold one stopped
        done, _ = p.call(warm_and_pid, timeout_s=60)
        assert done == ["kb"]
    finally:
        p.close()


def test_a_worker_stopped_at_its_time_budget_is_replaced_by_a_warmed_one(tmp_path):
    p = _warmed_pool(tmp_path)
    try:
        with pytest.raises(EngineTimeout):
            p.call(spin, 60, timeout_s=0.5)
        _join_replacements(p)
        done, _ = p.call(warm_and_pid, timeout_s=60)
        assert done == ["kb"]
    finally:
        p.close()


def test_without_warming_a_lost_worker_is_not_replaced_in_the_background(pool):
    with pytest.raises(WorkerCrashed):
        pool.call(killed_by_sigkill, timeout_s=60)
    assert pool._replacing == []
    assert pool.call(warm_and_pid, timeout_s=60)[0] == []  # started cold on the next call, as before


def test_warming_in_the_background_happens_once_per_pool(settings):
    from medcore import workpool

    s = settings.replace(engine_workers=7, engine_warm=True, engine_timeout_s=60)  # a pool of its own
    try:
        first = workpool.warm_in_background(s, ["tests.test_workpool:note_warm"])
        assert first is not None
        assert workpool.warm_in_background(s, ["tests.test_workpool:note_warm"]) is None  # the app's first run
    finally:
        workpool._pools.pop(7).close()  # a closed pool starts no more workers: the thread ends after one
    first.join(60)
    assert not first.is_alive()


# ---- a plain `streamlit run app.py` warms too: the app's first script run asks, once per process ----------------

def test_warm_engines_asks_once_per_process(monkeypatch, settings):
    from medcore import workpool
    from ui import launch

    calls = []
    monkeypatch.setattr(launch, "_warm_asked", False)
    monkeypatch.setattr(workpool, "warm_in_background", lambda s, warmers: calls.append(warmers))
    launch.warm_engines()
    launch.warm_engines()  # the app's later script runs (and its first one under `medcore serve`)
    assert calls == [launch.WARMERS]


def test_the_app_under_apptest_does_not_warm(monkeypatch, settings):
    from streamlit.testing.v1 import AppTest

    from ui import launch

    monkeypatch.setattr(launch, "_warm_asked", False)
    monkeypatch.setenv("MEDCORE_ENGINE_WARM", "1")
    asked = []
    monkeypatch.setattr(launch, "warm_engines", lambda: asked.append(1))
    at = AppTest.from_file(str(Path(__file__).resolve().parent.parent / "app.py"), default_timeout=120).run()
    assert not at.exception
    assert asked == []  # no Streamlit runtime: a test of the page starts no engine workers


@pytest.mark.load
def test_a_plain_streamlit_run_warms_the_engine_workers_at_its_first_script_run(tmp_path):
    """`streamlit run app.py` (not `medcore serve`): the first session's run starts the warm-up, later runs do not."""
    import asyncio

    from bench.st_protocol import Session
    from tests.live_server import streamlit_server

    async def two_sessions(url):
        for _ in range(2):
            async with Session(url, timeout_s=120) as s:
                await s.open()

    env = {"MEDCORE_ENGINE_WARM": "1", "MEDCORE_ENGINE_WORKERS": "1"}
    log = tmp_path / "data" / "server.log"
    with streamlit_server(tmp_path / "data", module=("streamlit", "run"), env=env) as url:
        asyncio.run(two_sessions(url))
        deadline = time.monotonic() + 120  # the planner's warmer (~1-3 s) ran in the worker: it is warm, not just started
        while "medcore.therapy.bounded:warm_worker in" not in log.read_text(errors="replace"):
            assert time.monotonic() < deadline, log.read_text(errors="replace")[-3000:]
            time.sleep(0.5)
    text = log.read_text(errors="replace")
    assert text.count("warming 1 engine worker(s) in the background") == 1, text[-3000:]
