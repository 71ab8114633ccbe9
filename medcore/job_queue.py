"""Training jobs through a Postgres task queue (procrastinate), so workers on other machines run them.

With SQLite the app launches a job's process itself (medcore.jobs.start_job). With Postgres the job row is
written the same way and a procrastinate task carrying its id is deferred; any `python -m medcore worker`
connected to that database takes it and runs exactly the command the local launcher would have run
(`python -m medcore <argv> --job-id N`), in its own process. Progress, heartbeats, cancel and resume are the
job row's, as before: the queue only decides which machine runs the job.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from functools import lru_cache

from medcore.config import REPO_ROOT

log = logging.getLogger(__name__)
QUEUE = "medcore-training"
QUEUED_HOST = "(queue)"  # a job row's host until a worker takes it


def uses_queue(database_url: str) -> bool:
    return database_url.startswith("postgresql")


def conninfo(database_url: str) -> str:
    """The libpq form of a SQLAlchemy URL (postgresql+psycopg://... -> postgresql://...)."""
    from sqlalchemy.engine import make_url

    return make_url(database_url).set(drivername="postgresql").render_as_string(hide_password=False)


@lru_cache(maxsize=4)
def queue_app(database_url: str):
    import procrastinate

    app = procrastinate.App(connector=procrastinate.PsycopgConnector(conninfo=conninfo(database_url)))

    @app.task(name="medcore.run_job", queue=QUEUE)
    def run_job(job_id: int, argv: list[str]) -> int:
        return _run(database_url, job_id, argv)

    return app


def install_schema(database_url: str) -> None:
    """Create procrastinate's tables once per database (an existing schema is left as it is)."""
    from sqlalchemy import create_engine, text

    engine = create_engine(database_url)
    try:
        with engine.connect() as conn:
            present = conn.execute(text("SELECT to_regclass('procrastinate_jobs')")).scalar()
    finally:
        engine.dispose()
    if present is None:
        app = queue_app(database_url)
        with app.open():
            app.schema_manager.apply_schema()
        log.info("installed the job queue's tables")


def enqueue(database_url: str, job_id: int, argv: list[str]) -> None:
    install_schema(database_url)
    app = queue_app(database_url)
    with app.open():
        app.tasks["medcore.run_job"].defer(job_id=int(job_id), argv=[str(a) for a in argv])


def _run(database_url: str, job_id: int, argv: list[str]) -> int:
    """On the worker: the job's process, exactly as the local launcher starts it."""
    from medcore.config import Settings

    settings = Settings.load()
    cmd = [sys.executable, "-m", "medcore", *argv, "--job-id", str(job_id)]
    env = dict(os.environ, MEDCORE_DATABASE_URL=database_url, MEDCORE_DATA_DIR=str(settings.data_dir))
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH", "")]))
    log_path = settings.path("jobs", str(job_id)) / "log.txt"
    _claim(database_url, job_id, log_path)
    log.info("worker: job %s: %s", job_id, " ".join(cmd[2:]))
    with open(log_path, "ab") as out:
        done = subprocess.run(cmd, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                              cwd=str(REPO_ROOT), env=env)
    return done.returncode


def _claim(database_url: str, job_id: int, log_path) -> None:
    """The job row now names this machine (reconcile watches its heartbeat from here on) and its log."""
    from medcore.store import Job, Store, hostname

    store = Store(database_url)
    try:
        with store.session() as s:
            row = s.get(Job, job_id)
            if row is not None:
                row.host, row.log_path = hostname(), str(log_path)
    finally:
        store.engine.dispose()


def run_worker(database_url: str, *, once: bool = False, concurrency: int = 1) -> None:
    """Take queued training jobs until stopped (SIGINT/SIGTERM), or until the queue is empty with `once`."""
    install_schema(database_url)
    queue_app(database_url).run_worker(queues=[QUEUE], wait=not once, concurrency=concurrency,
                                       install_signal_handlers=not once)
