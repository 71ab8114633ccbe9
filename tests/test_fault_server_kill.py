"""Fault test: `kill -9` of the server (and of a training worker with it) in the middle of work.

A real server saves a chat and starts a training job; its process group gets SIGKILL, as in a crash or an
out-of-memory kill. A new server on the same data dir must open the database (SQLite quick_check passes),
show the saved chat, and mark the job the dead server left 'running' as failed, with the reason."""

import os
import signal
import sqlite3
import time

import pytest

from medcore import jobs
from medcore.store import Store
from tests.live_server import CHROMIUM, NO_CHROMIUM, ServerError, chromium_browser, start_demo_job, streamlit_server

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason=NO_CHROMIUM)

STORY = "I am 58, male, with crushing chest pain spreading to my left arm for an hour, and I am sweating"


def _poll(fn, timeout_s=90.0, what="condition"):
    deadline = time.monotonic() + timeout_s
    while True:
        value = fn()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.5)


def _open(page, title):
    page.get_by_test_id("stSidebarNav").get_by_text(title, exact=True).click()


def test_kill_9_of_the_server_loses_no_saved_work_and_fails_its_orphan_job(tmp_path):
    data = tmp_path / "data"
    db = data / "app.db"
    url_db = f"sqlite:///{db}"
    with chromium_browser() as browser:
        try:
            # 1. A server saves a chat and starts a job; then it is killed.
            with streamlit_server(data) as url:
                page = browser.new_context().new_page()
                page.set_default_timeout(90_000)
                page.goto(url)
                _open(page, "Symptom chat")
                box = page.get_by_placeholder("Describe your symptoms, or answer the question")
                box.fill(STORY)
                box.press("Enter")
                page.get_by_text("call an ambulance or go to the emergency department now").first.wait_for()
                start_demo_job(page, url, 20000)
                store = Store(url_db)  # read from the test process; this never reconciles
                chats = _poll(lambda: store.list_work(kind="chat"), what="the saved chat")
                job = _poll(lambda: (j := jobs.get_job(store, 1)) and j.status == "running" and j.pid and j,
                            what="the job to run")
                store.engine.dispose()
                page.context.close()
                url.kill9()
                # The worker went down with the machine (a crash, an OOM kill of the container).
                os.kill(job.pid, signal.SIGKILL)
                _poll(lambda: not jobs.pid_alive(job.pid), 10, "the worker to die")
                assert url.proc.returncode == -signal.SIGKILL

            # SQLite recovers the write-ahead log itself; page-level damage would show here.
            with sqlite3.connect(db) as conn:
                assert [r[0] for r in conn.execute("PRAGMA quick_check")] == ["ok"]
                assert conn.execute("SELECT status FROM jobs WHERE id=1").fetchone()[0] == "running"

            # 2. A new server on the same data: it opens, reconciles, and the chat is still there.
            with streamlit_server(data) as url:
                page = browser.new_context().new_page()
                page.set_default_timeout(90_000)
                page.goto(url)  # Home: the app's start-up opens the store, which reconciles (the lab is not visited)
                page.get_by_text("Research and education use only").first.wait_for()
                store = Store(url_db)
                _poll(lambda: jobs.get_job(store, 1).status == "failed", 30, "the start-up to fail the orphan job")
                page.goto(f"{url}/model_lab")
                page.get_by_text("Job 1: Demonstration").first.wait_for()
                page.get_by_text("The job failed: worker process").first.wait_for()
                assert page.get_by_text("Database error").count() == 0
                assert page.get_by_text("Traceback").count() == 0
                after = jobs.get_job(store, 1)
                assert after.status == "failed"
                assert "exited without reporting" in after.error
                kept = store.get_work(chats[0].id)
                assert kept is not None and STORY in str(kept.data)
                store.engine.dispose()
                page.context.close()
        except ServerError as exc:
            pytest.fail(str(exc))

    with sqlite3.connect(db) as conn:
        assert [r[0] for r in conn.execute("PRAGMA quick_check")] == ["ok"]
