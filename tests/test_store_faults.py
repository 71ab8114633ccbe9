"""Storage faults are reported honestly: a damaged database at open, a read-only one on save."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from medcore.store import NotSaved, Store, StoreError


def test_a_database_with_a_corrupt_header_is_a_clear_store_error(tmp_path):
    path = tmp_path / "m.db"
    Store(f"sqlite:///{path}").engine.dispose()
    data = bytearray(path.read_bytes())
    data[:16] = b"garbage garbage!"
    path.write_bytes(bytes(data))
    with pytest.raises(StoreError, match="cannot be used"):
        Store(f"sqlite:///{path}")


def test_page_level_damage_is_found_at_open(tmp_path):
    path = tmp_path / "m.db"
    s = Store(f"sqlite:///{path}")
    for i in range(300):
        s.save_work("chat", {"turns": ["x" * 200] * 5}, title=f"t{i}")
    with s.engine.connect() as conn:  # fold the WAL into the file so the damage below hits real pages
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    s.engine.dispose()
    data = bytearray(path.read_bytes())
    page = 4096
    for off in range(page * 3, min(len(data), page * 40), page):
        data[off + 100:off + 400] = b"\xff" * 300
    path.write_bytes(bytes(data))
    with pytest.raises(StoreError):
        Store(f"sqlite:///{path}")


@pytest.fixture
def read_only(tmp_path):
    path = tmp_path / "ro.db"
    s = Store(f"sqlite:///{path}")
    s.save_work("chat", {"turns": ["hello"]})
    s.engine.dispose()
    return f"sqlite:///file:{path}?mode=ro&uri=true"


def test_a_read_only_database_says_not_saved(read_only):
    ro = Store(read_only)
    assert ro.list_work(kind="chat")[0].data == {"turns": ["hello"]}  # reading still works
    with pytest.raises(NotSaved, match="Not saved: the database is read-only"):
        ro.save_work("chat", {"turns": ["lost?"]})


def _saving_page():
    import streamlit as st

    from ui.errors import error_boundary
    from ui.loaders import get_store

    st.text_area("Note", key="note")
    with error_boundary("saving the note"):
        get_store().save_work("chat", {"turns": [st.session_state.get("note", "")]})
        st.success("saved")


def test_the_page_says_not_saved_and_keeps_the_input(read_only, monkeypatch, settings):
    monkeypatch.setenv("MEDCORE_DATABASE_URL", read_only)
    at = AppTest.from_function(_saving_page, default_timeout=60).run()
    at.text_area[0].input("chest pain since this morning").run()
    assert not at.success
    msg = at.error[0].value
    assert "Not saved: the database is read-only" in msg and "Nothing you entered was lost" not in msg
    assert at.text_area[0].value == "chest pain since this morning"


def test_app_with_a_damaged_database_shows_why(settings, monkeypatch, tmp_path):
    from tests.conftest import REPO

    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not a database at all" * 100)
    monkeypatch.setenv("MEDCORE_DATABASE_URL", f"sqlite:///{bad}")
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=120).run()
    assert not at.exception
    assert at.error and "database cannot be opened" in at.error[0].value


# ---- the command line on a read-only database: a plain message, never a traceback, and reads still work ----
@pytest.fixture
def read_only_cli(settings, monkeypatch, tmp_path):
    """A database with an account, a team and a job whose worker never started (reconcile would write), opened
    read-only by every command below; cheap password hashes for the account commands."""
    from datetime import timedelta

    from argon2 import PasswordHasher

    from medcore import auth, jobs, teams
    from medcore.store import Job, utcnow

    monkeypatch.setattr(auth, "_hasher", lambda: PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
    path = tmp_path / "cli.db"
    s = Store(f"sqlite:///{path}")
    auth.add_user(s, "alice", "a long password", "clinician")
    teams.create_team(s, "ward-3")
    job_id = jobs.create_job(s, "demo", "orphan", ["train", "demo"])
    with s.session() as ss:
        ss.get(Job, job_id).created = utcnow() - timedelta(hours=1)
    s.engine.dispose()
    monkeypatch.setenv("MEDCORE_DATABASE_URL", f"sqlite:///file:{path}?mode=ro&uri=true")
    return job_id


READ_ONLY_WRITES = [
    "users add bob --role clinician --password-stdin", "users set-role alice admin",
    "users passwd alice --password-stdin", "users disable alice", "teams add ward-9",
    "teams add-member ward-3 alice", "teams share-job {job} ward-3", "jobs cancel {job}",
    "train demo --steps 3 --out {tmp}/run --job-id {job}",
]


@pytest.mark.parametrize("command", READ_ONLY_WRITES)
def test_a_cli_write_on_a_read_only_database_is_one_line_not_saved(read_only_cli, command, tmp_path, monkeypatch,
                                                                   capsys):
    import io

    from medcore.cli import main

    monkeypatch.setattr("sys.stdin", io.StringIO("another long password\n"))
    rc = main(command.format(job=read_only_cli, tmp=tmp_path).split())
    out, err = capsys.readouterr()
    assert rc != 0 and "Traceback" not in out + err and "NotSaved" not in err, err
    assert err.strip().splitlines()[-1] == "error: Not saved: the database is read-only", err


@pytest.mark.parametrize("command,shown", [("users list", "alice"), ("teams list", "ward-3"),
                                           ("jobs list", "orphan"), ("jobs show {job}", '"name": "orphan"')])
def test_a_cli_read_on_a_read_only_database_still_answers(read_only_cli, command, shown, capsys):
    from medcore.cli import main

    rc = main(command.format(job=read_only_cli).split())
    out, err = capsys.readouterr()
    assert rc == 0 and shown in out and "Traceback" not in out + err, out + err
    if command.startswith("jobs"):  # reconcile could not mark the dead job failed: said, once, on stderr
        assert "Not saved: the database is read-only" in err and "still show as active" in err


def test_the_model_lab_on_a_read_only_database_still_lists_the_jobs(read_only_cli):
    """The page marks dead workers' jobs failed (a write) before it lists them: read-only, it lists them anyway
    and says why such a job may still show as active, instead of replacing the page with the store error."""
    from tests.conftest import REPO

    at = AppTest.from_file(str(REPO / "pages" / "model_lab.py"), default_timeout=120).run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    listed = next(d.value for d in at.dataframe if "status" in d.value.columns)
    assert listed["name"].tolist() == ["orphan"]
    assert any("Not saved: the database is read-only" in w.value and "still show as active" in w.value
               for w in at.warning)


def test_a_refused_job_link_on_a_read_only_database_still_says_refused(read_only_cli):
    """The refusal's audit row cannot be written: the person is still told the job is not theirs to see (and that
    the refusal went unrecorded), never a bare 'Not saved' that hides the refusal."""
    from medcore import jobs
    from medcore.auth import User

    import os

    outsider = Store(os.environ["MEDCORE_DATABASE_URL"]).as_user(User("alice", "clinician"))  # not the owner, not an admin, in no team with the job
    with pytest.raises(jobs.JobUnavailable) as refused:
        jobs.job_access(outsider, read_only_cli)
    msg = str(refused.value)
    assert refused.value.refused and "is not available to you" in msg
    assert "could not be recorded in the audit log" in msg and "the database is read-only" in msg


def test_check_writable_refuses_a_read_only_database_and_leaves_a_writable_one_unchanged(read_only, tmp_path):
    with pytest.raises(NotSaved, match="Not saved: the database is read-only"):
        Store(read_only).check_writable()
    rw = Store(f"sqlite:///{tmp_path / 'rw.db'}")
    before = rw.schema_version()
    rw.check_writable()
    assert rw.schema_version() == before


# Commands that end by adding their model to the registry: refused before any training on a read-only database
# (the train body would otherwise run for minutes to hours and then fail to register).
READ_ONLY_TRAINING = [
    "train image --model vae --size 8 --steps 1 --out-dir {tmp}/img", "train records --epochs 1 --out {tmp}/sc",
    "train triage --samples 10 --epochs 1 --out {tmp}/mlp", "train literature --steps 1 --out {tmp}/lit",
    "train literature-ask --out {tmp}/ask",
]


@pytest.mark.parametrize("command", READ_ONLY_TRAINING)
def test_training_that_registers_is_refused_before_it_starts_on_a_read_only_database(read_only_cli, command,
                                                                                      tmp_path, capsys):
    from medcore.cli import main

    rc = main(command.format(tmp=tmp_path).split())
    out, err = capsys.readouterr()
    if "PubMedQA data not found" in err:
        pytest.skip("needs ../shared/data/pubmedqa (the command refuses before the store check without it)")
    assert rc == 1 and "Traceback" not in out + err, err
    assert err.strip().splitlines()[-1] == ("error: Not saved: the database is read-only. Nothing was run: this "
                                            "command ends by adding its model to the registry.")
    assert not any(tmp_path.rglob("*.safetensors")), "nothing may have been trained"


def test_training_without_registering_still_runs_on_a_read_only_database(read_only_cli, tmp_path, capsys):
    from medcore.cli import main

    rc = main(f"train demo --steps 3 --out {tmp_path}/demo".split())
    assert rc == 0, capsys.readouterr().err


@pytest.mark.parametrize("command,shown", [(["summarize", "{tmp}/n.txt", "--json", "--no-narrative"], '"problems"'),
                                           (["triage", "chest pain since this morning"], "Differential"),
                                           (["kg", "stats", "--json"], '"nodes"')])
def test_tools_that_only_read_still_answer_on_a_read_only_database(read_only_cli, command, shown, tmp_path, capsys):
    """Probed by hand on a read-only database as well (session 10): generate image, eval therapy/records/case,
    bench kg/records, ask, literature read; all answered. These three cheap ones keep it tested."""
    from medcore.cli import main

    (tmp_path / "n.txt").write_text("Chest pain since this morning. Denies fever. Takes aspirin 81 mg daily.")
    rc = main([part.format(tmp=tmp_path) for part in command])
    out, err = capsys.readouterr()
    assert rc == 0 and shown in out and "Traceback" not in out + err and "Not saved" not in err, out + err


# ---- a full disk: said as "not saved", never "nothing was lost" (issue 14) ----
def _fill(store: Store) -> None:
    """Save until the database refuses, big items then small ones, so that even a short save fails next."""
    import os

    for size in (20000, 2000, 200):
        with pytest.raises(NotSaved):
            for i in range(10_000):
                store.save_work("chat", {"turns": [os.urandom(size // 2).hex()]}, title=f"filler {size} {i}")


def _page_says_not_saved(monkeypatch, url: str) -> None:
    monkeypatch.setenv("MEDCORE_DATABASE_URL", url)
    at = AppTest.from_function(_saving_page, default_timeout=60).run()
    at.text_area[0].input("cough since Tuesday " * 200).run()
    assert not at.exception and not at.success
    msg = at.error[0].value
    assert "Not saved: the disk is full" in msg and "still on this page" in msg
    assert "Nothing you entered was lost" not in msg and "was lost" not in msg
    assert at.text_area[0].value.startswith("cough since Tuesday")


def test_sqlite_full_on_the_write_path_is_not_saved(tmp_path, monkeypatch, settings):
    """SQLITE_FULL for real, on any machine: SQLite's own page cap (max_page_count) makes every write that needs a
    new page fail with 'database or disk is full', through the store's usual write path."""
    import sqlite3

    from medcore import store as store_mod

    plain, cap = store_mod._sqlite_pragmas, {}

    def capped(dbapi_conn, record):  # one cap for every connection, the page's included: 120 pages past the start
        plain(dbapi_conn, record)
        cur = dbapi_conn.cursor()
        cap.setdefault("pages", cur.execute("PRAGMA page_count").fetchone()[0] + 120)
        cur.execute(f"PRAGMA max_page_count = {cap['pages']}")
        cur.close()

    monkeypatch.setattr(store_mod, "_sqlite_pragmas", capped)
    url = f"sqlite:///{tmp_path / 'capped.db'}"
    s = Store(url)
    _fill(s)
    with pytest.raises(NotSaved, match="^Not saved: the disk is full$") as refused:
        s.save_work("chat", {"turns": ["x" * 5000]})
    cause = refused.value.__cause__.orig
    assert isinstance(cause, sqlite3.OperationalError) and "database or disk is full" in str(cause)
    assert s.list_work(kind="chat", limit=1)  # what was saved before is still there to read
    s.engine.dispose()
    _page_says_not_saved(monkeypatch, url)


