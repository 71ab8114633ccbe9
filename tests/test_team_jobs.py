"""Teams for training jobs: an admin makes a job visible to a team; its members see the job, its progress and its
checkpoint files (medcore.jobs checks it, not the page), never its full log, and cannot cancel or resume it.
And the two forms of each visibility rule, SQL for lists and Python for one row (medcore.teams), agree on the
same fixtures, for work items and for jobs. No worker process is started here: jobs are rows."""

from __future__ import annotations

import itertools

import pytest
from sqlalchemy import select

from medcore import auth, jobs, teams
from medcore.auth import AccessDenied, User
from medcore.store import Job, WorkItem
from medcore.teams import TeamError

ALICE, BOB, CAROL = User("alice", "clinician"), User("bob", "clinician"), User("carol", "clinician")
SAM, ADA, NEMO = User("sam", "student"), User("ada", "admin"), User("nemo", "clinician")  # nemo: in no team
LOCAL = auth.local_user()
NAMED_LOCAL = User("local", "clinician")  # an account that happens to be called "local" is not local mode
USERS = (ALICE, BOB, CAROL, SAM, ADA, NEMO, LOCAL, NAMED_LOCAL)


@pytest.fixture(autouse=True)
def _cheap_hashes(monkeypatch):
    """Accounts are only fixtures here: a cheap argon2 setting instead of ~1 s per password on this machine."""
    from argon2 import PasswordHasher

    monkeypatch.setattr(auth, "_hasher", lambda: PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


def _teams(store) -> None:
    """ward-3 = alice, bob, sam; icu = carol; 'empty' has no members."""
    for u in (ALICE, BOB, CAROL, SAM, ADA, NEMO):
        auth.add_user(store, u.name, "a long password", u.role)
    # since session 26 no account may be called "local" (the local user's and the system's import folder); a
    # principal of that name that is not local mode (NAMED_LOCAL, e.g. from an older store) is still checked below
    with pytest.raises(auth.AuthError, match="reserved"):
        auth.add_user(store, NAMED_LOCAL.name, "a long password", NAMED_LOCAL.role)
    admin = store.as_user(ADA)
    for name in ("ward-3", "icu", "empty"):
        teams.create_team(admin, name)
    for team, name in (("ward-3", "alice"), ("ward-3", "bob"), ("ward-3", "sam"), ("icu", "carol")):
        teams.add_member(admin, team, name)


def _job(store, name: str, *, team: str | None = None, out_dir="", log: str | None = None) -> int:
    job_id = jobs.create_job(store.as_user(ADA), "demo", name, ["train", "demo"], out_dir=out_dir, team=team)
    if log is not None:
        with store.session() as s:
            s.get(Job, job_id).log_path = log
    return job_id


def test_a_team_job_is_seen_by_its_members_and_admins_only(store):
    _teams(store)
    ward, private, icu = _job(store, "ward job", team="ward-3"), _job(store, "private"), _job(store, "icu", team="icu")
    seen = {u.name: [j.id for j in jobs.list_jobs(store.as_user(u))] for u in (ALICE, SAM, CAROL, NEMO, ADA)}
    assert seen == {"alice": [ward], "sam": [ward], "carol": [icu], "nemo": [], "ada": [icu, private, ward]}
    bob = store.as_user(BOB)
    assert jobs.get_job(bob, ward).team == "ward-3" and jobs.get_job(bob, private) is None
    assert jobs.get_job(store.as_user(NEMO), ward) is None
    assert jobs.progress(store.as_user(NEMO), ward) == [] and jobs.last_progress(store.as_user(NEMO), ward) is None
    teams.remove_member(store.as_user(ADA), "ward-3", "bob")  # out of the team: out of sight
    assert jobs.get_job(bob, ward) is None and jobs.list_jobs(bob) == []


def test_only_an_admin_chooses_the_team_and_it_is_audited(store):
    _teams(store)
    job_id = _job(store, "job")
    with pytest.raises(AccessDenied, match="Only an admin"):
        jobs.share_job(store.as_user(ALICE), job_id, "ward-3")
    with pytest.raises(TeamError, match="no team 'ward-9'"):
        jobs.share_job(store.as_user(ADA), job_id, "ward-9")
    with pytest.raises(TeamError, match="no team"):
        jobs.create_job(store.as_user(ADA), "demo", "x", ["train"], team="ward-9")
    jobs.share_job(store.as_user(ADA), job_id, "ward-3")
    assert jobs.get_job(store.as_user(ALICE), job_id).team == "ward-3"
    jobs.share_job(store.as_user(ADA), job_id, None)
    assert jobs.get_job(store.as_user(ALICE), job_id) is None
    actions = [(e["action"], e["user"], e["detail"].get("team")) for e in reversed(store.audit_events())
               if e["action"].endswith("share_job")]
    assert actions == [("share_job", "ada", "ward-3"), ("unshare_job", "ada", "")]


def test_members_watch_but_do_not_cancel_resume_or_read_the_log(store, settings, tmp_path):
    _teams(store)
    log = tmp_path / "log.txt"
    log.write_text("Traceback (most recent call last):\n  File \"/srv/medcore/x.py\"\nValueError: boom\n")
    job_id = _job(store, "ward job", team="ward-3", log=str(log))
    alice = store.as_user(ALICE)
    with pytest.raises(AccessDenied, match="owner or an admin may cancel"):
        jobs.request_cancel(alice, job_id)
    with pytest.raises(AccessDenied, match="admin"):
        jobs.job_log(alice, job_id)
    assert "ValueError: boom" in jobs.job_log(store.as_user(ADA), job_id)
    with pytest.raises(KeyError):
        jobs.job_log(store.as_user(ADA), job_id + 99)
    jobs.request_cancel(store.as_user(ADA), job_id)
    with store.session() as s:
        row = s.get(Job, job_id)
        assert row.cancel_requested
        row.status = "cancelled"
    with pytest.raises(AccessDenied, match="admin"):
        jobs.resume_job(alice, settings, job_id)
    with pytest.raises(KeyError):  # a non-member cannot even find it
        jobs.request_cancel(store.as_user(NEMO), job_id)


def test_job_access_gives_watchers_no_control_and_refuses_outsiders_the_same_way(store):
    _teams(store)
    job_id = _job(store, "ward job", team="ward-3")
    seen = {u.name: jobs.job_access(store.as_user(u), job_id) for u in (ALICE, SAM, ADA, LOCAL)}
    assert {n: (a.control, a.full_log) for n, a in seen.items()} == {
        "alice": (False, False), "sam": (False, False), "ada": (True, True), "local": (True, True)}
    assert seen["alice"].job.name == "ward job"
    with pytest.raises(jobs.JobUnavailable) as hidden:
        jobs.job_access(store.as_user(NEMO), job_id)
    with pytest.raises(jobs.JobUnavailable) as missing:
        jobs.job_access(store.as_user(NEMO), job_id + 99)
    assert hidden.value.refused and str(hidden.value) == str(missing.value).replace(str(job_id + 99), str(job_id))
    assert isinstance(hidden.value, AccessDenied)
    with pytest.raises(jobs.JobUnavailable, match="no longer exists") as gone:  # an admin is told plainly
        jobs.job_access(store.as_user(ADA), job_id + 99)
    assert not gone.value.refused
    refused = [e for e in store.audit_events() if e["action"] == "open_refused" and e["object_type"] == "job"]
    assert {e["object_id"] for e in refused} == {str(job_id), str(job_id + 99)}
    with pytest.raises(jobs.JobUnavailable) as again:  # a page's rerun of an attempt it has audited: refused, once
        jobs.job_access(store.as_user(NEMO), job_id, audit_refusal=False)
    assert again.value.refused
    assert len([e for e in store.audit_events() if e["action"] == "open_refused"]) == len(refused) == 2


def test_the_error_summary_is_the_first_line_and_bounded(store):
    _teams(store)
    job = jobs.get_job(store, _job(store, "x"))
    job.error = "\n  ValueError: boom  \nTraceback (most recent call last):\n  File \"/srv/x.py\""
    assert jobs.error_summary(job) == "ValueError: boom"
    job.error = "E" * 500
    assert len(jobs.error_summary(job)) == 300 and jobs.error_summary(job).endswith("…")
    job.error = ""
    assert jobs.error_summary(job) == ""


def test_the_checkpoint_listing_follows_the_job_and_no_links(store, tmp_path):
    _teams(store)
    run = tmp_path / "run"
    (run / "ckpt-000020").mkdir(parents=True)
    (run / "ckpt-000020" / "model.safetensors").write_bytes(b"\0" * 48)
    (run / "preview.png").write_bytes(b"png")
    secret = tmp_path / "elsewhere"
    secret.mkdir()
    (secret / "notes.txt").write_text("not part of the run")
    (run / "link-dir").symlink_to(secret, target_is_directory=True)
    (run / "link-file").symlink_to(secret / "notes.txt")
    job_id = _job(store, "ward job", team="ward-3", out_dir=str(run))
    files = jobs.job_files(store.as_user(SAM), job_id)
    assert [(f["file"], f["bytes"]) for f in files] == [("preview.png", 3), ("ckpt-000020/model.safetensors", 48)]
    assert jobs.job_files(store.as_user(CAROL), job_id) == []  # not her team's job
    assert jobs.job_files(store.as_user(ADA), _job(store, "no folder")) == []
    assert len(jobs.job_files(store.as_user(ADA), job_id, limit=1)) == 1


# ---- the SQL and Python forms of each rule agree -------------------------------------------------------------------
OWNERS = ("alice", "bob", "carol", "sam", "ada", "nemo", "local", "Alice")
TEAMS = (None, "", "ward-3", "icu", "empty", "ghost", "WARD-3")  # ghost: no such team; WARD-3: case differs
KINDS = ("handoff", "summary", "chat", "case", "paper", "image_batch", "mystery")  # mystery: no tool owns it


def _all_rows(store) -> None:
    """Every owner x team (x kind for work) combination, written by the system as raw rows."""
    with store.session() as s:
        for owner, team in itertools.product(OWNERS, TEAMS):
            s.add(Job(kind="demo", name=f"{owner}/{team}", owner=owner, team=team, status="done"))
            for kind in KINDS:
                s.add(WorkItem(kind=kind, title=f"{owner}/{team}/{kind}", user=owner, team=team, data={}))


@pytest.mark.parametrize("user", USERS, ids=lambda u: f"{u.name}-{u.role}{'-localmode' if u.local else ''}")
def test_may_read_and_the_sql_clauses_agree(store, user):
    _teams(store)
    _all_rows(store)
    with store.session() as s:
        work = s.scalars(select(WorkItem)).all()
        by_sql = set(s.scalars(select(WorkItem.id).where(teams.visible_clause(s, user))))
        by_python = {row.id for row in work if teams.may_read(s, user, row)}
        assert len(work) == len(OWNERS) * len(TEAMS) * len(KINDS)
        assert by_sql == by_python, sorted(r.title for r in work if (r.id in by_sql) != (r.id in by_python))
        all_jobs = s.scalars(select(Job)).all()
        jobs_sql = set(s.scalars(select(Job.id).where(teams.job_visible_clause(s, user))))
        jobs_python = {row.id for row in all_jobs if teams.may_read_job(s, user, row)}
        assert jobs_sql == jobs_python, sorted(r.name for r in all_jobs if (r.id in jobs_sql) != (r.id in jobs_python))
    # and the fixtures really tell users apart: neither everything nor nothing for the team members
    if user in (ALICE, SAM, CAROL):
        assert 0 < len(by_sql) < len(work) and 0 < len(jobs_sql) < len(all_jobs)
    # the store's list and single-row reads use these rules: they agree too
    view = store.as_user(user)
    listed = {r.id for r in view.list_work(limit=10_000)}
    assert listed == {r.id for r in work if view.get_work(r.id) is not None}
    assert {j.id for j in jobs.list_jobs(view, limit=10_000)} == {
        j.id for j in all_jobs if jobs.get_job(view, j.id) is not None}


def test_teams_cli_shares_a_job(settings, store, capsys):
    from medcore.cli import main

    _teams(store)
    job_id = _job(store, "ward job")
    assert main(["teams", "share-job", str(job_id), "ward-3"]) == 0
    assert f"job {job_id} visible to team ward-3" in capsys.readouterr().out
    assert jobs.get_job(store.as_user(ALICE), job_id).team == "ward-3"
    assert main(["teams", "share-job", str(job_id), "--none"]) == 0
    assert jobs.get_job(store.as_user(ALICE), job_id) is None
    assert main(["teams", "share-job", str(job_id), "ward-9"]) == 2
    assert "no team 'ward-9'" in capsys.readouterr().err
    assert main(["teams", "share-job", str(job_id + 50), "ward-3"]) == 2
    assert f"no job {job_id + 50}" in capsys.readouterr().err
    assert main(["teams", "share-job", str(job_id)]) == 2
    assert "name a team, or --none" in capsys.readouterr().err
