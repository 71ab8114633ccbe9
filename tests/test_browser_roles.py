"""Sign-in and roles in a real browser (issue 14): one live server of the app in shared mode with local accounts,
driven by headless Chromium.

- A wrong password is refused with a message, and the browser gets no page: no menu, no tool.
- A student's menu lists the student tools (tests/test_page_list.py has the role table) and no clinician tool.
- A non-admin who opens the Model lab's URL directly (a bookmark, a shared link) sees nothing of the lab, while an
  admin at the same URL gets it (so the URL does name the lab)."""

from __future__ import annotations

import pytest

from tests.live_server import CHROMIUM, NO_CHROMIUM, ServerError, chromium_browser, streamlit_server

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason=NO_CHROMIUM)

PASSWORD = "a long password"
STUDENT_TOOLS = ["Symptom chat", "Knowledge", "Literature reader", "Case trainer", "Health questions"]
CLINICIAN_ONLY = ["Record summarizer", "Treatment planner", "Image generator"]
LAB_TEXT = ["Start the demonstration job", "Model lab"]  # the lab's title and its first control


@pytest.fixture(scope="module")
def browser():
    with chromium_browser() as b:
        yield b


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from medcore import auth
    from medcore.store import Store

    data = tmp_path_factory.mktemp("roles-data")
    store = Store(f"sqlite:///{data / 'app.db'}")
    auth.add_user(store, "sam", PASSWORD, "student")
    auth.add_user(store, "carl", PASSWORD, "clinician")
    auth.add_user(store, "ada", PASSWORD, "admin")
    try:
        with streamlit_server(data, env={"MEDCORE_AUTH": "accounts"}) as url:
            yield url
    except ServerError as exc:
        pytest.fail(str(exc))


@pytest.fixture
def page(browser):
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = ctx.new_page()
    pg.set_default_timeout(120_000)
    yield pg
    ctx.close()


def _fill(page, name: str, password: str) -> None:
    page.get_by_role("textbox", name="User name").fill(name)
    page.get_by_role("textbox", name="Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def _menu(page) -> str:
    nav = page.get_by_test_id("stSidebarNav")
    nav.wait_for()
    return nav.inner_text()


def test_a_wrong_password_is_refused_with_a_message_and_no_page(server, page):
    page.goto(server)
    _fill(page, "sam", "not the password at all")
    page.get_by_text("Unknown user name or wrong password").first.wait_for()
    page.wait_for_timeout(1500)  # nothing arrives late either
    assert page.get_by_test_id("stSidebarNav").count() == 0
    body = page.locator("body").inner_text()
    assert "Signed in as" not in body
    for title in STUDENT_TOOLS + CLINICIAN_ONLY + ["Model lab", "Tools ready"]:
        assert title not in body, title
    assert page.get_by_role("textbox", name="Password").count() == 1  # still the sign-in form
    assert "Traceback" not in body


def test_a_students_menu_lists_only_the_student_tools(server, page):
    page.goto(server)
    _fill(page, "sam", PASSWORD)
    page.get_by_text("Signed in as sam").first.wait_for()
    menu = _menu(page)
    for title in STUDENT_TOOLS + ["Home", "Teams"]:
        assert title in menu, (title, menu)
    for title in CLINICIAN_ONLY + ["Model lab"]:
        assert title not in menu, (title, menu)


def test_a_non_admin_opening_the_model_lab_url_sees_nothing_of_the_lab(server, page):
    page.goto(f"{server}/model_lab")
    _fill(page, "carl", PASSWORD)
    page.get_by_text("Signed in as carl").first.wait_for()
    menu = _menu(page)
    assert "Record summarizer" in menu and "Model lab" not in menu  # a clinician's menu, without the lab
    page.wait_for_timeout(3000)  # whatever page the URL leads to has been drawn by now
    main = page.get_by_test_id("stMain").inner_text()
    for text in LAB_TEXT:
        assert text not in main, (text, main[:500])
    assert page.get_by_role("heading", name="Model lab").count() == 0
    assert page.get_by_role("button", name="Start demonstration job").count() == 0
    assert "Traceback" not in page.locator("body").inner_text()


def test_an_admin_opening_the_same_url_gets_the_lab(server, page):
    """The control for the test above: the URL does lead to the lab, for an admin."""
    page.goto(f"{server}/model_lab")
    _fill(page, "ada", PASSWORD)
    page.get_by_text("Signed in as ada").first.wait_for()
    assert "Model lab" in _menu(page)
    page.get_by_role("heading", name="Model lab").first.wait_for()
    page.get_by_text("Start the demonstration job").first.wait_for()
