"""`python -m medcore users passwd` (issue 14 user CLI): the one users command tests/test_auth.py::test_users_cli does
not cover."""

from __future__ import annotations

import io

import pytest

from medcore import auth
from medcore.auth import AuthError


def _hash(store, name: str) -> str:
    from medcore.store_schema import Account

    with store.session() as s:
        return s.query(Account).filter_by(name=name).one().password_hash


def test_passwd_changes_the_hash_and_only_the_new_password_signs_in(settings, store, monkeypatch, capsys):
    from medcore.cli import main

    auth.add_user(store, "alice", "the old password", "clinician")
    before = _hash(store, "alice")
    monkeypatch.setattr("sys.stdin", io.StringIO("a brand new password\n"))
    assert main(["users", "passwd", "alice", "--password-stdin"]) == 0
    assert "alice: password changed" in capsys.readouterr().out
    after = _hash(store, "alice")
    assert after != before and after.startswith("$argon2") and "a brand new password" not in after
    with pytest.raises(AuthError):
        auth.authenticate(store, "alice", "the old password")
    assert auth.authenticate(store, "alice", "a brand new password") == auth.User("alice", "clinician")


def test_passwd_refuses_an_unknown_user_and_a_short_password_in_one_line(settings, store, monkeypatch, capsys):
    from medcore.cli import main

    monkeypatch.setattr("sys.stdin", io.StringIO("a brand new password\n"))
    assert main(["users", "passwd", "nobody", "--password-stdin"]) == 2
    err = capsys.readouterr().err
    assert err.strip() == "error: no user nobody" and "Traceback" not in err

    auth.add_user(store, "alice", "the old password", "clinician")
    before = _hash(store, "alice")
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    assert main(["users", "passwd", "alice", "--password-stdin"]) == 2
    assert "at least 8 characters" in capsys.readouterr().err
    assert _hash(store, "alice") == before  # a refused change leaves the old password working
    assert auth.authenticate(store, "alice", "the old password").name == "alice"
