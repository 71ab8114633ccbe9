"""The page list app.py builds for each role (issue 14: "the page list ... check the role"). A student's menu must not
offer a clinician tool, nor a clinician's the Model lab. Fast: st.navigation is wrapped so that app.py's list is
recorded and no page is run.

The role table written out here is the one medcore/auth.py documents (STUDENT_TOOLS and its comment: students use the
teaching tools and also read papers and ask health questions); the test checks app.py against it and against
can_use_tool, so a change to either that is not made to the other fails here."""

from __future__ import annotations

import pytest
import streamlit
from streamlit import config
from streamlit.testing.v1 import AppTest

from medcore.auth import User, can_use_tool
from medcore.status import TOOLS
from tests.conftest import REPO

CLINICAL = {"Image generator", "Record summarizer", "Symptom chat", "Treatment planner", "Knowledge",
            "Literature reader", "Case trainer", "Health questions"}
EXPECTED = {
    "student": {"Home", "Case trainer", "Symptom chat", "Knowledge", "Health questions", "Literature reader",
                "Teams"},
    "clinician": {"Home", "Teams"} | CLINICAL,
    "admin": {"Home", "Teams", "Model lab"} | CLINICAL,
}


class _Nav:
    """What st.navigation returns, minus running the page: the menu is all this test looks at."""
    title = "Home"

    def run(self) -> None:
        pass


@pytest.fixture
def menus(monkeypatch):
    seen: list[dict[str, list[str]]] = []

    def navigation(pages, **kwargs):
        if isinstance(pages, dict):
            seen.append({section: [p.title for p in ps] for section, ps in pages.items()})
            return _Nav()
        return real(pages, **kwargs)  # the sign-in / refusal pages of app.only()

    real = streamlit.navigation
    monkeypatch.setattr(streamlit, "navigation", navigation)
    return seen


def _menu(menus, user: User | None) -> dict[str, list[str]]:
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    if user is not None:
        at.session_state["_signed_in_user"] = user
    at.run()
    assert not at.exception, at.exception
    assert menus, "app.py built no page list"
    return menus[-1]


@pytest.mark.parametrize("role", ["student", "clinician", "admin"])
def test_each_roles_page_list_is_its_documented_tools(settings, monkeypatch, menus, role):
    config.set_option("server.address", "0.0.0.0")
    monkeypatch.setenv("MEDCORE_AUTH", "accounts")
    menu = _menu(menus, User(f"{role}1", role))
    titles = [t for pages in menu.values() for t in pages]
    assert len(titles) == len(set(titles))
    assert set(titles) == EXPECTED[role]
    # ... and the same as the permission every action checks
    user = User("x", role)
    assert set(titles) - {"Home", "Teams", "Model lab"} == {t.title for t in TOOLS if can_use_tool(user, t.key)}
    assert ("Model lab" in titles) == can_use_tool(user, "lab")
    # the Admin section is an admin's alone; everyone else finds Teams under Account
    assert ("Admin" in menu) == (role == "admin")


def test_a_student_has_no_clinician_tool_in_the_menu(settings, monkeypatch, menus):
    config.set_option("server.address", "0.0.0.0")
    monkeypatch.setenv("MEDCORE_AUTH", "accounts")
    titles = {t for pages in _menu(menus, User("sam", "student")).values() for t in pages}
    assert not titles & {"Record summarizer", "Treatment planner", "Image generator", "Model lab"}


def test_local_mode_lists_every_page(settings, menus):
    """Local mode: the one user at this computer has every role."""
    titles = {t for pages in _menu(menus, None).values() for t in pages}
    assert titles == EXPECTED["admin"]


def test_before_sign_in_no_page_list_is_built(settings, monkeypatch, menus):
    config.set_option("server.address", "0.0.0.0")
    monkeypatch.setenv("MEDCORE_AUTH", "accounts")
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60).run()
    assert [t.label for t in at.text_input] == ["User name", "Password"]
    assert menus == []


def test_home_shows_a_student_only_the_tools_a_student_may_open(settings, monkeypatch):
    """Home listed every tool card and "Open" link to a student; those of clinician tools led to "Page not found"."""
    config.set_option("server.address", "0.0.0.0")
    monkeypatch.setenv("MEDCORE_AUTH", "accounts")
    at = AppTest.from_file(str(REPO / "pages" / "home.py"), default_timeout=120)
    at.session_state["_signed_in_user"] = User("sam", "student")
    at.run()
    assert not at.exception and not at.error
    cards = {m.value for m in at.markdown if m.value.startswith("#### ")}
    shown = {t.title for t in TOOLS if any(c.endswith(t.title) for c in cards)}
    assert shown == {t.title for t in TOOLS if can_use_tool(User("sam", "student"), t.key)}
    assert not shown & {"Record summarizer", "Treatment planner", "Image generator"}
