"""Background training jobs that outlive the page that started them.

A job is a row in the store plus a separate OS process running `python -m medcore <argv> --job-id N`. The worker
writes progress rows and a heartbeat and polls a cancel flag; the UI (any number of browser sessions, or a reloaded
one) only reads rows. Jobs whose process died without reporting are marked failed by `reconcile`, which the app
calls on start-up. Who sees a job (owner, admins, the team it is shared with) and who controls it: `job_access`.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select

from medcore import job_queue, teams
from medcore.auth import AccessDenied, require_admin
from medcore.config import REPO_ROOT, Settings
from medcore.job_worker import (  # noqa: F401 - re-exported: workers import these from medcore.jobs
    ConsoleReporter,
    JobCancelled,
    Reporter,
    StoreReporter,
    add_job_args,
    job_run,
    run_cli,
)
from medcore.store import Job, JobProgress, Store, hostname, utcnow

ACTIVE = ("queued", "running")
FINAL = ("done", "failed", "cancelled")

# Popen handles of workers started by this process: polling them reaps zombies,
# which os.kill(pid, 0) would otherwise report as alive.
_children: dict[int, subprocess.Popen] = {}


@dataclass
class JobRecord:
    id: int
    kind: str
    name: str
    status: str
    argv: list
    config: dict
    result: dict
    error: str
    out_dir: str
    log_path: str
    pid: int | None
    host: str
    cancel_requested: bool
    resumed_from: int | None
    created: datetime
    started: datetime | None
    finished: datetime | None
    heartbeat: datetime | None
    owner: str = "local"
    team: str | None = None  # members of this team see the job too (schema v5)

    @property
    def active(self) -> bool:
        return self.status in ACTIVE

    @property
    def duration_s(self) -> float | None:
        if not self.started:
            return None
        return ((self.finished or utcnow()) - self.started).total_seconds()


@dataclass
class ProgressRecord:
    id: int
    ts: datetime
    step: int
    total: int
    loss: float | None
    eta_s: float | None
    preview_path: str | None
    metrics: dict = field(default_factory=dict)


def _job(row: Job) -> JobRecord:
    return JobRecord(row.id, row.kind, row.name, row.status, list(row.argv or []), dict(row.config or {}),
                     dict(row.result or {}), row.error or "", row.out_dir or "", row.log_path or "", row.pid,
                     row.host or "", bool(row.cancel_requested), row.resumed_from, row.created, row.started,
                     row.finished, row.heartbeat, row.owner or "local", row.team)


def _progress(p: JobProgress) -> ProgressRecord:
    return ProgressRecord(p.id, p.ts, p.step, p.total, p.loss, p.eta_s, p.preview_path, dict(p.metrics or {}))


class JobLimitError(AccessDenied):
    """The user already runs as many training jobs as they may."""


# ---- access: training is an admin's action, and each job belongs to whoever started it ---------------
def _visible(store: Store, s, row: Job | None) -> bool:
    """Admins, the owner, and the members of the team the job was made visible to (teams.may_read_job)."""
    return row is not None and teams.may_read_job(s, store.principal, row)


def _controls(store: Store, row: Job | JobRecord | None) -> bool:
    """Cancel and resume: the owner or an admin, never a team member who only watches."""
    p = store.principal
    return row is not None and (p is None or p.local or p.is_admin or row.owner == p.name)


class JobUnavailable(AccessDenied):
    """No such job for this user. `refused`: it may exist but is not theirs to see (one message either way, so an
    id cannot probe for other people's jobs); False: an admin asked for a job that is gone."""

    def __init__(self, message: str, *, refused: bool):
        super().__init__(message)
        self.refused = refused


@dataclass(frozen=True)
class JobAccess:
    """A job and the principal's rights on it. A team member only watches (status, progress, previews, one-line
    error, run files); cancel and resume are the owner's and admins', the full log (tracebacks, paths) admins'."""

    job: JobRecord
    control: bool  # cancel and resume
    full_log: bool


def job_access(store: Store, job_id: int, *, audit_refusal: bool = True) -> JobAccess:
    """The job with the principal's rights on it, or JobUnavailable. A refusal is audited unless the caller has
    already audited this same attempt (`audit_refusal=False`: a page's rerun, ui.jobs_panel)."""
    p = store.principal
    with store.session() as s:
        row = s.get(Job, job_id)
        if _visible(store, s, row):
            return JobAccess(_job(row), _controls(store, row), full_log=p is None or p.local or p.is_admin)
    if p is None or p.local or p.is_admin:
        raise JobUnavailable(f"Job {job_id} no longer exists.", refused=False)
    if audit_refusal:
        store.audit("open_refused", tool="lab", object_type="job", object_id=job_id)
    raise JobUnavailable(f"Job {job_id} is not available to you: it is not shared with a team you belong to, or it "
                         "no longer exists. An admin chooses which team sees a training job.", refused=True)


def error_summary(job: JobRecord, max_chars: int = 300) -> str:
    """The one line of a failed job's error that everyone who sees the job may read (the full log is admins')."""
    line = next((ln.strip() for ln in (job.error or "").splitlines() if ln.strip()), "")
    return line if len(line) <= max_chars else line[:max_chars - 1] + "…"


def jobs_of(store: Store, owner: str, *, active_only: bool = True) -> int:
    q = select(func.count()).select_from(Job).where(Job.owner == owner)
    if active_only:
        q = q.where(Job.status.in_(ACTIVE))
    with store.session() as s:
        return s.scalar(q)


def check_can_start(store: Store, settings: Settings) -> None:
    """Raise unless the store's principal may start one more training job now."""
    if store.principal is None:
        return  # the system itself (CLI, tests, a worker chaining jobs)
    require_admin(store.principal, "start a training job")
    running = jobs_of(store, store.principal.name)
    if running >= settings.max_jobs_per_user:
        raise JobLimitError(f"{store.principal.name} already has {running} training job(s) running, the limit per "
                            f"user (MEDCORE_MAX_JOBS_PER_USER={settings.max_jobs_per_user}). Wait for one to "
                            "finish or cancel one.")
    total = jobs_of(store, store.principal.name, active_only=False)
    if total >= settings.max_total_jobs_per_user:
        raise JobLimitError(f"{store.principal.name} has started {total} training jobs, the total allowed per user "
                            f"(MEDCORE_MAX_TOTAL_JOBS_PER_USER={settings.max_total_jobs_per_user}).")


# ---- starting and controlling jobs (the app side) ----------------------------
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
        if not _visible(store, s, row):
            raise KeyError(job_id)
        if not _controls(store, row):
            raise AccessDenied(f"Only the job's owner or an admin may cancel job {job_id}.")
        if row.status in ACTIVE:
            row.cancel_requested = True


def resume_job(store: Store, settings: Settings, job_id: int) -> int:
    """Start a new job that continues the given one from its last checkpoint."""
    old = get_job(store, job_id)
    if old is None:
        raise KeyError(job_id)
    if not _controls(store, old):  # a JobRecord has the row's owner
        raise AccessDenied(f"Only the job's owner or an admin may resume job {job_id}.")
    if old.active:
        raise ValueError(f"job {job_id} is still {old.status}")
    argv = list(old.argv)
    if "--resume" not in argv:
        argv.append("--resume")
    return start_job(store, settings, old.kind, old.name, argv, config=old.config, out_dir=old.out_dir,
                     resumed_from=old.id, team=old.team)


def share_job(store: Store, job_id: int, team: str | None) -> None:
    """An admin makes a job (its status, progress and checkpoint files) visible to a team, or None: to no team."""
    if store.principal is not None:
        require_admin(store.principal, "choose which team sees a training job")
    if team:
        teams.check_team_exists(store, team)
    with store.session() as s:
        row = s.get(Job, job_id)
        if not _visible(store, s, row):
            raise KeyError(job_id)
        row.team = team or None
    store.audit("share_job" if team else "unshare_job", tool="lab", object_type="job", object_id=job_id,
                team=team or "")


def get_job(store: Store, job_id: int) -> JobRecord | None:
    """The job, or None when it does not exist or is another user's."""
    with store.session() as s:
        row = s.get(Job, job_id)
        return _job(row) if _visible(store, s, row) else None


def list_jobs(store: Store, kind: str | None = None, limit: int = 100) -> list[JobRecord]:
    with store.session() as s:
        q = select(Job).order_by(Job.id.desc()).limit(limit)
        if kind:
            q = q.where(Job.kind == kind)
        if store.principal is not None:
            q = q.where(teams.job_visible_clause(s, store.principal))
        return [_job(r) for r in s.scalars(q)]


def job_files(store: Store, job_id: int, limit: int = 200) -> list[dict]:
    """The files of a job's run folder (checkpoints, previews, metrics) for whoever may see the job: path inside
    the folder, bytes, modified. Links are not followed, so a planted link cannot list another folder."""
    job = get_job(store, job_id)
    root = Path(job.out_dir) if job is not None and job.out_dir else None
    if root is None or root.is_symlink() or not root.is_dir():
        return []
    out: list[dict] = []
    for folder, dirs, files in os.walk(root, followlinks=False):
        dirs.sort()
        for name in sorted(files):
            path = Path(folder) / name
            if path.is_symlink() or not path.is_file():
                continue
            info = path.stat()
            out.append({"file": str(path.relative_to(root)), "bytes": info.st_size,
                        "modified": datetime.fromtimestamp(info.st_mtime)})
            if len(out) >= limit:
                return out
    return out


def job_log(store: Store, job_id: int, tail_chars: int = 4000) -> str:
    """The end of the worker's log: admins only, since it can hold tracebacks, paths and note text (everyone who
    sees the job sees its one-line error)."""
    if store.principal is not None:
        require_admin(store.principal, "read a training job's full log")
    job = get_job(store, job_id)
    if job is None:
        raise KeyError(job_id)
    path = Path(job.log_path) if job.log_path else None
    if path is None or not path.is_file():
        return ""
    return path.read_text(errors="replace")[-tail_chars:]


def progress(store: Store, job_id: int, since_id: int = 0) -> list[ProgressRecord]:
    if store.principal is not None and get_job(store, job_id) is None:
        return []
    with store.session() as s:
        q = select(JobProgress).where(JobProgress.job_id == job_id, JobProgress.id > since_id).order_by(JobProgress.id)
        return [_progress(p) for p in s.scalars(q)]


def last_progress(store: Store, job_id: int) -> ProgressRecord | None:
    if store.principal is not None and get_job(store, job_id) is None:
        return None
    with store.session() as s:
        p = s.scalars(select(JobProgress).where(JobProgress.job_id == job_id).order_by(JobProgress.id.desc())).first()
        return _progress(p) if p else None


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
