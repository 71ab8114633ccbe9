"""Access control in medcore: modes, accounts, roles, ownership of work and jobs, the job quota, the users CLI."""

from __future__ import annotations

import io

import pytest

from medcore import auth, jobs
from medcore.auth import AccessDenied, AuthError, User

ALICE = User("alice", "clinician")
BOB = User("bob", "clinician")
STUDENT = User("sam", "student")
ADMIN = User("ada", "admin")


# ---- modes ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("address", ["127.0.0.1", "localhost", "::1"])
def test_loopback_without_auth_is_local_mode(address):
    assert auth.access_mode("", address) == "local"


@pytest.mark.parametrize("address", ["0.0.0.0", "192.168.1.20", "", None, "127.0.0.1.nip.io"])
def test_a_reachable_server_without_auth_is_refused(address):
    with pytest.raises(AuthError, match="no sign-in"):
        auth.access_mode("", address)


def test_auth_setting_selects_shared_mode():
    assert auth.access_mode("accounts", "0.0.0.0") == "accounts"
    assert auth.access_mode("accounts", "127.0.0.1") == "accounts"
    assert auth.access_mode("oidc", None) == "oidc"
    with pytest.raises(AuthError):
        auth.access_mode("ldap", "127.0.0.1")


# ---- accounts ---------------------------------------------------------------------------------------
def test_accounts_store_only_an_argon2_hash_and_sign_in_checks_it(store):
    auth.add_user(store, "alice", "correct horse", "clinician")
    with store.session() as s:
        from medcore.store_schema import Account

        row = s.query(Account).filter_by(name="alice").one()
        assert row.password_hash.startswith("$argon2id$") and "correct horse" not in row.password_hash
    assert auth.authenticate(store, "alice", "correct horse") == User("alice", "clinician")
    with pytest.raises(AuthError) as wrong:
        auth.authenticate(store, "alice", "wrong password")
    with pytest.raises(AuthError) as unknown:
        auth.authenticate(store, "nobody", "correct horse")
    assert str(wrong.value) == str(unknown.value)  # no hint which part was wrong
    auth.set_role(store, "alice", "admin")
    assert auth.authenticate(store, "alice", "correct horse").role == "admin"
    auth.disable_user(store, "alice")
    with pytest.raises(AuthError):
        auth.authenticate(store, "alice", "correct horse")
    actions = [e["action"] for e in store.audit_events()]
    assert {"add_user", "set_role", "sign_in", "sign_in_failed", "disable_user"} <= set(actions)


def test_account_rules(store):
    with pytest.raises(AuthError, match="8 characters"):
        auth.add_user(store, "alice", "short", "student")
    with pytest.raises(AuthError, match="role"):
        auth.add_user(store, "alice", "long enough", "superuser")
    with pytest.raises(AuthError, match="user name"):
        auth.add_user(store, "**bold**", "long enough", "student")
    auth.add_user(store, "alice", "long enough", "student")
    with pytest.raises(AuthError, match="already exists"):
        auth.add_user(store, "alice", "long enough", "student")


# ---- roles ------------------------------------------------------------------------------------------
def test_roles_decide_the_tools():
    assert auth.can_use_tool(STUDENT, "cases") and auth.can_use_tool(STUDENT, "triage")
    assert not auth.can_use_tool(STUDENT, "records") and not auth.can_use_tool(STUDENT, "therapy")
    assert auth.can_use_tool(ALICE, "records") and auth.can_use_tool(ALICE, "imaging")
    assert not auth.can_use_tool(ALICE, "lab") and auth.can_use_tool(ADMIN, "lab")
    assert auth.can_use_tool(auth.local_user(), "lab")


def test_the_store_checks_the_role_on_every_action(store):
    as_student = store.as_user(STUDENT)
    with pytest.raises(AccessDenied):
        as_student.save_work("summary", {"note": "x"})
    as_student.save_work("case", {"step": 1})
    with pytest.raises(AccessDenied):  # the image page's batches: students may not use the image generator
        as_student.save_work("image_batch", {"n": 4})
    with pytest.raises(AccessDenied, match="not a kind of work"):  # fails closed, even for an admin
        store.as_user(ADMIN).save_work("scribbles", {"x": 1})
    as_clinician = store.as_user(ALICE)
    as_clinician.save_work("image_batch", {"n": 4})
    model_id = store.register_model("imaging", "m", "/tmp/m")
    for action in (lambda: as_clinician.set_active_model(model_id), as_clinician.audit_events,
                   as_clinician.list_feedback):
        with pytest.raises(AccessDenied):
            action()
    store.as_user(ADMIN).set_active_model(model_id)
    assert store.active_model("imaging").id == model_id
    assert store.as_user(ADMIN).audit_events()[0]["user"] == "ada"


# ---- ownership --------------------------------------------------------------------------------------
def test_work_and_handoffs_belong_to_their_owner(store):
    alice, bob = store.as_user(ALICE), store.as_user(BOB)
    ws = "shared-looking-workspace-id"
    item = alice.save_work("summary", {"note": "Jane Roe, MRN 12345678"}, workspace=ws)
    alice.save_work("handoff", {"summary": "..."}, status="open")
    assert alice.get_work(item).data["note"].startswith("Jane")
    assert bob.get_work(item) is None
    assert bob.latest_work("summary", ws) is None  # the same workspace id shows nothing to another user
    assert bob.list_work(kind="handoff", status="open") == []
    assert len(alice.list_work(kind="handoff", status="open")) == 1
    assert bob.work_versions(item) == []
    with pytest.raises(AccessDenied):
        bob.save_work("summary", {"note": "overwrite"}, item_id=item)
    with pytest.raises(KeyError):
        bob.set_work_status(item, "taken")
    assert store.get_work(item).user == "alice"  # the system (CLI, engines) sees everything