def _mount_small_tmpfs(where) -> bool:
    import os
    import shutil
    import subprocess

    if os.geteuid() != 0 or not shutil.which("mount"):
        return False
    where.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(where)], capture_output=True)
    return done.returncode == 0


def test_a_full_disk_for_real_on_a_small_tmpfs(tmp_path, monkeypatch, settings):
    """The database on a 1 MB tmpfs, filled until the file system refuses (ENOSPC): the store and a page say it was
    not saved. Needs root and a working `mount` (a container without CAP_SYS_ADMIN cannot mount)."""
    import subprocess

    disk = tmp_path / "disk"
    if not _mount_small_tmpfs(disk):
        pytest.skip("a full-disk test needs root and a working `mount -t tmpfs`; the SQLITE_FULL test above covers "
                    "the same path portably")
    try:
        url = f"sqlite:///{disk / 'm.db'}"
        s = Store(url)
        _fill(s)
        with pytest.raises(NotSaved, match="^Not saved: the disk is full$"):
            s.save_work("chat", {"turns": ["z" * 50_000]})
        s.engine.dispose()
        _page_says_not_saved(monkeypatch, url)
    finally:
        from ui.loaders import _store

        _store.clear()  # the page's cached store holds the database open; the unmount needs it closed
        subprocess.run(["umount", "-l", str(disk)], check=False)
