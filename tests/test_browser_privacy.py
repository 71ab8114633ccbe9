"""Privacy in a real browser (issue 14): a live Streamlit server of the app driven by headless Chromium.

- A markdown image (or an HTML image) in a pasted note or a chat message makes no request: every viewer's browser
  would otherwise fetch the URL, a tracking and exfiltration channel. A small HTTP server on this machine stands
  in for the tracker; both its hits and the browser's own request log must stay empty.
- In shared mode, another user who opens a user's workspace URL sees nothing of that user's note, while the owner
  opening the same URL gets the note back (so the URL does name the workspace)."""

from __future__ import annotations

import http.server
import threading

import pytest

from tests.live_server import CHROMIUM, NO_CHROMIUM, ServerError, chromium_browser, streamlit_server

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason=NO_CHROMIUM)

PASSWORD = "a long password"
MARKER = "Quillon Varnaby-Threlkeld"  # an invented name: the note's patient, looked for on the other user's screen


class Tracker:
    """An HTTP server on 127.0.0.1 that answers every GET with a 1x1 GIF and remembers the paths it was asked."""

    GIF = bytes.fromhex("47494638396101000100800000000000ffffff21f90401000000002c000000000100010000020144003b")

    def __init__(self):
        hits = self.hits = []

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - the standard library's name
                hits.append(self.path)
                self.send_response(200)
                self.send_header("Content-Type", "image/gif")
                self.send_header("Content-Length", str(len(Tracker.GIF)))
                self.end_headers()
                self.wfile.write(Tracker.GIF)

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, what: str) -> str:
        return f"http://127.0.0.1:{self.port}/track?name={what}"

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="module")
def tracker():
    t = Tracker()
    yield t
    t.close()


@pytest.fixture(scope="module")
def browser():
    with chromium_browser() as b:
        yield b


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    try:
        with streamlit_server(tmp_path_factory.mktemp("privacy-data")) as url:
            yield url
    except ServerError as exc:
        pytest.fail(str(exc))


def _page(browser, requests: list[str] | None = None):
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = ctx.new_page()
    pg.set_default_timeout(120_000)
    if requests is not None:
        pg.on("request", lambda r: requests.append(r.url))
    return ctx, pg


def _open(page, title: str) -> None:
    page.get_by_test_id("stSidebarNav").get_by_text(title, exact=True).click()


def _hostile(tracker, who: str) -> str:
    return (f"![x]({tracker.url(who + '-md')}) [click]({tracker.url(who + '-link')}) "
            f'<img src="{tracker.url(who + "-html")}"> **loud**')


def _assert_no_fetch(page, tracker, requests: list[str]) -> None:
    page.wait_for_timeout(3000)  # an image the page drew would have been requested by now
    to_tracker = [u for u in requests if f":{tracker.port}/" in u]
    assert to_tracker == [] and tracker.hits == [], (to_tracker, tracker.hits)


def test_a_markdown_image_in_a_pasted_note_is_never_fetched(server, browser, tracker):
    requests: list[str] = []
    ctx, page = _page(browser, requests)
    try:
        page.goto(server)
        _open(page, "Record summarizer")
        note = (f"HPI: 67-year-old woman with chest pain for two days {_hostile(tracker, 'note')}.\n"
                f"Medications: aspirin 81 mg daily {_hostile(tracker, 'meds')}.\n"
                "Assessment: chest pain, likely musculoskeletal.\n")
        page.get_by_role("textbox", name="Clinical note").fill(note)
        page.get_by_role("button", name="Summarize pasted note").click()
        page.get_by_text("Structured summary").first.wait_for()
        # open every step, so the note's own text (the de-identification views draw it as HTML) is on screen
        for expander in page.get_by_test_id("stExpander").all():
            expander.locator("summary").first.click()
        page.get_by_text("track?name=note-md").first.wait_for()  # the note's words are there, as text
        assert page.get_by_text("Traceback").count() == 0
        _assert_no_fetch(page, tracker, requests)
    finally:
        ctx.close()


def test_a_markdown_image_in_a_chat_message_is_never_fetched(server, browser, tracker):
    requests: list[str] = []
    ctx, page = _page(browser, requests)
    try:
        page.goto(server)
        _open(page, "Symptom chat")
        box = page.get_by_placeholder("Describe your symptoms, or answer the question")
        box.fill(f"I have had a sore throat and a runny nose for two days {_hostile(tracker, 'chat')}")
        box.press("Enter")
        page.locator("[data-testid='stChatMessage']").filter(has_text="track?name=chat-md").first.wait_for()
        page.get_by_text("I noted").first.wait_for()  # the engine answered: the page is drawn
        assert page.get_by_text("Traceback").count() == 0
        _assert_no_fetch(page, tracker, requests)
    finally:
        ctx.close()


def _sign_in(page, name: str) -> None:
    page.get_by_role("textbox", name="User name").fill(name)
    page.get_by_role("textbox", name="Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_text(f"Signed in as {name}").first.wait_for()


def _note_box(page):
    box = page.get_by_role("textbox", name="Clinical note")
    box.wait_for()
    return box


def test_another_users_workspace_url_shows_nothing_of_the_note(browser, tmp_path):
    from medcore import auth
    from medcore.store import Store

    data = tmp_path / "data"
    data.mkdir()
    store = Store(f"sqlite:///{data / 'app.db'}")
    auth.add_user(store, "alice", PASSWORD, "clinician")
    auth.add_user(store, "bob", PASSWORD, "clinician")
    note = (f"Patient: {MARKER}\nHPI: 54-year-old man with a productive cough for five days.\n"
            "Plan: chest X-ray, review in one week.\n")
    try:
        with streamlit_server(data, env={"MEDCORE_AUTH": "accounts"}) as url:
            ctx, page = _page(browser)
            page.goto(url)
            _sign_in(page, "alice")
            _open(page, "Record summarizer")
            _note_box(page).fill(note)
            page.get_by_role("button", name="Summarize pasted note").click()
            page.get_by_text("Structured summary").first.wait_for()
            workspace_url = page.url
            assert "ws=" in workspace_url
            ctx.close()

            # the owner, in a new browser session at that URL, gets the note back
            ctx, page = _page(browser)
            page.goto(workspace_url)
            _sign_in(page, "alice")
            page.get_by_text("Structured summary").first.wait_for()
            assert MARKER in _note_box(page).input_value()
            ctx.close()

            # another user at the same URL sees an empty summarizer, and the name nowhere
            ctx, page = _page(browser)
            page.goto(workspace_url)
            _sign_in(page, "bob")
            assert "ws=" in page.url and page.url.split("ws=")[1][:22] == workspace_url.split("ws=")[1][:22]
            page.get_by_text("Paste a note, upload a file or pick a sample note to begin").first.wait_for()
            assert _note_box(page).input_value() == ""
            page.wait_for_timeout(2000)  # nothing arrives late either
            assert page.get_by_text("Structured summary").count() == 0
            assert MARKER.split()[1] not in page.content()
            assert page.get_by_text("Traceback").count() == 0
            ctx.close()
    except ServerError as exc:
        pytest.fail(str(exc))
