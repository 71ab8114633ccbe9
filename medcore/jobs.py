"""Background training jobs that outlive the page that started them: the public API, in one import.

A job is a row in the store plus a separate OS process running `python -m medcore <argv> --job-id N`. The worker
writes progress rows and a heartbeat and polls a cancel flag; the UI (any number of browser sessions, or a reloaded
one) only reads rows. Jobs whose process died without reporting are marked failed by `reconcile`, which the app
calls on start-up. Who sees a job (owner, admins, the team it is shared with) and who controls it: `job_access`.

The code lives in one module per job: job_records (what a job is), job_access (who sees and does what, and the
reads), job_launch (starting, cancelling, resuming, reaping processes), job_worker (the worker's side) and
job_queue (Postgres workers). Callers import them all from here.
"""

from __future__ import annotations

from medcore.job_access import (  # noqa: F401 - the public API
    DuplicateJobError,
    JobAccess,
    JobLimitError,
    JobUnavailable,
    check_can_start,
    get_job,
    job_access,
    job_files,
    job_log,
    jobs_of,
    last_progress,
    list_jobs,
    progress,
    share_job,
)
from medcore.job_launch import (  # noqa: F401 - the public API
    create_job,
    pid_alive,
    reconcile,
    reconcile_for_reading,
    request_cancel,
    resume_job,
    start_job,
    wait,
)
from medcore.job_records import ACTIVE, FINAL, JobRecord, ProgressRecord, error_summary  # noqa: F401
from medcore.job_worker import (  # noqa: F401 - re-exported: workers import these from medcore.jobs
    ConsoleReporter,
    JobCancelled,
    Reporter,
    StoreReporter,
    add_job_args,
    job_run,
    refuse_unwritable,
    run_cli,
)
from medcore.store import hostname  # noqa: F401 - tests and callers compare a job's host with it
