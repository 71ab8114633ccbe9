"""The worker side of a job: progress reporting, the cancel flag, and the wrapper that records the outcome.

A CLI command that can run as a job calls `run_cli(args, settings, body)`; with --job-id its body reports
to the job's row (StoreReporter), otherwise to the console. See jobs.py for the app side.
"""

from __future__ import annotations

import os
import sys
import time
import traceback
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator, Protocol

from medcore.config import Settings
from medcore.store import Job, JobProgress, Store, StoreError, hostname, utcnow


class JobCancelled(Exception):
    """Raised by a training loop (or by the reporter) to stop at a clean point."""


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


def refuse_unwritable(settings: Settings) -> bool:
    """For a command that ends by adding its model to the registry: True, with the reason on stderr, when the
    database cannot be written, so hours of training are not spent on a model that cannot be registered."""
    try:
        probe = Store.open(settings)
        try:
            probe.check_writable()
        finally:
            probe.engine.dispose()
    except StoreError as exc:
        print(f"error: {exc}. Nothing was run: this command ends by adding its model to the registry.",
              file=sys.stderr)
        return True
    return False


def run_cli(args, settings: Settings, body: Callable[[Reporter], dict | None], *, registers: bool = False) -> int:
    """Run a CLI command's body as a job (when --job-id is given) or on the console. `registers`: the body ends by
    adding its model to the registry, so a database that cannot be written refuses the run before it starts."""
    job_id = getattr(args, "job_id", None)
    if registers and job_id is None and refuse_unwritable(settings):  # with a job id, the job's row fails first
        return 1
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
    except StoreError as exc:  # the job's row could not be written (read-only database, full disk): said plainly
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except Exception:  # noqa: BLE001 - already recorded on the job row
        traceback.print_exc()
        return 1
    return 0

