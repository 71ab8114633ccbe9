"""Session 27: a reload during image sampling lost the bar and the images (the run lived only in the page
session's state) while the batch ran on unseen. The run's folder now lies in its owner's folder with its request,
and a reloaded page re-attaches to it: the bar, Cancel and the result come back, saved once."""

from __future__ import annotations

import json
import time

from streamlit.testing.v1 import AppTest

from medcore.auth import User
from medcore.imaging.sample_progress import SampleProgress
from tests.conftest import REPO

PAGE = str(REPO / "pages" / "image_generator.py")
ANN = User("ann", "clinician")
BOB = User("bob", "clinician")


def test_a_run_is_found_again_by_its_owner_only_and_collected_once(settings):
    first = SampleProgress.new(settings, ANN, {"params": {"n": 2}, "path": "x", "save": True})
    time.sleep(0.01)
    newest = SampleProgress.new(settings, ANN, {"params": {"n": 3}, "path": "x", "save": True})
    assert SampleProgress.latest(settings, ANN) == newest and newest.run()["params"] == {"n": 3}
    assert SampleProgress.latest(settings, BOB) is None  # another person's batch is never offered
    assert newest.started_here() and not newest.orphaned()
    assert newest.claim() and not newest.claim()  # the second tab shows it but does not save it again
    assert SampleProgress.latest(settings, ANN) == first  # a collected run is not re-attached to
    first.close()
    assert not first.claim()  # gone: a late tab neither saves nor fails


def test_a_sign_in_name_no_folder_may_carry_still_gets_its_own_runs(settings):
    long_mail = User("a" * 70 + "@example.org", "clinician")  # longer than an account name may be
    run = SampleProgress.new(settings, long_mail, {"params": {}, "path": "x", "save": True})
    assert SampleProgress.latest(settings, long_mail) == run and SampleProgress.latest(settings, ANN) is None


def test_a_run_of_a_server_that_is_gone_is_orphaned(settings):
    run = SampleProgress.new(settings, ANN, {"params": {}, "path": "x", "save": True})
    meta = json.loads((run._dir / "run.json").read_text())
    (run._dir / "run.json").write_text(json.dumps({**meta, "server_pid": 2**22 + 12345}))  # above pid_max
    assert run.orphaned() and not run.started_here()


def _slow_steps(monkeypatch, pause=0.4):
    real = SampleProgress.report

    def slow(self, done, total):
        time.sleep(pause)  # a step of a large batch
        real(self, done, total)

    monkeypatch.setattr(SampleProgress, "report", slow)


def _start(store, tiny_run, monkeypatch, steps=30):
    _, run = tiny_run
    store.register_model("imaging", "tiny-test", str(run), config={"model": "ddpm", "size": 16},
                         metrics={"steps": 6}, activate=True)
    monkeypatch.setenv("MEDCORE_ENGINE_WORKERS", "0")
    _slow_steps(monkeypatch)
    at = AppTest.from_file(PAGE, default_timeout=120).run()
    at.number_input[0].set_value(2)
    at.number_input[1].set_value(7)  # a seed the saved request would not have
    at.slider[0].set_value(steps)
    next(b for b in at.button if b.label == "Generate").click().run()
    assert not at.exception, at.exception
    assert at.get("progress"), "the bar should be up before the reload"
    return at


def _until_done(at, tries=300):  # about 90 s and more under load: a step sleeps 0.4 s
    for _ in range(tries):
        if "img_pending" not in at.session_state:
            return at
        time.sleep(0.3)
        at.run()
    raise AssertionError("sampling did not finish")


def test_a_reload_during_sampling_brings_back_the_bar_and_then_the_images_saved_once(settings, store, tiny_run,
                                                                                      monkeypatch):
    old = _start(store, tiny_run, monkeypatch)
    at = AppTest.from_file(PAGE, default_timeout=120).run()  # the reload: a new page session
    assert not at.exception, at.exception
    bar = at.get("progress")
    assert bar and "Sampling: step" in bar[0].proto.text and " of 30, " in bar[0].proto.text, bar
    assert any(b.label == "Cancel" for b in at.button)
    assert at.number_input[1].value == 7  # the form shows the request being sampled
    _until_done(at)
    assert not at.exception, at.exception
    said = [str(s.value) for s in at.success]
    assert any("2 synthetic images" in s and "seed 7" in s for s in said), said
    old.run()  # the first tab, still open: it shows the batch too, but it is saved once
    _until_done(old)
    work = store.list_work(kind="image_batch")
    assert len(work) == 1 and work[0].data["seed"] == 7, work


def test_cancel_after_a_reload_stops_the_batch_and_saves_nothing(settings, store, tiny_run, monkeypatch):
    _start(store, tiny_run, monkeypatch)
    at = AppTest.from_file(PAGE, default_timeout=120).run()
    next(b for b in at.button if b.label == "Cancel").click().run()
    _until_done(at)
    assert not at.exception, at.exception
    said = " ".join(str(w.value) for w in at.warning)
    assert "Cancelled at step" in said and "nothing was saved" in said, said
    assert store.list_work(kind="image_batch") == []
    assert not at.get("progress")


def test_a_batch_lost_with_a_restarted_server_is_reported_not_regenerated_silently(settings, store, tiny_run,
                                                                                   monkeypatch):
    from medcore.auth import local_user

    _, run = tiny_run
    store.register_model("imaging", "tiny-test", str(run), config={"model": "ddpm", "size": 16},
                         metrics={"steps": 6}, activate=True)
    lost = SampleProgress.new(settings, local_user(), {"params": {"n": 2}, "path": str(run), "save": True})
    meta = json.loads((lost._dir / "run.json").read_text())
    (lost._dir / "run.json").write_text(json.dumps({**meta, "server_pid": 2**22 + 12345}))
    at = AppTest.from_file(PAGE, default_timeout=120).run()
    assert not at.exception, at.exception
    said = " ".join(str(w.value) for w in at.warning)
    assert "can no longer be shown" in said and "no images were saved" in said, said
    assert not lost._dir.exists()
    at.run()  # told once
    assert "can no longer be shown" not in " ".join(str(w.value) for w in at.warning)
