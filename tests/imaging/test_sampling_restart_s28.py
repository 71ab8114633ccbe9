"""Session 28 (platform hands-on): what a restarted server shows on the Image generator.

A batch that finished and was saved comes back after a restart (its saved request is regenerated, seeded, so the
same images). A batch that was still sampling when the server went down is said to be lost, with nothing saved,
and its own request goes back into the form; before, the page also regenerated the older saved batch under that
message with the form set to the older request, so "press Generate to make it again" made the wrong batch."""

from __future__ import annotations

import json
import time

import streamlit as st
from streamlit.testing.v1 import AppTest

from medcore.auth import local_user
from medcore.imaging.sample_progress import SampleProgress
from tests.conftest import REPO

PAGE = str(REPO / "pages" / "image_generator.py")
DEAD_PID = 2**22 + 12345  # above pid_max: no such process


def _until_done(at, tries=300):
    for _ in range(tries):
        if "img_pending" not in at.session_state:
            return at
        time.sleep(0.3)
        at.run()
    raise AssertionError("sampling did not finish")


def _generate_and_save(store, tiny_run, monkeypatch, n=2, seed=5):
    _, run = tiny_run
    store.register_model("imaging", "tiny-test", str(run), config={"model": "ddpm", "size": 16},
                         metrics={"steps": 6}, activate=True)
    monkeypatch.setenv("MEDCORE_ENGINE_WORKERS", "0")
    at = AppTest.from_file(PAGE, default_timeout=120).run()
    at.number_input[0].set_value(n)
    at.number_input[1].set_value(seed)
    at.slider[0].set_value(5)
    next(b for b in at.button if b.label == "Generate").click().run()
    _until_done(at)
    assert not at.exception and not at.error, (at.exception, at.error)
    work = store.list_work(kind="image_batch")
    assert len(work) == 1 and work[0].data["seed"] == seed
    return work[0].data, at.session_state["_workspace"]


def _restart(ws):
    """A new server process (no background task, no loaded model survives) and the reloaded page (its URL keeps
    the workspace id)."""
    st.cache_resource.clear()
    at = AppTest.from_file(PAGE, default_timeout=120)
    at.query_params["ws"] = ws
    return at.run()


def test_a_restarted_server_shows_the_batch_that_was_saved(settings, store, tiny_run, monkeypatch):
    _, ws = _generate_and_save(store, tiny_run, monkeypatch)
    at = _restart(ws)
    _until_done(at)
    assert not at.exception and not at.error, (at.exception, at.error)
    assert "can no longer be shown" not in " ".join(str(w.value) for w in at.warning)
    said = " ".join(str(s.value) for s in at.success)
    assert "2 synthetic images" in said and "seed 5" in said, said
    assert at.number_input[1].value == 5
    assert len(store.list_work(kind="image_batch")) == 1  # shown again, not saved again


def test_a_batch_lost_in_a_restart_is_said_with_its_request_in_the_form(settings, store, tiny_run, monkeypatch):
    saved, ws = _generate_and_save(store, tiny_run, monkeypatch)
    lost = SampleProgress.new(settings, local_user(), {"params": {**saved, "n": 3, "seed": 9},
                                                       "path": saved["checkpoint"], "save": True})
    meta = json.loads((lost._dir / "run.json").read_text())
    (lost._dir / "run.json").write_text(json.dumps({**meta, "server_pid": DEAD_PID}))
    at = _restart(ws)
    assert not at.exception and not at.error, (at.exception, at.error)
    said = " ".join(str(w.value) for w in at.warning)
    assert "batch of 3 images (seed 9)" in said and "server was restarted" in said, said
    assert "no images were saved" in said and "back in the form" in said, said
    assert (at.number_input[0].value, at.number_input[1].value) == (3, 9)
    assert not at.success and "img_pending" not in at.session_state  # the older batch is not shown under it
    next(b for b in at.button if b.label == "Generate").click().run()
    _until_done(at)
    assert not at.exception and not at.error
    said = " ".join(str(s.value) for s in at.success)
    assert "3 synthetic images" in said and "seed 9" in said, said
    assert [w.data["seed"] for w in store.list_work(kind="image_batch")] == [9]  # the one item, now seed 9


def test_a_lost_run_with_an_unreadable_request_still_says_nothing_was_saved(settings, store, tiny_run,
                                                                            monkeypatch):
    saved, ws = _generate_and_save(store, tiny_run, monkeypatch)
    lost = SampleProgress.new(settings, local_user(), {"params": {"n": "lots"}, "path": saved["checkpoint"],
                                                       "save": True})
    meta = json.loads((lost._dir / "run.json").read_text())
    (lost._dir / "run.json").write_text(json.dumps({**meta, "server_pid": DEAD_PID}))
    at = _restart(ws)
    _until_done(at)
    assert not at.exception and not at.error
    said = " ".join(str(w.value) for w in at.warning)
    assert "no images were saved" in said and "Press Generate to make a new batch" in said, said
