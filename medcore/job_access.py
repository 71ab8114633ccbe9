"""Who sees a training job and what they may do with it, and every read of jobs, filtered by those rules.

Training is an admin's action, and each job belongs to whoever started it. The owner, admins, and the members of
the team an admin shared the job with see it (teams.may_read_job, and its SQL form for lists); only the owner and
admins cancel or resume it; only admins read its full log. Starting and reaping the processes: medcore.job_launch.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select

from medcore import teams
from medcore.auth import AccessDenied, require_admin
from medcore.config import Settings
from medcore.job_records import ACTIVE, JobRecord, ProgressRecord, job_record, progress_record
from medcore.store import Job, JobProgress, Store


class JobLimitError(AccessDenied):
    """The user already runs as many training jobs as they may."""


def may_see(store: Store, s, row: Job | None) -> bool:
    """Admins, the owner, and the members of the team the job was made visible to (teams.may_read_job)."""
    return row is not None and teams.may_read_job(s, store.principal, row)


def may_control(store: Store, row: Job | JobRecord | None) -> bool:
    """Cancel and resume: the owner or an admin, never a team member who only watches."""
    p = store.principal
    return row is not None and (p is None or p.local or p.is_admin or row.owner == p.name)


class DuplicateJobError(JobLimitError):
    """The same training, with the same settings, is already running for this user (a double click)."""


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
        if may_see(store, s, row):
            return JobAccess(job_record(row), may_control(store, row), full_log=p is None or p.local or p.is_admin)
    if p is None or p.local or p.is_admin:
        raise JobUnavailable(f"Job {job_id} no longer exists.", refused=False)
    # The refusal stands either way; a read-only or full database must not turn it into a storage error that
    # hides why the job is not shown.
    why = None
    if audit_refusal:
        why = store.audit_unless_refused("open_refused", tool="lab", object_type="job", object_id=job_id)
    unrecorded = f" (This refusal could not be recorded in the audit log. {why})" if why else ""
    raise JobUnavailable(f"Job {job_id} is not available to you: it is not shared with a team you belong to, or it "
                         "no longer exists. An admin chooses which team sees a training job." + unrecorded,
                         refused=True)


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


def check_not_twice(store: Store, kind: str, config: dict | None, argv: list[str] | None = None) -> None:
    """Refuse a second start of a job this user already runs with the same kind and settings: a double click on
    Start, or a reload that re-sent it, would otherwise take a second job slot (MEDCORE_MAX_JOBS_PER_USER) and the
    CPU for the same run. Other settings (another seed, more steps) are another run and may start."""
    if store.principal is None:
        return  # the system itself (CLI, tests, a worker chaining jobs)
    with store.session() as s:
        rows = s.scalars(select(Job).where(Job.owner == store.principal.name, Job.kind == kind,
                                           Job.status.in_(ACTIVE)))
        # The config a page records may leave settings out (the imaging form's VAE and preview interval), so the
        # command line decides too: only the run's own output folder may differ between two clicks.
        want = _run_args(argv)
        same = next((r for r in rows if dict(r.config or {}) == dict(config or {})
                     and (argv is None or _run_args(r.argv) == want)), None)
        if same is not None:
            raise DuplicateJobError(f"Job {same.id} ({same.name}) is already {same.status} with these settings, so it "
                                    "was not started twice. Follow it below, or cancel it first to start afresh.")


def _run_args(argv: list[str] | None) -> list[str]:
    args = [str(a) for a in (argv or [])]
    out: list[str] = []
    skip = False
    for a in args:
        if skip:
            skip = False
        elif a == "--out":
            skip = True
        elif not a.startswith("--out="):
            out.append(a)
    return out


def share_job(store: Store, job_id: int, team: str | None) -> None:
    """An admin makes a job (its status, progress and checkpoint files) visible to a team, or None: to no team."""
    if store.principal is not None:
        require_admin(store.principal, "choose which team sees a training job")
    if team:
        teams.check_team_exists(store, team)
    with store.session() as s:
        row = s.get(Job, job_id)
        if not may_see(store, s, row):
            raise KeyError(job_id)
        row.team = team or None
    store.audit("share_job" if team else "unshare_job", tool="lab", object_type="job", object_id=job_id,
                team=team or "")


def get_job(store: Store, job_id: int) -> JobRecord | None:
    """The job, or None when it does not exist or is another user's."""
    with store.session() as s:
        row = s.get(Job, job_id)
        return job_record(row) if may_see(store, s, row) else None


def list_jobs(store: Store, kind: str | None = None, limit: int = 100) -> list[JobRecord]:
    with store.session() as s:
        q = select(Job).order_by(Job.id.desc()).limit(limit)
        if kind:
            q = q.where(Job.kind == kind)
        if store.principal is not None:
            q = q.where(teams.job_visible_clause(s, store.principal))
        return [job_record(r) for r in s.scalars(q)]


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
        return [progress_record(p) for p in s.scalars(q)]


def last_progress(store: Store, job_id: int) -> ProgressRecord | None:
    if store.principal is not None and get_job(store, job_id) is None:
        return None
    with store.session() as s:
        p = s.scalars(select(JobProgress).where(JobProgress.job_id == job_id).order_by(JobProgress.id.desc())).first()
        return progress_record(p) if p else None
