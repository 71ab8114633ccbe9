"""Starting and controlling training jobs' processes (the app side): record a job and launch its worker (or queue
it for a Postgres worker), cancel, resume, and reap workers that died without reporting (`reconcile`, which the
app calls on start-up). Who may do each of these: medcore.job_access.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

from sqlalchemy import select

from medcore import job_queue, teams
from medcore.auth import AccessDenied
from medcore.config import REPO_ROOT, Settings
from medcore.job_access import check_can_start, check_not_twice, get_job, may_control, may_see
from medcore.job_records import ACTIVE, FINAL, JobRecord
from medcore.store import Job, Store, StoreError, hostname, utcnow

log = logging.getLogger(__name__)

# Popen handles of workers started by this process: polling them reaps zombies,
# which os.kill(pid, 0) would otherwise report as alive.
_children: dict[int, subprocess.Popen] = {}


def create_job(store: Store, kind: str, name: str, argv: list[str], *, config: dict | None = None,
               out_dir: str | Path = "", resumed_from: int | None = None, team: str | None = None) -> int:
    if team:
        teams.check_team_exists(store, team)
    with store.session() as s:
        row = Job(kind=kind, name=name, argv=[str(a) for a in argv], config=config or {}, out_dir=str(out_dir),
                  resumed_from=resumed_from, status="queued", host=hostname(), team=team or None,
                  owner=store.principal.name if store.principal is not None else "local")
        s.add(row)
        s.flush()
        return row.id


def start_job(store: Store, settings: Settings, kind: str, name: str, argv: list[str], *,
              config: dict | None = None, out_dir: str | Path = "", resumed_from: int | None = None,
              team: str | None = None) -> int:
    """Record a job and launch its worker process; returns at once with the job id. `team`: its members see it."""
    check_can_start(store, settings)
    if resumed_from is None:  # a resume continues a stopped run; it is checked by its own rules
        check_not_twice(store, kind, config, argv)
    job_id = create_job(store, kind, name, argv, config=config, out_dir=out_dir, resumed_from=resumed_from,
                        team=team)
    if job_queue.uses_queue(store.url):
        # Postgres: a worker on any machine takes it (python -m medcore worker); the row waits as queued.
        with store.session() as s:
            s.get(Job, job_id).host = job_queue.QUEUED_HOST
        job_queue.enqueue(store.url, job_id, [str(a) for a in argv])
        return job_id
    log_path = settings.path("jobs", str(job_id)) / "log.txt"
    cmd = [sys.executable, "-m", "medcore", *[str(a) for a in argv], "--job-id", str(job_id)]
    env = dict(os.environ)
    env["MEDCORE_DATABASE_URL"] = store.url
    env["MEDCORE_DATA_DIR"] = str(settings.data_dir)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH", "")]))
    env.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    with open(log_path, "ab") as log:
        # A new session so the worker is not killed with the Streamlit server's
        # process group, and a page reload never touches it.
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                cwd=str(REPO_ROOT), env=env, start_new_session=True)
    _children[proc.pid] = proc
    with store.session() as s:
        row = s.get(Job, job_id)
        row.pid = proc.pid
        row.log_path = str(log_path)
    return job_id


def request_cancel(store: Store, job_id: int) -> None:
    with store.session() as s:
        row = s.get(Job, job_id)
        if not may_see(store, s, row):
            raise KeyError(job_id)
        if not may_control(store, row):
            raise AccessDenied(f"Only the job's owner or an admin may cancel job {job_id}.")
        if row.status in ACTIVE:
            row.cancel_requested = True


def resume_job(store: Store, settings: Settings, job_id: int) -> int:
    """Start a new job that continues the given one from its last checkpoint."""
    old = get_job(store, job_id)
    if old is None:
        raise KeyError(job_id)
    if not may_control(store, old):  # a JobRecord has the row's owner
        raise AccessDenied(f"Only the job's owner or an admin may resume job {job_id}.")
    if old.active:
        raise ValueError(f"job {job_id} is still {old.status}")
    argv = list(old.argv)
    if "--resume" not in argv:
        argv.append("--resume")
    return start_job(store, settings, old.kind, old.name, argv, config=old.config, out_dir=old.out_dir,
                     resumed_from=old.id, team=old.team)


def pid_alive(pid: int | None) -> bool:
    if not pid:
        return False
    child = _children.get(pid)
    if child is not None:
        return child.poll() is None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a zombie (exited, not yet reaped by its parent) is not running
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (FileNotFoundError, IndexError):
        return True  # no procfs (macOS): trust kill()


def reconcile(store: Store, stale_after_s: float = 120.0) -> list[int]:
    """Mark jobs that claim to be active but whose worker is gone as failed. Returns their ids."""
    me = hostname()
    now = utcnow()
    failed: list[int] = []
    with store.session() as s:
        for row in s.scalars(select(Job).where(Job.status.in_(ACTIVE))):
            reason = None
            if row.status == "queued" and row.host == job_queue.QUEUED_HOST:
                continue  # waiting in the Postgres queue for a worker: nothing has died
            if row.host == me and row.pid and not pid_alive(row.pid):
                reason = (f"worker process {row.pid} exited without reporting a result "
                          "(crashed, killed, or the app was stopped)")
            elif row.host == me and not row.pid and now - row.created > timedelta(seconds=stale_after_s):
                reason = "worker process never started"
            elif row.host != me:
                beat = row.heartbeat or row.started or row.created
                if now - beat > timedelta(seconds=stale_after_s):
                    reason = f"no heartbeat from host {row.host} for over {stale_after_s:.0f} s"
            if reason:
                row.status = "failed"
                row.error = reason
                row.finished = now
                failed.append(row.id)
    return failed


def reconcile_for_reading(store: Store, stale_after_s: float = 120.0) -> str:
    """`reconcile` before showing jobs (a page, `jobs list`). It writes, so on a store that cannot be written
    (read-only, disk full) the jobs are still shown: returns what to tell the person then, else ""."""
    try:
        reconcile(store, stale_after_s)
    except StoreError as exc:
        log.warning("jobs not reconciled: %s", exc)
        return f"{exc}: a job whose worker has died may still show as active."
    return ""


def wait(store: Store, job_id: int, timeout_s: float = 60.0, poll_s: float = 0.1) -> JobRecord:
    """Block until a job is final (tests and the CLI use it)."""
    deadline = time.monotonic() + timeout_s
    while True:
        job = get_job(store, job_id)
        if job is None:
            raise KeyError(job_id)
        if job.status in FINAL:
            return job
        if not pid_alive(job.pid) and job.pid:
            reconcile(store)
            job = get_job(store, job_id)
            if job.status in FINAL:
                return job
        if time.monotonic() > deadline:
            raise TimeoutError(f"job {job_id} still {job.status} after {timeout_s} s")
        time.sleep(poll_s)
