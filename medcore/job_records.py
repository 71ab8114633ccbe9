"""What a training job is, as the app reads it: the job and progress records built from the store's rows, the
status groups, and the one-line error summary that everyone who sees a job may read (the full log is admins')."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from medcore.store import Job, JobProgress, utcnow

ACTIVE = ("queued", "running")
FINAL = ("done", "failed", "cancelled")


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


def job_record(row: Job) -> JobRecord:
    return JobRecord(row.id, row.kind, row.name, row.status, list(row.argv or []), dict(row.config or {}),
                     dict(row.result or {}), row.error or "", row.out_dir or "", row.log_path or "", row.pid,
                     row.host or "", bool(row.cancel_requested), row.resumed_from, row.created, row.started,
                     row.finished, row.heartbeat, row.owner or "local", row.team)


def progress_record(p: JobProgress) -> ProgressRecord:
    return ProgressRecord(p.id, p.ts, p.step, p.total, p.loss, p.eta_s, p.preview_path, dict(p.metrics or {}))


def error_summary(job: JobRecord, max_chars: int = 300) -> str:
    """The one line of a failed job's error that everyone who sees the job may read (the full log is admins')."""
    line = next((ln.strip() for ln in (job.error or "").splitlines() if ln.strip()), "")
    return line if len(line) <= max_chars else line[:max_chars - 1] + "…"
