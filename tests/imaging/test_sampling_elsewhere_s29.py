"""Session 29 (platform): a reload that reaches another live server process of the app (several servers on one
machine) while the user's batch is sampling in the first one. Only that process holds the result, so the page
cannot re-attach to it; before, it said nothing and regenerated the older saved batch. Now it says what is
happening, with the run's bar (read from the shared progress file) and a Cancel that stops it; the run's request is
in the form and the older batch is not regenerated under the message. A run whose server is gone keeps the
session-28 "lost" message."""

from __future__ import annotations

import json
import os

from medcore.auth import local_user
from medcore.imaging.sample_progress import SampleProgress
from tests.imaging.test_sampling_restart_s28 import DEAD_PID, _generate_and_save, _restart

LIVE_OTHER_PID = os.getppid()  # a live process that is not this one: "another server process"


def _run_elsewhere(settings, saved, pid, step=None):
    run = SampleProgress.new(settings, local_user(), {"params": {**saved, "n": 4, "seed": 11},
                                                      "path": saved["checkpoint"], "save": True})
    meta = json.loads((run._dir / "run.json").read_text())
    (run._dir / "run.json").write_text(json.dumps({**meta, "server_pid": pid}))
    if step:
        run.report(*step)
    return run


def _infos(at) -> str:
    return " ".join(str(i.value) for i in at.info)


def test_a_batch_of_another_live_server_is_said_with_its_progress(settings, store, tiny_run, monkeypatch):
    saved, ws = _generate_and_save(store, tiny_run, monkeypatch)
    run = _run_elsewhere(settings, saved, LIVE_OTHER_PID, step=(3, 10))
    at = _restart(ws)
    assert not at.exception and not at.error, (at.exception, at.error)
    said = _infos(at)
    assert "batch of 4 images (seed 11)" in said and "another server process" in said, said
    assert "cannot show its images" in said, said
    bars = [p.proto.text for p in at.get("progress")]
    assert any("step 3 of 10" in b for b in bars), bars
    assert (at.number_input[0].value, at.number_input[1].value) == (4, 11)  # its request in the form
    assert not at.success and "img_pending" not in at.session_state  # the older batch is not regenerated
    assert "can no longer be shown" not in " ".join(str(w.value) for w in at.warning)  # it is not lost
    next(b for b in at.button if b.label == "Cancel that batch").click().run()
    assert not at.exception and not at.error, [e.stack_trace for e in at.exception]
    assert run.cancelled()  # the other process's loop stops at its next step
    assert "Cancelling after the current step" in " ".join(str(c.value) for c in at.caption)


def test_a_finished_batch_elsewhere_says_where_its_images_are(settings, store, tiny_run, monkeypatch):
    saved, ws = _generate_and_save(store, tiny_run, monkeypatch)
    _run_elsewhere(settings, saved, LIVE_OTHER_PID, step=(10, 10))
    at = _restart(ws)
    assert not at.exception and not at.error
    said = _infos(at)
    assert "has finished in another server process" in said and "press Generate" in said, said
    assert not [b for b in at.button if b.label == "Cancel that batch"]


def test_a_dead_servers_batch_is_still_reported_lost_not_elsewhere(settings, store, tiny_run, monkeypatch):
    saved, ws = _generate_and_save(store, tiny_run, monkeypatch)
    _run_elsewhere(settings, saved, DEAD_PID)
    at = _restart(ws)
    assert not at.exception and not at.error
    assert "another server process" not in _infos(at)
    assert "can no longer be shown" in " ".join(str(w.value) for w in at.warning)
