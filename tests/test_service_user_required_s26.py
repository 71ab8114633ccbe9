"""Session 26b review: a service's role check let "no user" through (check_tool(None) allowed everything) and the
entry points' `user` defaulted to None, so a page that forgot to pass its user skipped the check. The user is now
a required argument of every entry point a page calls, None is refused, and the CLI, workers, evals and tests pass
medcore.auth.SYSTEM. These tests fail when an entry point gets a default again or a page leaves the user out."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pytest

from medcore.auth import SYSTEM, AccessDenied, check_tool
from tests.conftest import REPO


def _entry_points():
    from medcore.imaging import bounded, imports
    from medcore.records import service as records
    from medcore.therapy import service as therapy
    from medcore.triage import chat
    from ui import lab_imaging

    return {"sample_bounded": bounded.sample_bounded, "summarize_bounded": records.summarize_bounded,
            "summarize_input": records.summarize_input, "make": therapy.make, "turn": chat.turn,
            "store_import": imports.store_import, "list_imports": imports.list_imports,
            "dataset_choices": lab_imaging.dataset_choices}


def test_every_page_facing_entry_point_requires_its_user():
    for name, fn in _entry_points().items():
        param = inspect.signature(fn).parameters.get("user")
        assert param is not None, f"{name} takes no user"
        assert param.default is inspect.Parameter.empty, f"{name}: `user` has a default, so a page may forget it"


def test_no_user_is_refused_not_trusted(settings):
    from medcore.imaging.bounded import sample_bounded
    from medcore.imaging.sample import SampleRequest
    from medcore.records import service as records
    from medcore.records.inputs import NoteInput
    from medcore.therapy import service as therapy
    from medcore.triage import chat

    with pytest.raises(AccessDenied, match="No user was given for the imaging tool"):
        check_tool(None, "imaging")
    note = NoteInput("Seen today for a sore shoulder after gardening; rest and review in a week.", "paste")
    calls = [
        ("imaging", lambda: sample_bounded(settings, "/nonexistent/ckpt", SampleRequest(n=1), user=None)),
        ("records", lambda: records.summarize_bounded(note, settings, user=None)),
        ("records", lambda: records.summarize_input(note, settings, user=None, with_narrative=False)),
        ("therapy", lambda: therapy.make(settings, {"age": 40, "sex": "male"}, "hypertension", user=None)),
        ("triage", lambda: chat.turn(None, {}, chat.user_message, "my ankle is sore", user=None)),
    ]
    for tool, call in calls:
        with pytest.raises(AccessDenied, match=f"No user was given for the {tool} tool"):
            call()
    with pytest.raises(TypeError, match="user"):  # left out altogether: Python itself refuses the call
        records.summarize_bounded(note, settings)


def test_the_system_principal_may_use_every_tool():
    for tool in ("imaging", "records", "therapy", "triage", "cases", "literature"):
        check_tool(SYSTEM, tool)
    assert SYSTEM.is_admin and SYSTEM.local


_STEPS = {"user_message", "answer", "correct", "set_demographics", "finish_now", "finish", "restore", "advance"}


def _calls(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    chat_alias = {a.asname or a.name for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)
                  and n.module == "medcore.triage" for a in n.names if a.name == "chat"}
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            f = node.func
            name = f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else ""
            owner = f.value.id if isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) else ""
            yield node, name, owner, chat_alias


def test_pages_pass_their_user_and_never_call_a_chat_step_directly():
    """Read the pages' source: each call of an entry point passes `user` (or, for the imports, a second
    positional argument), and a triage step is only ever handed to chat.turn, never called."""
    positional_user = {"store_import": 3, "list_imports": 1, "dataset_choices": 1}
    seen = set()
    for path in sorted([*(REPO / "pages").glob("*.py"), *(REPO / "ui").glob("*.py")]):
        for node, name, owner, chat_alias in _calls(path):
            where = f"{path.name}:{node.lineno}"
            if owner in chat_alias and name in _STEPS:
                pytest.fail(f"{where} calls chat.{name} directly; pages go through chat.turn(..., user=...)")
            if name in _entry_points() and name != "make" or (name == "make" and owner == "service"):
                seen.add(name)
                has_kw = any(k.arg == "user" for k in node.keywords)
                has_pos = name in positional_user and len(node.args) > positional_user[name]
                assert has_kw or has_pos, f"{where}: {name}(...) leaves the user out"
            if name == "partial" and node.args and getattr(node.args[0], "attr", getattr(node.args[0], "id", "")) \
                    in _entry_points():
                seen.add(node.args[0].attr if isinstance(node.args[0], ast.Attribute) else node.args[0].id)
                assert any(k.arg == "user" for k in node.keywords), f"{where}: partial(...) leaves the user out"
    # the test reads the real call sites: it fails if a page is renamed away from them, not only when one is wrong
    assert {"sample_bounded", "summarize_bounded", "make", "turn", "store_import", "dataset_choices"} <= seen, seen
