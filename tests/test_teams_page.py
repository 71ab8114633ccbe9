"""The Teams page as people see it in shared mode: an admin creates a team, adds and removes members and picks
which team sees a training job; a member sees their team and that job (its live panel read-only, its files) but
no admin control; an outsider following a link to the job is refused; mistakes and refusals show as errors."""

from __future__ import annotations

import pytest
from streamlit import config
from streamlit.testing.v1 import AppTest

from medcore import auth, jobs, teams
from medcore.auth import User
from tests.conftest import REPO

ADA, ALICE, SAM = User("ada", "admin"), User("alice", "clinician"), User("sam", "student")
ADMIN_BUTTONS = {"Create team", "Add member", "Remove member", "Save who sees this job"}


@pytest.fixture
def shared(settings, monkeypatch, store):
    from argon2 import PasswordHasher

    monkeypatch.setattr(auth, "_hasher", lambda: PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
    config.set_option("server.address", "0.0.0.0")
    monkeypatch.setenv("MEDCORE_AUTH", "accounts")
    for u in (ADA, ALICE, SAM):
        auth.add_user(store, u.name, "a long password", u.role)
    return store


def _page(user: User) -> AppTest:
    at = AppTest.from_file(str(REPO / "pages" / "teams.py"), default_timeout=60)
    at.session_state["_signed_in_user"] = user
    return at.run()


def _read(elements) -> str:
    return "\n".join(str(e.value) for e in elements).replace("\\", "")  # markdown escapes removed, as read


def _frame(at, column: str):
    return next(d.value for d in at.dataframe if column in d.value.columns)


def test_an_admin_creates_a_team_and_adds_and_removes_members(shared):
    at = _page(ADA)
    assert not at.exception and not at.error
    assert "No teams yet" in _read(at.info)
    at.text_input(key="team_new_name").input("ward-3")
    at.button(key="team_create").click().run()
    assert not at.error and "Team ward-3 created." in _read(at.success)
    assert _frame(at, "team").to_dict("records")[0]["members"] == "(none)"

    assert at.selectbox(key="team_add_user").options == ["ada", "alice", "sam"]
    at.selectbox(key="team_add_user").select("alice")
    at.button(key="team_add").click().run()
    assert "alice added to ward-3." in _read(at.success)
    at.selectbox(key="team_add_user").select("sam")
    at.button(key="team_add").click().run()
    assert _frame(at, "team").to_dict("records")[0]["members"] == "alice, sam"
    assert at.selectbox(key="team_add_user").options == ["ada"]  # members are not offered again

    at.selectbox(key="team_remove_user").select("sam")
    at.button(key="team_remove").click().run()
    assert "sam removed from ward-3." in _read(at.success)
    assert _frame(at, "team").to_dict("records")[0]["members"] == "alice"
    assert teams.teams_of(shared, "sam") == [] and teams.teams_of(shared, "alice") == ["ward-3"]
    assert {"create_team", "add_team_member", "remove_team_member"} <= {e["action"] for e in shared.audit_events()}


def test_mistakes_show_as_errors_and_change_nothing(shared):
    at = _page(ADA)
    at.text_input(key="team_new_name").input("**ward** ![x](http://t.example/)")
    at.button(key="team_create").click().run()
    assert not at.exception and "A team name is 1-64 letters" in _read(at.error)
    at.text_input(key="team_new_name").input("ward-3")
    at.button(key="team_create").click().run()
    at.button(key="team_create").click().run()  # the same name again
    assert "team ward-3 already exists" in _read(at.error)
    at.button(key="team_add").click().run()  # nobody chosen
    assert "Choose the account to add first." in _read(at.error)
    assert [t["name"] for t in teams.list_teams(shared)] == ["ward-3"]


def test_a_member_sees_their_team_and_its_jobs_but_no_admin_controls(shared, tmp_path):
    admin = shared.as_user(ADA)
    teams.create_team(admin, "ward-3")
    teams.add_member(admin, "ward-3", "alice")
    run = tmp_path / "run"
    run.mkdir()
    (run / "model.safetensors").write_bytes(b"\0" * 64)
    mine = jobs.create_job(admin, "demo", "ward model", ["train", "demo"], out_dir=str(run), team="ward-3")
    jobs.create_job(admin, "demo", "admin only model", ["train", "demo"])

    at = _page(ALICE)
    assert not at.exception and not at.error, _read(at.error)
    labels = {b.label for b in at.button}
    assert not labels & ADMIN_BUTTONS and not at.text_input  # no admin control at all
    assert "Manage teams" not in _read(at.subheader) and "Your teams" in _read(at.subheader)
    assert _frame(at, "team").to_dict("records")[0]["members"] == "alice"
    listed = _frame(at, "status")
    assert listed["name"].tolist() == ["ward model"] and listed["team"].tolist() == ["ward-3"]
    assert _frame(at, "bytes").to_dict("records")[0]["file"] == "model.safetensors"
    assert at.selectbox(key="team_job_pick").value == mine

    outsider = _page(SAM)  # in no team: sees neither the team nor the job
    assert not outsider.exception and not outsider.error
    assert "You are not in any team" in _read(outsider.info)
    assert "No training job is shared with your teams yet" in _read(outsider.info)
    assert not outsider.dataframe and not {b.label for b in outsider.button} & ADMIN_BUTTONS


def test_an_admin_picks_which_team_sees_a_job(shared):
    admin = shared.as_user(ADA)
    teams.create_team(admin, "ward-3")
    teams.add_member(admin, "ward-3", "alice")
    job_id = jobs.create_job(admin, "demo", "ward model", ["train", "demo"])
    assert jobs.get_job(shared.as_user(ALICE), job_id) is None
    at = _page(ADA)
    at.selectbox(key=f"team_job_team_{job_id}").select("ward-3")
    at.button(key="team_job_share").click().run()
    assert not at.error and f"Job {job_id} is now visible to team ward-3." in _read(at.success)
    assert _frame(at, "status")["team"].tolist() == ["ward-3"]
    assert jobs.get_job(shared.as_user(ALICE), job_id).team == "ward-3"


def test_signed_out_sees_only_the_sign_in_message(shared):
    at = AppTest.from_file(str(REPO / "pages" / "teams.py"), default_timeout=60).run()
    assert not at.exception and "Please sign in first." in _read(at.error)
    assert not at.button and not at.dataframe


# ---- the job panel on the Teams page: a member watches read-only, an admin controls, an outsider is refused ----
SECRET_PATH = "/srv/medcore/secret_note_path.py"


def _failed_team_job(store, tmp_path) -> int:
    """A ward-3 job (alice is the member) that failed at step 3 of 10, with a multi-line error and a log."""
    from medcore.store import Job, JobProgress

    admin = store.as_user(ADA)
    teams.create_team(admin, "ward-3")
    teams.add_member(admin, "ward-3", "alice")
    log = tmp_path / "log.txt"
    log.write_text(f"Traceback (most recent call last):\n  File \"{SECRET_PATH}\"\nRuntimeError: out of memory\n")
    job_id = jobs.create_job(admin, "demo", "ward model", ["train", "demo"], team="ward-3")
    with store.session() as s:
        row = s.get(Job, job_id)
        row.status, row.log_path = "failed", str(log)
        row.error = f"RuntimeError: out of memory\nTraceback (most recent call last):\n  File \"{SECRET_PATH}\""
        s.add(JobProgress(job_id=job_id, step=3, total=10, loss=0.5))
    return job_id


def _panel(at) -> dict:
    return {"title": _read(at.markdown), "progress": [p.text for p in at.get("progress")],
            "errors": _read(at.error), "captions": _read(at.caption), "code": _read(at.code),
            "buttons": {b.label for b in at.button}}


def test_a_member_watches_the_team_job_in_the_job_panel_read_only(shared, tmp_path):
    job_id = _failed_team_job(shared, tmp_path)
    at = _page(ALICE)
    assert not at.exception
    seen = _panel(at)
    assert f"Job {job_id}: ward model" in seen["title"] and seen["progress"] == ["step 3 of 10"]
    assert "The job failed: RuntimeError: out of memory" in seen["errors"]  # the one-line summary, and only it
    assert "Traceback" not in seen["errors"] and SECRET_PATH not in str(at.main)  # neither the error's tail nor the log
    assert "Shared with team ward-3: you can follow this job" in seen["captions"]
    assert not seen["buttons"] & {"Cancel", "Resume from checkpoint"} and not at.code


def test_an_admin_sees_the_same_panel_with_resume_and_the_full_log(shared, tmp_path):
    job_id = _failed_team_job(shared, tmp_path)
    at = _page(ADA)
    assert not at.exception
    seen = _panel(at)
    assert f"Job {job_id}: ward model" in seen["title"] and seen["progress"] == ["step 3 of 10"]
    assert "The job failed: RuntimeError: out of memory" in seen["errors"]
    assert "Resume from checkpoint" in seen["buttons"] and SECRET_PATH in seen["code"]  # the log, in its popover
    assert "you can follow this job" not in seen["captions"]


def test_a_running_team_job_has_cancel_for_the_admin_only(shared):
    admin = shared.as_user(ADA)
    teams.create_team(admin, "ward-3")
    teams.add_member(admin, "ward-3", "alice")
    jobs.create_job(admin, "demo", "ward model", ["train", "demo"], team="ward-3")  # queued: active
    member, boss = _page(ALICE), _page(ADA)
    assert not member.exception and not boss.exception and not member.error
    assert "Cancel" in {b.label for b in boss.button} and "Cancel" not in {b.label for b in member.button}
    assert [p.text for p in member.get("progress")] == ["starting…"]


def test_an_outsider_following_a_link_to_the_job_is_refused_and_it_is_audited(shared, tmp_path):
    job_id = _failed_team_job(shared, tmp_path)
    at = AppTest.from_file(str(REPO / "pages" / "teams.py"), default_timeout=60)
    at.session_state["_signed_in_user"] = SAM  # in no team
    at.query_params["job"] = str(job_id)
    at.run()
    assert not at.exception
    assert f"Job {job_id} is not available to you" in _read(at.error)
    assert "ward model" not in str(at.main) and not at.get("progress") and not at.dataframe
    member = AppTest.from_file(str(REPO / "pages" / "teams.py"), default_timeout=60)
    member.session_state["_signed_in_user"] = ALICE  # the same link, for a member: the job, picked
    member.query_params["job"] = str(job_id)
    member.run()
    assert not member.exception and "is not available" not in _read(member.error)
    assert member.selectbox(key="team_job_pick").value == job_id
    refused = [e for e in shared.audit_events() if e["action"] == "open_refused"]
    assert [(e["user"], e["object_type"], e["object_id"]) for e in refused] == [("sam", "job", str(job_id))]


def test_a_refused_link_is_audited_once_per_session_and_job_not_on_every_rerun(shared, tmp_path):
    job_id = _failed_team_job(shared, tmp_path)

    def refused() -> list[str]:
        return [e["object_id"] for e in shared.audit_events() if e["action"] == "open_refused"]

    at = AppTest.from_file(str(REPO / "pages" / "teams.py"), default_timeout=60)
    at.session_state["_signed_in_user"] = SAM
    at.query_params["job"] = str(job_id)
    at.run()
    at.run()  # reruns of the same page (any widget, the clock): the same attempt
    at.run()
    assert f"Job {job_id} is not available to you" in _read(at.error)  # still said on every run
    assert refused() == [str(job_id)]
    at.query_params["job"] = str(job_id + 99)  # another job in the same session: a new attempt
    at.run()
    assert f"Job {job_id + 99} is not available to you" in _read(at.error)
    assert sorted(refused()) == sorted([str(job_id), str(job_id + 99)])
    again = AppTest.from_file(str(REPO / "pages" / "teams.py"), default_timeout=60)  # the link opened again
    again.session_state["_signed_in_user"] = SAM
    again.query_params["job"] = str(job_id)
    again.run()
    assert refused().count(str(job_id)) == 2
