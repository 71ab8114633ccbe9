"""Session 26 hands-on check: Home's "Load demo data" said "Demo data loaded for: cases, imaging, knowledge,
literature, qa, records, therapy, triage" (internal keys), and to a student it named, and prepared, the tools that
student cannot open. It now names the tools as the sidebar does, only those the user's role may open; the choice is
made in medcore.status with medcore.auth's rule."""

from __future__ import annotations

import pytest
from streamlit import config
from streamlit.testing.v1 import AppTest

from medcore import auth
from medcore.auth import User
from medcore.status import demo_payloads
from tests.conftest import REPO


def _loaded_message(user: User | None = None) -> str:
    at = AppTest.from_file(str(REPO / "pages" / "home.py"), default_timeout=180)
    if user is not None:
        at.session_state["_signed_in_user"] = user
    at.run()
    next(b for b in at.button if b.label == "Load demo data").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    return next(s.value for s in at.success if str(s.value).startswith("Demo data loaded for"))


def test_the_presenter_reads_tool_names_not_internal_keys(settings):
    said = _loaded_message()
    assert "Case trainer" in said and "Health questions" in said, said
    assert ": cases," not in said and " qa" not in said and "therapy" not in said, said


@pytest.fixture
def shared_mode(settings, monkeypatch, store):
    config.set_option("server.address", "0.0.0.0")  # the autouse fixture sets it back afterwards
    monkeypatch.setenv("MEDCORE_AUTH", "accounts")
    return store


def test_a_student_is_offered_the_demo_of_the_teaching_tools_only(shared_mode):
    said = _loaded_message(User("sam", "student"))
    assert "Case trainer" in said and "Symptom chat" in said, said
    for forbidden in ("Image generator", "Treatment planner", "Record summarizer"):
        assert forbidden not in said, said


def test_medcore_decides_which_demos_a_role_gets(settings):
    student = demo_payloads(settings, User("sam", "student"))
    assert student and all(auth.can_use_tool(User("sam", "student"), k) for k in student)
    assert "therapy" not in student and "therapy" in demo_payloads(settings, User("ada", "admin"))
