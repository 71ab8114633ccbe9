"""Session 26 hands-on check of the Model lab: a double click on "Start demonstration job" started the same job
twice, taking both of the user's job slots (MEDCORE_MAX_JOBS_PER_USER=2) and the CPU twice. medcore.jobs now
refuses a second start of an active job with the same kind and settings, and the page says which job is running."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from medcore import jobs
from medcore.auth import User
from medcore.store import Store
from tests.conftest import REPO


def _start(at):
    next(b for b in at.button if b.label == "Start demonstration job").click().run()
    assert not at.exception
    return at


@pytest.fixture
def lab(settings):
    store = Store.open(settings)
    yield store
    for j in jobs.list_jobs(store):  # leave no worker process behind
        if j.active:
            jobs.request_cancel(store, j.id)
    for j in jobs.list_jobs(store):
        jobs.wait(store, j.id, timeout_s=60)
    store.engine.dispose()


def test_a_double_click_starts_one_job_and_says_so(lab):
    at = AppTest.from_file(str(REPO / "pages" / "model_lab.py"), default_timeout=120).run()
    at.number_input[0].set_value(20000)
    at.number_input[1].set_value(1.0)  # slow: still running at the second click
    _start(at)
    assert not at.error, [e.value for e in at.error]
    _start(at)  # the second click of a double click
    assert len(jobs.list_jobs(lab)) == 1
    first = jobs.list_jobs(lab)[0]
    said = " ".join(str(e.value) for e in at.error)
    assert f"Job {first.id}" in said and "was not started twice" in said, said
    # other settings are another run: it starts
    at.number_input[0].set_value(19950)
    _start(at)
    assert not at.error, [e.value for e in at.error]
    assert len(jobs.list_jobs(lab)) == 2


def test_medcore_refuses_the_duplicate_whoever_calls_it(settings, lab):
    admin = lab.as_user(User("ada", "admin"))
    argv = ["train", "demo", "--steps", "20000", "--step-delay", "1.0"]
    jobs.start_job(admin, settings, "demo", "d", argv, config={"steps": 20000, "step_delay": 1.0})
    with pytest.raises(jobs.DuplicateJobError, match="was not started twice"):
        jobs.start_job(admin, settings, "demo", "d", argv, config={"steps": 20000, "step_delay": 1.0})
    # another user's identical job is theirs, not a duplicate of ada's
    jobs.start_job(lab.as_user(User("bo", "admin")), settings, "demo", "d", argv,
                   config={"steps": 20000, "step_delay": 1.0})
    assert len(jobs.list_jobs(lab)) == 2


def test_a_setting_only_the_command_line_holds_is_another_run(settings, lab):
    # The imaging form records no VAE in its config: two latent-diffusion runs on different VAEs are two runs
    # (review of session 26), while a second click that differs only in its output folder is the same run.
    admin = lab.as_user(User("ada", "admin"))
    base = ["train", "demo", "--steps", "20000", "--step-delay", "1.0"]
    cfg = {"steps": 20000, "step_delay": 1.0}
    jobs.start_job(admin, settings, "demo", "d", base + ["--out", "/tmp/a"], config=cfg)
    with pytest.raises(jobs.DuplicateJobError):
        jobs.start_job(admin, settings, "demo", "d", base + ["--out", "/tmp/b"], config=cfg)
    jobs.start_job(admin, settings, "demo", "d", base + ["--seed", "7"], config=cfg)
    assert len(jobs.list_jobs(lab)) == 2
