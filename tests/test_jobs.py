"""Jobs run a real (tiny) PyTorch training loop in a separate process."""

import os
import signal
import time
from datetime import timedelta

import pytest
import torch

from medcore import checkpoints, jobs
from medcore.demo_training import DemoConfig, train_demo
from medcore.store import Job, utcnow


class Silent:
    def progress(self, *a, **k):
        pass

    def should_cancel(self):
        return False

    def log(self, m):
        pass


def _start_demo(store, settings, steps, delay=0.0, name="demo"):
    out = settings.path("runs", name)
    argv = ["train", "demo", "--steps", str(steps), "--step-delay", str(delay), "--ckpt-every", "10",
            "--out", str(out)]
    return jobs.start_job(store, settings, "demo", name, argv, out_dir=out), out


def _wait_for_step(store, job_id, step, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        last = jobs.last_progress(store, job_id)
        if last and last.step >= step:
            return last
        time.sleep(0.05)
    raise TimeoutError(f"job {job_id} never reached step {step}: {jobs.get_job(store, job_id)}")


def test_job_runs_in_a_separate_process_and_reports_progress(store, settings):
    job_id, out = _start_demo(store, settings, steps=60)
    job = jobs.wait(store, job_id, timeout_s=90)
    assert job.status == "done", job.error
    assert job.pid and job.pid != os.getpid()
    rows = jobs.progress(store, job_id)
    assert rows[-1].step == 60 and rows[-1].total == 60
    assert all(r.loss is not None for r in rows)
    assert any(r.preview_path and os.path.exists(r.preview_path) for r in rows)
    assert job.result["final_step"] == 60
    assert checkpoints.latest(out).name == "ckpt-00000060"
    assert os.path.exists(job.log_path)


def test_cancel_then_resume_reaches_the_same_final_weights(store, settings):
    job_id, out = _start_demo(store, settings, steps=200, delay=0.02, name="cancel")
    _wait_for_step(store, job_id, 15)
    jobs.request_cancel(store, job_id)
    job = jobs.wait(store, job_id, timeout_s=60)
    assert job.status == "cancelled"
    stopped_at = int(checkpoints.latest(out).name.split("-")[1])
    assert 15 <= stopped_at < 200

    new_id = jobs.resume_job(store, settings, job_id)
    resumed = jobs.wait(store, new_id, timeout_s=90)
    assert resumed.status == "done", resumed.error
    assert resumed.resumed_from == job_id and "--resume" in resumed.argv
    assert resumed.result["final_step"] == 200
    assert jobs.progress(store, new_id)[0].step == stopped_at + 1  # continued, not restarted

    # Same weights as a run that was never interrupted.
    ref = train_demo(DemoConfig(steps=200, ckpt_every=10), settings.path("runs", "ref"), Silent())
    resumed_w, _, _ = checkpoints.load(checkpoints.latest(out))
    ref_w, _, _ = checkpoints.load(ref["checkpoint"])
    for k in ref_w:
        assert torch.allclose(resumed_w[k], ref_w[k], atol=1e-6), k


def test_a_killed_job_is_reported_failed_not_running_forever(store, settings):
    job_id, _ = _start_demo(store, settings, steps=5000, delay=0.01, name="killed")
    _wait_for_step(store, job_id, 3)
    pid = jobs.get_job(store, job_id).pid
    os.kill(pid, signal.SIGKILL)
    job = jobs.wait(store, job_id, timeout_s=30)
    assert job.status == "failed"
    assert "exited without reporting" in job.error


def test_reconcile_on_startup_fails_orphans_with_a_reason(store):
    with store.session() as s:
        dead = Job(kind="demo", name="orphan", status="running", pid=2**22 + 12345, host=jobs.hostname(),
                   started=utcnow())
        remote = Job(kind="demo", name="remote", status="running", pid=1, host="another-host",
                     started=utcnow() - timedelta(hours=1), heartbeat=utcnow() - timedelta(hours=1))
        fresh = Job(kind="demo", name="remote-alive", status="running", pid=1, host="another-host",
                    started=utcnow(), heartbeat=utcnow())
        s.add_all([dead, remote, fresh])
        s.flush()
        ids = dead.id, remote.id, fresh.id
    failed = jobs.reconcile(store, stale_after_s=120)
    assert set(failed) == {ids[0], ids[1]}
    assert "exited without reporting" in jobs.get_job(store, ids[0]).error
    assert "no heartbeat" in jobs.get_job(store, ids[1]).error
    assert jobs.get_job(store, ids[2]).status == "running"


def test_a_crashing_worker_records_its_error(store, settings):
    out = settings.path("runs", "bad")
    job_id = jobs.start_job(store, settings, "demo", "bad", ["train", "demo", "--steps", "-5", "--out", str(out)])
    job = jobs.wait(store, job_id, timeout_s=60)
    assert job.status == "failed"  # exited early: reconcile explains it


def test_resume_refuses_an_active_job(store, settings):
    job_id = jobs.create_job(store, "demo", "x", ["train", "demo"])
    with store.session() as s:
        s.get(Job, job_id).status = "running"
    with pytest.raises(ValueError):
        jobs.resume_job(store, settings, job_id)


def test_throttled_progress_rows_carry_the_mean_loss(store):
    job_id = jobs.create_job(store, "demo", "x", [])
    rep = jobs.StoreReporter(store, job_id, min_interval_s=3600)
    rep.progress(1, 4, 1.0)  # first row is written at once
    rep.progress(2, 4, 2.0)
    rep.progress(3, 4, float("nan"))
    rep.progress(4, 4, 4.0)  # the last step is always written
    rows = jobs.progress(store, job_id)
    assert [r.step for r in rows] == [1, 4]
    assert rows[0].loss == 1.0 and rows[1].loss == pytest.approx(3.0)
