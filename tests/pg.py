"""A throwaway PostgreSQL server for the tests that run the store against Postgres.

MEDCORE_TEST_DATABASE_URL names a server to use (a CI service); otherwise Debian's `postgresql` package is
looked for and a private cluster is started in a temporary folder, on a free port, and stopped afterwards.
Without either, the tests skip and say how to run them."""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest

SKIP_REASON = ("PostgreSQL is not installed (Debian: apt-get install postgresql), and MEDCORE_TEST_DATABASE_URL "
               "names no server: the Postgres store tests need one")


def _bin(name: str) -> str | None:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else shutil.which(name)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    def __init__(self):
        # A folder of its own under /tmp: pytest's are private to the user running it, and initdb refuses to
        # run as root, so as root the Debian package's postgres account runs the server and must reach it.
        self.root, self.port = Path(tempfile.mkdtemp(prefix="medcore-pg-")), _free_port()
        self.datadir = self.root / "pgdata"
        self.as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []

    def _run(self, *cmd: str) -> None:
        done = subprocess.run([*self.as_user, *cmd], capture_output=True, text=True, timeout=120)
        if done.returncode:
            raise OSError(f"{Path(cmd[0]).name} failed: {(done.stderr or done.stdout).strip()[-300:]}")

    def start(self) -> str:
        if self.as_user:
            pw = pwd.getpwnam("postgres")
            os.chown(self.root, pw.pw_uid, pw.pw_gid)
        self._run(_bin("initdb"), "-D", str(self.datadir), "-A", "trust", "-U", "medcore", "--no-sync")
        self._run(_bin("pg_ctl"), "-D", str(self.datadir), "-w", "-l", str(self.root / "log"), "-o",
                  f"-p {self.port} -k {self.root} -h 127.0.0.1 -c fsync=off", "start")
        return f"postgresql+psycopg://medcore@127.0.0.1:{self.port}/postgres"

    def stop(self) -> None:
        subprocess.run([*self.as_user, _bin("pg_ctl"), "-D", str(self.datadir), "-m", "immediate", "stop"],
                       capture_output=True, timeout=60)
        shutil.rmtree(self.root, ignore_errors=True)


def server_url():
    """(admin URL, stop function), or pytest.skip with the reason."""
    given = os.environ.get("MEDCORE_TEST_DATABASE_URL")
    if given:
        return given, lambda: None
    if not _bin("initdb") or (os.geteuid() == 0 and not _has_postgres_user()):
        pytest.skip(SKIP_REASON)
    cluster = Cluster()
    try:
        url = cluster.start()
    except (subprocess.CalledProcessError, OSError) as exc:
        cluster.stop()
        pytest.skip(f"could not start a private PostgreSQL cluster: {exc}")
    return url, cluster.stop


def _has_postgres_user() -> bool:
    try:
        pwd.getpwnam("postgres")
        return True
    except KeyError:
        return False


def fresh_database(admin_url: str) -> str:
    """A new empty database on the server; its URL."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = "t_" + uuid.uuid4().hex[:12]
    engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return make_url(admin_url).set(database=name).render_as_string(hide_password=False)
