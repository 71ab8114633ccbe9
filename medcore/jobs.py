"""Background training jobs that outlive the page that started them.

A job is a row in the store plus a separate OS process running
`python -m medcore <argv> --job-id N`. The worker writes progress rows and a
heartbeat and polls a cancel flag; the UI (any number of browser sessions, or
a reloaded one) only reads rows. Jobs whose process died without reporting are
marked failed by `reconcile`, which the app calls on start-up.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import traceback
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Callable, Iterator, Protocol

from sqlalchemy import select

from medcore.config import REPO_ROOT, Settings
from medcore.store import Job, JobProgress, Store, hostname, utcnow

ACTIVE = ("queued", "running")
FINAL = ("done", "failed", "cancelled")

# Popen handles of workers started by this process: polling them reaps zombies,
# which os.kill(pid, 0) would otherwise report as alive.
_children: dict[int, subprocess.Popen] = {}


class JobCancelled(Exception):
    """Raised by a training loop (or by the reporter) to stop at a clean point."""


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
                     row.finished, row.heartbeat)


# ---- starting and controlling jobs (the app side) ----------------------------
def create_job(store: Store, kind: str, name: str, argv: list[str], *, config: dict | None = None,
               out_dir: str | Path = "", resumed_from: int | None = None) -> int:
    with store.session() as s:
        row = Job(kind=kind, name=name, argv=[str(a) for a in argv], config=config or {}, out_dir=str(out_dir),
                  resumed_from=resumed_from, status="queued", host=hostname())
        s.add(row)
        s.flush()
        return row.id


def start_job(store: Store, settings: Settings, kind: str, name: str, argv: list[str], *,
              config: dict | None = None, out_dir: str | Path = "", resumed_from: int | None = None) -> int:
    """Record a job and launch its worker process; returns at once with the job id."""
    job_id = create_job(store, kind, name, argv, config=config, out_dir=out_dir, resumed_from=resumed_from)
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
        if row is None:
            raise KeyError(job_id)
        if row.status in ACTIVE:
            row.cancel_requested = True


def resume_job(store: Store, settings: Settings, job_id: int) -> int:
    """Start a new job that continues the given one from its last checkpoint."""
    old = get_job(store, job_id)
    if old is None:
        raise KeyError(job_id)
    if old.active:
        raise ValueError(f"job {job_id} is still {old.status}")
    argv = list(old.argv)
    if "--resume" not in argv:
        argv.append("--resume")
    return start_job(store, settings, old.kind, old.name, argv, config=old.config, out_dir=old.out_dir,
                     resumed_from=old.id)


def get_job(store: Store, job_id: int) -> JobRecord | None:
    with store.session() as s:
        row = s.get(Job, job_id)
        return _job(row) if row else None


def list_jobs(store: Store, kind: str | None = None, limit: int = 100) -> list[JobRecord]:
    with store.session() as s:
        q = select(Job).order_by(Job.id.desc()).limit(limit)
        if kind:
            q = q.where(Job.kind == kind)
        return [_job(r) for r in s.scalars(q)]


def progress(store: Store, job_id: int, since_id: int = 0) -> list[ProgressRecord]:
    with store.session() as s:
        q = select(JobProgress).where(JobProgress.job_id == job_id, JobProgress.id > since_id).order_by(JobProgress.id)
        return [ProgressRecord(p.id, p.ts, p.step, p.total, p.loss, p.eta_s, p.preview_path, dict(p.metrics or {}))
                for p in s.scalars(q)]


def last_progress(store: Store, job_id: int) -> ProgressRecord | None:
    with store.session() as s:
        p = s.scalars(select(JobProgress).where(JobProgress.job_id == job_id).order_by(JobProgress.id.desc())).first()
        return ProgressRecord(p.id, p.ts, p.step, p.total, p.loss, p.eta_s, p.preview_path, dict(p.metrics or {})) if p else None


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


# ---- reporting (the worker side) ----------------------------------------------
class Reporter(Protocol):
    def progress(self, step: int, total: int, loss: float | None = None, *, metrics: dict | None = None,
                 preview_path: str | Path | None = None) -> None: ...

    def should_cancel(self) -> bool: ...

    def log(self, message: str) -> None: ...


class _Eta:
    def __init__(self) -> None:
        self.t0: float | None = None
        self.step0 = 0

    def __call__(self, step: int, total: int) -> float | None:
        now = time.monotonic()
        if self.t0 is None:  # first report (also after a resume): rate is measured from here
            self.t0, self.step0 = now, step
            return None
        done = step - self.step0
        if done <= 0:
            return None
        return max(0.0, (now - self.t0) / done * (total - step))


class ConsoleReporter:
    """For CLI runs without a job: progress lines on stderr, Ctrl-C to stop."""

    def __init__(self, every_s: float = 2.0, stream=None):
        self.every_s = every_s
        self.stream = stream or sys.stderr
        self._last = 0.0
        self._eta = _Eta()

    def progress(self, step, total, loss=None, *, metrics=None, preview_path=None) -> None:
        eta = self._eta(step, total)
        now = time.monotonic()
        if now - self._last >= self.every_s or step >= total:
            self._last = now
            bits = [f"step {step}/{total}"]
            if loss is not None:
                bits.append(f"loss {loss:.4f}")
            if eta is not None:
                bits.append(f"eta {eta:.0f}s")
            print("  ".join(bits), file=self.stream, flush=True)

    def should_cancel(self) -> bool:
        return False

    def log(self, message: str) -> None:
        print(message, file=self.stream, flush=True)


class StoreReporter:
    """Writes progress rows and heartbeats for one job; polls its cancel flag."""

    def __init__(self, store: Store, job_id: int, min_interval_s: float = 0.5):
        self.store = store
        self.job_id = job_id
        self.min_interval_s = min_interval_s
        self._last_write: float | None = None  # None: the first report is written at once
        self._last_cancel_check = 0.0
        self._cancel = False
        self._eta = _Eta()
        self._loss_sum = 0.0
        self._loss_n = 0
        self.result: dict[str, Any] = {}

    def progress(self, step, total, loss=None, *, metrics=None, preview_path=None) -> None:
        eta = self._eta(step, total)
        if loss is not None and loss == loss:  # NaN is not averaged in
            self._loss_sum += float(loss)
            self._loss_n += 1
        now = time.monotonic()
        if (self._last_write is not None and now - self._last_write < self.min_interval_s and step < total
                and preview_path is None):
            return
        self._last_write = now
        # Rows are throttled, so each carries the mean loss of the steps since the previous row.
        loss_val = self._loss_sum / self._loss_n if self._loss_n else None
        self._loss_sum, self._loss_n = 0.0, 0
        with self.store.session() as s:
            s.add(JobProgress(job_id=self.job_id, step=int(step), total=int(total), loss=loss_val, eta_s=eta,
                              preview_path=str(preview_path) if preview_path else None,
                              metrics={k: _jsonable(v) for k, v in (metrics or {}).items()}))
            row = s.get(Job, self.job_id)
            row.heartbeat = utcnow()

    def should_cancel(self) -> bool:
        now = time.monotonic()
        if not self._cancel and now - self._last_cancel_check >= 0.2:
            self._last_cancel_check = now
            with self.store.session() as s:
                row = s.get(Job, self.job_id)
                self._cancel = bool(row and row.cancel_requested)
        return self._cancel

    def log(self, message: str) -> None:
        print(message, file=sys.stderr, flush=True)


def _jsonable(v: Any) -> Any:
    if isinstance(v, (int, float, str, bool)) or v is None:
        return v
    try:
        return float(v)
    except (TypeError, ValueError):
        return str(v)


@contextmanager
def job_run(store: Store, job_id: int) -> Iterator[StoreReporter]:
    """Wrap a worker's body: running → done | cancelled | failed, always with a reason."""
    with store.session() as s:
        row = s.get(Job, job_id)
        if row is None:
            raise KeyError(f"no job {job_id}")
        row.status = "running"
        row.started = row.started or utcnow()
        row.heartbeat = utcnow()
        row.pid = os.getpid()
        row.host = hostname()
    rep = StoreReporter(store, job_id)
    status, error = "done", ""
    try:
        yield rep
        if rep._cancel:
            status = "cancelled"
    except JobCancelled:
        status = "cancelled"
    except BaseException as exc:  # noqa: BLE001 - the row must never stay 'running'
        status = "failed"
        error = f"{type(exc).__name__}: {exc}\n" + "".join(traceback.format_exc(limit=8))[-4000:]
        raise
    finally:
        with store.session() as s:
            row = s.get(Job, job_id)
            row.status = status
            row.error = error
            row.finished = utcnow()
            row.result = {k: _jsonable(v) if not isinstance(v, (dict, list)) else v for k, v in rep.result.items()}


def add_job_args(parser) -> None:
    """Arguments every job-capable CLI command takes."""
    parser.add_argument("--job-id", type=int, default=None, help="report progress to this job row (set by the app)")


def run_cli(args, settings: Settings, body: Callable[[Reporter], dict | None]) -> int:
    """Run a CLI command's body as a job (when --job-id is given) or on the console."""
    job_id = getattr(args, "job_id", None)
    if job_id is None:
        try:
            result = body(ConsoleReporter()) or {}
        except (KeyboardInterrupt, JobCancelled):
            print("stopped", file=sys.stderr)
            return 130
        if result:
            import json

            print(json.dumps(result, indent=2, default=str))
        return 0
    store = Store.open(settings)
    try:
        with job_run(store, job_id) as rep:
            rep.result = body(rep) or {}
    except Exception:  # noqa: BLE001 - already recorded on the job row
        traceback.print_exc()
        return 1
    return 0