def test_local_mode_user_keeps_all_existing_work(store):
    item = store.save_work("chat", {"turns": ["hi"]})  # saved before accounts existed: user "local"
    local = store.as_user(auth.local_user("local"))
    assert local.get_work(item) is not None and len(local.list_work(kind="chat")) == 1


# ---- jobs -------------------------------------------------------------------------------------------
def test_only_admins_start_training_and_each_has_a_quota(store, settings):
    with pytest.raises(AccessDenied, match="admin"):
        jobs.start_job(store.as_user(ALICE), settings, "demo", "x", ["train", "demo"])
    admin = store.as_user(ADMIN)
    limited = settings.replace(max_jobs_per_user=2)
    first = jobs.create_job(admin, "demo", "a", ["train", "demo"])
    jobs.create_job(admin, "demo", "b", ["train", "demo"])
    with pytest.raises(jobs.JobLimitError, match="already has 2 training job"):
        jobs.start_job(admin, limited, "demo", "c", ["train", "demo"])
    assert len(jobs.list_jobs(store)) == 2  # nothing was launched or recorded
    other_admin = store.as_user(User("root2", "admin"))
    jobs.check_can_start(other_admin, limited)  # the quota is per user
    with admin.session() as s:  # both finish: the concurrent limit frees up, the total one does not
        from medcore.store import Job

        for row in s.query(Job):
            row.status = "done"
    jobs.check_can_start(admin, limited)
    with pytest.raises(jobs.JobLimitError, match="total allowed"):
        jobs.check_can_start(admin, limited.replace(max_total_jobs_per_user=2))
    assert jobs.get_job(admin, first).owner == "ada"
    assert jobs.get_job(store.as_user(ALICE), first) is None
    assert jobs.list_jobs(store.as_user(ALICE)) == []
    with pytest.raises(KeyError):
        jobs.request_cancel(store.as_user(ALICE), first)


# ---- CLI --------------------------------------------------------------------------------------------
def test_users_cli(settings, store, monkeypatch, capsys):
    from medcore.cli import main

    monkeypatch.setattr("sys.stdin", io.StringIO("a long password\n"))
    assert main(["users", "add", "alice", "--role", "clinician", "--password-stdin"]) == 0
    assert main(["users", "set-role", "alice", "student"]) == 0
    assert main(["users", "list"]) == 0
    out = capsys.readouterr().out
    assert "alice" in out and "student" in out
    assert auth.authenticate(store, "alice", "a long password").role == "student"
    assert main(["users", "disable", "alice"]) == 0
    with pytest.raises(AuthError):
        auth.authenticate(store, "alice", "a long password")
    assert main(["users", "set-role", "nobody", "admin"]) == 2
    assert "no user nobody" in capsys.readouterr().err


def test_cli_strips_control_characters_and_prints_no_traceback(settings, store, monkeypatch, capsys):
    from medcore.cli import main

    assert main(["users", "set-role", "\x1b[2J\x1b]0;pwned\x07evil", "admin"]) == 2
    err = capsys.readouterr().err
    assert "no user" in err and "\x1b" not in err and "\x07" not in err

    def boom(store):
        raise RuntimeError("database exploded")

    monkeypatch.setattr(auth, "list_users", boom)
    assert main(["users", "list"]) == 1
    captured = capsys.readouterr()
    assert "error: RuntimeError: database exploded" in captured.err
    assert "Traceback" not in captured.err + captured.out
    assert "Traceback" in (settings.data_dir / "logs" / "cli-errors.log").read_text()


def test_repeated_wrong_passwords_pause_sign_in_for_that_name(store):
    auth.add_user(store, "alice", "correct horse", "clinician")
    auth.add_user(store, "bob", "battery staple", "clinician")
    for _ in range(auth.MAX_FAILURES):
        with pytest.raises(AuthError, match="wrong password"):
            auth.authenticate(store, "alice", "guess")
    with pytest.raises(AuthError, match="Too many failed sign-ins"):
        auth.authenticate(store, "alice", "correct horse")  # even the right password waits
    assert auth.authenticate(store, "bob", "battery staple").name == "bob"  # others are not affected


def test_cli_prints_a_domain_error_as_its_sentence_and_a_bare_value_error_as_a_fault(settings, store, monkeypatch,
                                                                                   capsys):
    from medcore.cli import main

    def wrong_input(store):
        raise auth.AuthError("that user name is not allowed")

    monkeypatch.setattr(auth, "list_users", wrong_input)
    assert main(["users", "list"]) == 2
    err = capsys.readouterr().err
    # the person's problem in words: no Python type name, nothing written to the fault log
    assert err.strip() == "error: that user name is not allowed"
    assert not (settings.data_dir / "logs" / "cli-errors.log").exists()

    def bug(store):
        raise ValueError("invalid literal for int() with base 10: 'x'")

    monkeypatch.setattr(auth, "list_users", bug)
    assert main(["users", "list"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ValueError: invalid literal") and "details in" in err
