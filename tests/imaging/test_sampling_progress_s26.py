"""Session 26b: generating images showed a spinner only: no step, no time left, no way to stop it but the worker
pool's time budget. The sampling loop now reports each step (medcore.imaging.sample_progress) and stops at a cancel;
the page draws a progress bar with the time left and a Cancel button (ui/sampling.py)."""

from __future__ import annotations

from medcore.auth import SYSTEM

import time

import pytest
from streamlit.testing.v1 import AppTest

from medcore.imaging.sample import SampleRequest, generate, load_model
from medcore.imaging.sample_progress import Progress, SampleCancelled, SampleProgress
from tests.conftest import REPO


def test_the_loop_reports_every_step_and_the_eta_follows_the_pace(settings, tiny_run):
    _, run = tiny_run
    model = load_model(run)
    progress = SampleProgress.new(settings)
    seen = []

    def spy(done, total):
        seen.append((done, total))
        progress.report(done, total)

    batch = generate(model, SampleRequest(n=2, steps=6, sampler="ddim"), spy)
    assert seen == [(k, 6) for k in range(1, 7)]
    now = progress.read()
    assert (now.done, now.total, now.fraction) == (6, 6, 1.0) and len(batch.images) == 2
    assert Progress(3, 12, 6.0).eta_s == pytest.approx(18.0) and Progress(0, 12, 2.0).eta_s is None
    progress.close()


def test_a_cancel_stops_the_loop_at_the_next_step_and_leaves_the_model_as_it_was(settings, tiny_run):
    _, run = tiny_run
    model = load_model(run)
    progress = SampleProgress.new(settings)
    calls = []

    def cancel_after_two(done, total):
        calls.append(done)
        if done == 2:
            progress.cancel()
        progress.report(done, total)

    with pytest.raises(SampleCancelled, match="Cancelled at step 2 of 8: no images were made, and nothing was saved"):
        generate(model, SampleRequest(n=2, steps=8, sampler="ddim"), cancel_after_two)
    assert calls == [1, 2] and not model.net.training  # the step it was cancelled at is the last


def test_a_left_over_folder_is_removed_by_a_later_run_and_a_recent_one_kept(settings):
    import os

    old, recent = SampleProgress.new(settings), SampleProgress.new(settings)
    os.utime(old.folder, (time.time() - 2 * 24 * 3600,) * 2)
    SampleProgress.new(settings)
    assert not os.path.exists(old.folder) and os.path.exists(recent.folder)


def test_a_cancel_reaches_a_sampling_worker_process(settings, tiny_run):
    """Across the engine worker pool's process boundary: the worker reads the page's cancel file."""
    from medcore.imaging.bounded import sample_bounded

    _, run = tiny_run
    progress = SampleProgress.new(settings)
    progress.cancel()
    with pytest.raises(SampleCancelled, match="Cancelled at step 1 of 5"):
        sample_bounded(settings.replace(engine_workers=1, engine_timeout_s=120), str(run),
                       SampleRequest(n=1, steps=5, sampler="ddim"), user=SYSTEM, progress=progress)


def _bar(at):
    bars = at.get("progress")
    return bars[0].proto if bars else None


def test_the_page_shows_a_progress_bar_with_time_left_and_cancel_stops_it(settings, store, tiny_run, monkeypatch):
    _, run = tiny_run
    store.register_model("imaging", "tiny-test", str(run), config={"model": "ddpm", "size": 16},
                         metrics={"steps": 6}, activate=True)
    monkeypatch.setenv("MEDCORE_ENGINE_WORKERS", "0")  # in this process, so a slower step can be staged
    real = SampleProgress.report

    def slow(self, done, total):
        time.sleep(0.4)  # a step of a large batch
        real(self, done, total)

    monkeypatch.setattr(SampleProgress, "report", slow)
    at = AppTest.from_file(str(REPO / "pages" / "image_generator.py"), default_timeout=120).run()
    at.number_input[0].set_value(2)
    at.slider[0].set_value(30)
    next(b for b in at.button if b.label == "Generate").click().run()
    assert not at.exception, at.exception
    bar = _bar(at)
    assert bar is not None and "Sampling: step" in bar.text and " of 30, " in bar.text and "left" in bar.text, bar
    next(b for b in at.button if b.label == "Cancel").click().run()
    for _ in range(40):
        if "img_pending" not in at.session_state:
            break
        time.sleep(0.3)
        at.run()
    assert not at.exception, at.exception
    said = " ".join(str(w.value) for w in at.warning)
    assert "Cancelled at step" in said and "nothing was saved" in said, said
    assert not [s for s in at.success if "synthetic images" in str(s.value)]
    assert store.list_work(kind="image_batch") == []
    assert _bar(at) is None
